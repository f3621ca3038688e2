package render

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/internal/engine"
)

// TestLayoutTexts checks the layout against Graphviz's own SVG of the same
// map: the layout draws exactly the texts the SVG shows, hostile ones
// included.
func TestLayoutTexts(t *testing.T) {
	g := fixture(t)
	pv, popt := planOptions(t, g, Options{Look: Look{Lang: graph.Both}, Page: Page{Title: "学习 \"GQA\" <计划> & \\N"}})
	for _, tc := range []struct {
		name string
		v    graph.View
		opt  Options
	}{{"all", g.All(), Options{Look: Look{Lang: graph.Both}}}, {"plan", pv, popt}} {
		t.Run(tc.name, func(t *testing.T) {
			dot := DOT(g, tc.v, tc.opt)
			out, err := Local.Layout(context.Background(), dot, LayoutXDot)
			if err != nil {
				t.Fatal(err)
			}
			l, err := engine.ParseLayout(out)
			if err != nil {
				t.Fatal(err)
			}
			svg, err := Renderer{}.svg(context.Background(), dot)
			if err != nil {
				t.Fatal(err)
			}
			got := l.Texts()
			want := svgTexts(t, svg)
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("layout texts\n%q\nSVG texts\n%q", got, want)
			}
		})
	}
}

// svgTexts returns the texts of an SVG, spaces as Graphviz means them.
func svgTexts(t *testing.T, svg []byte) []string {
	doc := parseSVG(t, svg)
	var out []string
	for _, gs := range [][]*svgGroup{doc.nodes, doc.edges, doc.clusters} {
		for _, g := range gs {
			for _, tx := range g.texts {
				out = append(out, strings.ReplaceAll(tx.text, "\u00a0", " "))
			}
		}
	}
	// The title is outside every group.
	if i := strings.Index(string(svg), `<g id="graph0" class="graph"`); i >= 0 {
		rest := string(svg[i:])
		if j := strings.Index(rest, `<g id="clust`); j >= 0 {
			rest = rest[:j]
		}
		sub := parseSVG(t, []byte(`<svg><g class="cluster">`+cut(rest)+`</g></svg>`))
		for _, c := range sub.clusters {
			for _, tx := range c.texts {
				out = append(out, strings.ReplaceAll(tx.text, "\u00a0", " "))
			}
		}
	}
	return out
}

// cut returns the <text> elements of an SVG fragment.
func cut(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "<text")
		if i < 0 {
			return b.String()
		}
		j := strings.Index(s[i:], "</text>")
		b.WriteString(s[i : i+j+len("</text>")])
		s = s[i+j+len("</text>"):]
	}
}

// TestLegendBackslashes checks that names holding Graphviz's escapes (\N
// is a node's name, \G the graph's) print as written: a relation's in the
// legend and a concept's in its node.
func TestLegendBackslashes(t *testing.T) {
	g := loadBytes(t, "escapes.yaml", []byte(`relations:
  - id: needs
    label: {en: 'needs \N and \G', zh: 需要}
    first: target
concepts:
  - id: a
    name: {en: 'Alpha \N'}
  - id: b
    name: {en: Beta}
    relations:
      - {relation: needs, to: a}
`))
	svg, err := Renderer{}.svg(context.Background(), DOT(g, g.All(), Options{}))
	if err != nil {
		t.Fatal(err)
	}
	texts := svgTexts(t, svg)
	for _, want := range []string{`needs \N and \G`, `Alpha \N`} {
		if n := strings.Count(strings.Join(texts, "\n"), want); n < 1 {
			t.Errorf("the SVG lacks %q; its texts: %q", want, texts)
		}
	}
}
