package graph

import (
	"fmt"
	"testing"
)

// planView is the view a plan's map draws: the plan's concepts and every
// relation among them.
func planView(g *Graph, target *Concept) View {
	p := g.Plan([]*Concept{target}, nil)
	cs := []*Concept{target}
	for _, s := range p.Steps {
		cs = append(cs, s.Concept)
	}
	return g.Induced(cs, nil)
}

// Reduced keeps exactly the order relations that no chain of two or more
// others implies, checked against a search of its own on the plans of
// random graphs; every concept and every relation that orders nothing
// stays.
func TestReduced(t *testing.T) {
	dropped := 0
	for seed := range uint64(20) {
		g := generate(t, 300, 3, seed)
		v := planView(g, g.Concepts()[299])
		r := g.Reduced(v)
		if len(r.Concepts) != len(v.Concepts) {
			t.Fatalf("seed %d: %d concepts, want %d", seed, len(r.Concepts), len(v.Concepts))
		}
		// The order of the view, first → then.
		next := map[string][]string{}
		for _, e := range v.Edges {
			if first, then, ok := orderOf(g, e); ok {
				next[first] = append(next[first], then)
			}
		}
		var reaches func(a, b string, seen map[string]bool) bool
		reaches = func(a, b string, seen map[string]bool) bool {
			if a == b {
				return true
			}
			if seen[a] {
				return false
			}
			seen[a] = true
			for _, c := range next[a] {
				if reaches(c, b, seen) {
					return true
				}
			}
			return false
		}
		kept := map[Edge]bool{}
		for _, e := range r.Edges {
			kept[e] = true
		}
		for _, e := range v.Edges {
			first, then, ok := orderOf(g, e)
			implied := false
			if ok {
				seen := map[string]bool{}
				for _, c := range next[first] {
					if c != then && reaches(c, then, seen) {
						implied = true
					}
				}
			}
			if kept[e] == implied {
				t.Errorf("seed %d: %s %s %s kept %v, implied by others %v", seed, e.From, e.Relation, e.To, kept[e], implied)
			}
			if !kept[e] {
				dropped++
			}
		}
	}
	if dropped == 0 {
		t.Errorf("no relation left out of 20 plans: the test shows nothing")
	}
}

// orderOf says which end of e is learned first, if its relation orders.
func orderOf(g *Graph, e Edge) (first, then string, ok bool) {
	switch g.Relation(e.Relation).First {
	case FirstTarget:
		return e.To, e.From, true
	case FirstSource:
		return e.From, e.To, true
	}
	return "", "", false
}

// BenchmarkReduced measures the transitive reduction of plan maps of
// growing size: the plans of concepts of a 10,000-concept graph.
func BenchmarkReduced(b *testing.B) {
	g := benchGraph(b, 10_000)
	i := 0
	for _, want := range []int{30, 100, 300, 600} {
		// The first concept whose plan has at least want concepts (those
		// of later concepts grow, as relations point to earlier ones).
		var v View
		for ; i < len(g.Concepts()); i += 10 {
			if v = planView(g, g.Concepts()[i]); len(v.Concepts) >= want {
				break
			}
		}
		b.Run(fmt.Sprint(want), func(b *testing.B) {
			kept := 0
			for b.Loop() {
				kept = len(g.Reduced(v).Edges)
			}
			b.ReportMetric(float64(len(v.Concepts)), "concepts")
			b.ReportMetric(float64(len(v.Edges)), "edges")
			b.ReportMetric(float64(kept), "kept")
		})
	}
}
