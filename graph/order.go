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
// with the least total wait (then the least longest wait) wins. Then sink
// moves single concepts later, next to their first users, where that
// lowers the total wait. Ties fall to the rank: earlier categories, then
// names, come first.
//
// It runs in O(k log k) for k concepts and their edges, plus sink's passes.
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
	o.sink(best)
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
// numbering: pre[l] are the concepts of the set that l needs, post[l]
// those that need l, users[l] how many edges of the set need l.
type orderer struct {
	k      int
	pre    [][]int32
	post   [][]int32
	users  []int32
	target []bool
	rank   []int32
}

func (g *Graph) newOrderer(set []int32, isTarget []bool) *orderer {
	k := len(set)
	o := &orderer{k: k, pre: make([][]int32, k), post: make([][]int32, k), users: make([]int32, k), target: make([]bool, k), rank: make([]int32, k)}
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
				o.post[lu] = append(o.post[lu], int32(l))
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

// sink improves an order in place by moving single concepts later, to
// just before their first user, wherever that lowers the total wait: the
// concepts in between move one step earlier, which lengthens by one the
// waits of those whose first user is beyond, and shortens by one those of
// concepts whose first user is among them. The order stays valid, as
// nothing between a concept and its first user needs it. Each pass scans
// from the end; it stops after a pass that moves nothing, or after
// sinkPasses passes. Moves are tried over at most sinkWindow steps, and a
// move costs time in proportion to the steps it passes.
func (o *orderer) sink(order []int32) {
	pos := make([]int32, o.k)
	for i, l := range order {
		pos[l] = int32(i)
	}
	// fu[l] is the position of l's first user, or -1.
	firstUser := func(l int32) int32 {
		f := int32(-1)
		for _, u := range o.post[l] {
			if p := pos[u]; f < 0 || p < f {
				f = p
			}
		}
		return f
	}
	fu := make([]int32, o.k)
	for l := range int32(o.k) {
		fu[l] = firstUser(l)
	}
	for range sinkPasses {
		moved := false
		for i := int32(o.k) - 2; i >= 0; i-- {
			x := order[i]
			j := fu[x]
			if j < 0 || j-i < 2 || j-i > sinkWindow {
				continue
			}
			if !o.target[x] && slices.ContainsFunc(order[i+1:j], func(y int32) bool { return o.target[y] }) {
				continue // the targets come last
			}
			delta := 1 - (j - i)
			for q := i + 1; q < j; q++ {
				y := order[q]
				if fu[y] >= j {
					delta++ // y moves away from its first user
				}
				for _, p := range o.pre[y] {
					if pos[p] < i && fu[p] == q {
						delta-- // p's first user moves closer
					}
				}
			}
			// What x is the first user of: its next user is x at j-1, or
			// another, whose place the move may shift.
			for _, p := range o.pre[x] {
				if fu[p] != i {
					continue
				}
				next := j - 1
				for _, u := range o.post[p] {
					if u == x {
						continue
					}
					q := pos[u]
					if q > i && q < j {
						q--
					}
					next = min(next, q)
				}
				delta += next - i
			}
			if delta >= 0 {
				continue
			}
			for q := i + 1; q < j; q++ {
				for _, p := range o.pre[order[q]] {
					if fu[p] == q {
						fu[p] = q - 1
					}
				}
			}
			copy(order[i:j-1], order[i+1:j])
			order[j-1] = x
			for q := i; q < j; q++ {
				pos[order[q]] = q
			}
			for _, p := range o.pre[x] {
				if fu[p] == i {
					fu[p] = firstUser(p)
				}
			}
			moved = true
		}
		if !moved {
			return
		}
	}
}

// sinkPasses bounds the passes of sink, and sinkWindow the steps a
// concept may move, which bound its time on large plans.
const (
	sinkPasses = 3
	sinkWindow = 40
)
