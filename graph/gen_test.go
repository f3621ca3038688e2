package graph

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"
)

// generate makes a random graph of n concepts with about deg relations
// each, drawn from a vocabulary with every kind of learning order. Edges
// only point from a later concept to an earlier one (or the reverse for
// part_of), so the learning order is acyclic. It builds records directly,
// skipping YAML, so large graphs load fast. Every relation that sets an
// order is a prerequisite of unlimited reach, as networkx's ancestors are
// in the benchmarks' comparison.
func generate(t testing.TB, n, deg int, seed uint64) *Graph {
	return generateWith(t, n, deg, seed, false)
}

// generateRoles is generate with learning roles: part_of reaches one link,
// improves_on is background, and some relations override their type's
// role or reach.
func generateRoles(t testing.TB, n, deg int, seed uint64) *Graph {
	return generateWith(t, n, deg, seed, true)
}

func generateWith(t testing.TB, n, deg int, seed uint64, roles bool) *Graph {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 1))
	rs := &records{}
	for _, rt := range []struct {
		id    string
		first Order
		role  Role
		reach string
	}{{"requires", FirstTarget, "", ""}, {"part_of", FirstSource, "", "1"}, {"improves_on", FirstTarget, RoleBackground, "1"}, {"related_to", FirstNone, "", ""}} {
		sr := srcRelation{r: &RelationType{ID: rt.id, Label: Text{En: rt.id}, First: rt.first}}
		if roles {
			sr.r.Role, sr.reachS = rt.role, rt.reach
		}
		rs.relations = append(rs.relations, sr)
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
				if roles && e.e.Relation != "related_to" {
					switch r.IntN(20) {
					case 0:
						e.e.Role = RoleBackground
					case 1:
						e.e.Role = RoleNone
					case 2:
						e.reachS = "1"
					case 3:
						e.reachS = "all"
					}
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
		e := srcEdge{e: Edge{From: fmt.Sprintf("c%06d", i), Relation: "part_of", To: fmt.Sprintf("c%06d", j)}}
		if roles && r.IntN(4) == 0 {
			e.reachS = "2"
		}
		rs.edges = append(rs.edges, e)
	}
	g, diags := rs.build()
	if diags != nil {
		t.Fatalf("generated graph: %v", (&LoadError{Diags: diags}).Error())
	}
	return g
}

func TestPlanProperties(t *testing.T) {
	for seed := range uint64(60) {
		roles := seed%2 == 1
		g := generateWith(t, 200, 3, seed, roles)
		r := rand.New(rand.NewPCG(seed, 2))
		cs := g.Concepts()
		pick := func(k int) []*Concept {
			var out []*Concept
			for range k {
				out = append(out, cs[r.IntN(len(cs))])
			}
			return out
		}
		ts, ks := pick(1+r.IntN(3)), pick(r.IntN(4))
		checkPlan(t, g, g.Plan(ts, ks))
		checkPlan(t, g, g.PlanWith(ts, ks, PlanOptions{WithBackground: true}))
		if t.Failed() {
			t.Fatalf("seed %d (roles %v)", seed, roles)
		}
	}
}

// Unlocks(c) holds exactly the concepts whose Prereqs hold c.
func TestUnlocksProperties(t *testing.T) {
	for seed := range uint64(6) {
		g := generateRoles(t, 120, 3, seed)
		in := map[string]map[string]bool{} // c → concepts whose prereqs hold c
		for _, w := range g.Concepts() {
			for _, s := range g.Prereqs(w) {
				if in[s.Concept.ID] == nil {
					in[s.Concept.ID] = map[string]bool{}
				}
				in[s.Concept.ID][w.ID] = true
			}
		}
		for _, c := range g.Concepts() {
			got := map[string]bool{}
			for _, s := range g.Unlocks(c) {
				got[s.Concept.ID] = true
			}
			if len(got) != len(in[c.ID]) || (len(got) > 0 && !maps.Equal(got, in[c.ID])) {
				t.Fatalf("seed %d: unlocks %s = %v, want %v", seed, c.ID, slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(in[c.ID])))
			}
		}
	}
}
