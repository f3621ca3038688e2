package view

import (
	"slices"
	"strings"

	"github.com/conceptmap/conceptmap/graph"
)

// Concepts returns the concepts of v sorted by id, each once.
func Concepts(v graph.View) []*graph.Concept {
	cs := slices.Clone(v.Concepts)
	slices.SortStableFunc(cs, func(a, b *graph.Concept) int { return strings.Compare(a.ID, b.ID) })
	return slices.CompactFunc(cs, func(a, b *graph.Concept) bool { return a.ID == b.ID })
}

// Edges returns the edges of v whose ends are both among its concepts, in
// the order of v. A view that Graph.Induced made has no others; one built
// by hand may.
func Edges(v graph.View) []graph.Edge {
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

// A Group is one category and its concepts in a view.
type Group struct {
	Cat     *graph.Category
	Members []*graph.Concept
}

// Groups returns the categories of cs that have concepts, in category
// order, each with its concepts in the order of cs. Categories that the
// graph lacks (a view built by hand may name them) come last, by id.
func Groups(g *graph.Graph, cs []*graph.Concept) []Group {
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
	var out []Group
	for _, cat := range cats {
		if ms := byCat[cat.ID]; len(ms) > 0 {
			out = append(out, Group{cat, ms})
		}
	}
	return out
}

// RelationOf returns the relation type with the given id, or a plain one
// for an id that the vocabulary lacks.
func RelationOf(g *graph.Graph, id string) *graph.RelationType {
	if rt := g.Relation(id); rt != nil {
		return rt
	}
	return &graph.RelationType{ID: id, Label: graph.Text{En: id}, Inverse: graph.Text{En: id}, First: graph.FirstNone,
		Style: graph.DefaultStyle}
}
