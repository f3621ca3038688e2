package render

import "context"

// SVGOfDOT lays out DOT source that DOT wrote and returns it as SVG, the
// way SVG does: for options that set no page size (PageWidth and
// PageHeight zero), SVG(ctx, g, v, opt) is SVGOfDOT(ctx, DOT(g, v, opt)).
// It lets a caller make the DOT in one process and lay it out in another,
// as conceptmap serve does to keep Graphviz's memory out of the server.
func SVGOfDOT(ctx context.Context, dot []byte) ([]byte, error) {
	return renderSVG(ctx, dot)
}
