package render

import (
	"bytes"
	"context"
	"os/exec"
	"testing"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/internal/rendertest"
)

// FuzzDOT checks that Graphviz reads the DOT of any graph the loader
// accepts, in every language, and that its SVG is XML. TestFuzzSeedsNative
// has native dot read the seeds' DOT.
func FuzzDOT(f *testing.F) {
	rendertest.Fuzz(f, func(t *testing.T, g *graph.Graph, text string) {
		opt := Options{Look: Look{Lang: graph.Both}, Page: Page{Title: text}}
		svg, err := SVG(context.Background(), g, g.All(), opt)
		if err != nil {
			t.Fatalf("Graphviz does not take the map: %v", err)
		}
		checkXML(t, svg)
	})
}

// TestFuzzSeedsNative has native dot read the DOT of the fuzz seeds, in
// every language, without an error or a warning.
func TestFuzzSeedsNative(t *testing.T) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		rendertest.Missing(t, "native dot not found; apt-get install graphviz (.ci/run does)")
	}
	for _, s := range rendertest.FuzzSeeds {
		g := rendertest.FuzzGraph(s[0], s[1], s[2], s[3], s[4])
		if g == nil {
			t.Errorf("seed %q does not load", s)
			continue
		}
		for _, lang := range []graph.Lang{graph.En, graph.Zh, graph.Both} {
			var stdout, stderr bytes.Buffer
			cmd := exec.Command(dot, "-Tsvg")
			cmd.Stdin = bytes.NewReader(DOT(g, g.All(), Options{Look: Look{Lang: lang}, Page: Page{Title: s[3]}}))
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil || stderr.Len() > 0 {
				t.Errorf("seed %q %s: dot: %v\n%s", s[0], lang, err, stderr.String())
			}
			checkXML(t, stdout.Bytes())
		}
	}
}
