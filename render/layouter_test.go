package render

import (
	"bytes"
	"context"
	"slices"
	"sync"
	"testing"

	"github.com/conceptmap/conceptmap/graph"
)

// recorder is a Layouter that notes what it is asked for and has Local
// lay it out.
type recorder struct {
	mu    sync.Mutex
	asked []LayoutFormat
}

func (r *recorder) Layout(ctx context.Context, dot []byte, format LayoutFormat) ([]byte, error) {
	r.mu.Lock()
	r.asked = append(r.asked, format)
	r.mu.Unlock()
	return Local.Layout(ctx, dot, format)
}

// TestRendererLayouter checks that a Renderer makes every layout with its
// Layouter, in the format each picture needs (SVG and HTML svg, one per
// language of the page; PNG and PDF xdot), and draws the same bytes as
// the functions that use Local.
func TestRendererLayouter(t *testing.T) {
	f := cjkFont(t)
	g := fixture(t)
	v, opt := g.All(), Options{Look: Look{Lang: graph.Both}}
	ro := rasterOpts{Font: f}
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		with func(Renderer) ([]byte, error)
		want func() ([]byte, error)
		asks []LayoutFormat
	}{
		{"SVG", func(r Renderer) ([]byte, error) { return r.SVG(ctx, g, v, opt) },
			func() ([]byte, error) { return SVG(ctx, g, v, opt) }, []LayoutFormat{LayoutSVG}},
		{"PNG", func(r Renderer) ([]byte, error) { return r.PNG(ctx, g, v, withRaster(opt, ro)) },
			func() ([]byte, error) { return PNG(ctx, g, v, withRaster(opt, ro)) }, []LayoutFormat{LayoutXDot}},
		{"PDF", func(r Renderer) ([]byte, error) { return r.PDF(ctx, g, v, withRaster(opt, ro)) },
			func() ([]byte, error) { return PDF(ctx, g, v, withRaster(opt, ro)) }, []LayoutFormat{LayoutXDot}},
		{"HTML", func(r Renderer) ([]byte, error) { return r.HTML(ctx, g, v, opt) },
			func() ([]byte, error) { return HTML(ctx, g, v, opt) }, slices.Repeat([]LayoutFormat{LayoutSVG}, 3*htmlMaps(v))},
	} {
		rec := &recorder{}
		got, err := tc.with(Renderer{Layouter: rec})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if !slices.Equal(rec.asked, tc.asks) {
			t.Errorf("%s asked its Layouter for %q, want %q", tc.name, rec.asked, tc.asks)
		}
		want, err := tc.want()
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s with a Layouter differs from %s with Local (%d bytes, want %d)", tc.name, tc.name, len(got), len(want))
		}
	}
}

// htmlMaps is how many maps HTML draws of v in each language: the view's,
// and with two categories or more, the overview and each category's.
func htmlMaps(v graph.View) int {
	if n := len(categoryViews(v)); n > 1 {
		return 2 + n
	}
	return 1
}
