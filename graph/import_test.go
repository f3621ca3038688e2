package graph

import (
	"os"
	"strings"
	"testing"
)

// A concepts CSV and a relations CSV, as a spreadsheet writes them, load
// like YAML: names resolve by id, name or alias, quoted fields keep their
// commas and quotes, and the bundled-style vocabulary applies.
func TestLoadCSV(t *testing.T) {
	var l Loader
	vocab, err := os.ReadFile("../data/relations.yaml")
	if err != nil {
		t.Fatal(err)
	}
	l.DefaultVocabulary("relations.yaml", vocab)
	if err := l.AddFS(os.DirFS("testdata/import"), ".", "import"); err != nil {
		t.Fatal(err)
	}
	g, err := l.Load()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range g.Edges() {
		got = append(got, e.From+" "+e.Relation+" "+e.To+" "+e.Why.En+"|"+e.Why.Zh)
	}
	want := []string{
		"lstm improves_on rnn An LSTM keeps a notebook.|", // a relation named by its label
		"rnn requires nn |",
		"tf related_to lstm |",
		"tf requires nn A Transformer is a neural network.|Transformer 是一种神经网络。",
		"tf replaces rnn Attention sees the whole context.|注意力能看到整个上下文。",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("edges:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	tf := g.Concept("tf")
	if tf.Summary.En != `Attention and "feed-forward" layers.` || tf.Category != "core" {
		t.Errorf("tf = %+v", tf)
	}
	if rnn, _ := g.Lookup("循环网络"); rnn == nil || rnn.ID != "rnn" {
		t.Errorf("alias from the aliases column: %v", rnn)
	}
	// lstm is named only in extra.csv: it becomes a concept of its own.
	if c := g.Concept("lstm"); c == nil || c.Name.En != "lstm" || c.Category != "other" {
		t.Errorf("implicit concept = %+v", c)
	}
	steps := stepIDs(g.Plan([]*Concept{g.Concept("tf")}, nil).Steps)
	if got := strings.Join(steps, " "); got != "nn rnn tf" {
		t.Errorf("plan tf = %s", got)
	}
}

// YAML concepts and a CSV of extra relations mix in one load.
func TestLoadMixed(t *testing.T) {
	var l Loader
	if err := l.AddFS(os.DirFS("testdata"), "fixture.yaml", "fixture.yaml"); err != nil {
		t.Fatal(err)
	}
	l.AddFile("extra.csv", []byte("from,relation,to\nLoner,related_to,nn\nFFN,requires,Neural network\n"))
	g, err := l.Load()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(stepIDs(g.Prereqs(g.Concept("ffn"))), " "); got != "nn" {
		t.Errorf("prereqs ffn = %q", got)
	}
	if len(g.Concepts()) != 12 {
		t.Errorf("%d concepts: a CSV name made a concept", len(g.Concepts()))
	}
}

// A relations CSV makes a concept of every new name, however close two new
// names are; only a name one letter from a defined concept, and not
// differing in digits, is taken for a typo.
func TestImplicitConcepts(t *testing.T) {
	var l Loader
	l.AddFile("defined.yaml", []byte("relations: [{id: improves_on, label: {en: improves on}, first: target}]\nconcepts: [{id: transformer, name: {en: Transformer}}, {id: gpt3, name: {en: GPT-3}}]\n"))
	l.AddFile("rel.csv", []byte("from,relation,to\nGQA,improves_on,MHA\nMQA,improves_on,MHA\nGPT-4,improves_on,GPT-3\nGPT-3.5,improves_on,GPT-3\n"))
	g, err := l.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"GQA", "MQA", "MHA", "GPT-4", "GPT-3.5"} {
		if g.Concept(id) == nil {
			t.Errorf("no concept %s", id)
		}
	}
	l = Loader{}
	l.AddFile("defined.yaml", []byte("relations: [{id: requires, label: {en: requires}, first: target}]\nconcepts: [{id: transformer, name: {en: Transformer}}]\n"))
	l.AddFile("rel.csv", []byte("from,relation,to\nBERT,requires,Transfomer\n"))
	_, err = l.Load()
	if err == nil || !strings.Contains(err.Error(), `rel.csv:2:3: unknown concept "Transfomer" (did you mean "transformer"?)`) {
		t.Errorf("a typo of a defined concept: %v", err)
	}
}

// Unknown concepts passed to the queries give nothing, or an error, but
// no panic.
func TestQueriesOnForeignConcept(t *testing.T) {
	g := fixture(t)
	x := &Concept{ID: "not-here"}
	if s := g.Prereqs(x); s != nil {
		t.Errorf("Prereqs = %v", s)
	}
	if s := g.Unlocks(x); s != nil {
		t.Errorf("Unlocks = %v", s)
	}
	if _, err := g.Path(x, g.Concept("nn"), PathOptions{}); err == nil {
		t.Error("Path gave no error")
	}
	if _, err := g.Neighbors(x, NeighborOptions{}); err == nil {
		t.Error("Neighbors gave no error")
	}
}
