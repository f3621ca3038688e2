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
	// LongestChain is that chain, from what is learned first.
	LongestChain []*Concept
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
	s.LongestChain = g.longestChain()
	s.LongestPath = len(s.LongestChain)
	return s
}

// longestChain returns the longest chain of prerequisites, from what is
// learned first: a concept, one it must be learned before, and so on. Of
// chains equally long it gives the one whose last concept, then each one
// before, comes first by rank.
func (g *Graph) longestChain() []*Concept {
	n := len(g.concepts)
	// A topological order, by Kahn's algorithm over every ordering edge.
	pending := make([]int32, n)
	for v := range n {
		pending[v] = int32(len(g.before[v]))
	}
	var order []int32
	for v := range n {
		if pending[v] == 0 {
			order = append(order, int32(v))
		}
	}
	for h := 0; h < len(order); h++ {
		for _, e := range g.after[order[h]] {
			if _, w, _ := g.order(e); pending[w] > 0 {
				if pending[w]--; pending[w] == 0 {
					order = append(order, w)
				}
			}
		}
	}
	depth := make([]int32, n)
	prev := make([]int32, n)
	best := int32(-1)
	better := func(a, b int32) bool { // a's chain beats b's
		return depth[a] > depth[b] || depth[a] == depth[b] && g.rank[a] < g.rank[b]
	}
	for _, v := range order {
		depth[v], prev[v] = 1, -1
		for _, e := range g.before[v] {
			if g.role[e] != RolePrerequisite {
				continue
			}
			u, _, _ := g.order(e)
			if depth[u]+1 > depth[v] || depth[u]+1 == depth[v] && prev[v] >= 0 && g.rank[u] < g.rank[prev[v]] {
				depth[v], prev[v] = depth[u]+1, u
			}
		}
		if best < 0 || better(v, best) {
			best = v
		}
	}
	var chain []*Concept
	for v := best; v >= 0; v = prev[v] {
		chain = append(chain, g.concepts[v])
	}
	slices.Reverse(chain)
	return chain
}
