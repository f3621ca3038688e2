package frame

import (
	"bytes"
	"math"
	"strconv"

	"github.com/conceptmap/conceptmap/render/internal/engine"
	"github.com/conceptmap/conceptmap/render/internal/fonts"
	"github.com/conceptmap/conceptmap/render/readcheck"
)

// zoomMargin is the room left around what a zoomed picture draws, in
// points.
const zoomMargin = 12.0

// ZoomSVG frames a Graphviz SVG (its page in points, as Graphviz writes
// it) on what it draws.
func ZoomSVG(svg []byte) ([]byte, error) {
	pg, err := readcheck.Read(svg, fonts.TextWidth)
	if err != nil {
		return nil, err
	}
	c := pg.Content()
	if !(c.X1 > c.X0 && c.Y1 > c.Y0) {
		return svg, nil
	}
	_, _, m, err := SVGBox(svg)
	if err != nil {
		return nil, err
	}
	// Not clamped to the page: a legend's text may reach past it.
	x0, y0 := c.X0-zoomMargin, c.Y0-zoomMargin
	x1, y1 := c.X1+zoomMargin, c.Y1+zoomMargin
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }
	var b bytes.Buffer
	b.Write(svg[:m[0]])
	b.WriteString(`<svg width="` + f(x1-x0) + `pt" height="` + f(y1-y0) + `pt"` + "\n" +
		` viewBox="` + f(x0) + " " + f(y0) + " " + f(x1-x0) + " " + f(y1-y0) + `"`)
	b.Write(svg[m[1]:])
	return b.Bytes(), nil
}

// ZoomLayout frames a layout on what it draws.
func ZoomLayout(l *engine.Layout) {
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	add := func(x, y float64) {
		x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
	}
	for _, it := range l.Items {
		size := 14.0
		for _, op := range it.Ops {
			switch op.Op {
			case 'P', 'p', 'L', 'B', 'b':
				for _, p := range op.Points {
					add(p[0], p[1])
				}
			case 'E', 'e':
				add(op.Rect[0]-op.Rect[2], op.Rect[1]-op.Rect[3])
				add(op.Rect[0]+op.Rect[2], op.Rect[1]+op.Rect[3])
			case 'F':
				size = op.Size
			case 'T':
				left := op.Pt[0] - float64(op.Align+1)*op.Width/2
				add(left, op.Pt[1]-0.25*size)
				add(left+op.Width, op.Pt[1]+0.8*size)
			}
		}
	}
	if !(x1 > x0 && y1 > y0) {
		return
	}
	bb := l.BB
	l.BB = [4]float64{max(bb[0], x0-zoomMargin), max(bb[1], y0-zoomMargin), min(bb[2], x1+zoomMargin), min(bb[3], y1+zoomMargin)}
	l.PadX, l.PadY = 0, 0
}
