package render

import (
	"context"
	"strings"
	"testing"

	"github.com/conceptmap/conceptmap/data"
	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/internal/fonts"
	"github.com/conceptmap/conceptmap/render/readcheck"
)

// The overview of the fixture: foundations (vector, softmax and the evil
// concept) before architecture (attention, mha, gqa, transformer), joined
// by one relation, attention requires softmax.
func TestOverviewFixture(t *testing.T) {
	g := fixture(t)
	dot := string(DOT(g, g.All(), Options{Look: Look{Overview: true}}))
	for _, want := range []string{
		`id="category-foundations"`, `label="Foundations\n3 concepts"`,
		`id="category-architecture"`, `label="Model architecture\n4 concepts"`, `label="Other\n1 concept"`,
		`c0 -> c1 [xlabel="1"`,
	} {
		if !strings.Contains(dot, want) {
			t.Errorf("overview DOT lacks %s:\n%s", want, dot)
		}
	}
	if strings.Contains(dot, "legend") || strings.Contains(dot, `"gqa"`) {
		t.Errorf("an overview draws categories only, no concept and no legend:\n%s", dot)
	}
}

// Over the bundled data, the overview's links count every relation between
// two categories once, and the drawing reads as printed.
func TestOverviewBundled(t *testing.T) {
	g, err := graph.Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	v := g.All()
	cats := map[string]int{}
	for i, c := range g.Categories() {
		cats[c.ID] = i
	}
	cross := 0
	for _, e := range v.Edges {
		if g.Concept(e.From).Category != g.Concept(e.To).Category {
			cross++
		}
	}
	sum := 0
	for _, l := range overviewLinks(g, v, cats) {
		if l.n < 1 || l.from == l.to {
			t.Errorf("link %+v", l)
		}
		sum += l.n
	}
	if sum != cross {
		t.Errorf("the links count %d relations, want the %d between categories", sum, cross)
	}
	svg, err := SVG(context.Background(), g, v, Options{Look: Look{Overview: true, Fit: true, Lang: graph.Both}})
	if err != nil {
		t.Fatal(err)
	}
	r, err := readcheck.Check(svg, func(s string, size float64) float64 { return 1.1 * fonts.TextWidth(s, size) })
	if err != nil {
		t.Fatal(err)
	}
	if ps := r.Problems(readcheck.Limits{MaxAspect: 2.5, Overlaps: true}); len(ps) > 0 || r.Names.N != 2*len(g.Categories())+len(g.Categories()) {
		t.Errorf("overview: %q, %d texts on category nodes, want %d; %s", ps, r.Names.N, 3*len(g.Categories()), r.Figures())
	}
}
