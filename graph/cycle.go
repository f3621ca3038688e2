package graph

import (
	"slices"
	"strings"
)

// checkCycles reports every cycle among the learning-order edges, each
// named in order with the position of every edge in it.
func (rs *records) checkCycles(g *Graph) {
	for _, scc := range g.sccs() {
		if len(scc) < 2 {
			continue
		}
		cyc := g.cycleIn(scc)
		names := make([]string, 0, len(cyc)+1)
		for _, e := range cyc {
			first, _, _ := g.order(e)
			names = append(names, g.concepts[first].ID)
		}
		names = append(names, names[0])
		msg := "cycle in learning order: " + strings.Join(names, " → ") +
			"; each must be learned before the next, so none can be first. Remove or reverse one of these relations"
		d := rs.diag(g.edges[cyc[0]].Pos, msg)
		for _, e := range cyc {
			ed := g.edges[e]
			first, then, _ := g.order(e)
			d.Notes = append(d.Notes, rs.note(ed.Pos, "%s %s %s puts %s before %s",
				ed.From, ed.Relation, ed.To, g.concepts[first].ID, g.concepts[then].ID))
		}
		rs.diags = append(rs.diags, d)
	}
}

// sccs returns the strongly connected components of the learning-order
// graph (Tarjan's algorithm, without recursion so deep graphs are safe).
func (g *Graph) sccs() [][]int32 {
	n := len(g.concepts)
	index := make([]int32, n)
	low := make([]int32, n)
	onStack := make([]bool, n)
	for i := range index {
		index[i] = -1
	}
	var stack []int32
	var out [][]int32
	type frame struct {
		v    int32
		next int
	}
	next := int32(0)
	for root := range n {
		if index[root] >= 0 {
			continue
		}
		call := []frame{{v: int32(root)}}
		index[root], low[root] = next, next
		next++
		stack = append(stack, int32(root))
		onStack[root] = true
		for len(call) > 0 {
			f := &call[len(call)-1]
			v := f.v
			if f.next < len(g.after[v]) {
				_, w, _ := g.order(g.after[v][f.next])
				f.next++
				if index[w] < 0 {
					index[w], low[w] = next, next
					next++
					stack = append(stack, w)
					onStack[w] = true
					call = append(call, frame{v: w})
				} else if onStack[w] {
					low[v] = min(low[v], index[w])
				}
				continue
			}
			call = call[:len(call)-1]
			if len(call) > 0 {
				p := call[len(call)-1].v
				low[p] = min(low[p], low[v])
			}
			if low[v] == index[v] {
				var comp []int32
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					comp = append(comp, w)
					if w == v {
						break
					}
				}
				out = append(out, comp)
			}
		}
	}
	// Report components in a stable order: by their smallest id.
	for _, c := range out {
		slices.Sort(c)
	}
	slices.SortFunc(out, func(a, b []int32) int { return int(a[0] - b[0]) })
	return out
}

// cycleIn returns the edges of a shortest cycle through the first concept
// of a strongly connected component.
func (g *Graph) cycleIn(scc []int32) []int32 {
	in := map[int32]bool{}
	for _, v := range scc {
		in[v] = true
	}
	start := scc[0]
	via := map[int32]int32{} // concept → edge that reached it
	var cyc []int32
	g.breadthFirst(start, func(v int32, offer func(e, w int32, fwd bool)) bool {
		for _, e := range g.after[v] {
			_, w, _ := g.order(e)
			if !in[w] {
				continue
			}
			if w == start {
				cyc = []int32{e}
				for u := v; u != start; {
					pe := via[u]
					cyc = append(cyc, pe)
					u, _, _ = g.order(pe)
				}
				slices.Reverse(cyc)
				return true
			}
			offer(e, w, true)
		}
		return false
	}, func(_, e, w int32, _ bool) (bool, bool) {
		via[w] = e
		return true, false
	})
	if cyc != nil {
		return cyc
	}
	return nil // unreachable for a component of two or more
}
