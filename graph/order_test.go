package graph

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// plainOrder is the order plans had before they were just in time, as a
// yardstick: a topological sort that takes, among the ready concepts,
// non-targets first, then by rank.
func plainOrder(g *Graph, set []int32, isTarget []bool) []int32 {
	in := map[int32]bool{}
	for _, v := range set {
		in[v] = true
	}
	pending := map[int32]int{}
	for _, v := range set {
		for _, e := range g.before[v] {
			if u, _, _ := g.order(e); in[u] {
				pending[v]++
			}
		}
	}
	key := func(v int32) int64 {
		k := int64(g.rank[v])
		if isTarget[v] {
			k += 1 << 32
		}
		return k
	}
	var ready, out []int32
	for _, v := range set {
		if pending[v] == 0 {
			ready = append(ready, v)
		}
	}
	for len(ready) > 0 {
		slices.SortFunc(ready, func(a, b int32) int { return int(key(b) - key(a)) })
		v := ready[len(ready)-1]
		ready = ready[:len(ready)-1]
		out = append(out, v)
		for _, e := range g.after[v] {
			if _, w, _ := g.order(e); in[w] {
				if pending[w]--; pending[w] == 0 {
					ready = append(ready, w)
				}
			}
		}
	}
	return out
}

// waitsOf measures an order independently of the orderer: for each
// concept that a later one directly needs (a relation puts it first), the
// number of steps to the first such.
func waitsOf(g *Graph, order []int32) (waits []int) {
	pos := map[int32]int{}
	for i, v := range order {
		pos[v] = i
	}
	for i, v := range order {
		first := -1
		for _, e := range g.after[v] {
			_, w, _ := g.order(e)
			if j, in := pos[w]; in && j > i && (first < 0 || j < first) {
				first = j
			}
		}
		if first >= 0 {
			waits = append(waits, first-i)
		}
	}
	return waits
}

func meanMax(ws []int) (float64, int) {
	if len(ws) == 0 {
		return 0, 0
	}
	sum, m := 0, 0
	for _, w := range ws {
		sum += w
		m = max(m, w)
	}
	return float64(sum) / float64(len(ws)), m
}

// On random graphs, plans in just-in-time order wait less than in the
// plain topological order: never more on average in any plan, half as
// long over all of them, and less at worst; and they stay valid.
func TestPlanWaits(t *testing.T) {
	var jitMean, plainMean float64
	var jitMax, plainMax, worse, plans int
	for seed := range uint64(20) {
		g := generateWith(t, 400, 3, seed, seed%2 == 1)
		r := rand.New(rand.NewPCG(seed, 3))
		cs := g.Concepts()
		for range 5 {
			ts := []*Concept{cs[len(cs)/2+r.IntN(len(cs)/2)]}
			p := g.Plan(ts, nil)
			if len(p.Steps) < 8 {
				continue
			}
			var order []int32
			for _, s := range p.Steps {
				order = append(order, g.byID[s.Concept.ID])
			}
			isTarget := make([]bool, len(cs))
			isTarget[g.byID[ts[0].ID]] = true
			plain := plainOrder(g, order, isTarget)
			jm, jx := meanMax(waitsOf(g, order))
			pm, px := meanMax(waitsOf(g, plain))
			jitMean += jm
			plainMean += pm
			jitMax += jx
			plainMax += px
			plans++
			if jm > pm {
				worse++
			}
			checkPlan(t, g, p)
		}
	}
	jitMean /= float64(plans)
	plainMean /= float64(plans)
	t.Logf("%d plans: mean wait %.2f (plain %.2f), max wait %.1f (plain %.1f) on average; %d worse than plain", plans, jitMean, plainMean, float64(jitMax)/float64(plans), float64(plainMax)/float64(plans), worse)
	if jitMean > 0.5*plainMean || jitMax > plainMax || worse > 0 {
		t.Errorf("just-in-time order: mean wait %.2f against plain %.2f, total max %d against %d, %d of %d plans worse", jitMean, plainMean, jitMax, plainMax, worse, plans)
	}
}

