package graph

import (
	"strings"
	"testing"
)

func TestPlan(t *testing.T) {
	g := fixture(t)
	for _, tc := range []struct {
		targets, known []string
		want           string // step ids in order
		already        string
	}{
		{targets: []string{"grpo"}, want: "nn grad ppo grpo"},
		// Foundations first among equals, then core by name, targets last.
		{targets: []string{"rlhf"}, want: "nn grad attn ffn tf ppo sft rlhf"},
		// Knowing the Transformer implies knowing attention, ffn and nn.
		{targets: []string{"rlhf"}, known: []string{"tf"}, want: "grad ppo sft rlhf"},
		// Targets come last even when one needs the other.
		{targets: []string{"rlhf", "ppo"}, want: "nn grad attn ffn tf sft ppo rlhf"},
		{targets: []string{"lstm", "grpo"}, want: "nn grad rnn ppo lstm grpo"},
		{targets: []string{"nn"}, want: "nn"},
		{targets: []string{"grpo"}, known: []string{"grpo"}, want: "", already: "grpo"},
		{targets: []string{"loner"}, known: []string{"nn"}, want: "loner"},
		// related_to sets no order: tf does not pull in rnn.
		{targets: []string{"tf"}, want: "nn attn ffn tf"},
	} {
		name := strings.Join(tc.targets, "+") + "-" + strings.Join(tc.known, "+")
		t.Run(name, func(t *testing.T) {
			p := g.Plan(concepts(t, g, tc.targets...), concepts(t, g, tc.known...))
			if got := strings.Join(stepIDs(p.Steps), " "); got != tc.want {
				t.Errorf("steps = %q, want %q", got, tc.want)
			}
			if got := strings.Join(idsOf(p.AlreadyKnown), " "); got != tc.already {
				t.Errorf("already known = %q, want %q", got, tc.already)
			}
			checkPlan(t, g, p)
		})
	}
}

func TestPlanBecause(t *testing.T) {
	g := fixture(t)
	p := g.Plan(concepts(t, g, "rlhf"), nil)
	got := map[string]string{}
	for _, s := range p.Steps {
		var parts []string
		for _, e := range s.Because {
			parts = append(parts, e.From+" "+e.Relation+" "+e.To)
		}
		got[s.Concept.ID] = strings.Join(parts, ", ")
	}
	want := map[string]string{
		"rlhf": "",
		"sft":  "rlhf requires sft",
		"ppo":  "rlhf uses ppo",
		"tf":   "sft requires tf, rlhf requires sft",
		"attn": "attn part_of tf, sft requires tf, rlhf requires sft",
		"grad": "ppo requires grad, rlhf uses ppo", // shortest chain, found first
		"nn":   "grad requires nn, ppo requires grad, rlhf uses ppo",
		"ffn":  "ffn part_of tf, sft requires tf, rlhf requires sft",
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("because of %s = %q, want %q", id, got[id], w)
		}
	}
	if w := p.Steps[len(p.Steps)-2].Because[0].Why.En; w != "RLHF starts from an SFT model." {
		t.Errorf("why of sft = %q", w)
	}
}

func TestPrereqsUnlocks(t *testing.T) {
	g := fixture(t)
	for _, tc := range []struct {
		id, prereqs, unlocks string
	}{
		{"tf", "nn attn ffn", "sft rlhf"},
		{"nn", "", "grad rnn lstm tf ppo grpo sft rlhf"},
		{"grpo", "nn grad ppo", ""},
		{"loner", "", ""},
	} {
		c := g.Concept(tc.id)
		if got := strings.Join(stepIDs(g.Prereqs(c)), " "); got != tc.prereqs {
			t.Errorf("prereqs %s = %q, want %q", tc.id, got, tc.prereqs)
		}
		if got := strings.Join(stepIDs(g.Unlocks(c)), " "); got != tc.unlocks {
			t.Errorf("unlocks %s = %q, want %q", tc.id, got, tc.unlocks)
		}
	}
	// Each unlock's chain runs from the concept to the step along edges.
	for _, s := range g.Unlocks(g.Concept("nn")) {
		cur := "nn"
		for _, e := range s.Because {
			switch cur {
			case e.From:
				cur = e.To
			case e.To:
				cur = e.From
			default:
				t.Fatalf("chain of %s breaks at %v", s.Concept.ID, e)
			}
		}
		if cur != s.Concept.ID {
			t.Errorf("chain of %s ends at %s", s.Concept.ID, cur)
		}
	}
}

// checkPlan checks a plan against an oracle: every step comes after all of
// its prerequisites that are in the plan; the steps are exactly the
// targets and their ancestors minus what the known concepts imply; every
// chain is a walk of edges from the step to a target.
func checkPlan(t *testing.T, g *Graph, p *Plan) {
	t.Helper()
	pos := map[string]int{}
	for i, s := range p.Steps {
		if _, dup := pos[s.Concept.ID]; dup {
			t.Fatalf("%s appears twice", s.Concept.ID)
		}
		pos[s.Concept.ID] = i
	}
	// Oracle: prerequisites straight from the edges and the vocabulary.
	pre := map[string][]string{}
	for _, e := range g.Edges() {
		switch g.Relation(e.Relation).First {
		case FirstTarget:
			pre[e.From] = append(pre[e.From], e.To)
		case FirstSource:
			pre[e.To] = append(pre[e.To], e.From)
		}
	}
	ancestors := func(roots []*Concept) map[string]bool {
		seen := map[string]bool{}
		var visit func(string)
		visit = func(id string) {
			if seen[id] {
				return
			}
			seen[id] = true
			for _, p := range pre[id] {
				visit(p)
			}
		}
		for _, r := range roots {
			visit(r.ID)
		}
		return seen
	}
	want := ancestors(p.Targets)
	for id := range ancestors(p.Known) {
		delete(want, id)
	}
	if len(want) != len(pos) {
		t.Errorf("plan has %d steps, oracle wants %d", len(pos), len(want))
	}
	for id := range want {
		if _, ok := pos[id]; !ok {
			t.Errorf("plan lacks %s", id)
		}
	}
	targets := map[string]bool{}
	for _, c := range p.Targets {
		targets[c.ID] = true
	}
	for i, s := range p.Steps {
		id := s.Concept.ID
		for _, q := range pre[id] {
			if j, in := pos[q]; in && j > i {
				t.Errorf("%s (step %d) comes before its prerequisite %s (step %d)", id, i+1, q, j+1)
			}
		}
		if s.Target != targets[id] {
			t.Errorf("%s: Target = %v", id, s.Target)
		}
		if s.Target {
			if len(s.Because) != 0 {
				t.Errorf("target %s has a chain", id)
			}
			continue
		}
		cur := id
		for _, e := range s.Because {
			first, then := e.To, e.From
			if g.Relation(e.Relation).First == FirstSource {
				first, then = e.From, e.To
			}
			if first != cur {
				t.Fatalf("chain of %s breaks at %s %s %s", id, e.From, e.Relation, e.To)
			}
			cur = then
		}
		if !targets[cur] {
			t.Errorf("chain of %s ends at %s, not a target", id, cur)
		}
	}
}
