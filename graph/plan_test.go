package graph

import (
	"maps"
	"slices"
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
		// Just in time: ppo's small block right before rlhf, grad right
		// before sft, its first user; the Transformer's block first.
		{targets: []string{"rlhf"}, want: "nn attn ffn tf grad sft ppo rlhf"},
		// Knowing the Transformer implies knowing attention, ffn and nn.
		{targets: []string{"rlhf"}, known: []string{"tf"}, want: "grad ppo sft rlhf"},
		// Targets come last even when one needs the other.
		{targets: []string{"rlhf", "ppo"}, want: "nn attn ffn tf grad sft ppo rlhf"},
		{targets: []string{"lstm", "grpo"}, want: "nn grad ppo rnn lstm grpo"},
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
	if w := p.Steps[len(p.Steps)-3].Because[0].Why.En; w != "RLHF starts from an SFT model." {
		t.Errorf("why of sft = %q", w)
	}
}

func TestPrereqsUnlocks(t *testing.T) {
	g := fixture(t)
	for _, tc := range []struct {
		id, prereqs, unlocks string
	}{
		{"tf", "nn attn ffn", "sft rlhf"},
		{"nn", "", "grad tf sft ppo rlhf grpo rnn lstm"},
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

// checkPlan checks a plan against an oracle: every step comes after the
// steps that its relations put before it; the steps and the background
// are exactly what the oracle below computes; every chain is a walk of
// edges from the step to a target.
func checkPlan(t *testing.T, g *Graph, p *Plan) {
	t.Helper()
	pos := map[string]int{}
	withBackground := len(p.Background) == 0
	for i, s := range p.Steps {
		if _, dup := pos[s.Concept.ID]; dup {
			t.Fatalf("%s appears twice", s.Concept.ID)
		}
		pos[s.Concept.ID] = i
		if s.Background {
			withBackground = true
		}
	}
	steps, background := planOracle(g, p.Targets, p.Known)
	want := map[string]bool{}
	for id := range steps {
		want[id] = true
	}
	gotBg := map[string]bool{}
	for _, s := range p.Background {
		gotBg[s.Concept.ID] = true
	}
	if withBackground {
		for id := range background {
			want[id] = true
		}
	} else if !maps.Equal(gotBg, background) {
		t.Errorf("background = %v, oracle wants %v", slices.Sorted(maps.Keys(gotBg)), slices.Sorted(maps.Keys(background)))
	}
	if len(want) != len(pos) {
		t.Errorf("plan has %d steps, oracle wants %d", len(pos), len(want))
	}
	for id := range want {
		if _, ok := pos[id]; !ok {
			t.Errorf("plan lacks %s", id)
		}
	}
	for _, s := range p.Steps {
		if s.Background != (withBackground && background[s.Concept.ID]) {
			t.Errorf("%s: Background = %v", s.Concept.ID, s.Background)
		}
	}
	// Every ordering relation between two steps is respected.
	for _, e := range g.Edges() {
		first, then := e.To, e.From
		switch g.Relation(e.Relation).First {
		case FirstNone:
			continue
		case FirstSource:
			first, then = e.From, e.To
		}
		i, in1 := pos[first]
		j, in2 := pos[then]
		if in1 && in2 && i > j {
			t.Errorf("%s (step %d) comes before %s (step %d), which %s %s %s puts first", then, j+1, first, i+1, e.From, e.Relation, e.To)
		}
	}
	targets := map[string]bool{}
	for _, c := range p.Targets {
		targets[c.ID] = true
	}
	for _, s := range append(slices.Clone(p.Steps), p.Background...) {
		id := s.Concept.ID
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

// planOracle computes a plan's steps and background straight from the
// edges and the vocabulary, by relaxing distances until nothing changes
// (where the plan uses a breadth-first search): a concept is needed at
// distance d+1 from the targets when a prerequisite relation puts it
// before one needed at distance d, and the relation's reach is more than d.
func planOracle(g *Graph, targets, known []*Concept) (steps, background map[string]bool) {
	type link struct {
		first, then string
		role        Role
		reach       int
	}
	var links []link
	for _, e := range g.Edges() {
		rt := g.Relation(e.Relation)
		l := link{first: e.To, then: e.From, role: rt.Role, reach: rt.Reach}
		switch rt.First {
		case FirstNone:
			continue
		case FirstSource:
			l.first, l.then = e.From, e.To
		}
		if e.Role != "" {
			l.role = e.Role
		}
		switch e.Reach {
		case ReachAll:
			l.reach = 0
		case 0:
		default:
			l.reach = e.Reach
		}
		links = append(links, l)
	}
	ok := func(l link, d int) bool { return l.reach == 0 || d < l.reach }
	need := func(roots []string) map[string]int {
		dist := map[string]int{}
		for _, r := range roots {
			dist[r] = 0
		}
		for changed := true; changed; {
			changed = false
			for _, l := range links {
				d, in := dist[l.then]
				if !in || l.role != RolePrerequisite || !ok(l, d) {
					continue
				}
				if old, in := dist[l.first]; !in || old > d+1 {
					dist[l.first] = d + 1
					changed = true
				}
			}
		}
		return dist
	}
	excluded := need(idsOf(known))
	var roots []string
	for _, c := range targets {
		if _, in := excluded[c.ID]; !in {
			roots = append(roots, c.ID)
		}
	}
	dist := need(roots)
	steps = map[string]bool{}
	for id := range dist {
		if _, in := excluded[id]; !in {
			steps[id] = true
		}
	}
	var offered []string
	for _, l := range links {
		if d, in := dist[l.then]; in && steps[l.then] && l.role == RoleBackground && ok(l, d) {
			offered = append(offered, l.first)
		}
	}
	background = map[string]bool{}
	for id := range need(offered) {
		if _, in := excluded[id]; !in && !steps[id] {
			background[id] = true
		}
	}
	return steps, background
}
