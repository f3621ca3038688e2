package render

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
)

// PNG and PDF take the layout from Graphviz, as xdot (DOT with drawing
// operations), and draw it themselves: go-graphviz's own PNG leaves out
// every line, and it has no PDF.

// A layout is a map as Graphviz placed it: what to draw, in Graphviz's
// coordinates (points, y growing upwards), in drawing order.
type layout struct {
	// bb is the bounding box of the drawing, x0, y0, x1, y1; pad is the
	// margin around it, in points, left and right, then top and bottom.
	bb         [4]float64
	padX, padY float64
	// background is the graph's own drawing: its background colour.
	background []xop
	// items are the drawings of the title, clusters, nodes and edges,
	// each drawn with fresh state.
	items []item
}

// An item is one list of drawing operations of a graph, cluster, node or
// edge: its shape, its label, or an arrowhead.
type item struct {
	kind string // "graph" (the graph's title or a cluster), "node" or "edge"
	name string // of the subgraph or node in the DOT, or tail -> head
	ops  []xop
}

// layoutDOT lays DOT source out with the shared Graphviz instance.
func layoutDOT(ctx context.Context, dot []byte) (*layout, error) {
	return layoutDOTWith(ctx, dot, nil)
}

// layoutDOTWith lays DOT source out with gv (see RasterOptions.Graphviz),
// or with the shared Graphviz instance if gv is nil.
func layoutDOTWith(ctx context.Context, dot []byte, gv func(context.Context, []byte, string) ([]byte, error)) (*layout, error) {
	if gv == nil {
		localLayouts.Add(1)
		gv = Graphviz
	}
	out, err := gv(ctx, dot, "xdot")
	if err != nil {
		return nil, err
	}
	return parseLayout(out)
}

// localLayouts counts the layouts that PNG, PDF and PDFPages have had
// Graphviz make in this process.
var localLayouts atomic.Int64

// LocalLayouts returns how many layouts PNG, PDF and PDFPages have had the
// Graphviz of this process make, for want of a RasterOptions.Graphviz to
// make them elsewhere. conceptmap serve's tests check with it that the
// server lays out no map itself.
func LocalLayouts() int64 { return localLayouts.Load() }

func parseLayout(data []byte) (*layout, error) {
	stmts, err := parseDOTOutput(string(data))
	if err != nil {
		return nil, fmt.Errorf("render: Graphviz returned a layout we cannot read: %v", err)
	}
	l := &layout{padX: 4, padY: 4} // Graphviz's default pad is 4 points
	var clusters, nodes, edges []item
	var bb string
	for _, st := range stmts {
		var lists []string
		var to *[]item
		switch {
		case st.kind == "graph" && st.sub == "":
			if v, ok := st.attrs["bb"]; ok {
				bb = v
			}
			if v, ok := st.attrs["pad"]; ok {
				l.setPad(v)
			}
			if v, ok := st.attrs["_draw_"]; ok {
				if l.background, err = parseXDot(v); err != nil {
					return nil, fmt.Errorf("render: Graphviz returned a drawing we cannot read: %v", err)
				}
			}
			lists, to = []string{"_ldraw_"}, &clusters
		case st.kind == "graph":
			lists, to = []string{"_draw_", "_ldraw_"}, &clusters
		case st.kind == "node":
			lists, to = []string{"_draw_", "_ldraw_"}, &nodes
		default:
			lists, to = []string{"_draw_", "_tdraw_", "_hdraw_", "_ldraw_", "_tldraw_", "_hldraw_"}, &edges
		}
		for _, k := range lists {
			v, ok := st.attrs[k]
			if !ok {
				continue
			}
			ops, err := parseXDot(v)
			if err != nil {
				return nil, fmt.Errorf("render: Graphviz returned a drawing we cannot read: %s of %s: %v", k, cmp.Or(st.name, st.sub, "the graph"), err)
			}
			if len(ops) > 0 {
				*to = append(*to, item{kind: st.kind, name: cmp.Or(st.name, st.sub), ops: ops})
			}
		}
	}
	if l.bb, err = parseBB(bb); err != nil {
		return nil, err
	}
	// Clusters first, as Graphviz draws them, then nodes, then edges over
	// them.
	l.items = slices.Concat(clusters, nodes, edges)
	return l, nil
}

// setPad reads the pad attribute: inches, one number or x,y.
func (l *layout) setPad(v string) {
	x, y, ok := strings.Cut(v, ",")
	px, err1 := strconv.ParseFloat(x, 64)
	py, err2 := px, error(nil)
	if ok {
		py, err2 = strconv.ParseFloat(y, 64)
	}
	if err1 == nil && err2 == nil && px >= 0 && py >= 0 {
		l.padX, l.padY = px*72, py*72
	}
}

func parseBB(s string) ([4]float64, error) {
	var bb [4]float64
	f := strings.Split(s, ",")
	if len(f) != 4 {
		return bb, fmt.Errorf("render: Graphviz returned a layout with no size (bb %q)", s)
	}
	for i, x := range f {
		v, err := strconv.ParseFloat(x, 64)
		if err != nil {
			return bb, fmt.Errorf("render: Graphviz returned a layout with a bad size (bb %q)", s)
		}
		bb[i] = v
	}
	return bb, nil
}

// size returns the width and height of the drawing with its margins, in
// points, as the SVG has them.
func (l *layout) size() (w, h float64) {
	return l.bb[2] - l.bb[0] + 2*l.padX, l.bb[3] - l.bb[1] + 2*l.padY
}

// texts returns every text the layout draws.
func (l *layout) texts() []string {
	var ts []string
	for _, it := range l.items {
		for _, op := range it.ops {
			if op.Op == 'T' {
				ts = append(ts, op.Str)
			}
		}
	}
	return ts
}
