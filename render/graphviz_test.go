package render

import (
	"bytes"
	"context"
	"testing"

	"github.com/conceptmap/conceptmap/graph"
)

// TestGraphviz checks the formats Graphviz lays maps out in.
func TestGraphviz(t *testing.T) {
	g := fixture(t)
	dot := DOT(g, g.All(), Options{Lang: graph.Both})
	ctx := context.Background()
	svg, err := Graphviz(ctx, dot, "svg")
	if err != nil {
		t.Fatal(err)
	}
	if want, err := SVGOfDOT(ctx, dot); err != nil || !bytes.Equal(svg, want) {
		t.Errorf("Graphviz svg differs from SVGOfDOT (%v)", err)
	}
	xdot, err := Graphviz(ctx, dot, "xdot")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := parseLayout(xdot); err != nil {
		t.Errorf("Graphviz xdot: %v", err)
	}
	if _, err := Graphviz(ctx, dot, "png"); err == nil {
		t.Errorf("Graphviz png: no error")
	}
}

// TestRasterGraphviz checks that PNG and PDF lay their maps out with
// RasterOptions.Graphviz when it is set, as xdot, and draw the same bytes
// as with the Graphviz of this process.
func TestRasterGraphviz(t *testing.T) {
	f := cjkFont(t)
	g := fixture(t)
	opt := Options{Lang: graph.Both}
	var asked []string
	gv := func(ctx context.Context, dot []byte, format string) ([]byte, error) {
		asked = append(asked, format)
		return Graphviz(ctx, dot, format)
	}
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		draw func(RasterOptions) ([]byte, error)
	}{
		{"PNG", func(ro RasterOptions) ([]byte, error) { return PNG(ctx, g, g.All(), opt, ro) }},
		{"PDF", func(ro RasterOptions) ([]byte, error) { return PDF(ctx, g, g.All(), opt, ro) }},
	} {
		asked = nil
		local := LocalLayouts()
		got, err := tc.draw(RasterOptions{Font: f, Graphviz: gv})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if n := LocalLayouts() - local; n != 0 || len(asked) != 1 || asked[0] != "xdot" {
			t.Errorf("%s with a Graphviz: %d layouts in this process, and it was asked for %q; want 0 and [xdot]", tc.name, n, asked)
		}
		local = LocalLayouts()
		want, err := tc.draw(RasterOptions{Font: f})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if n := LocalLayouts() - local; n != 1 {
			t.Errorf("%s without a Graphviz: %d layouts in this process, want 1", tc.name, n)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s with a Graphviz differs from %s without (%d bytes, want %d)", tc.name, tc.name, len(got), len(want))
		}
	}
}
