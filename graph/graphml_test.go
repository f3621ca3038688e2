package graph

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

func loadFiles(t *testing.T, link string, paths ...string) (*Graph, error) {
	t.Helper()
	l := bundledVocabLoader(t, link)
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		l.AddFile(p, b)
	}
	return l.Load()
}

// A file as yEd saves it: labels in y:NodeLabel and y:EdgeLabel, a group
// node whose label is the category of its members, generated ids, a
// Chinese label, a description, and edges labelled by id, label, Chinese
// label and inverse label.
func TestLoadYEd(t *testing.T) {
	g, err := loadFiles(t, "", "testdata/graphml/yed.graphml")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range g.Concepts() {
		got = append(got, c.ID+" | "+c.Name.En+" | "+c.Name.Zh+" | "+c.Category+" | "+c.Summary.En)
	}
	want := []string{
		"attention | Attention |  | Attention family | ",
		"multi-head_attention | Multi-Head Attention |  | Attention family | Several attention heads look at the text in parallel.",
		"neural_network | Neural network |  | other | Layers of weighted sums & nonlinearities, learned from data.",
		"变换器模型 |  | 变换器模型 | other | ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("concepts:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	wantEdges := []string{
		"attention requires neural_network |  |  @testdata/graphml/yed.graphml:126:5",
		"multi-head_attention improves_on attention | more views of the context at once |  @testdata/graphml/yed.graphml:92:5",
		"multi-head_attention part_of 变换器模型 |  |  @testdata/graphml/yed.graphml:104:5",
		"变换器模型 requires neural_network |  |  @testdata/graphml/yed.graphml:115:5",
	}
	if got := edgeLines(g); strings.Join(got, "\n") != strings.Join(wantEdges, "\n") {
		t.Errorf("edges:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantEdges, "\n"))
	}
}

// A file as Gephi exports it: label and category columns, numeric ids,
// "Edge Label", layout columns to ignore, and an edge without a label,
// which takes LinkRelation.
func TestLoadGephi(t *testing.T) {
	g, err := loadFiles(t, "related_to", "testdata/graphml/gephi.graphml")
	if err != nil {
		t.Fatal(err)
	}
	c := *g.Concept("recurrent_neural_network")
	c.Pos = Pos{}
	if want := (Concept{ID: "recurrent_neural_network", Name: Text{En: "Recurrent neural network"}, Category: "architecture"}); !reflect.DeepEqual(c, want) {
		t.Errorf("got %+v\nwant %+v", c, want)
	}
	want := []string{
		"lstm improves_on recurrent_neural_network |  |  @testdata/graphml/gephi.graphml:37:1",
		"transformer related_to lstm |  |  @testdata/graphml/gephi.graphml:45:1",
		"transformer replaces recurrent_neural_network |  |  @testdata/graphml/gephi.graphml:41:1",
	}
	if got := edgeLines(g); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("edges:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
