package render

import (
	"slices"
	"strings"

	"github.com/conceptmap/conceptmap/graph"
)

// What the export formats share: the concepts and edges of a view in a
// fixed order, and the categories that group them.

// viewConcepts returns the concepts of v sorted by id, each once.
func viewConcepts(v graph.View) []*graph.Concept {
	cs := slices.Clone(v.Concepts)
	slices.SortStableFunc(cs, func(a, b *graph.Concept) int { return strings.Compare(a.ID, b.ID) })
	return slices.CompactFunc(cs, func(a, b *graph.Concept) bool { return a.ID == b.ID })
}

// viewEdges returns the edges of v whose ends are both among its
// concepts, in the order of v. A view that Graph.Induced made has no
// others; one built by hand may.
func viewEdges(v graph.View) []graph.Edge {
	in := make(map[string]bool, len(v.Concepts))
	for _, c := range v.Concepts {
		in[c.ID] = true
	}
	out := make([]graph.Edge, 0, len(v.Edges))
	for _, e := range v.Edges {
		if in[e.From] && in[e.To] {
			out = append(out, e)
		}
	}
	return out
}

// group is one category and its concepts in a view.
type group struct {
	cat     *graph.Category
	members []*graph.Concept
}

// groups returns the categories of cs that have concepts, in category
// order, each with its concepts in the order of cs. Categories that the
// graph lacks (a view built by hand may name them) come last, by id.
func groups(g *graph.Graph, cs []*graph.Concept) []group {
	byCat := map[string][]*graph.Concept{}
	for _, c := range cs {
		byCat[c.Category] = append(byCat[c.Category], c)
	}
	cats := slices.Clone(g.Categories())
	var extra []string
	for id := range byCat {
		if g.Category(id) == nil {
			extra = append(extra, id)
		}
	}
	slices.Sort(extra)
	for _, id := range extra {
		cats = append(cats, &graph.Category{ID: id, Name: graph.Text{En: id}, Rank: len(cats)})
	}
	var out []group
	for _, cat := range cats {
		if ms := byCat[cat.ID]; len(ms) > 0 {
			out = append(out, group{cat, ms})
		}
	}
	return out
}

// relationOf returns the relation type with the given id, or a plain one
// for an id that the vocabulary lacks.
func relationOf(g *graph.Graph, id string) *graph.RelationType {
	if rt := g.Relation(id); rt != nil {
		return rt
	}
	return &graph.RelationType{ID: id, Label: graph.Text{En: id}, Inverse: graph.Text{En: id}, First: graph.FirstNone,
		Style: graph.DefaultStyle}
}

// textLines returns t in lang as lines to draw: with graph.Both, the
// English lines, then the Chinese ones when they differ.
func textLines(t graph.Text, lang graph.Lang) []string {
	if lang == graph.Both && t.En != "" && t.Zh != "" && t.En != t.Zh {
		return append(lines(t.En), lines(t.Zh)...)
	}
	return lines(t.In(lang))
}
