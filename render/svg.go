package render

import (
	"bytes"
	"context"
	"errors"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/internal/frame"
)

// SVG lays the view out with Graphviz and returns it as SVG, of the page
// size of opt when it has one. It is safe for concurrent use. On failure
// it returns an error and no SVG.
func (r Renderer) SVG(ctx context.Context, g *graph.Graph, v graph.View, opt Options) ([]byte, error) {
	if err := opt.check(); err != nil {
		return nil, err
	}
	// Options fitted here, not handed over fitted and maybe changed
	// since, have the layout of their map and legend as Fit made them.
	fresh := opt.Fit && !opt.fitted
	opt, err := r.Fit(ctx, g, v, opt)
	if err != nil {
		return nil, err
	}
	var out []byte
	l := opt.fit.laid
	fresh = fresh && l != nil && l.final
	switch {
	case fresh && opt.fit.hasLegend && l.merged != nil:
		out = l.merged // with its legend, as Fit judged it
	case fresh:
		out = l.svg
	default:
		if out, err = r.svgOf(ctx, mapDOT(g, v, opt), l); err != nil {
			return nil, err
		}
	}
	if opt.fit.hasLegend && (!fresh || l.merged == nil) {
		leg := opt.fit.legendLaid
		if !fresh || leg == nil {
			if leg, err = r.legendSVG(ctx, g, v, opt, leg); err != nil {
				return nil, err
			}
		}
		if leg.svg != nil {
			if out, err = mergeSVG(out, leg.svg, opt.fit.legend, background(opt)); err != nil {
				return nil, err
			}
		}
	}
	if opt.Zoom && len(opt.Hidden) > 0 {
		if out, err = zoomSVG(out); err != nil {
			return nil, err
		}
	}
	if opt.PageWidth <= 0 || opt.PageHeight <= 0 {
		return out, nil
	}
	bg := themeOf(opt.Theme).bg
	if opt.Transparent {
		bg = "none"
	}
	if headOnPage(opt) {
		return frame.HeadSVG(out, pageHeading(opt), opt.PageWidth, opt.PageHeight, bg, themeOf(opt.Theme).text, fontFamily)
	}
	return fitSVG(out, opt.PageWidth, opt.PageHeight, bg)
}

// svgFont is what Graphviz writes for the font we ask for.
var svgFont = []byte(`font-family="Helvetica,sans-Serif"`)

// svgOf returns the SVG of DOT source: the one laid out already if it was
// laid out from the same source, else a new layout.
func (r Renderer) svgOf(ctx context.Context, dot []byte, laid *laidOut) ([]byte, error) {
	if laid != nil && laid.svg != nil && bytes.Equal(laid.dot, dot) {
		return laid.svg, nil
	}
	return r.svg(ctx, dot)
}

func (r Renderer) svg(ctx context.Context, dot []byte) ([]byte, error) {
	out, err := r.layout(ctx, dot, LayoutSVG)
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(out, []byte("<?xml")) || !bytes.HasSuffix(bytes.TrimSpace(out), []byte("</svg>")) {
		return nil, errors.New("render: Graphviz returned incomplete SVG")
	}
	return bytes.ReplaceAll(out, svgFont, []byte(`font-family="`+fontFamily+`"`)), nil
}
