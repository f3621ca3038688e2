package graph

import (
	"cmp"
	"fmt"
	"slices"
)

// Direction says which way a neighbourhood search follows edges.
type Direction string

// The directions a neighbourhood search can follow.
const (
	Out      Direction = "out"
	In       Direction = "in"
	BothWays Direction = "both"
)

// ParseDirection turns "out", "in" or "both" into a Direction.
func ParseDirection(s string) (Direction, error) {
	switch d := Direction(s); d {
	case Out, In, BothWays:
		return d, nil
	}
	return "", fmt.Errorf("direction must be out, in or both, not %q", s)
}

// NeighborOptions narrows a neighbourhood search.
type NeighborOptions struct {
	Depth     int       // how many hops; 1 if zero
	Relations []string  // follow only these relation types; all if empty
	Direction Direction // both if empty
}

// Neighbor is a concept near another, with the edge that first reached it.
type Neighbor struct {
	Concept *Concept
	Depth   int
	Via     Hop
}

// Neighbors returns the concepts within opt.Depth hops of c, nearest
// first, then by id. c itself is not among them.
func (g *Graph) Neighbors(c *Concept, opt NeighborOptions) ([]Neighbor, error) {
	if err := g.CheckRelations(opt.Relations); err != nil {
		return nil, err
	}
	if opt.Depth < 0 {
		return nil, fmt.Errorf("depth must be 0 or more, not %d", opt.Depth)
	}
	depth := cmp.Or(opt.Depth, 1)
	dir := cmp.Or(opt.Direction, BothWays)
	allow := g.relationFilter(opt.Relations)
	start, ok := g.byID[c.ID]
	if !ok {
		return nil, fmt.Errorf("neighbors: %s is not a concept of this graph", c.ID)
	}
	dist := map[int32]int{start: 0}
	var out []Neighbor
	frontier := []int32{start}
	for d := 1; d <= depth && len(frontier) > 0; d++ {
		var next []int32
		visit := func(w, e int32, fwd bool) {
			if _, seen := dist[w]; seen || !allow(e) {
				return
			}
			dist[w] = d
			next = append(next, w)
			out = append(out, Neighbor{Concept: g.concepts[w], Depth: d, Via: Hop{Edge: g.edges[e], Forward: fwd}})
		}
		for _, v := range frontier {
			if dir != In {
				for _, e := range g.out[v] {
					visit(g.to[e], e, true)
				}
			}
			if dir != Out {
				for _, e := range g.in[v] {
					visit(g.from[e], e, false)
				}
			}
		}
		frontier = next
	}
	slices.SortStableFunc(out, func(a, b Neighbor) int {
		return cmp.Or(cmp.Compare(a.Depth, b.Depth), cmp.Compare(a.Concept.ID, b.Concept.ID))
	})
	return out, nil
}
