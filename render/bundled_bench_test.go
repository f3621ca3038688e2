package render

import (
	"context"
	"testing"

	"github.com/conceptmap/conceptmap/data"
	"github.com/conceptmap/conceptmap/graph"
)

// Benchmarks of the whole bundled map. docs/bench/compare.sh runs them next
// to native Graphviz. Each has two cases: "cli" draws what
// `conceptmap map -o x.svg` draws (both languages, and no edge labels past
// EdgeLabelLimit edges, which the bundled map is), "labels" the zero
// Options in both languages, edge labels and all.

func bundledCases(b *testing.B) (*graph.Graph, []bundledCase) {
	b.Helper()
	g, err := graph.Load(data.FS)
	if err != nil {
		b.Fatal(err)
	}
	v := g.All()
	return g, []bundledCase{
		{"cli", v, Options{Look: Look{Lang: graph.Both, NoEdgeLabels: len(v.Edges) > EdgeLabelLimit}}},
		{"labels", v, Options{Look: Look{Lang: graph.Both}}},
	}
}

type bundledCase struct {
	name string
	v    graph.View
	opt  Options
}

func BenchmarkBundledDOT(b *testing.B) {
	g, cases := bundledCases(b)
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var n int
			for b.Loop() {
				n = len(DOT(g, c.v, c.opt))
			}
			b.ReportMetric(float64(n), "bytes")
		})
	}
}

// BenchmarkBundledSVG includes building the DOT. The first render, which
// starts the WebAssembly instance, happens before the timer starts.
func BenchmarkBundledSVG(b *testing.B) {
	g, cases := bundledCases(b)
	ctx := context.Background()
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			if _, err := SVG(ctx, g, c.v, c.opt); err != nil {
				b.Fatal(err)
			}
			var n int
			for b.Loop() {
				svg, err := SVG(ctx, g, c.v, c.opt)
				if err != nil {
					b.Fatal(err)
				}
				n = len(svg)
			}
			b.ReportMetric(float64(n), "bytes")
		})
	}
}
