package render

import (
	"context"
	"testing"

	"github.com/conceptmap/conceptmap/data"
	"github.com/conceptmap/conceptmap/graph"
)

// Benchmarks of the whole bundled map, as `conceptmap map -o x.svg` draws
// it (default options, both languages). docs/bench/compare.sh runs them
// next to native Graphviz.

func bundled(b *testing.B) *graph.Graph {
	b.Helper()
	g, err := graph.Load(data.FS)
	if err != nil {
		b.Fatal(err)
	}
	return g
}

func BenchmarkBundledDOT(b *testing.B) {
	g := bundled(b)
	v := g.All()
	var n int
	for b.Loop() {
		n = len(DOT(g, v, Options{Lang: graph.Both}))
	}
	b.ReportMetric(float64(n), "bytes")
}

// BenchmarkBundledSVG includes building the DOT. The first render, which
// starts the WebAssembly instance, happens before the timer starts.
func BenchmarkBundledSVG(b *testing.B) {
	g := bundled(b)
	v := g.All()
	ctx := context.Background()
	opt := Options{Lang: graph.Both}
	if _, err := SVG(ctx, g, v, opt); err != nil {
		b.Fatal(err)
	}
	var n int
	for b.Loop() {
		svg, err := SVG(ctx, g, v, opt)
		if err != nil {
			b.Fatal(err)
		}
		n = len(svg)
	}
	b.ReportMetric(float64(n), "bytes")
}
