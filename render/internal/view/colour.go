package view

import (
	"fmt"
	"strconv"
	"strings"
)

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

// RGB parses #rgb or #rrggbb (an alpha part is ignored).
func RGB(c string) (r, g, b float64, ok bool) {
	c = strings.TrimPrefix(c, "#")
	if len(c) == 3 {
		c = string([]byte{c[0], c[0], c[1], c[1], c[2], c[2]})
	}
	if len(c) != 6 && len(c) != 8 {
		return 0, 0, 0, false
	}
	v, err := strconv.ParseUint(c[:6], 16, 32)
	if err != nil {
		return 0, 0, 0, false
	}
	return float64(v >> 16 & 0xff), float64(v >> 8 & 0xff), float64(v & 0xff), true
}

func hex(r, g, b float64) string {
	c := func(x float64) int { return int(min(255, max(0, x+0.5))) }
	return fmt.Sprintf("#%02x%02x%02x", c(r), c(g), c(b))
}

// Mix blends colour a towards b by t (0 gives a, 1 gives b).
func Mix(a, b string, t float64) string {
	r1, g1, b1, ok1 := RGB(a)
	r2, g2, b2, ok2 := RGB(b)
	if !ok1 || !ok2 {
		return a
	}
	return hex(r1+(r2-r1)*t, g1+(g2-g1)*t, b1+(b2-b1)*t)
}

// Grey turns a colour into a dark grey of its luminance, dark enough to
// print.
func Grey(c string) string {
	r, g, b, ok := RGB(c)
	if !ok {
		return "#000000"
	}
	l := (0.2126*r + 0.7152*g + 0.0722*b) * 0.6
	return hex(l, l, l)
}
