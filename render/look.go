package render

import "github.com/conceptmap/conceptmap/render/internal/view"

// The look of a map: sizes in points, colours for a white slide.

const (
	font        = "Helvetica" // Graphviz measures it; SVG viewers get fontFamily
	textColor   = view.TextColor
	edgeText    = view.EdgeText
	nodeSize    = 14.0 // font size of concept names
	edgeSize    = 10.0 // font size of relation labels
	groupSize   = 16.0 // font size of category names
	titleSize   = 22.0
	captionSize = 14.0
	legendSize  = 11.0
	// An overview has few nodes, drawn larger: it is read from afar.
	overviewSize     = 20.0
	overviewEdgeSize = 14.0

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

// hue is the colour pair of one category; palette colours categories by
// rank in the light theme (both view's, as Mermaid writes them too).
type hue = view.Hue

var palette = view.Palette
