package export

import (
	"slices"
	"testing"

	"github.com/conceptmap/conceptmap/data"
	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/internal/rendertest"
)

// FuzzExports checks every export's escaping as a property: whatever text
// the loader accepts, JSON, CSV and Obsidian load back as the same graph,
// GraphML is XML that reads back as the graph, the Cypher script's string
// literals unquote to the texts.
func FuzzExports(f *testing.F) {
	rendertest.Fuzz(f, func(t *testing.T, g *graph.Graph, _ string) {
		v := g.All()
		loadsBack(t, "fuzz", g, data.Vocabulary)

		files := Obsidian(g, v)
		var l graph.Loader
		if err := l.AddFS(vaultFS(files), "vault", "vault"); err != nil {
			t.Fatal(err)
		}
		if got, err := l.Load(); err != nil {
			t.Errorf("the vault does not load: %v", err)
		} else {
			sameGraph(t, "Obsidian", g, got, false)
		}

		for _, lang := range []graph.Lang{graph.En, graph.Zh, graph.Both} {
			opt := Options{Lang: lang}
			compareGraphML(t, "GraphML "+string(lang), readGraphML(t, GraphML(g, v, opt)), wantGraphML(g, v, lang), true)
		}

		stmts, _, err := scanCypher(string(Cypher(g, v)))
		if err != nil {
			t.Fatalf("the Cypher script does not scan: %v", err)
		}
		var lits []string
		for _, st := range stmts {
			lits = append(lits, st.literals...)
		}
		for _, c := range v.Concepts {
			for _, s := range append([]string{c.ID, c.Name.En, c.Name.Zh, c.Summary.En, c.Analogy.En}, c.Aliases...) {
				if !slices.Contains(lits, s) {
					t.Errorf("Cypher: no literal reads %q; literals %q", s, lits)
				}
			}
		}
		for _, e := range v.Edges {
			if !slices.Contains(lits, e.Why.En) || !slices.Contains(lits, e.Why.Zh) {
				t.Errorf("Cypher: the reason %q is not a literal; literals %q", e.Why, lits)
			}
		}
	})
}
