package render

import (
	"bytes"
	"cmp"
	"context"
	"math"
	"strconv"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/internal/frame"
)

// A fitted map draws its legend apart: laid out on its own, as compact as
// its entries (a grid of rows with no gaps between them), and placed on the
// map where nothing is drawn, or beside it when the map has no room.

// Where a legend laid out apart goes, how it is drawn onto its map, and
// how a picture is framed on what it draws or on its page are
// internal/frame's.
type placement = frame.Placement

var (
	place, svgBox         = frame.Place, frame.SVGBox
	mergeSVG, mergeLayout = frame.MergeSVG, frame.MergeLayout
	zoomSVG, zoomLayout   = frame.ZoomSVG, frame.ZoomLayout
	fitSVG                = frame.FitSVG
)

// legendDOT returns the DOT of the view's legend alone, or nil when there is
// nothing to explain.
func legendDOT(g *graph.Graph, v graph.View, opt Options) []byte {
	if opt.NoLegend || opt.Overview {
		return nil
	}
	d := newDotWriter(g, opt)
	d.dry = true
	d.concepts(v.Concepts)
	used := d.edges(v.Edges)
	marks := d.marks(v.Concepts)
	d.dry = false
	n := len(used) + len(marks)
	if n == 0 {
		return nil
	}
	d.b.Reset()
	d.apartHeader("legend")
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

// apartHeader opens the DOT of a graph laid out apart from the map: the
// legend or the key.
func (d *dotWriter) apartHeader(name string) {
	bg := d.theme.bg
	if d.opt.Transparent {
		bg = "transparent"
	}
	d.b.WriteString("digraph " + name + " {\n")
	d.attrs("\t", "graph", "rankdir", "LR", "bgcolor", quote(bg), "pad", quote("0"),
		"nodesep", quote("0.04"), "ranksep", quote("0.1"),
		"fontname", quote(font), "fontcolor", quote(d.theme.text))
}

// legendSVG lays out the legend of a fitted map, with its key beside it,
// and returns it with its SVG, nil when it has neither. The DOT it returns
// is both's; laid, if it holds the same, is returned without a layout.
func (r Renderer) legendSVG(ctx context.Context, g *graph.Graph, v graph.View, opt Options, laid *laidOut) (*laidOut, error) {
	dots := [2][]byte{legendDOT(g, v, opt), keyDOT(g, v, opt)}
	both := bytes.Join(dots[:], nil)
	if laid != nil && bytes.Equal(laid.dot, both) {
		return laid, nil
	}
	var svgs [][]byte
	for _, dot := range dots {
		if dot == nil {
			continue
		}
		svg, err := r.svg(ctx, dot)
		if err != nil {
			return nil, err
		}
		svgs = append(svgs, svg)
	}
	out := &laidOut{dot: both}
	switch len(svgs) {
	case 0:
		return out, nil
	case 1:
		out.svg = svgs[0]
		return out, nil
	}
	lw, lh, _, err := svgBox(svgs[0])
	if err != nil {
		return nil, err
	}
	kw, kh, _, err := svgBox(svgs[1])
	if err != nil {
		return nil, err
	}
	out.svg, err = mergeSVG(svgs[0], svgs[1], beside(lw, lh, kw, kh), background(opt))
	return out, err
}
