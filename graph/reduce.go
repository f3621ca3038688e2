package graph

import (
	dgraph "github.com/dominikbraun/graph"
)

// Reduced returns v without the relations that its other relations imply
// in the learning order: a relation that puts a before b is left out when
// a chain of other relations of v already puts a before b. This is the
// transitive reduction of v's learning order, which keeps a plan's map to
// the arrows a reader needs. Relations that put nothing first (related to)
// and every concept stay. Where two relations put the same pair in order
// both stay or both go.
//
// The order of v alone is built, when asked for, in dominikbraun/graph,
// whose TransitiveReduction does the work: a search from each relation's
// later end, so about v's concepts times its relations, in maps (a few
// milliseconds for a plan of a hundred steps; see BenchmarkReduced). A
// loaded graph's learning order has no cycle; if the library found one,
// v would be returned whole.
func (g *Graph) Reduced(v View) View {
	type pair struct{ first, then int32 }
	order := make([]pair, len(v.Edges)) // first -1: puts nothing first
	d := dgraph.New(func(i int32) int32 { return i }, dgraph.Directed())
	for k, e := range v.Edges {
		order[k].first = -1
		i, ok := g.edgeIndex(e)
		if !ok {
			continue
		}
		first, then, ok := g.order(i)
		if !ok {
			continue
		}
		order[k] = pair{first, then}
		_ = d.AddVertex(first) // an error: it is there already
		_ = d.AddVertex(then)
		_ = d.AddEdge(first, then)
	}
	r, err := dgraph.TransitiveReduction(d)
	if err != nil {
		return v
	}
	out := View{Concepts: v.Concepts, Edges: make([]Edge, 0, len(v.Edges))}
	for k, e := range v.Edges {
		if p := order[k]; p.first >= 0 {
			if _, err := r.Edge(p.first, p.then); err != nil {
				continue // implied by a chain of others
			}
		}
		out.Edges = append(out.Edges, e)
	}
	return out
}

// edgeIndex finds an edge of the graph by its ends and relation.
func (g *Graph) edgeIndex(e Edge) (int32, bool) {
	from, ok := g.byID[e.From]
	if !ok {
		return 0, false
	}
	for _, i := range g.out[from] {
		if g.edges[i].To == e.To && g.edges[i].Relation == e.Relation {
			return i, true
		}
	}
	return 0, false
}
