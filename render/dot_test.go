package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/internal/rendertest"
)

// planOptions marks the plan for learning gqa on top of opt.
func planOptions(t *testing.T, g *graph.Graph, opt Options) (graph.View, Options) {
	t.Helper()
	v, p := rendertest.Plan(t, g)
	opt.MarkPlan(p)
	return v, opt
}

// goldenCases are the maps kept as goldens, DOT and SVG.
func goldenCases(t *testing.T, g *graph.Graph) []struct {
	name string
	v    graph.View
	opt  Options
} {
	pv, popt := planOptions(t, g, Options{Look: Look{Lang: graph.Zh, RankDir: "LR"}, Page: Page{Title: "学习 \"GQA\" <计划> & \\N"}})
	return []struct {
		name string
		v    graph.View
		opt  Options
	}{
		{"en", g.All(), Options{}},
		{"zh-lr-plan", pv, popt},
		{"both-nolegend", g.All(), Options{Look: Look{Lang: graph.Both, NoLegend: true}}},
		// Numbered edges and their key, in the graph (unfitted) and
		// beside the legend (fitted).
		{"both-key", g.All(), Options{Look: Look{Lang: graph.Both, EdgeKey: true}}},
		{"en-key-fit", g.All(), Options{Look: Look{EdgeKey: true, Fit: true}}},
	}
}

func TestDOTGolden(t *testing.T) {
	g := fixture(t)
	for _, tc := range goldenCases(t, g) {
		t.Run(tc.name, func(t *testing.T) {
			golden(t, tc.name+".dot", DOT(g, tc.v, tc.opt))
		})
	}
}

func TestDOTDeterministic(t *testing.T) {
	g := fixture(t)
	for _, tc := range goldenCases(t, g) {
		a := DOT(g, tc.v, tc.opt)
		// A second graph loaded from the same file, so no state is shared.
		b := DOT(fixture(t), tc.v, tc.opt)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two DOT renders differ", tc.name)
		}
	}
}

func TestDOTStructure(t *testing.T) {
	g := fixture(t)
	dot := string(DOT(g, g.All(), Options{Look: Look{Lang: graph.Zh}}))
	// Clusters come in category order and only for categories in view:
	// foundations (0), architecture (1), then other (3, made by the loader
	// after the declared ones); training (2) has no concepts.
	var clusters []string
	for _, l := range strings.Split(dot, "\n") {
		if name, ok := strings.CutPrefix(strings.TrimSpace(l), "subgraph "); ok {
			clusters = append(clusters, strings.TrimSuffix(name, " {"))
		}
	}
	if got, want := strings.Join(clusters, " "), "cluster_0 cluster_1 cluster_3 cluster_legend"; got != want {
		t.Errorf("clusters = %s, want %s", got, want)
	}
	for _, want := range []string{
		">基础</TD>",                   // category names in the chosen language
		">模型结构与基本概念</TD>",            // as cluster labels
		`id="evil\"<id>&amp;amp;\\"`, // the hostile id, escaped for DOT
		`rankdir=TB`,                 // the default
		`arrowhead="diamond"`,        // part_of's style
		`style="bold"`,               // improves_on's line
		`constraint=false`,           // related_to sets no order
		`dir=back`,                   // requires: the target is laid out first
		`tooltip="提示：\\\\N 与 <x>"`,   // summaries as tooltips, backslash kept
	} {
		if !strings.Contains(dot, want) {
			t.Errorf("DOT lacks %s", want)
		}
	}
	// Two relations between gqa and mha make two edges.
	n := strings.Count(dot, g.Relation("improves_on").Label.Zh) + strings.Count(dot, g.Relation("related_to").Label.Zh)
	if n < 4 { // two improves_on, two related_to
		t.Errorf("found %d improves_on and related_to labels, want 4 or more", n)
	}
}

// TestDOTHandBuiltView checks views that Induced would not make: an edge
// to a concept outside the view is left out, with its legend row, and an
// empty view still gives a graph.
func TestDOTHandBuiltView(t *testing.T) {
	g := fixture(t)
	v := graph.View{
		Concepts: []*graph.Concept{g.Concept("softmax")},
		Edges:    g.Out("softmax"), // softmax requires vector, which is not drawn
	}
	dot := string(DOT(g, v, Options{}))
	if strings.Contains(dot, "->") || strings.Contains(dot, "legend") {
		t.Errorf("DOT draws an edge to a concept outside the view:\n%s", dot)
	}
	if !strings.Contains(dot, `id="softmax"`) {
		t.Errorf("DOT lacks softmax:\n%s", dot)
	}
	empty := string(DOT(g, graph.View{}, Options{Page: Page{Title: "empty"}}))
	if strings.Contains(empty, "subgraph") || !strings.HasSuffix(empty, "}\n") {
		t.Errorf("DOT of an empty view:\n%s", empty)
	}
}

func TestNoEdgeLabels(t *testing.T) {
	g := fixture(t)
	with := string(DOT(g, g.All(), Options{}))
	without := string(DOT(g, g.All(), Options{Look: Look{NoEdgeLabels: true}}))
	label := "is part of" // a relation label of the fixture, drawn on its edges and in the legend
	if n := strings.Count(with, label); n < 2 {
		t.Fatalf("with labels, %q appears %d times", label, n)
	}
	if n := strings.Count(without, label); n != 1 {
		t.Errorf("without edge labels, %q appears %d times, want once (the legend)", label, n)
	}
}
