package graph

import (
	"errors"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestSelect runs selections over the fixture graph (see fixture_test.go)
// and checks the view's concepts, its edges' relation types and the marks.
func TestSelect(t *testing.T) {
	g := fixture(t)
	for _, tc := range []struct {
		name     string
		sel      Selection
		concepts string // the view's ids, sorted
		steps    string // id:step, in step order
		targets  string
		known    string
		high     string
		path     string // the path's edges, from-relation-to
	}{
		{name: "all", concepts: "attn ffn grad grpo loner lstm nn ppo rlhf rnn sft tf"},
		{name: "plan", sel: Selection{Plan: []string{"GRPO"}},
			concepts: "grad grpo nn ppo", steps: "nn:1 grad:2 ppo:3 grpo:4", targets: "grpo"},
		{name: "plan known", sel: Selection{Plan: []string{"grpo"}, Known: []string{"grad"}},
			concepts: "grad grpo ppo", steps: "ppo:1 grpo:2", targets: "grpo", known: "grad"},
		{name: "focus", sel: Selection{Focus: "lstm"}, concepts: "lstm rnn", targets: "lstm"},
		{name: "focus depth", sel: Selection{Focus: "lstm", Depth: 2}, concepts: "lstm nn rnn tf", targets: "lstm"},
		{name: "focus relation", sel: Selection{Focus: "tf", Relations: []string{"part_of"}}, concepts: "attn ffn tf", targets: "tf"},
		{name: "category", sel: Selection{Category: "Foundations"}, concepts: "grad nn"},
		{name: "plan category", sel: Selection{Plan: []string{"grpo"}, Category: "adv"},
			concepts: "grpo ppo", steps: "nn:1 grad:2 ppo:3 grpo:4", targets: "grpo"},
		{name: "path", sel: Selection{Path: []string{"lstm", "tf"}},
			concepts: "attn ffn lstm nn rnn sft tf", targets: "tf", path: "lstm-improves_on-rnn tf-related_to-rnn"},
		{name: "highlight", sel: Selection{Focus: "lstm", Highlight: []string{"loner", "LSTM"}},
			concepts: "loner lstm rnn", targets: "lstm", high: "loner lstm"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, m, err := g.Select(tc.sel)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(idsOf(v.Concepts), " "); got != tc.concepts {
				t.Errorf("concepts %q, want %q", got, tc.concepts)
			}
			for _, e := range v.Edges {
				if !slices.Contains(v.Concepts, g.Concept(e.From)) || !slices.Contains(v.Concepts, g.Concept(e.To)) {
					t.Errorf("edge %v leaves the view", e.Key())
				}
				if len(tc.sel.Relations) > 0 && !slices.Contains(tc.sel.Relations, e.Relation) {
					t.Errorf("edge %v is of a type not selected", e.Key())
				}
			}
			var steps []string
			if m.Plan != nil {
				for _, s := range m.Plan.Steps {
					steps = append(steps, s.Concept.ID+":"+itoa(m.Steps[s.Concept.ID]))
				}
			}
			set := func(s map[string]bool) string { return strings.Join(slices.Sorted(maps.Keys(s)), " ") }
			var path []string
			if m.Path != nil {
				for k := range m.Path.Edges {
					path = append(path, k.From+"-"+k.Relation+"-"+k.To)
				}
				slices.Sort(path)
				for _, k := range path {
					if f := strings.Split(k, "-"); !m.Path.Concepts[f[0]] || !m.Path.Concepts[f[2]] {
						t.Errorf("path edge %s has an end outside the path's concepts", k)
					}
				}
			}
			for what, got := range map[string][2]string{
				"steps":     {strings.Join(steps, " "), tc.steps},
				"targets":   {set(m.Targets), tc.targets},
				"known":     {set(m.Known), tc.known},
				"highlight": {set(m.Highlight), tc.high},
				"path":      {strings.Join(path, " "), tc.path},
			} {
				if got[0] != got[1] {
					t.Errorf("%s %q, want %q", what, got[0], got[1])
				}
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestSelectErrors pins every error a selection can give, and checks
// that each is of its type and names the field at fault.
func TestSelectErrors(t *testing.T) {
	g := fixture(t)
	for _, tc := range []struct {
		sel   Selection
		field string // the SelectionError's or ConflictError's field; "" for neither
		want  string
	}{
		{Selection{Plan: []string{"grpo"}, Focus: "tf"}, "plan", "plan and focus draw different things; give one of them"},
		{Selection{Known: []string{"nn"}}, "known", "known needs plan"},
		{Selection{Depth: 2}, "depth", "depth needs focus"},
		{Selection{Focus: "tf", Depth: -1}, "depth", "depth: must be 1 or more, not -1"},
		{Selection{Path: []string{"nn"}}, "path", "path: needs two concepts, FROM and TO, not 1"},
		{Selection{Path: []string{"nn", "tf"}, Category: "core"}, "path", "path and category draw different things; give one of them"},
		{Selection{Relations: []string{"requirez"}}, "relations", `relations: unknown relation type "requirez"; did you mean "requires"?`},
		{Selection{Plan: []string{"grpo"}, Known: []string{"nope", "ppoo"}}, "known", "known: unknown concept \"nope\", and no name is close to it\nunknown concept \"ppoo\"; did you mean ppo (PPO (近端策略优化))?"},
		{Selection{Plan: []string{"grpo"}, Known: []string{"grpo"}}, "", "nothing to draw: the known concepts already cover grpo"},
		{Selection{Focus: "lstm", Category: "adv"}, "", "nothing to draw: no concept of this selection is in category adv"},
		{Selection{Category: "advv"}, "category", `category: unknown category "advv" (did you mean "adv"?)`},
		{Selection{Category: "zzzzzz"}, "category", `category: unknown category "zzzzzz"; known categories: found, core, adv, other`},
		{Selection{Highlight: []string{"zzz"}}, "highlight", `highlight: unknown concept "zzz", and no name is close to it`},
		{Selection{Path: []string{"loner", "nn"}}, "", "no path from loner to nn"},
		{Selection{Focus: "xyzzy"}, "", `unknown concept "xyzzy", and no name is close to it`},
	} {
		_, _, err := g.Select(tc.sel)
		if err == nil || err.Error() != tc.want {
			t.Errorf("Select(%+v) error\n%v\nwant\n%s", tc.sel, err, tc.want)
			continue
		}
		var se *SelectionError
		var ce *ConflictError
		field := ""
		switch {
		case errors.As(err, &se):
			field = se.Field
		case errors.As(err, &ce):
			field = ce.Field
		}
		if field != tc.field {
			t.Errorf("Select(%+v): field %q, want %q", tc.sel, field, tc.field)
		}
	}
}

// TestLookupAllTyped checks that LookupAll keeps the type of every
// failure, so that callers can tell them apart.
func TestLookupAllTyped(t *testing.T) {
	g := fixture(t)
	_, err := g.LookupAll([]string{"nn", "nope", "grpp"})
	var nf *NotFoundError
	if !errors.As(err, &nf) || nf.Name != "nope" {
		t.Fatalf("errors.As(%v) = %v, want the NotFoundError of nope", err, nf)
	}
	joined, ok := err.(interface{ Unwrap() []error })
	if !ok || len(joined.Unwrap()) != 2 {
		t.Errorf("LookupAll of two unknown names: %v, want two errors", err)
	}
	if err := (&NoPathError{From: "a", To: "b", Directed: true}).Error(); strings.Contains(err, "--") {
		t.Errorf("NoPathError speaks of flags: %s", err)
	}
}
