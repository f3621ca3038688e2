package frame

import (
	"bytes"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/conceptmap/conceptmap/render/internal/engine"
	"github.com/conceptmap/conceptmap/render/internal/fonts"
	"github.com/conceptmap/conceptmap/render/readcheck"
)

// zoomMargin is the room left around what a zoomed picture draws, in
// points.
const zoomMargin = 12.0

// legendGap is the room between a frame's map and a legend moved beside
// it, in points.
const legendGap = 8.0

// legendTo is where a zoomed frame draws its legend: where it is when it
// lies within the map drawn so far, else beside it, at the right, top
// aligned, so that a legend placed for the whole map does not keep an
// early frame small. It returns how far to move it.
func legendTo(m, l [4]float64) (dx, dy float64) {
	if l[0] >= m[0] && l[2] <= m[2] && l[1] >= m[1] && l[3] <= m[3] {
		return 0, 0
	}
	return m[2] + legendGap - l[0], m[1] - l[1]
}

var legendG = regexp.MustCompile(`<g class="legend" transform="translate\(([-0-9.]+) ([-0-9.]+)\)">`)

// ZoomSVG frames a Graphviz SVG (its page in points, as Graphviz writes
// it) on what it draws, its legend moved beside the map drawn (see
// legendTo).
func ZoomSVG(svg []byte) ([]byte, error) {
	pg, err := readcheck.Read(svg, fonts.TextWidth)
	if err != nil {
		return nil, err
	}
	c := pg.Content()
	if !(c.X1 > c.X0 && c.Y1 > c.Y0) {
		return svg, nil
	}
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }
	if mp, lg := pg.Parts(); mp.X1 > mp.X0 && lg.X1 > lg.X0 {
		if loc := legendG.FindSubmatchIndex(svg); loc != nil {
			dx, dy := legendTo([4]float64{mp.X0, mp.Y0, mp.X1, mp.Y1}, [4]float64{lg.X0, lg.Y0, lg.X1, lg.Y1})
			if dx != 0 || dy != 0 {
				x, _ := strconv.ParseFloat(string(svg[loc[2]:loc[3]]), 64)
				y, _ := strconv.ParseFloat(string(svg[loc[4]:loc[5]]), 64)
				moved := append([]byte(nil), svg[:loc[0]]...)
				moved = append(moved, `<g class="legend" transform="translate(`+f(x+dx)+" "+f(y+dy)+`)">`...)
				svg = append(moved, svg[loc[1]:]...)
				c = mp
				c.X1 = max(c.X1, lg.X1+dx)
				c.Y1 = max(c.Y1, lg.Y1+dy)
			}
		}
	}
	_, _, m, err := SVGBox(svg)
	if err != nil {
		return nil, err
	}
	// Not clamped to the page: a legend's text may reach past it.
	x0, y0 := c.X0-zoomMargin, c.Y0-zoomMargin
	x1, y1 := c.X1+zoomMargin, c.Y1+zoomMargin
	var b bytes.Buffer
	b.Write(svg[:m[0]])
	b.WriteString(`<svg width="` + f(x1-x0) + `pt" height="` + f(y1-y0) + `pt"` + "\n" +
		` viewBox="` + f(x0) + " " + f(y0) + " " + f(x1-x0) + " " + f(y1-y0) + `"`)
	b.Write(svg[m[1]:])
	return b.Bytes(), nil
}

// ZoomLayout frames a layout on what it draws.
func ZoomLayout(l *engine.Layout) {
	box := func(legend bool) [4]float64 {
		x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		add := func(x, y float64) {
			x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
		}
		for _, it := range l.Items {
			if strings.HasPrefix(it.Name, "legend ") != legend {
				continue
			}
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
		return [4]float64{x0, y0, x1, y1}
	}
	m, lg := box(false), box(true)
	if !(m[2] > m[0] && m[3] > m[1]) {
		return
	}
	x0, y0, x1, y1 := m[0], m[1], m[2], m[3]
	if lg[2] > lg[0] {
		// y grows upwards: the tops are y1's; legendTo reads y down.
		dx, dy := legendTo([4]float64{m[0], -m[3], m[2], -m[1]}, [4]float64{lg[0], -lg[3], lg[2], -lg[1]})
		dy = -dy
		for i, it := range l.Items {
			if !strings.HasPrefix(it.Name, "legend ") || dx == 0 && dy == 0 {
				continue
			}
			for j, op := range it.Ops {
				for k := range op.Points {
					op.Points[k][0] += dx
					op.Points[k][1] += dy
				}
				switch op.Op {
				case 'E', 'e', 'I':
					op.Rect[0] += dx
					op.Rect[1] += dy
				case 'T':
					op.Pt[0] += dx
					op.Pt[1] += dy
				}
				l.Items[i].Ops[j] = op
			}
		}
		x0, y0, x1, y1 = min(x0, lg[0]+dx), min(y0, lg[1]+dy), max(x1, lg[2]+dx), max(y1, lg[3]+dy)
	}
	l.BB = [4]float64{x0 - zoomMargin, y0 - zoomMargin, x1 + zoomMargin, y1 + zoomMargin}
	l.PadX, l.PadY = 0, 0
}
