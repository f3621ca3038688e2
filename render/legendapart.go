package render

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"math"
	"regexp"
	"strconv"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/internal/engine"
	"github.com/conceptmap/conceptmap/render/readcheck"
)

// A fitted map draws its legend apart: laid out on its own, as compact as
// its entries (a grid of rows with no gaps between them), and placed on the
// map where nothing is drawn, or beside it when the map has no room.

// placement is where a legend goes: its top left corner on the map's page
// (points, y down, the page of the map's own SVG), and how far the page
// grows to the right and down to hold it.
type placement struct {
	x, y         float64
	growX, growY float64
}

// legendDOT returns the DOT of the view's legend alone, or nil when there is
// nothing to explain.
func legendDOT(g *graph.Graph, v graph.View, opt Options) []byte {
	if opt.NoLegend || opt.Overview {
		return nil
	}
	d := newDotWriter(g, opt)
	d.concepts(v.Concepts)
	used := d.edges(v.Edges)
	marks := d.marks(v.Concepts)
	n := len(used) + len(marks)
	if n == 0 {
		return nil
	}
	d.b.Reset()
	bg := d.theme.bg
	if opt.Transparent {
		bg = "transparent"
	}
	d.b.WriteString("digraph legend {\n")
	d.attrs("\t", "graph", "rankdir", "LR", "bgcolor", quote(bg), "pad", quote("0"),
		"nodesep", quote("0.04"), "ranksep", quote("0.1"),
		"fontname", quote(font), "fontcolor", quote(d.theme.text))
	d.attrs("\t", "node", "shape", "plaintext", "style", quote(""), "fontname", quote(font),
		"fontsize", num(legendSize), "fontcolor", quote(d.theme.text),
		"margin", quote("0.05,0"), "width", quote("0"), "height", quote("0.22"), "label", quote(" "))
	d.attrs("\t", "edge", "penwidth", quote("1.3"), "arrowsize", quote("0.8"))
	d.legendBox("6")
	// Entries in columns of rows, about as wide as high.
	cols := max(1, int(math.Round(math.Sqrt(float64(n)/4))))
	rows := (n + cols - 1) / cols
	type entry struct {
		p, q   string
		labels []string
	}
	var es []entry
	for i, rt := range used {
		k := strconv.Itoa(i)
		lk := d.look(rt)
		p, q := "legend_p"+k, "legend_q"+k
		d.attrs("\t\t", p, "width", quote("0.45"))
		kv := []string{"class", quote("legend"), "color", quote(lk.color), "style", quote(lk.style),
			"arrowhead", quote(lk.arrow), "tailclip", "false"}
		if lk.pen > 0 {
			kv = append(kv, "penwidth", quote(pen(lk.pen)))
		}
		d.attrs("\t\t", p+" -> "+q, kv...)
		es = append(es, entry{p, q, d.text(rt.Label)})
	}
	for i, m := range marks {
		k := strconv.Itoa(i)
		p, q := "legend_m"+k, "legend_n"+k
		d.attrs("\t\t", p, "shape", "box", "style", quote(m.style), "fillcolor", quote(m.fill),
			"color", quote(m.line), "penwidth", quote(m.pen), "label", quote(cmp.Or(m.sample, " ")),
			"width", quote("0.45"), "height", quote("0.22"), "fontsize", num(legendSize))
		d.attrs("\t\t", p+" -> "+q, "style", "invis")
		es = append(es, entry{p, q, d.text(m.label)})
	}
	for c := 0; c*rows < len(es); c++ {
		col := es[c*rows : min(len(es), (c+1)*rows)]
		widest := 0.0
		for _, e := range col {
			widest = max(widest, d.width(e.labels, legendSize))
		}
		row := "\t\t{ rank=same;"
		for i, e := range col {
			// Labels of one width in a column, aligned left.
			d.attrs("\t\t", e.q, "class", quote("legend"), "label", table(e.labels, widest))
			row += " " + e.p + ";"
			if i > 0 {
				// Graphviz stacks a rank from the bottom up: reversed
				// invisible edges keep the entries in order.
				d.attrs("\t\t", e.p+" -> "+col[i-1].p, "style", "invis")
			}
		}
		d.b.WriteString(row + " }\n")
		if c > 0 {
			d.attrs("\t\t", es[(c-1)*rows].q+" -> "+col[0].p, "style", "invis")
		}
	}
	d.b.WriteString("\t}\n}\n")
	return d.b.Bytes()
}

