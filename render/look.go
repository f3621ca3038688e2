package render

// The look of a map: sizes in points, colours for a white slide.

const (
	font        = "Helvetica" // Graphviz measures it; SVG viewers get fontFamily
	textColor   = "#1a202c"
	edgeText    = "#2d3748"
	nodeSize    = 14.0 // font size of concept names
	edgeSize    = 10.0 // font size of relation labels
	groupSize   = 16.0 // font size of category names
	titleSize   = 22.0
	captionSize = 14.0
	legendSize  = 11.0

	// padX and padY are the space between a concept's name and its box
	// border, left and right, and above and below.
	padX = 10.0
	padY = 5.0
)

// fontFamily replaces what Graphviz writes as font-family in SVG
// ("Helvetica,sans-Serif"). It names fonts with Helvetica's widths first,
// then fonts that draw Chinese, and ends with a generic family, so any
// viewer can show every label.
const fontFamily = "Helvetica,Arial,'Liberation Sans','PingFang SC','Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Micro Hei',sans-serif"

// hue is the colour pair of one category: a light fill for its concepts
// and a stronger shade for borders.
type hue struct{ fill, line string }

// palette colours categories by rank, starting over after the last.
var palette = []hue{
	{"#dbeafe", "#2563eb"}, // blue
	{"#dcfce7", "#16a34a"}, // green
	{"#ede9fe", "#7c3aed"}, // violet
	{"#ffedd5", "#ea580c"}, // orange
	{"#fce7f3", "#db2777"}, // pink
	{"#ccfbf1", "#0d9488"}, // teal
	{"#fef9c3", "#ca8a04"}, // yellow
	{"#e5e7eb", "#4b5563"}, // grey
}
