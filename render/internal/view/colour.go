package view

// The light theme's colours, for a white slide.
const (
	TextColor = "#1a202c"
	EdgeText  = "#2d3748"
)

// A Hue is the colour pair of one category: a light fill for its concepts
// and a stronger shade for borders.
type Hue struct{ Fill, Line string }

// Palette colours categories by rank, starting over after the last.
var Palette = []Hue{
	{"#dbeafe", "#2563eb"}, // blue
	{"#dcfce7", "#16a34a"}, // green
	{"#ede9fe", "#7c3aed"}, // violet
	{"#ffedd5", "#ea580c"}, // orange
	{"#fce7f3", "#db2777"}, // pink
	{"#ccfbf1", "#0d9488"}, // teal
	{"#fef9c3", "#ca8a04"}, // yellow
	{"#e5e7eb", "#4b5563"}, // grey
}
