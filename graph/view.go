package graph

import (
	"cmp"
	"slices"
	"strings"
)

// View is a part of the graph to draw or export: some concepts and the
// edges among them.
type View struct {
	Concepts []*Concept // sorted by id
	Edges    []Edge     // sorted like Graph.Edges
}

// All returns a view of the whole graph.
func (g *Graph) All() View {
	return View{Concepts: g.concepts, Edges: g.edges}
}

// Induced returns the view of cs and every edge among them. If relations
// is not empty, only edges of those types are kept.
func (g *Graph) Induced(cs []*Concept, relations []string) View {
	in := make(map[int32]bool, len(cs))
	var v View
	for _, c := range cs {
		if i, ok := g.byID[c.ID]; ok && !in[i] {
			in[i] = true
			v.Concepts = append(v.Concepts, g.concepts[i])
		}
	}
	slices.SortFunc(v.Concepts, func(a, b *Concept) int { return strings.Compare(a.ID, b.ID) })
	allow := g.relationFilter(relations)
	for i := range in {
		for _, e := range g.out[i] {
			if in[g.to[e]] && allow(e) {
				v.Edges = append(v.Edges, g.edges[e])
			}
		}
	}
	slices.SortFunc(v.Edges, compareEdges)
	return v
}

func compareEdges(a, b Edge) int {
	return cmp.Or(strings.Compare(a.From, b.From), strings.Compare(a.To, b.To), strings.Compare(a.Relation, b.Relation))
}
