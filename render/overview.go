package render

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/internal/view"
)

// An overview draws a view of many concepts as one readable picture: one
// node per category, with the number of its concepts, and one edge per
// pair of categories that relations join, from the category learned first,
// as thick as the relations are many and labelled with their number. Its
// text is larger than a map's, and the numbers are external labels
// (xlabel), which take no rank of their own: a label would double the
// ranks of the learning order, and make the picture tall and its text
// small once fitted to a screen.

// overviewLink is the relations from one category to another.
type overviewLink struct {
	from, to string // category ids: to is learned after from
	n        int
}

// overviewLinks counts the relations between the categories of the
// concepts in view, each from the end learned first (or from its source,
// for a relation that sets no order), in category order.
func overviewLinks(g *graph.Graph, v graph.View, cats map[string]int) []overviewLink {
	catOf := map[string]string{}
	for _, c := range v.Concepts {
		catOf[c.ID] = c.Category
	}
	count := map[[2]string]int{}
	for _, e := range v.Edges {
		a, ok1 := catOf[e.From]
		b, ok2 := catOf[e.To]
		if !ok1 || !ok2 || a == b {
			continue
		}
		if rt := g.Relation(e.Relation); rt != nil && rt.First == graph.FirstTarget {
			a, b = b, a
		}
		count[[2]string{a, b}]++
	}
	var out []overviewLink
	for k, n := range count {
		out = append(out, overviewLink{k[0], k[1], n})
	}
	slices.SortFunc(out, func(x, y overviewLink) int {
		return cmp.Or(cats[x.from]-cats[y.from], cats[x.to]-cats[y.to])
	})
	return out
}

// overview writes the body of an overview: the categories and the links.
func (d *dotWriter) overview(v graph.View) {
	gs := view.Groups(d.g, view.Concepts(v))
	rank := map[string]int{}
	for i, gr := range gs {
		rank[gr.Cat.ID] = i
		h := d.theme.palette[gr.Cat.Rank%len(d.theme.palette)]
		ls := d.text(gr.Cat.Name)
		n := len(gr.Members)
		count := strconv.Itoa(n) + " concepts"
		if n == 1 {
			count = "1 concept"
		}
		if d.opt.Lang == graph.Zh {
			count = strconv.Itoa(n) + " 个概念"
		}
		ls = append(ls, count)
		d.attrs("\t", "c"+strconv.Itoa(i),
			"id", quote("category-"+gr.Cat.ID),
			"class", quote("category"),
			"label", quote(strings.Join(ls, "\n")),
			"fontsize", num(overviewSize),
			"width", quote(inches(d.width(ls, overviewSize)+2*padX)),
			"fillcolor", quote(h.Fill),
			"color", quote(h.Line))
	}
	for _, l := range overviewLinks(d.g, v, rank) {
		pw := 1 + 2*math.Log2(float64(l.n))
		d.attrs("\t", "c"+strconv.Itoa(rank[l.from])+" -> c"+strconv.Itoa(rank[l.to]),
			"xlabel", quote(strconv.Itoa(l.n)),
			"fontsize", num(overviewEdgeSize),
			"penwidth", quote(strconv.FormatFloat(math.Round(pw*10)/10, 'f', -1, 64)),
			"color", quote(d.theme.legendLine),
			"fontcolor", quote(d.theme.edgeText))
	}
}
