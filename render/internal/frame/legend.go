package frame

import (
	"bytes"
	"errors"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/conceptmap/conceptmap/render/internal/engine"
	"github.com/conceptmap/conceptmap/render/readcheck"
)

// Placement is where a legend goes: its top left corner on the map's page
// (points, y down, the page of the map's own SVG), and how far the page
// grows to the right and down to hold it.
type Placement struct {
	X, Y         float64
	GrowX, GrowY float64
}

// Place finds room for a legend of w by h points on a map: a corner of the
// drawing where nothing is drawn, or else beside it, right or below,
// whichever keeps the whole nearer the aspect it aims at.
func Place(pg *readcheck.Page, pageW, pageH, w, h, aim float64) Placement {
	const gap = 8
	d := pg.Drawing()
	corners := []Placement{
		{X: d.X1 - gap - w, Y: d.Y0 + gap},     // top right
		{X: d.X1 - gap - w, Y: d.Y1 - gap - h}, // bottom right
		{X: d.X0 + gap, Y: d.Y1 - gap - h},     // bottom left
		{X: d.X0 + gap, Y: d.Y0 + gap},         // top left
	}
	for _, c := range corners {
		if c.X >= d.X0 && c.Y >= d.Y0 && pg.Free(readcheck.Rect{X0: c.X - gap, Y0: c.Y - gap, X1: c.X + w + gap, Y1: c.Y + h + gap}) {
			return c
		}
	}
	right := Placement{X: d.X1 + gap, Y: d.Y0 + gap, GrowX: max(0, d.X1+gap+w+gap-pageW)}
	below := Placement{X: d.X1 - w - gap, Y: d.Y1 + gap, GrowY: max(0, d.Y1+gap+h+gap-pageH)}
	if below.X < d.X0 {
		below.X = d.X0 + gap
		below.GrowX = max(0, below.X+w+gap-pageW)
	}
	off := func(p Placement) float64 {
		a := (pageW + p.GrowX) / (pageH + p.GrowY)
		return math.Abs(math.Log(a / aim))
	}
	if off(below) <= off(right) {
		return below
	}
	return right
}

var sizeRE = regexp.MustCompile(`<svg width="([0-9.]+)pt" height="([0-9.]+)pt"\s+viewBox="([-0-9.]+) ([-0-9.]+) ([0-9.]+) ([0-9.]+)"`)

// SVGBox reads the size of a Graphviz SVG, in points.
func SVGBox(svg []byte) (w, h float64, m []int, err error) {
	m = sizeRE.FindSubmatchIndex(svg)
	if m == nil {
		return 0, 0, nil, errors.New("render: cannot find the size of Graphviz's SVG")
	}
	w, _ = strconv.ParseFloat(string(svg[m[2]:m[3]]), 64)
	h, _ = strconv.ParseFloat(string(svg[m[4]:m[5]]), 64)
	return w, h, m, nil
}

var svgIDs = regexp.MustCompile(`\bid="`)

