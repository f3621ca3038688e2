package render

import (
	"bytes"
	"context"
	"errors"
	"regexp"
	"strconv"

	"github.com/conceptmap/conceptmap/graph"
)

// SVG lays the view out with Graphviz and returns it as SVG, of the page
// size of opt when it has one. It is safe for concurrent use. On failure
// it returns an error and no SVG.
func (r Renderer) SVG(ctx context.Context, g *graph.Graph, v graph.View, opt Options) ([]byte, error) {
	if err := opt.check(); err != nil {
		return nil, err
	}
	opt, err := r.Fit(ctx, g, v, opt)
	if err != nil {
		return nil, err
	}
	out, err := r.svgOf(ctx, mapDOT(g, v, opt), opt.fit.laid)
	if err != nil {
		return nil, err
	}
	if opt.fit.hasLegend {
		leg, err := r.legendSVG(ctx, g, v, opt, opt.fit.legendLaid)
		if err != nil {
			return nil, err
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
	return fitSVG(out, opt.PageWidth, opt.PageHeight, bg)
}

var svgRoot = regexp.MustCompile(`<svg width="([0-9.]+)pt" height="([0-9.]+)pt"\s+viewBox="([-0-9.]+) ([-0-9.]+) ([0-9.]+) ([0-9.]+)"`)

// fitSVG gives an SVG of Graphviz's the page's size, its drawing scaled to
// fit and centred on a background of colour bg.
func fitSVG(svg []byte, pw, ph float64, bg string) ([]byte, error) {
	m := svgRoot.FindSubmatchIndex(svg)
	if m == nil {
		return nil, errors.New("render: cannot find the size of Graphviz's SVG")
	}
	f := func(i int) float64 {
		x, _ := strconv.ParseFloat(string(svg[m[2*i]:m[2*i+1]]), 64)
		return x
	}
	vx, vy, vw, vh := f(3), f(4), f(5), f(6)
	k := min(pw/vw, ph/vh)
	nw, nh := pw/k, ph/k
	nx, ny := vx-(nw-vw)/2, vy-(nh-vh)/2
	p := func(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }
	end := bytes.IndexByte(svg[m[1]:], '>')
	if end < 0 {
		return nil, errors.New("render: Graphviz's SVG has no root element")
	}
	end += m[1] + 1
	var b bytes.Buffer
	b.Write(svg[:m[0]])
	b.WriteString(`<svg width="` + p(pw) + `pt" height="` + p(ph) + `pt"` + "\n" +
		` viewBox="` + p(nx) + " " + p(ny) + " " + p(nw) + " " + p(nh) + `"`)
	b.Write(svg[m[1]:end])
	b.WriteString("\n" + `<rect x="` + p(nx) + `" y="` + p(ny) + `" width="` + p(nw) + `" height="` + p(nh) + `" fill="` + bg + `"/>`)
	b.Write(svg[end:])
	return b.Bytes(), nil
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
