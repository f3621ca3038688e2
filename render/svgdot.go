package render

import (
	"context"
	"fmt"

	"github.com/goccy/go-graphviz"
)

// SVGOfDOT lays out DOT source that DOT wrote and returns it as SVG, the
// way SVG does: for options that set no page size (PageWidth and
// PageHeight zero), SVG(ctx, g, v, opt) is SVGOfDOT(ctx, DOT(g, v, opt)).
// It lets a caller make the DOT in one process and lay it out in another,
// as conceptmap serve does to keep Graphviz's memory out of the server.
func SVGOfDOT(ctx context.Context, dot []byte) ([]byte, error) {
	return renderSVG(ctx, dot)
}

// Graphviz lays out DOT source that DOT wrote with the Graphviz of this
// process and returns it in a format: "svg", the SVG as SVGOfDOT returns
// it, or "xdot", the layout that PNG, PDF and PDFPages draw. With
// RasterOptions.Graphviz, a caller can have another process call it (see
// there). It is safe for concurrent use, but lays out one map at a time.
func Graphviz(ctx context.Context, dot []byte, format string) ([]byte, error) {
	switch format {
	case "svg":
		return renderSVG(ctx, dot)
	case "xdot":
		return runGraphviz(ctx, dot, graphviz.Format(format))
	}
	return nil, fmt.Errorf("render: Graphviz lays maps out as svg or xdot, not %q", format)
}
