package graph

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// generate makes a random graph of n concepts with about deg relations
// each, drawn from a vocabulary with every kind of learning order. Edges
// only point from a later concept to an earlier one (or the reverse for
// part_of), so the learning order is acyclic. It builds records directly,
// skipping YAML, so large graphs load fast.
func generate(t testing.TB, n, deg int, seed uint64) *Graph {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 1))
	rs := &records{}
	for _, rt := range []struct {
		id    string
		first Order
	}{{"requires", FirstTarget}, {"part_of", FirstSource}, {"improves_on", FirstTarget}, {"related_to", FirstNone}} {
		rs.relations = append(rs.relations, srcRelation{r: &RelationType{ID: rt.id, Label: Text{En: rt.id}, First: rt.first}})
	}
	for _, c := range []string{"a", "b", "c"} {
		rs.categories = append(rs.categories, srcCategory{c: &Category{ID: c}})
	}
	for i := range n {
		c := srcConcept{c: &Concept{
			ID:       fmt.Sprintf("c%06d", i),
			Name:     Text{En: fmt.Sprintf("Concept %d", i), Zh: fmt.Sprintf("概念%d", i)},
			Category: []string{"a", "b", "c"}[r.IntN(3)],
		}}
		if i > 0 {
			seen := map[int]bool{}
			for range r.IntN(2*deg + 1) {
				j := r.IntN(i)
				if seen[j] {
					continue
				}
				seen[j] = true
				e := srcEdge{e: Edge{To: fmt.Sprintf("c%06d", j)}}
				switch k := r.IntN(10); {
				case k < 6:
					e.e.Relation = "requires"
				case k < 8:
					e.e.Relation = "improves_on"
				default:
					e.e.Relation = "related_to"
				}
				c.edges = append(c.edges, e)
			}
		}
		rs.concepts = append(rs.concepts, c)
	}
	// part_of edges run the other way: an earlier concept is part of a
	// later one, and so is learned first.
	for range n / 10 {
		i, j := r.IntN(n), r.IntN(n)
		if i == j {
			continue
		}
		i, j = min(i, j), max(i, j)
		rs.edges = append(rs.edges, srcEdge{e: Edge{From: fmt.Sprintf("c%06d", i), Relation: "part_of", To: fmt.Sprintf("c%06d", j)}})
	}
	g, diags := rs.build()
	if diags != nil {
		t.Fatalf("generated graph: %v", (&LoadError{Diags: diags}).Error())
	}
	return g
}

func TestPlanProperties(t *testing.T) {
	for seed := range uint64(30) {
		g := generate(t, 200, 3, seed)
		r := rand.New(rand.NewPCG(seed, 2))
		cs := g.Concepts()
		pick := func(k int) []*Concept {
			var out []*Concept
			for range k {
				out = append(out, cs[r.IntN(len(cs))])
			}
			return out
		}
		p := g.Plan(pick(1+r.IntN(3)), pick(r.IntN(4)))
		checkPlan(t, g, p)
		if t.Failed() {
			t.Fatalf("seed %d", seed)
		}
	}
}
