package main

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
)

// Benchmarks of whole commands on the bundled data, run in-process as the
// CLI tests run them: the figures leave out process start and Graphviz's
// set-up (see docs/bench for whole processes).

func benchCommand(b *testing.B, args ...string) {
	b.Helper()
	ctx := context.Background()
	var stdout, stderr bytes.Buffer
	// The first run starts Graphviz and reads the font; it is not timed.
	if err := run(ctx, args, &stdout, &stderr); err != nil {
		b.Fatalf("conceptmap %v: %v\n%s", args, err, stderr.String())
	}
	for b.Loop() {
		stdout.Reset()
		stderr.Reset()
		if err := run(ctx, args, &stdout, &stderr); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPlanGRPO(b *testing.B) {
	benchCommand(b, "plan", "GRPO")
}

// BenchmarkMapGRPO draws the learning plan for GRPO as a 1920×1080 slide in
// every drawing format.
func BenchmarkMapGRPO(b *testing.B) {
	dir := b.TempDir()
	for _, f := range []string{"dot", "svg", "png", "pdf"} {
		b.Run(f, func(b *testing.B) {
			benchCommand(b, "map", "--plan", "GRPO", "--size", "16:9", "--scale", "2", "-o", filepath.Join(dir, "grpo."+f))
		})
	}
}
