package graph

// minHeap is a binary heap of concepts ordered by a key.
type minHeap struct {
	items []int32
	key   func(int32) uint64
}

func (h *minHeap) len() int { return len(h.items) }

func (h *minHeap) push(v int32) {
	h.items = append(h.items, v)
	i := len(h.items) - 1
	for i > 0 {
		p := (i - 1) / 2
		if h.key(h.items[p]) <= h.key(h.items[i]) {
			break
		}
		h.items[p], h.items[i] = h.items[i], h.items[p]
		i = p
	}
}

func (h *minHeap) pop() int32 {
	top := h.items[0]
	last := len(h.items) - 1
	h.items[0] = h.items[last]
	h.items = h.items[:last]
	i := 0
	for {
		l, r, m := 2*i+1, 2*i+2, i
		if l < last && h.key(h.items[l]) < h.key(h.items[m]) {
			m = l
		}
		if r < last && h.key(h.items[r]) < h.key(h.items[m]) {
			m = r
		}
		if m == i {
			return top
		}
		h.items[i], h.items[m] = h.items[m], h.items[i]
		i = m
	}
}