// sink computes each move's change of the total wait from what the move
// passes; sinkSlow, below, recomputes the waits of every concept the move
// can touch. They give the same orders.
func TestSinkExact(t *testing.T) {
	moves := 0
	for seed := range uint64(20) {
		g := generateWith(t, 300, 3, seed, seed%2 == 0)
		r := rand.New(rand.NewPCG(seed, 4))
		cs := g.Concepts()
		for range 5 {
			c := cs[len(cs)/2+r.IntN(len(cs)/2)]
			var set []int32
			isTarget := make([]bool, len(cs))
			isTarget[g.byID[c.ID]] = true
			for _, s := range g.Plan([]*Concept{c}, nil).Steps {
				set = append(set, g.byID[s.Concept.ID])
			}
			o := g.newOrderer(set, isTarget)
			// Start from the plain order, which leaves much to improve.
			local := map[int32]int32{}
			for l, v := range set {
				local[v] = int32(l)
			}
			var a []int32
			for _, v := range plainOrder(g, set, isTarget) {
				a = append(a, local[v])
			}
			b := slices.Clone(a)
			o.sink(a)
			o.sinkSlow(b)
			if !slices.Equal(a, b) {
				t.Fatalf("seed %d, plan of %s: sink %v, sinkSlow %v", seed, c.ID, a, b)
			}
			for i := range a {
				if a[i] != local[plainOrder(g, set, isTarget)[i]] {
					moves++
					break
				}
			}
		}
	}
	if moves == 0 {
		t.Error("sink moved nothing in any plan")
	}
}

func (o *orderer) sinkSlow(order []int32) {
	pos := make([]int32, o.k)
	for i, l := range order {
		pos[l] = int32(i)
	}
	firstUser := func(l int32, at func(int32) int32) int32 {
		f := int32(-1)
		for _, u := range o.post[l] {
			if p := at(u); f < 0 || p < f {
				f = p
			}
		}
		return f
	}
	wait := func(l int32, at func(int32) int32) int32 {
		if f := firstUser(l, at); f >= 0 {
			return f - at(l)
		}
		return 0
	}
	var touched []int32
	seen := make([]int32, o.k) // stamp of the last move that touched a concept
	stamp := int32(0)
	for range sinkPasses {
		moved := false
		for i := int32(o.k) - 2; i >= 0; i-- {
			x := order[i]
			j := firstUser(x, func(u int32) int32 { return pos[u] })
			if j < 0 || j-i < 2 || j-i > sinkWindow {
				continue
			}
			if !o.target[x] && slices.ContainsFunc(order[i+1:j], func(y int32) bool { return o.target[y] }) {
				continue
			}
			// The concepts whose waits the move can change: x, those it
			// passes, and what either needs.
			stamp++
			touched = touched[:0]
			touch := func(l int32) {
				if seen[l] != stamp {
					seen[l] = stamp
					touched = append(touched, l)
				}
			}
			touch(x)
			for _, p := range o.pre[x] {
				touch(p)
			}
			for q := i + 1; q < j; q++ {
				touch(order[q])
				for _, p := range o.pre[order[q]] {
					touch(p)
				}
			}
			after := func(u int32) int32 {
				switch p := pos[u]; {
				case u == x:
					return j - 1
				case p > i && p < j:
					return p - 1
				default:
					return p
				}
			}
			delta := int32(0)
			for _, l := range touched {
				delta += wait(l, after) - wait(l, func(u int32) int32 { return pos[u] })
			}
			if delta >= 0 {
				continue
			}
			copy(order[i:j-1], order[i+1:j])
			order[j-1] = x
			for q := i; q < j; q++ {
				pos[order[q]] = q
			}
			moved = true
		}
		if !moved {
			return
		}
	}
}
