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