// MergeSVG draws a legend's SVG onto a map's SVG at p, growing the map's
// page as p says, on a background of colour bg.
func MergeSVG(svg, legend []byte, p Placement, bg string) ([]byte, error) {
	w, h, m, err := SVGBox(svg)
	if err != nil {
		return nil, err
	}
	_, _, lm, err := SVGBox(legend)
	if err != nil {
		return nil, err
	}
	start := bytes.Index(legend[lm[1]:], []byte("<g id=\"graph0\""))
	end := bytes.LastIndex(legend, []byte("</svg>"))
	if start < 0 || end < 0 {
		return nil, errors.New("render: Graphviz's SVG of the legend has no drawing")
	}
	body := legend[lm[1]+start : end]
	body = svgIDs.ReplaceAll(body, []byte(`id="legend_`))
	body = bytes.Replace(body, []byte(`class="graph"`), []byte(`class="legend"`), 1)
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }
	nw, nh := w+p.GrowX, h+p.GrowY
	var b bytes.Buffer
	b.Write(svg[:m[0]])
	b.WriteString(`<svg width="` + f(nw) + `pt" height="` + f(nh) + `pt"` + "\n" + ` viewBox="0.00 0.00 ` + f(nw) + " " + f(nh) + `"`)
	close := bytes.IndexByte(svg[m[1]:], '>')
	if close < 0 {
		return nil, errors.New("render: Graphviz's SVG has no root element")
	}
	close += m[1] + 1
	b.Write(svg[m[1]:close])
	if (p.GrowX > 0 || p.GrowY > 0) && bg != "transparent" && bg != "none" {
		b.WriteString("\n" + `<rect x="0" y="0" width="` + f(nw) + `" height="` + f(nh) + `" fill="` + bg + `"/>`)
	}
	tail := bytes.LastIndex(svg, []byte("</svg>"))
	b.Write(svg[close:tail])
	b.WriteString(`<g class="legend" transform="translate(` + f(p.X) + " " + f(p.Y) + `)">` + "\n")
	b.Write(body)
	b.WriteString("</g>\n")
	b.Write(svg[tail:])
	return b.Bytes(), nil
}

// MergeLayout draws a legend's layout onto a map's at p, as MergeSVG does
// with their SVGs. scale is how much smaller Graphviz draws the map's SVG
// than its layout (a map packed into its page with a size is drawn scaled
// down; its layout is not): p is a place on the SVG, and the legend, drawn
// at its own size there, is drawn 1/scale times larger on the layout.
func MergeLayout(l, leg *engine.Layout, p Placement, scale float64) {
	if !(scale > 0) {
		scale = 1
	}
	// Points of the legend in Graphviz's coordinates (y up) go to the
	// map's: the legend's page corner at p on the map's page.
	dx := (p.X+leg.PadX-leg.BB[0])/scale - l.PadX + l.BB[0]
	dy := l.BB[3] + l.PadY - (p.Y+leg.BB[3]+leg.PadY)/scale
	for _, it := range leg.Items {
		ops := make([]engine.Op, len(it.Ops))
		for i, op := range it.Ops {
			op.Points = append([][2]float64(nil), op.Points...)
			for j := range op.Points {
				op.Points[j][0] = op.Points[j][0]/scale + dx
				op.Points[j][1] = op.Points[j][1]/scale + dy
			}
			switch op.Op {
			case 'E', 'e', 'I':
				op.Rect = [4]float64{op.Rect[0]/scale + dx, op.Rect[1]/scale + dy, op.Rect[2] / scale, op.Rect[3] / scale}
			case 'T':
				op.Pt = [2]float64{op.Pt[0]/scale + dx, op.Pt[1]/scale + dy}
				op.Width /= scale
			case 'F':
				op.Size /= scale
			case 'S':
				if w, ok := strings.CutPrefix(op.Str, "setlinewidth("); ok && scale != 1 {
					if x, err := strconv.ParseFloat(strings.TrimSuffix(w, ")"), 64); err == nil {
						op.Str = "setlinewidth(" + strconv.FormatFloat(x/scale, 'f', -1, 64) + ")"
					}
				}
			}
			ops[i] = op
		}
		l.Items = append(l.Items, engine.Item{Kind: it.Kind, Name: "legend " + it.Name, Ops: ops})
	}
	l.BB[2] += p.GrowX / scale
	l.BB[1] -= p.GrowY / scale
}

// SVGScale is how much smaller Graphviz drew an SVG than its layout: the
// scale of its graph's transform, 1 if it has none.
func SVGScale(svg []byte) float64 {
	m := scaleRE.FindSubmatch(svg)
	if m == nil {
		return 1
	}
	s, err := strconv.ParseFloat(string(m[1]), 64)
	if err != nil || !(s > 0) {
		return 1
	}
	return s
}

var scaleRE = regexp.MustCompile(`<g id="graph0" class="graph" transform="scale\(([0-9.]+) `)
