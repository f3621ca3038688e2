package graph

import (
	"fmt"
	"os"
	"testing"
)

// Benchmarks of the queries on generated graphs of 10,000 and 100,000
// concepts with about three relations each. The comparison script
// (scripts/compare-networkx.py) runs networkx on the same graphs.

var benchGraphs = map[int]*Graph{}

func benchGraph(b *testing.B, n int) *Graph {
	if g, ok := benchGraphs[n]; ok {
		return g
	}
	g := generate(b, n, 3, 42)
	benchGraphs[n] = g
	return g
}

func BenchmarkPlan(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			g := benchGraph(b, n)
			target := []*Concept{g.Concepts()[n-1]}
			steps := 0
			for b.Loop() {
				steps = len(g.Plan(target, nil).Steps)
			}
			b.ReportMetric(float64(steps), "steps")
		})
	}
}

func BenchmarkPath(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			g := benchGraph(b, n)
			from, to := g.Concepts()[n-1], g.Concepts()[n/2]
			for b.Loop() {
				if _, err := g.Path(from, to, PathOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkNeighbors(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			g := benchGraph(b, n)
			c := g.Concepts()[n/2]
			for b.Loop() {
				if _, err := g.Neighbors(c, NeighborOptions{Depth: 2}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkLoadBundled(b *testing.B) {
	fsys := os.DirFS("../data")
	for b.Loop() {
		if _, err := Load(fsys); err != nil {
			b.Fatal(err)
		}
	}
}