// place finds room for a legend of w by h points on a map: a corner of the
// drawing where nothing is drawn, or else beside it, right or below,
// whichever keeps the whole nearer the aspect it aims at.
func place(pg *readcheck.Page, pageW, pageH, w, h, aim float64) placement {
	const gap = 8
	d := pg.Drawing()
	corners := []placement{
		{x: d.X1 - gap - w, y: d.Y0 + gap},     // top right
		{x: d.X1 - gap - w, y: d.Y1 - gap - h}, // bottom right
		{x: d.X0 + gap, y: d.Y1 - gap - h},     // bottom left
		{x: d.X0 + gap, y: d.Y0 + gap},         // top left
	}
	for _, c := range corners {
		if c.x >= d.X0 && c.y >= d.Y0 && pg.Free(readcheck.Rect{X0: c.x - gap, Y0: c.y - gap, X1: c.x + w + gap, Y1: c.y + h + gap}) {
			return c
		}
	}
	right := placement{x: d.X1 + gap, y: d.Y0 + gap, growX: max(0, d.X1+gap+w+gap-pageW)}
	below := placement{x: d.X1 - w - gap, y: d.Y1 + gap, growY: max(0, d.Y1+gap+h+gap-pageH)}
	if below.x < d.X0 {
		below.x = d.X0 + gap
		below.growX = max(0, below.x+w+gap-pageW)
	}
	off := func(p placement) float64 {
		a := (pageW + p.growX) / (pageH + p.growY)
		return math.Abs(math.Log(a / aim))
	}
	if off(below) <= off(right) {
		return below
	}
	return right
}

var svgSizeRE = regexp.MustCompile(`<svg width="([0-9.]+)pt" height="([0-9.]+)pt"\s+viewBox="([-0-9.]+) ([-0-9.]+) ([0-9.]+) ([0-9.]+)"`)

// svgBox reads the size of a Graphviz SVG, in points.
func svgBox(svg []byte) (w, h float64, m []int, err error) {
	m = svgSizeRE.FindSubmatchIndex(svg)
	if m == nil {
		return 0, 0, nil, errors.New("render: cannot find the size of Graphviz's SVG")
	}
	w, _ = strconv.ParseFloat(string(svg[m[2]:m[3]]), 64)
	h, _ = strconv.ParseFloat(string(svg[m[4]:m[5]]), 64)
	return w, h, m, nil
}

var svgIDs = regexp.MustCompile(`\bid="`)

// mergeSVG draws a legend's SVG onto a map's SVG at p, growing the map's
// page as p says, on a background of colour bg.
func mergeSVG(svg, legend []byte, p placement, bg string) ([]byte, error) {
	w, h, m, err := svgBox(svg)
	if err != nil {
		return nil, err
	}
	_, _, lm, err := svgBox(legend)
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
	nw, nh := w+p.growX, h+p.growY
	var b bytes.Buffer
	b.Write(svg[:m[0]])
	b.WriteString(`<svg width="` + f(nw) + `pt" height="` + f(nh) + `pt"` + "\n" + ` viewBox="0.00 0.00 ` + f(nw) + " " + f(nh) + `"`)
	close := bytes.IndexByte(svg[m[1]:], '>')
	if close < 0 {
		return nil, errors.New("render: Graphviz's SVG has no root element")
	}
	close += m[1] + 1
	b.Write(svg[m[1]:close])
	if (p.growX > 0 || p.growY > 0) && bg != "transparent" && bg != "none" {
		b.WriteString("\n" + `<rect x="0" y="0" width="` + f(nw) + `" height="` + f(nh) + `" fill="` + bg + `"/>`)
	}
	tail := bytes.LastIndex(svg, []byte("</svg>"))
	b.Write(svg[close:tail])
	b.WriteString(`<g class="legend" transform="translate(` + f(p.x) + " " + f(p.y) + `)">` + "\n")
	b.Write(body)
	b.WriteString("</g>\n")
	b.Write(svg[tail:])
	return b.Bytes(), nil
}

// mergeLayout draws a legend's layout onto a map's at p, as mergeSVG does
// with their SVGs.
func mergeLayout(l, leg *engine.Layout, p placement) {
	// Points of the legend in Graphviz's coordinates (y up) go to the
	// map's: the legend's page corner at p on the map's page.
	dx := p.x + leg.PadX - leg.BB[0] - l.PadX + l.BB[0]
	dy := l.BB[3] + l.PadY - p.y - leg.BB[3] - leg.PadY
	for _, it := range leg.Items {
		ops := make([]engine.Op, len(it.Ops))
		for i, op := range it.Ops {
			op.Points = append([][2]float64(nil), op.Points...)
			for j := range op.Points {
				op.Points[j][0] += dx
				op.Points[j][1] += dy
			}
			switch op.Op {
			case 'E', 'e', 'I':
				op.Rect[0] += dx
				op.Rect[1] += dy
			case 'T':
				op.Pt[0] += dx
				op.Pt[1] += dy
			}
			ops[i] = op
		}
		l.Items = append(l.Items, engine.Item{Kind: it.Kind, Name: "legend " + it.Name, Ops: ops})
	}
	l.BB[2] += p.growX
	l.BB[1] -= p.growY
}

// legendSVG lays out the legend of a fitted map and returns its SVG, or
// nil when it has none.
func (r Renderer) legendSVG(ctx context.Context, g *graph.Graph, v graph.View, opt Options) ([]byte, error) {
	dot := legendDOT(g, v, opt)
	if dot == nil {
		return nil, nil
	}
	return r.svg(ctx, dot)
}
