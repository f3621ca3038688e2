package export

import (
	"bytes"
	"reflect"
	"slices"
	"testing"

	"github.com/conceptmap/conceptmap/graph"
)

// TestGraphMLLoadsBack loads each GraphML export with graph's loader,
// over the graph's vocabulary (GraphML carries neither it nor category
// names nor references), and checks that every concept comes back with
// its names, category, summary, analogy and aliases (with ; in them), and every edge with
// its reasons; exporting it again gives the same bytes. The hostile graph
// is left out: XML cannot hold its control characters.
func TestGraphMLLoadsBack(t *testing.T) {
	for _, rg := range roundTripGraphs(t) {
		if rg.name == "hostile" {
			continue
		}
		for _, lang := range []graph.Lang{graph.Both, graph.Zh} {
			b := GraphML(rg.g, rg.g.All(), Options{Lang: lang})
			var l graph.Loader
			vocabName := "relations.yaml"
			if bytes.HasPrefix(rg.vocab, []byte("{")) {
				vocabName = "relations.json"
			}
			l.DefaultVocabulary(vocabName, rg.vocab)
			l.AddFile(rg.name+".graphml", b)
			got, err := l.Load()
			if err != nil {
				t.Errorf("%s: the GraphML export does not load: %v", rg.name, err)
				continue
			}
			if len(got.Concepts()) != len(rg.g.Concepts()) {
				t.Errorf("%s: %d concepts, want %d", rg.name, len(got.Concepts()), len(rg.g.Concepts()))
			}
			for _, w := range rg.g.Concepts() {
				g := got.Concept(w.ID)
				if g == nil {
					t.Errorf("%s: concept %q is missing", rg.name, w.ID)
					continue
				}
				want := *w
				g2 := *g
				want.Pos, want.Refs = graph.Pos{}, nil
				g2.Pos = graph.Pos{}
				if !reflect.DeepEqual(g2, want) {
					t.Errorf("%s: concept %q\n got %#v\nwant %#v", rg.name, w.ID, g2, want)
				}
			}
			strip := func(es []graph.Edge) []graph.Edge {
				es = slices.Clone(es)
				for i := range es {
					es[i].Pos = graph.Pos{}
				}
				return es
			}
			if ge, we := strip(got.Edges()), strip(rg.g.Edges()); !reflect.DeepEqual(ge, we) {
				t.Errorf("%s: edges\n got %+v\nwant %+v", rg.name, ge, we)
			}
			if again := GraphML(got, got.All(), Options{Lang: lang}); !bytes.Equal(again, b) {
				t.Errorf("%s: GraphML → load → GraphML changed the bytes", rg.name)
			}
		}
	}
}
