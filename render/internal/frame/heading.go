package frame

import (
	"bytes"
	"html"
	"strconv"
	"strings"
	"unicode"

	"github.com/conceptmap/conceptmap/render/internal/engine"
)

// A page's heading is drawn on the page, not on the map: a band across the
// top of the page holds the title and the caption at a fixed print size,
// and the map is scaled to fit under it. However much a frame's map is
// zoomed or shrunk, its heading prints alike.

// The print sizes of a page's heading and its margins, in points.
const (
	HeadTitleSize   = 18.0
	HeadCaptionSize = 14.0
	HeadMargin      = 16.0 // around the band, and between band and map
	headLeading     = 1.25 // line height per point of type
)

// A HeadLine is one line of a page's heading, its size in points.
type HeadLine struct {
	Text string
	Size float64
}

// Heading is a page's heading: its lines, and the height of its band.
type Heading struct {
	Lines []HeadLine
	Band  float64
}

// NewHeading lays out a page's heading: the title, then the caption,
// wrapped to a page pw points wide as measure measures text. Each frame of
// a set has the band its own caption needs: the map under it is zoomed to
// the room left.
func NewHeading(title, caption string, pw float64, measure func(string, float64) float64) Heading {
	avail := pw - 2*HeadMargin
	var h Heading
	for _, l := range Wrap(title, avail, HeadTitleSize, measure) {
		h.Lines = append(h.Lines, HeadLine{l, HeadTitleSize})
	}
	for _, l := range Wrap(caption, avail, HeadCaptionSize, measure) {
		h.Lines = append(h.Lines, HeadLine{l, HeadCaptionSize})
	}
	if len(h.Lines) == 0 {
		return h
	}
	h.Band = 2 * HeadMargin
	for _, l := range h.Lines {
		h.Band += l.Size * headLeading
	}
	return h
}

// Wrap breaks text into lines no wider than width at size: first between
// the links of a chain ("A —rel→ B"), then at spaces, and only a word (or
// a run of Chinese) wider than the whole line between its characters.
func Wrap(text string, width, size float64, measure func(string, float64) float64) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		l = strings.TrimRight(l, " ")
		if l == "" {
			continue
		}
		for measure(l, size) > width {
			r := []rune(l)
			cut := breakAt(r, width, size, measure)
			out = append(out, strings.TrimRight(string(r[:cut]), " "))
			l = strings.TrimLeft(string(r[cut:]), " ")
		}
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// breakAt is where a line too wide is broken: the last place that fits of
// the best kind there is.
func breakAt(r []rune, width, size float64, measure func(string, float64) float64) int {
	fits := func(i int) bool { return measure(strings.TrimRight(string(r[:i]), " "), size) <= width }
	link, space, char := 0, 0, 0
	for i := 1; i < len(r); i++ {
		if !fits(i) {
			break
		}
		char = i
		switch {
		case r[i] == '—' && r[i-1] == ' ':
			link = i
		case r[i] == ' ':
			space = i
		case unicode.Is(unicode.Han, r[i]) || unicode.Is(unicode.Han, r[i-1]):
			space = i // Chinese breaks between characters
		}
	}
	switch {
	case link > 0:
		return link
	case space > 0:
		return space
	case char > 0:
		return char
	}
	return 1
}

// onPage places content c of a map (x0, y0, x1, y1, in its units) on a page
// pw by ph points under a band high: the map scaled by k to fit below the
// band and centred there. It returns the page's box in the map's units,
// y growing down from the box's top, and k.
func onPage(c [4]float64, pw, ph, band float64) (box [4]float64, k float64) {
	cw, ch := c[2]-c[0], c[3]-c[1]
	mh := ph - band
	if band > 0 {
		mh -= HeadMargin
	}
	// A margin each side, for text that a viewer's font draws wider
	// than Graphviz measured it.
	k = min((pw-2*HeadMargin)/cw, mh/ch)
	w, h := pw/k, ph/k
	x0 := c[0] - (w-cw)/2
	y0 := c[1] - (ph-mh)/k - (mh/k-ch)/2
	return [4]float64{x0, y0, x0 + w, y0 + h}, k
}

// HeadSVG draws an SVG of Graphviz's on a page pw by ph points under its
// heading: the drawing scaled to fit below the band, centred there, on a
// background of colour bg, the heading in colour fg and font family.
func HeadSVG(svg []byte, h Heading, pw, ph float64, bg, fg, family string) ([]byte, error) {
	_, _, m, err := SVGBox(svg)
	if err != nil {
		return nil, err
	}
	b, k := onPage(viewBox(svg, m), pw, ph, h.Band)
	if len(h.Lines) == 0 {
		return pageSVG(svg, m, b, pw, ph, bg, nil)
	}
	p := func(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }
	return pageSVG(svg, m, b, pw, ph, bg, func(o *bytes.Buffer) {
		o.WriteString(`<g id="heading" class="graph">` + "\n<title>heading</title>\n")
		y := HeadMargin
		for _, l := range h.Lines {
			y += l.Size * headLeading
			o.WriteString(`<text text-anchor="start" x="` + p(b[0]+HeadMargin/k) + `" y="` + p(b[1]+(y-l.Size*(headLeading-1)-0.2*l.Size)/k) +
				`" font-family="` + html.EscapeString(family) + `" font-size="` + strconv.FormatFloat(l.Size/k, 'f', 4, 64) + `" fill="` + fg + `">` +
				html.EscapeString(l.Text) + "</text>\n")
		}
		o.WriteString("</g>\n")
	})
}

// HeadLayout puts a layout on a page pw by ph points under its heading,
// as HeadSVG does an SVG: its box becomes the page's, in its units, and
// the heading is drawn as an item of its own in colour fg and font.
func HeadLayout(l *engine.Layout, h Heading, pw, ph float64, fg, font string) {
	// The layout's y grows upwards: its content, flipped, as onPage
	// reads boxes.
	c := [4]float64{l.BB[0] - l.PadX, -(l.BB[3] + l.PadY), l.BB[2] + l.PadX, -(l.BB[1] - l.PadY)}
	b, k := onPage(c, pw, ph, h.Band)
	l.BB = [4]float64{b[0], -b[3], b[2], -b[1]}
	l.PadX, l.PadY = 0, 0
	if len(h.Lines) == 0 {
		return
	}
	it := engine.Item{Kind: "graph", Name: "heading"}
	it.Ops = append(it.Ops, engine.Op{Op: 'c', Str: fg})
	y := HeadMargin
	for _, ln := range h.Lines {
		y += ln.Size * headLeading
		base := y - ln.Size*(headLeading-1) - 0.2*ln.Size
		it.Ops = append(it.Ops, engine.Op{Op: 'F', Size: ln.Size / k, Str: font},
			engine.Op{Op: 'T', Pt: [2]float64{b[0] + HeadMargin/k, -(b[1] + base/k)}, Align: -1, Str: ln.Text})
	}
	l.Items = append(l.Items, it)
}
