package graph

import (
	"os"
	"strings"
	"testing"
)

// The roles fixture, testdata/roles.yaml. Arrows run from what is learned
// first to what builds on it.
//
//	head ─(part_of)─► attn ─(part_of)─┐
//	calc ─(requires)► norm ─(part_of)─┤
//	nn ──────────────(requires)───────┴─► tf ─(requires)─► llm ─(requires)─► grpo
//	 │                                    ▲                 ▲                  ▲
//	 │                      (replaces: background)  kv ─(part_of, reach: all)  │
//	 ├─(requires)─► rnn ─(requires)─► lstm ┘                                   │
//	 └─(requires)─► ppo ──────────────(requires, role: background)─────────────┘
//
// part_of reaches one link: a plan holds the parts of its targets, not of
// everything they need. replaces offers background, from targets only.
func rolesFixture(t testing.TB) *Graph {
	t.Helper()
	g, err := Load(os.DirFS("testdata"), "roles.yaml")
	if err != nil {
		t.Fatalf("loading the roles fixture: %v", err)
	}
	return g
}

func TestPlanRoles(t *testing.T) {
	g := rolesFixture(t)
	for _, tc := range []struct {
		targets, known []string
		steps, bg      string // ids in order
		all            string // steps with the background among them
	}{
		// The parts of the target come, not the parts of its parts; the
		// LSTM it replaces is background, with what the LSTM needs.
		{targets: []string{"tf"}, steps: "calc norm attn nn tf", bg: "rnn lstm", all: "nn rnn lstm calc norm attn tf"},
		// Needing a Transformer is not needing its parts or its history.
		{targets: []string{"llm"}, steps: "nn tf kv llm"},
		// reach: all on one relation; role: background on another.
		{targets: []string{"grpo"}, steps: "nn tf kv llm grpo", bg: "ppo", all: "nn tf kv llm ppo grpo"},
		{targets: []string{"attn"}, steps: "head attn"},
		// Knowing the Transformer is knowing what a plan for it holds.
		{targets: []string{"grpo"}, known: []string{"tf"}, steps: "kv llm grpo", bg: "ppo", all: "kv llm ppo grpo"},
		{targets: []string{"tf"}, known: []string{"lstm"}, steps: "calc norm attn tf"},
	} {
		t.Run(strings.Join(tc.targets, "+")+"-"+strings.Join(tc.known, "+"), func(t *testing.T) {
			ts, ks := concepts(t, g, tc.targets...), concepts(t, g, tc.known...)
			p := g.Plan(ts, ks)
			if got := strings.Join(stepIDs(p.Steps), " "); got != tc.steps {
				t.Errorf("steps = %q, want %q", got, tc.steps)
			}
			if got := strings.Join(stepIDs(p.Background), " "); got != tc.bg {
				t.Errorf("background = %q, want %q", got, tc.bg)
			}
			for _, s := range p.Background {
				if !s.Background || len(s.Because) == 0 {
					t.Errorf("background step %s: Background %v, because %v", s.Concept.ID, s.Background, s.Because)
				}
			}
			checkPlan(t, g, p)
			all := g.PlanWith(ts, ks, PlanOptions{WithBackground: true})
			want := tc.all
			if want == "" {
				want = tc.steps
			}
			if got := strings.Join(stepIDs(all.Steps), " "); got != want {
				t.Errorf("with background = %q, want %q", got, want)
			}
			if len(all.Background) != 0 {
				t.Errorf("with background, Background = %v", stepIDs(all.Background))
			}
			checkPlan(t, g, all)
		})
	}
}

func TestPlanRolesBecause(t *testing.T) {
	g := rolesFixture(t)
	p := g.Plan(concepts(t, g, "tf"), nil)
	got := map[string]string{}
	for _, s := range append(p.Steps, p.Background...) {
		var parts []string
		for _, e := range s.Because {
			parts = append(parts, e.From+" "+e.Relation+" "+e.To)
		}
		got[s.Concept.ID] = strings.Join(parts, ", ")
	}
	for id, w := range map[string]string{
		"lstm": "tf replaces lstm",
		"rnn":  "lstm requires rnn, tf replaces lstm",
		"calc": "norm requires calc, norm part_of tf",
	} {
		if got[id] != w {
			t.Errorf("because of %s = %q, want %q", id, got[id], w)
		}
	}
}

func TestUnlocksRoles(t *testing.T) {
	g := rolesFixture(t)
	for id, want := range map[string]string{
		"head": "attn",     // not tf: a plan for tf leaves out the parts of its parts
		"calc": "norm tf",  // not llm: needing tf is not needing its parts
		"kv":   "llm grpo", // reach: all
		"lstm": "",         // background unlocks nothing
		"nn":   "rnn lstm tf llm ppo grpo",
	} {
		if got := strings.Join(stepIDs(g.Unlocks(g.Concept(id))), " "); got != want {
			t.Errorf("unlocks %s = %q, want %q", id, got, want)
		}
	}
}
