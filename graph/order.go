package graph

import (
	"cmp"
	"slices"
)

// learningOrder sorts set so that every concept comes after the concepts
// of the set that its relations put before it, and the targets come last
// (unless a target must come before something that is not one). Among
// such orders it looks for one in which each concept comes just in time:
// shortly before the first later step that needs it.
//
// It builds the order from the end. A concept can be placed once every
// concept that needs it is placed; of those that can, it places the one
// that the most recently placed concept needs, so each prerequisite
// lands right before its first user and the prerequisites of a concept
// stay together, as in a depth-first walk. When one concept frees several
// at once, the one whose own prerequisites make the smallest block goes
// nearest to it, as the waits of the others grow by that block. Blocks are
// first estimated, then measured by a run and used in the next; the run
// with the least total wait (then the least longest wait) wins. Ties fall
// to the rank: earlier categories, then names, come first.
//
// It runs in O(k log k) for k concepts and their edges.
func (g *Graph) learningOrder(set []int32, isTarget []bool) []int32 {
	o := g.newOrderer(set, isTarget)
	if o.k <= 1 {
		return slices.Clone(set)
	}
	best, bestSum, bestMax := []int32(nil), int64(-1), int32(0)
	est := o.estimate()
	for range orderRuns {
		order, blocks := o.run(est)
		sum, longest := o.waits(order)
		if bestSum < 0 || sum < bestSum || (sum == bestSum && longest < bestMax) {
			best, bestSum, bestMax = order, sum, longest
		}
		est = blocks
	}
	out := make([]int32, o.k)
	for i, l := range best {
		out[i] = set[l]
	}
	return out
}

// orderRuns is how many runs learningOrder makes, each with the blocks
// that the one before measured.
const orderRuns = 3

// orderer holds a set of concepts with its learning-order edges in local
// numbering: pre[l] are the concepts of the set that l needs, users[l]
// how many edges of the set need l.
type orderer struct {
	k      int
	pre    [][]int32
	users  []int32
	target []bool
	rank   []int32
}

func (g *Graph) newOrderer(set []int32, isTarget []bool) *orderer {
	k := len(set)
	o := &orderer{k: k, pre: make([][]int32, k), users: make([]int32, k), target: make([]bool, k), rank: make([]int32, k)}
	local := make(map[int32]int32, k)
	for l, v := range set {
		local[v] = int32(l)
	}
	for l, v := range set {
		o.target[l] = isTarget[v]
		o.rank[l] = g.rank[v]
		for _, e := range g.before[v] {
			u, _, _ := g.order(e)
			if lu, in := local[u]; in {
				o.pre[l] = append(o.pre[l], lu)
				o.users[lu]++
			}
		}
	}
	return o
}

// estimate guesses the block each concept brings along: itself and its
// prerequisites, counted as in a tree (shared ones more than once),
// capped at the size of the set.
func (o *orderer) estimate() []int32 {
	est := make([]int32, o.k)
	done := make([]bool, o.k)
	var visit func(l int32) int32
	visit = func(l int32) int32 {
		if done[l] {
			return est[l]
		}
		done[l] = true
		s := int32(1)
		for _, p := range o.pre[l] {
			s = min(s+visit(p), int32(o.k))
		}
		est[l] = s
		return s
	}
	for l := range o.k {
		visit(int32(l))
	}
	return est
}

// run makes one order with est as the block sizes of the concepts, and
// returns it with the blocks it measured: for each concept, how many
// concepts it and the prerequisites placed with it take up.
func (o *orderer) run(est []int32) (order, blocks []int32) {
	pending := slices.Clone(o.users)
	blocks = make([]int32, o.k)
	placed := make([]int32, 0, o.k) // from the end
	var targets, stack []int32
	type open struct{ l, base, start int32 }
	var opens []open
	byRank := func(a, b int32) int { return cmp.Compare(o.rank[a], o.rank[b]) }
	// Pushed largest block first, so the smallest is placed nearest.
	byBlock := func(a, b int32) int { return cmp.Or(cmp.Compare(est[b], est[a]), byRank(a, b)) }
	push := func(ready []int32) {
		var ts []int32
		others := ready[:0]
		for _, l := range ready {
			if o.target[l] {
				ts = append(ts, l)
			} else {
				others = append(others, l)
			}
		}
		slices.SortFunc(ts, byRank)
		targets = append(targets, ts...)
		slices.SortFunc(others, byBlock)
		stack = append(stack, others...)
	}
	var ready []int32
	for l := range int32(o.k) {
		if pending[l] == 0 {
			ready = append(ready, l)
		}
	}
	push(ready)
	for len(placed) < o.k {
		var l int32
		if len(targets) > 0 {
			l, targets = targets[len(targets)-1], targets[:len(targets)-1]
		} else {
			top := int32(len(stack) - 1)
			l, stack = stack[top], stack[:top]
			for len(opens) > 0 && opens[len(opens)-1].base > top {
				b := opens[len(opens)-1]
				blocks[b.l] = int32(len(placed)) - b.start
				opens = opens[:len(opens)-1]
			}
			opens = append(opens, open{l, top, int32(len(placed))})
		}
		placed = append(placed, l)
		ready = ready[:0]
		for _, p := range o.pre[l] {
			if pending[p]--; pending[p] == 0 {
				ready = append(ready, p)
			}
		}
		push(ready)
	}
	for _, b := range opens {
		blocks[b.l] = int32(len(placed)) - b.start
	}
	slices.Reverse(placed)
	return placed, blocks
}

// waits returns the total and the longest wait of an order: for each
// concept that a later one needs, the number of steps to the first.
func (o *orderer) waits(order []int32) (sum int64, longest int32) {
	pos := make([]int32, o.k)
	for i, l := range order {
		pos[l] = int32(i)
	}
	first := make([]int32, o.k)
	for i := range first {
		first[i] = -1
	}
	for i, l := range order {
		for _, p := range o.pre[l] {
			if first[p] < 0 {
				first[p] = int32(i)
			}
		}
	}
	for l, f := range first {
		if f >= 0 {
			w := f - pos[l]
			sum += int64(w)
			longest = max(longest, w)
		}
	}
	return sum, longest
}
