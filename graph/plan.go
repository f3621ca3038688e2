package graph

import "slices"

// Step is one concept of a learning plan.
type Step struct {
	Concept *Concept
	Target  bool
	// Because is the chain of relations that pulls the concept into the
	// plan: edges as written in the data, from this concept to a target
	// (for Unlocks, from the concept asked about to this one). It is empty
	// for a target. The edges belong to the graph: do not modify them.
	Because []*Edge
}

// Plan is an ordered list of what to learn before some targets.
type Plan struct {
	Targets []*Concept
	Known   []*Concept
	// AlreadyKnown lists targets that the known concepts already cover.
	AlreadyKnown []*Concept
	Steps        []Step
}

// Plan returns what a learner who knows the known concepts must learn to
// reach the targets, in order: every prerequisite of the targets,
// transitively, minus the known concepts and everything they imply. Each
// concept comes after all of its prerequisites; among concepts that are
// ready at once, earlier categories come first, then names in order, and
// the targets come last.
func (g *Graph) Plan(targets, known []*Concept) *Plan {
	p := &Plan{Targets: targets, Known: known}
	n := len(g.concepts)
	excluded := g.closure(g.indices(known), nil)
	via := make([]int32, n)
	isTarget := make([]bool, n)
	tix := g.indices(targets)
	slices.SortFunc(tix, func(a, b int32) int { return int(g.rank[a] - g.rank[b]) })
	var roots []int32
	for _, t := range tix {
		if excluded[t] {
			p.AlreadyKnown = append(p.AlreadyKnown, g.concepts[t])
			continue
		}
		isTarget[t] = true
		roots = append(roots, t)
	}
	need := g.closure(roots, via)
	set := slices.Clone(roots)
	for v := range need {
		if need[v] && !excluded[v] && !isTarget[v] {
			set = append(set, int32(v))
		}
	}
	order := g.learningOrder(set, isTarget)
	next := func(u int32) int32 { _, w, _ := g.order(via[u]); return w }
	chains := g.chains(order, func(u int32) bool { return isTarget[u] }, via, next)
	p.Steps = make([]Step, len(order))
	for i, v := range order {
		p.Steps[i] = Step{Concept: g.concepts[v], Target: isTarget[v], Because: chains[i]}
	}
	return p
}

// chains follows via from each concept of order until done, collecting the
// edges. All chains share one backing array, so a plan of thousands of
// steps makes two allocations for them, not one per edge.
func (g *Graph) chains(order []int32, done func(int32) bool, via []int32, next func(int32) int32) [][]*Edge {
	total := 0
	for _, v := range order {
		for u := v; !done(u); u = next(u) {
			total++
		}
	}
	backing := make([]*Edge, total)
	out := make([][]*Edge, len(order))
	for i, v := range order {
		start := len(backing) - total
		for u := v; !done(u); u = next(u) {
			backing[len(backing)-total] = &g.edges[via[u]]
			total--
		}
		out[i] = backing[start : len(backing)-total : len(backing)-total]
	}
	return out
}

// Prereqs returns everything that must be learned before c, in learning
// order.
func (g *Graph) Prereqs(c *Concept) []Step {
	if _, ok := g.byID[c.ID]; !ok {
		return nil
	}
	steps := g.Plan([]*Concept{c}, nil).Steps
	return steps[:len(steps)-1]
}

// Unlocks returns everything that c must be learned before, in learning
// order, each with the chain of relations that leads to it from c.
func (g *Graph) Unlocks(c *Concept) []Step {
	start, ok := g.byID[c.ID]
	if !ok {
		return nil
	}
	n := len(g.concepts)
	in := make([]bool, n)
	via := make([]int32, n)
	in[start] = true
	queue := []int32{start}
	var set []int32
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, e := range g.after[v] {
			_, w, _ := g.order(e)
			if !in[w] {
				in[w] = true
				via[w] = e
				set = append(set, w)
				queue = append(queue, w)
			}
		}
	}
	order := g.learningOrder(set, make([]bool, n))
	prev := func(u int32) int32 { w, _, _ := g.order(via[u]); return w }
	chains := g.chains(order, func(u int32) bool { return u == start }, via, prev)
	steps := make([]Step, len(order))
	for i, v := range order {
		slices.Reverse(chains[i]) // from c to the step
		steps[i] = Step{Concept: g.concepts[v], Because: chains[i]}
	}
	return steps
}

func (g *Graph) indices(cs []*Concept) []int32 {
	ix := make([]int32, 0, len(cs))
	for _, c := range cs {
		if i, ok := g.byID[c.ID]; ok && !slices.Contains(ix, i) {
			ix = append(ix, i)
		}
	}
	return ix
}

// closure marks the roots and everything that must be learned before
// them. If via is not nil, via[v] is set to the edge through which a
// breadth-first search from the roots first reached v, so following via
// gives a shortest chain back to a root.
func (g *Graph) closure(roots []int32, via []int32) []bool {
	mark := make([]bool, len(g.concepts))
	queue := make([]int32, 0, len(roots))
	for _, r := range roots {
		if !mark[r] {
			mark[r] = true
			queue = append(queue, r)
		}
	}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, e := range g.before[v] {
			u, _, _ := g.order(e)
			if !mark[u] {
				mark[u] = true
				if via != nil {
					via[u] = e
				}
				queue = append(queue, u)
			}
		}
	}
	return mark
}

// learningOrder sorts set so that every concept follows its prerequisites
// within the set, choosing among the ready ones non-targets first, then by
// rank. It runs in O(k log k) for k concepts and their edges.
func (g *Graph) learningOrder(set []int32, isTarget []bool) []int32 {
	n := len(g.concepts)
	chosen := make([]bool, n)
	pending := make([]int32, n)
	for _, v := range set {
		chosen[v] = true
	}
	for _, v := range set {
		for _, e := range g.before[v] {
			if u, _, _ := g.order(e); chosen[u] {
				pending[v]++
			}
		}
	}
	h := minHeap{key: func(v int32) uint64 {
		k := uint64(g.rank[v])
		if isTarget[v] {
			k |= 1 << 32
		}
		return k
	}}
	for _, v := range set {
		if pending[v] == 0 {
			h.push(v)
		}
	}
	out := make([]int32, 0, len(set))
	for h.len() > 0 {
		v := h.pop()
		out = append(out, v)
		for _, e := range g.after[v] {
			if _, w, _ := g.order(e); chosen[w] {
				if pending[w]--; pending[w] == 0 {
					h.push(w)
				}
			}
		}
	}
	return out
}
