package graph

import "slices"

// Step is one concept of a learning plan.
type Step struct {
	Concept *Concept
	Target  bool
	// Background marks a concept that is worth a look but not required:
	// one that a background relation of the plan offers ("transformer
	// replaces lstm" offers the LSTM), or a prerequisite of one.
	Background bool
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
	// Steps are what to learn, in order: the essential steps, and the
	// background too when PlanOptions.WithBackground asks for it.
	Steps []Step
	// Background is what is worth a look but not required, in an order of
	// its own, each step marked Background. It is empty when the steps
	// hold it.
	Background []Step
}

// PlanOptions change what a plan holds.
type PlanOptions struct {
	// WithBackground puts the background among the steps, in learning
	// order, instead of apart.
	WithBackground bool
}

// Plan returns what a learner who knows the known concepts must learn to
// reach the targets, with the background apart. See PlanWith.
func (g *Graph) Plan(targets, known []*Concept) *Plan {
	return g.PlanWith(targets, known, PlanOptions{})
}

// PlanWith returns what a learner who knows the known concepts must learn
// to reach the targets, in order.
//
// The steps are the targets and their prerequisites, transitively: the
// end learned first of every relation whose role is prerequisite, as far
// as the relation's reach allows (a relation of reach 1 counts only from
// a target itself), minus the known concepts and everything they imply
// (what a plan for them would hold). The background is what the steps'
// background relations offer, and the prerequisites of that, less the
// steps and what is known.
//
// The order is just in time: every concept comes after its prerequisites
// and the targets come last, and among such orders one is chosen in which
// each concept comes shortly before the first step that needs it (see
// learningOrder).
func (g *Graph) PlanWith(targets, known []*Concept, o PlanOptions) *Plan {
	p := &Plan{Targets: targets, Known: known}
	n := len(g.concepts)
	excluded := g.reachable(g.indices(known), nil)
	via := make([]int32, n)
	isTarget := make([]bool, n)
	tix := g.indices(targets)
	slices.SortFunc(tix, func(a, b int32) int { return int(g.rank[a] - g.rank[b]) })
	var roots []int32
	for _, t := range tix {
		if excluded[t] >= 0 {
			p.AlreadyKnown = append(p.AlreadyKnown, g.concepts[t])
			continue
		}
		isTarget[t] = true
		roots = append(roots, t)
	}
	dist := g.reachable(roots, via)
	set := slices.Clone(roots)
	for v := range dist {
		if dist[v] >= 0 && excluded[v] < 0 && !isTarget[v] {
			set = append(set, int32(v))
		}
	}
	bg := g.background(set, dist, excluded, via)
	next := func(u int32) int32 { _, w, _ := g.order(via[u]); return w }
	steps := func(order []int32, background bool) []Step {
		chains := g.chains(order, func(u int32) bool { return isTarget[u] }, via, next)
		out := make([]Step, len(order))
		for i, v := range order {
			out[i] = Step{Concept: g.concepts[v], Target: isTarget[v], Because: chains[i]}
			out[i].Background = background && dist[v] < 0
		}
		return out
	}
	if o.WithBackground {
		p.Steps = steps(g.learningOrder(append(set, bg...), isTarget), true)
		return p
	}
	p.Steps = steps(g.learningOrder(set, isTarget), false)
	if len(bg) > 0 {
		p.Background = steps(g.learningOrder(bg, isTarget), true)
	}
	return p
}

// background returns what the background relations of the steps in set
// offer, and the prerequisites of that, less the steps and what is known
// (excluded). It sets via for each concept it returns, so that its chain
// leads through the background relation to a target.
func (g *Graph) background(set []int32, dist, excluded, via []int32) []int32 {
	var roots []int32
	seen := make(map[int32]bool)
	for _, v := range set {
		for _, e := range g.before[v] {
			u, _, _ := g.order(e)
			if g.role[e] != RoleBackground || !g.reaches(e, dist[v]) ||
				dist[u] >= 0 || excluded[u] >= 0 || seen[u] {
				continue
			}
			seen[u] = true
			via[u] = e
			roots = append(roots, u)
		}
	}
	if len(roots) == 0 {
		return nil
	}
	slices.Sort(roots)
	own := make([]int32, len(g.concepts))
	bdist := g.reachable(roots, own)
	out := roots
	for v, d := range bdist {
		if d > 0 && dist[v] < 0 && excluded[v] < 0 && !seen[int32(v)] {
			via[v] = own[v]
			out = append(out, int32(v))
		}
	}
	return out
}

// reaches says whether edge e pulls its first end into a plan when its
// other end lies d links from a target.
func (g *Graph) reaches(e int32, d int32) bool {
	return g.reach[e] == 0 || d < g.reach[e]
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
// order, each with the chain of relations that leads to it from c: the
// concepts whose Prereqs hold c.
func (g *Graph) Unlocks(c *Concept) []Step {
	start, ok := g.byID[c.ID]
	if !ok {
		return nil
	}
	n := len(g.concepts)
	// budget[w] is the most links a chain from c to w may still be
	// extended by, as the reach of the relations on it allows: a plan for
	// a concept k links beyond w must still hold c. -1 is unreached.
	const unlimited = int32(1 << 30)
	budget := make([]int32, n)
	for i := range budget {
		budget[i] = -1
	}
	via := make([]int32, n)
	budget[start] = unlimited
	queue := []int32{start}
	var set []int32
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, e := range g.after[v] {
			if g.role[e] != RolePrerequisite || budget[v] == 0 {
				continue
			}
			_, w, _ := g.order(e)
			b := budget[v] - 1
			if budget[v] == unlimited {
				b = unlimited
			}
			if r := g.reach[e]; r > 0 {
				b = min(b, r-1)
			}
			if b <= budget[w] {
				continue
			}
			if budget[w] < 0 && w != start {
				via[w] = e
				set = append(set, w)
			}
			budget[w] = b
			queue = append(queue, w)
		}
	}
	// Every concept reached is unlocked, even with a budget of 0: c is in
	// its own plan, at the end of the chain.
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

// reachable returns, for each concept, its distance in links from the
// nearest root along the relations that pull prerequisites into a plan,
// or -1 for a concept that no root needs. A relation of limited reach is
// followed only from concepts near enough to a root. If via is not nil,
// via[v] is set to the edge through which the breadth-first search first
// reached v, so following via gives a shortest chain back to a root.
func (g *Graph) reachable(roots []int32, via []int32) []int32 {
	dist := make([]int32, len(g.concepts))
	for i := range dist {
		dist[i] = -1
	}
	queue := make([]int32, 0, len(roots))
	for _, r := range roots {
		if dist[r] < 0 {
			dist[r] = 0
			queue = append(queue, r)
		}
	}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, e := range g.before[v] {
			if g.role[e] != RolePrerequisite || !g.reaches(e, dist[v]) {
				continue
			}
			u, _, _ := g.order(e)
			if dist[u] < 0 {
				dist[u] = dist[v] + 1
				if via != nil {
					via[u] = e
				}
				queue = append(queue, u)
			}
		}
	}
	return dist
}
