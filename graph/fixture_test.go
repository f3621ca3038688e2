package graph

import (
	"os"
	"testing"
)

// The fixture graph, testdata/fixture.yaml. Arrows run from what is
// learned first to what builds on it; (rel) is the relation that sets the
// order, read "b rel a" for a ──► b unless marked "a rel b".
//
//	           ┌──────────► grad ─────────────┬──────────► ppo ──► grpo
//	           │ (requires)                   │ (requires)  │ (improves_on)
//	 nn ───────┼──────────► rnn ──► lstm      ▼             │ (uses)
//	           │ (requires)   ·   (improves_on)             ▼
//	           └──────────► tf ───────────► sft ───────► rlhf
//	attn ─(attn part_of tf)─►▲  (requires)      (requires)
//	ffn ──(ffn part_of tf)───┘
//
//	tf · rnn: related_to, no order.   loner: no relations.
//
// Categories, in order: found (nn, grad), core (attn, ffn, tf, rnn, lstm),
// adv (sft, ppo, rlhf, grpo), other (loner).
func fixture(t testing.TB) *Graph {
	t.Helper()
	g, err := Load(os.DirFS("testdata"), "fixture.yaml")
	if err != nil {
		t.Fatalf("loading the fixture: %v", err)
	}
	return g
}

func concepts(t testing.TB, g *Graph, ids ...string) []*Concept {
	t.Helper()
	cs := make([]*Concept, len(ids))
	for i, id := range ids {
		if cs[i] = g.Concept(id); cs[i] == nil {
			t.Fatalf("no concept %q in the fixture", id)
		}
	}
	return cs
}

func idsOf(cs []*Concept) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.ID
	}
	return out
}

func stepIDs(steps []Step) []string {
	out := make([]string, len(steps))
	for i, s := range steps {
		out[i] = s.Concept.ID
	}
	return out
}
