package engine

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// A Layout is a map as Graphviz placed it: what to draw, in Graphviz's
// coordinates (points, y growing upwards), in drawing order.
type Layout struct {
	// BB is the bounding box of the drawing, x0, y0, x1, y1; Pad is the
	// margin around it, in points, left and right, then top and bottom.
	BB         [4]float64
	PadX, PadY float64
	// Background is the graph's own drawing: its background colour.
	Background []Op
	// Items are the drawings of the title, clusters, nodes and edges,
	// each drawn with fresh state.
	Items []Item
}

// An Item is one list of drawing operations of a graph, cluster, node or
// edge: its shape, its label, or an arrowhead.
type Item struct {
	Kind string // "graph" (the graph's title or a cluster), "node" or "edge"
	Name string // of the subgraph or node in the DOT, or tail -> head
	Ops  []Op
}

// ParseLayout reads a layout in Graphviz's xdot format, as Run returns
// it for XDot.
func ParseLayout(data []byte) (*Layout, error) {
	stmts, err := parseDOTOutput(string(data))
	if err != nil {
		return nil, fmt.Errorf("render: Graphviz returned a layout we cannot read: %v", err)
	}
	l := &Layout{PadX: 4, PadY: 4} // Graphviz's default pad is 4 points
	var clusters, nodes, edges []Item
	var bb string
	for _, st := range stmts {
		var lists []string
		var to *[]Item
		switch {
		case st.kind == "graph" && st.sub == "":
			if v, ok := st.attrs["bb"]; ok {
				bb = v
			}
			if v, ok := st.attrs["pad"]; ok {
				l.setPad(v)
			}
			if v, ok := st.attrs["_draw_"]; ok {
				if l.Background, err = parseXDot(v); err != nil {
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
				*to = append(*to, Item{Kind: st.kind, Name: cmp.Or(st.name, st.sub), Ops: ops})
			}
		}
	}
	if l.BB, err = parseBB(bb); err != nil {
		return nil, err
	}
	// Clusters first, as Graphviz draws them, then nodes, then edges over
	// them.
	l.Items = slices.Concat(clusters, nodes, edges)
	return l, nil
}

// setPad reads the pad attribute: inches, one number or x,y.
func (l *Layout) setPad(v string) {
	x, y, ok := strings.Cut(v, ",")
	px, err1 := strconv.ParseFloat(x, 64)
	py, err2 := px, error(nil)
	if ok {
		py, err2 = strconv.ParseFloat(y, 64)
	}
	if err1 == nil && err2 == nil && px >= 0 && py >= 0 {
		l.PadX, l.PadY = px*72, py*72
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

// Size returns the width and height of the drawing with its margins, in
// points, as the SVG has them.
func (l *Layout) Size() (w, h float64) {
	return l.BB[2] - l.BB[0] + 2*l.PadX, l.BB[3] - l.BB[1] + 2*l.PadY
}

// Texts returns every text the layout draws.
func (l *Layout) Texts() []string {
	var ts []string
	for _, it := range l.Items {
		for _, op := range it.Ops {
			if op.Op == 'T' {
				ts = append(ts, op.Str)
			}
		}
	}
	return ts
}
