// Package fitsearch chooses among the candidate layouts of a map, laying
// out as few as it can: each judgement is a whole Graphviz layout, read
// as printed, and the largest maps take a tenth of a second each.
//
// It knows nothing of Graphviz or SVG: a candidate is a set of choices, a
// judge lays it out and scores it. It must not import render.
package fitsearch

// A Cand is one set of choices for a map.
type Cand struct {
	// Boxes draws categories as boxes (clusters), else by colour alone.
	Boxes bool
	// Labels puts relation labels on edges; Spacious spreads concepts to
	// give them room; Key numbers the edges and explains the numbers in a
	// key.
	Labels, Spacious, Key bool
	// Dir is the rank direction, "TB" or "LR".
	Dir string
}

// A Labelling is how edges are labelled: with labels, with labels and
// room, with numbers and a key (with or without room), or without.
type Labelling struct{ Labels, Spacious, Key bool }

// Score is how a laid-out candidate reads: its collisions, edges through
// titles, and how far it falls short of the size or aspect it aims at
// (0 when it meets it).
type Score struct {
	Collisions, Titles int
	Short              float64
}

// Passes says whether the candidate reads: nothing collides, no edge runs
// through a title, and it meets its aim.
func (s Score) Passes() bool { return s.Collisions == 0 && s.Titles == 0 && s.Short == 0 }

// Better says whether s is closer to passing than t: fewer collisions,
// then less short of its aim, then fewer edges through titles.
func (s Score) Better(t Score) bool {
	switch {
	case s.Collisions != t.Collisions:
		return s.Collisions < t.Collisions
	case s.Short != t.Short:
		return s.Short < t.Short
	}
	return s.Titles < t.Titles
}

// Plan is what a search may choose from, and what it knows of the map.
type Plan struct {
	// Dirs are the rank directions allowed, the preferred first.
	Dirs []string
	// Labellings are the ways of labelling edges allowed, the preferred
	// first.
	Labellings []Labelling
	// Page says that the map is drawn on a page, where it is judged by
	// the size its names print at; without one, by its aspect.
	Page bool
	// Large says that the map has so many relations that they go
	// unlabelled: it is laid out bare and left to right first.
	Large bool
}

// Order lists the candidates of p from the richest, the most preferred, to
// the barest: boxes before colour, labels before none, the directions in
// their order.
func (p Plan) Order() []Cand {
	var cs []Cand
	for _, boxes := range []bool{true, false} {
		for _, l := range p.Labellings {
			for _, d := range p.Dirs {
				cs = append(cs, Cand{Boxes: boxes, Labels: l.Labels, Spacious: l.Spacious, Key: l.Key, Dir: d})
			}
		}
	}
	return cs
}

// bare is the smallest candidate in a direction: no boxes, and of the
// labellings the one with the fewest of labels and room.
func (p Plan) bare(dir string) Cand {
	weight := func(l Labelling) int {
		n := 0
		if l.Labels || l.Key {
			n++
		}
		if l.Spacious {
			n++
		}
		return n
	}
	l := p.Labellings[0]
	for _, m := range p.Labellings[1:] {
		if weight(m) < weight(l) {
			l = m
		}
	}
	return Cand{Labels: l.Labels, Spacious: l.Spacious, Key: l.Key, Dir: dir}
}

// A Judge lays a candidate out and scores it.
type Judge func(Cand) (Score, error)

// Search returns the first candidate in p's order that passes, or, when
// none does, the one closest to passing (the earliest of equals), with
// its score. It judges each candidate at most once, and leaves out those
// that cannot pass where they can be told from others already judged:
//
//   - On a page, boxes, labels and room only make a map larger, so that
//     its names print smaller: when the bare candidate of a direction
//     falls short of the size, so does every richer one in it, and none
//     is laid out. (Unless the bare one has collisions: a richer one,
//     with fewer, could still come closer.)
//   - A large map without a page is tried bare, left to right, first:
//     with many relations and categories, boxes gather edges through
//     their titles, and top to bottom its ranks are many concepts wide.
//     When that reads, it is the answer.
//
// It needs at least one direction and one labelling.
func Search(p Plan, judge Judge) (Cand, Score, error) {
	judged := map[Cand]Score{}
	eval := func(c Cand) (Score, error) {
		if s, ok := judged[c]; ok {
			return s, nil
		}
		s, err := judge(c)
		if err == nil {
			judged[c] = s
		}
		return s, err
	}
	tooSmall := map[string]bool{}
	switch {
	case p.Page:
		for _, d := range p.Dirs {
			s, err := eval(p.bare(d))
			if err != nil {
				return Cand{}, Score{}, err
			}
			tooSmall[d] = s.Short > 0 && s.Collisions == 0
		}
	case p.Large:
		for _, d := range p.Dirs {
			if d != "LR" {
				continue
			}
			c := p.bare(d)
			s, err := eval(c)
			if err != nil || s.Passes() {
				return c, s, err
			}
		}
	}
	order := p.Order()
	for _, c := range order {
		if tooSmall[c.Dir] && c != p.bare(c.Dir) {
			continue
		}
		s, err := eval(c)
		if err != nil {
			return Cand{}, Score{}, err
		}
		if s.Passes() {
			return c, s, nil
		}
	}
	var best Cand
	var bestScore Score
	first := true
	for _, c := range order {
		s, ok := judged[c]
		if ok && (first || s.Better(bestScore)) {
			best, bestScore, first = c, s, false
		}
	}
	return best, bestScore, nil
}
