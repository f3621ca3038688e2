package render

import (
	"context"

	"github.com/conceptmap/conceptmap/graph"

	"github.com/conceptmap/conceptmap/render/internal/engine"
)

// A Layouter lays DOT source, as DOT writes it, out with Graphviz and
// returns Graphviz's output in a format: its SVG, or xdot, the layout that
// PNG and PDF draw. Local is the Graphviz of this process; conceptmap
// serve has its own, which lays maps out in another process (see package
// render/worker).
type Layouter interface {
	Layout(ctx context.Context, dot []byte, format LayoutFormat) ([]byte, error)
}

// A LayoutFormat is what a Layouter returns: LayoutSVG or LayoutXDot.
type LayoutFormat string

const (
	LayoutSVG  LayoutFormat = LayoutFormat(engine.SVG)
	LayoutXDot LayoutFormat = LayoutFormat(engine.XDot)
)

// Local lays maps out with the Graphviz of this process: one instance,
// which lays out one map at a time and is safe for concurrent use.
var Local Layouter = local{}

type local struct{}

func (local) Layout(ctx context.Context, dot []byte, format LayoutFormat) ([]byte, error) {
	return engine.Run(ctx, dot, engine.Format(format))
}

// GraphvizCache returns the private directory where Graphviz's compiled
// code is kept between runs, and, when there is none, why: a directory
// that is not the user's own and closed to others is refused, and then
// Graphviz is compiled anew in every process.
func GraphvizCache() (string, error) { return engine.CacheDir() }

// PauseGCInLayouts sets whether the garbage collector is kept from
// starting while Graphviz lays a map out. Graphviz runs as machine code
// that Go cannot stop partway, so a collection that begins in a layout
// waits for it, its workers spinning: a fifth of the CPU of drawing the
// whole bundled map. Turn it on in a process that draws a few maps and
// exits; leave it off in one that lays out hundreds, where go-graphviz's
// WebAssembly fails sooner at that timing.
func PauseGCInLayouts(on bool) { engine.PauseGC(on) }

// A Renderer draws maps as SVG, PNG, PDF and HTML with its Layouter; the
// functions of the same names use Local. Its zero value is ready to use.
type Renderer struct {
	// Layouter makes every layout the Renderer needs. Nil means Local.
	Layouter Layouter
}

func (r Renderer) layout(ctx context.Context, dot []byte, format LayoutFormat) ([]byte, error) {
	if r.Layouter == nil {
		return Local.Layout(ctx, dot, format)
	}
	return r.Layouter.Layout(ctx, dot, format)
}

// SVG lays the view out with Graphviz and returns it as SVG; see
// Renderer.SVG.
func SVG(ctx context.Context, g *graph.Graph, v graph.View, opt Options) ([]byte, error) {
	return Renderer{}.SVG(ctx, g, v, opt)
}

// PNG lays the view out with Graphviz and draws it as a PNG image; see
// Renderer.PNG.
func PNG(ctx context.Context, g *graph.Graph, v graph.View, opt Options) ([]byte, error) {
	return Renderer{}.PNG(ctx, g, v, opt)
}

// PDF lays the view out with Graphviz and draws it as a one-page PDF; see
// Renderer.PDF.
func PDF(ctx context.Context, g *graph.Graph, v graph.View, opt Options) ([]byte, error) {
	return Renderer{}.PDF(ctx, g, v, opt)
}

// PDFPages draws each frame's view as one page of a PDF; see
// Renderer.PDFPages.
func PDFPages(ctx context.Context, g *graph.Graph, frames []Frame) ([]byte, error) {
	return Renderer{}.PDFPages(ctx, g, frames)
}

// HTML returns the explorer as one self-contained HTML file; see
// Renderer.HTML.
func HTML(ctx context.Context, g *graph.Graph, v graph.View, opt Options) ([]byte, error) {
	return Renderer{}.HTML(ctx, g, v, opt)
}
