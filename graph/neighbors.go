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
	g.breadthFirst(start, func(v int32, offer func(e, w int32, fwd bool)) bool {
		if dir != In {
			for _, e := range g.out[v] {
				if allow(e) {
					offer(e, g.to[e], true)
				}
			}
		}
		if dir != Out {
			for _, e := range g.in[v] {
				if allow(e) {
					offer(e, g.from[e], false)
				}
			}
		}
		return false
	}, func(v, e, w int32, fwd bool) (bool, bool) {
		d := dist[v] + 1
		dist[w] = d
		out = append(out, Neighbor{Concept: g.concepts[w], Depth: d, Via: Hop{Edge: g.edges[e], Forward: fwd}})
		return d < depth, false
	})
	slices.SortStableFunc(out, func(a, b Neighbor) int {
		return cmp.Or(cmp.Compare(a.Depth, b.Depth), cmp.Compare(a.Concept.ID, b.Concept.ID))
	})
	return out, nil
}
