package web_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/conceptmap/conceptmap/data"
	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/web"
)

// TestScriptParity runs plan.js, which re-implements the planner, search
// and neighbours for the offline page, in Node over the bundled graph and
// a hostile one, and checks that it answers as package graph does: the
// same plans (steps, order and "because" chains), the same search results
// and scores, the same neighbourhoods. In CI (CI set) a missing node is a
// failure.
func TestScriptParity(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("node is needed to run plan.js: install nodejs")
		}
		t.Skip("no node to run plan.js")
	}
	script, err := os.ReadFile("plan.js")
	if err != nil {
		t.Fatal(err)
	}
	bundled, err := graph.Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	var l graph.Loader
	l.DefaultVocabulary("data/relations.yaml", data.Vocabulary)
	if err := l.AddFS(os.DirFS("../../cmd/conceptmap/testdata/serve"), "hostile.yaml", "hostile.yaml"); err != nil {
		t.Fatal(err)
	}
	hostile, err := l.Load()
	if err != nil {
		t.Fatal(err)
	}
	for name, g := range map[string]*graph.Graph{"bundled": bundled, "hostile": hostile} {
		t.Run(name, func(t *testing.T) { checkParity(t, node, string(script), g) })
	}
}

// query is one question for both: a plan (targets, known), a search
// (text) or a neighbourhood (focus, depth, relations).
type query struct {
	Targets   []string `json:"targets,omitempty"`
	Known     []string `json:"known,omitempty"`
	All       bool     `json:"all,omitempty"` // with the background among the steps
	Text      *string  `json:"text,omitempty"`
	Focus     string   `json:"focus,omitempty"`
	Depth     int      `json:"depth,omitempty"`
	Relations []string `json:"relations,omitempty"`
}

// plan is the shape of plan.js's plans: plan --json's, without names.
type plan struct {
	Targets      []string `json:"targets"`
	Known        []string `json:"known"`
	AlreadyKnown []string `json:"already_known"`
	Steps        []step   `json:"steps"`
	Background   []step   `json:"background"`
}

type step struct {
	ID         string `json:"id"`
	Target     bool   `json:"target,omitempty"`
	Background bool   `json:"background,omitempty"`
	Because    []edge `json:"because"`
}

// edge is a relation of a "because" chain, as the script gives it.
type edge struct {
	From     string     `json:"from"`
	Relation string     `json:"relation"`
	To       string     `json:"to"`
	Why      graph.Text `json:"why"`
}

type match struct {
	ID    string `json:"id"`
	Score int    `json:"score"`
}

func ids(cs []*graph.Concept) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, c.ID)
	}
	return out
}

// goAnswer is package graph's answer to q, in plan.js's shape.
func goAnswer(t *testing.T, g *graph.Graph, q query) any {
	switch {
	case q.Text != nil:
		out := []match{}
		for _, m := range g.Search(*q.Text, 0) {
			out = append(out, match{m.Concept.ID, m.Score})
		}
		return out
	case q.Focus != "":
		ns, err := g.Neighbors(g.Concept(q.Focus), graph.NeighborOptions{Depth: q.Depth, Relations: q.Relations})
		if err != nil {
			t.Fatal(err)
		}
		out := []string{q.Focus + ":0"}
		for _, n := range ns {
			out = append(out, n.Concept.ID+":"+strconv.Itoa(n.Depth))
		}
		slices.Sort(out)
		return out
	}
	p, err := g.PlanOfWith(q.Targets, q.Known, graph.PlanOptions{WithBackground: q.All})
	if err != nil {
		t.Fatal(err)
	}
	steps := func(ss []graph.Step) []step {
		out := []step{}
		for _, s := range ss {
			st := step{ID: s.Concept.ID, Target: s.Target, Background: s.Background, Because: []edge{}}
			for _, e := range s.Because {
				st.Because = append(st.Because, edge{From: e.From, Relation: e.Relation, To: e.To, Why: e.Why})
			}
			out = append(out, st)
		}
		return out
	}
	return plan{Targets: ids(p.Targets), Known: ids(p.Known), AlreadyKnown: ids(p.AlreadyKnown), Steps: steps(p.Steps), Background: steps(p.Background)}
}

func checkParity(t *testing.T, node, script string, g *graph.Graph) {
	model, err := web.NewModel(g).JSON()
	if err != nil {
		t.Fatal(err)
	}
	cs := g.Concepts()
	var qs []query
	// Every concept as a target, with the background apart and among the
	// steps, then targets with known concepts.
	for _, c := range cs {
		qs = append(qs, query{Targets: []string{c.ID}}, query{Targets: []string{c.ID}, All: true})
	}
	for i := 0; i+2 < len(cs); i += 7 {
		qs = append(qs, query{Targets: []string{cs[i].ID, cs[i+2].ID}, Known: []string{cs[i+1].ID}})
	}
	for _, text := range []string{"grpo", "相对", "attention", "transformr", "kv cache", "mixture experts", "注意力", "policy", "x", "<script"} {
		qs = append(qs, query{Text: &text})
	}
	for i, c := range cs {
		q := query{Focus: c.ID, Depth: 1 + i%3}
		if i%4 == 0 && len(g.Relations()) > 1 {
			q.Relations = []string{g.Relations()[0].ID, g.Relations()[1].ID}
		}
		qs = append(qs, q)
	}
	in, err := json.Marshal(qs)
	if err != nil {
		t.Fatal(err)
	}
	run := script + `
const fs = require('fs');
const model = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const qs = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const ix = cmCore.index(model);
const out = qs.map((q) => {
  if (q.text !== undefined) return cmCore.search(ix, q.text, 0);
  if (q.focus) {
    const d = cmCore.neighbours(ix, q.focus, q.depth, q.relations || []);
    return [...d.entries()].map(([i, n]) => model.concepts[i].id + ':' + n).sort();
  }
  return cmCore.plan(ix, q.targets, q.known || [], !!q.all);
});
process.stdout.write(JSON.stringify(out));
`
	dir := t.TempDir()
	files := map[string][]byte{"run.js": []byte(run), "model.json": model, "queries.json": in}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := exec.Command(node, filepath.Join(dir, "run.js"), filepath.Join(dir, "model.json"), filepath.Join(dir, "queries.json")).Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var got []json.RawMessage
	if err := json.Unmarshal(out, &got); err != nil || len(got) != len(qs) {
		t.Fatalf("node answered %d of %d queries: %v", len(got), len(qs), err)
	}
	for i, q := range qs {
		want, _ := json.Marshal(goAnswer(t, g, q))
		// Compare in one spelling: decode the script's answer into the
		// Go shape and encode it again.
		var norm any
		switch goAnswer(t, g, q).(type) {
		case plan:
			var p plan
			json.Unmarshal(got[i], &p)
			norm = p
		case []match:
			var m []match
			json.Unmarshal(got[i], &m)
			norm = m
		default:
			var s []string
			json.Unmarshal(got[i], &s)
			norm = s
		}
		gotb, _ := json.Marshal(norm)
		if string(gotb) != string(want) {
			qb, _ := json.Marshal(q)
			t.Errorf("%s:\n script %s\n     Go %s", qb, strings.TrimSpace(string(gotb)), want)
		}
	}
}
