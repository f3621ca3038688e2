package graph

// breadthFirst walks the concepts reachable from start breadth first,
// reaching each once. For every concept v it takes from the queue, edges
// offers v's edges in order: offer(e, w, fwd) for an edge e that leads to
// w (fwd false if the walk takes it backwards); edges returns true to end
// the walk. The first time a concept w is offered, reach(v, e, w, fwd)
// says whether to walk on from w, and whether the walk is done.
func (g *Graph) breadthFirst(start int32, edges func(v int32, offer func(e, w int32, fwd bool)) bool, reach func(v, e, w int32, fwd bool) (walkOn, done bool)) {
	seen := make([]bool, len(g.concepts))
	seen[start] = true
	queue := []int32{start}
	done := false
	offer := func(v int32) func(e, w int32, fwd bool) {
		return func(e, w int32, fwd bool) {
			if done || seen[w] {
				return
			}
			seen[w] = true
			var walkOn bool
			walkOn, done = reach(v, e, w, fwd)
			if walkOn {
				queue = append(queue, w)
			}
		}
	}
	for len(queue) > 0 && !done {
		v := queue[0]
		queue = queue[1:]
		if edges(v, offer(v)) {
			return
		}
	}
}
