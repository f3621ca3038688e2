package graph

import (
	"cmp"
	"slices"
)

// Count is a number of things of one kind.
type Count struct {
	ID    string
	Count int
}

// Degree is how many relations a concept takes part in.
type Degree struct {
	Concept *Concept
	Degree  int
}

// Stats summarises a graph.
type Stats struct {
	Concepts    int
	Relations   int
	Categories  []Count // concepts per category, in category order
	Types       []Count // relations per type, in vocabulary order
	Connected   []Degree
	Roots       []*Concept // need nothing first, and lead to something
	Leaves      []*Concept // need something first, and lead to nothing
	Isolated    []*Concept // take part in no learning-order relation
	LongestPath int        // concepts on the longest prerequisite chain
}

// Stats counts concepts and relations, and finds the most connected
// concepts (top most), the roots and the leaves of the learning order.
func (g *Graph) Stats(top int) Stats {
	s := Stats{Concepts: len(g.concepts), Relations: len(g.edges)}
	perCat := map[string]int{}
	for _, c := range g.concepts {
		perCat[c.Category]++
	}
	for _, c := range g.categories {
		s.Categories = append(s.Categories, Count{c.ID, perCat[c.ID]})
	}
	perType := map[string]int{}
	for _, e := range g.edges {
		perType[e.Relation]++
	}
	for _, r := range g.relations {
		s.Types = append(s.Types, Count{r.ID, perType[r.ID]})
	}
	for i, c := range g.concepts {
		s.Connected = append(s.Connected, Degree{c, len(g.out[i]) + len(g.in[i])})
		b, a := len(g.before[i]) > 0, len(g.after[i]) > 0
		switch {
		case !b && a:
			s.Roots = append(s.Roots, c)
		case b && !a:
			s.Leaves = append(s.Leaves, c)
		case !b && !a:
			s.Isolated = append(s.Isolated, c)
		}
	}
	slices.SortStableFunc(s.Connected, func(a, b Degree) int { return cmp.Compare(b.Degree, a.Degree) })
	if top >= 0 && len(s.Connected) > top {
		s.Connected = s.Connected[:top]
	}
	s.LongestPath = g.longestChain()
	return s
}

// longestChain counts the concepts on the longest chain of prerequisites.
func (g *Graph) longestChain() int {
	all := make([]int32, len(g.concepts))
	for i := range all {
		all[i] = int32(i)
	}
	depth := make([]int, len(g.concepts))
	best := 0
	for _, v := range g.learningOrder(all, make([]bool, len(g.concepts))) {
		d := 1
		for _, e := range g.before[v] {
			u, _, _ := g.order(e)
			d = max(d, depth[u]+1)
		}
		depth[v] = d
		best = max(best, d)
	}
	return best
}
