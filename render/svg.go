package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/goccy/go-graphviz"
)

// go-graphviz runs Graphviz as WebAssembly in one module per process, which
// is not safe for concurrent use even through separate instances. One
// instance, made on first use, serves every render, one at a time.
var engine struct {
	sync.Mutex
	gv *graphviz.Graphviz
}

// SVG lays the view out with Graphviz and returns it as SVG. It is safe
// for concurrent use, but renders one map at a time. On failure it returns
// an error and no SVG.
func SVG(ctx context.Context, g *graph.Graph, v graph.View, opt Options) ([]byte, error) {
	out, err := renderSVG(ctx, DOT(g, v, opt))
	if err != nil || opt.PageWidth <= 0 || opt.PageHeight <= 0 {
		return out, err
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

func renderSVG(ctx context.Context, dot []byte) ([]byte, error) {
	out, err := runGraphviz(ctx, dot, graphviz.SVG)
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(out, []byte("<?xml")) || !bytes.HasSuffix(bytes.TrimSpace(out), []byte("</svg>")) {
		return nil, errors.New("render: Graphviz returned incomplete SVG")
	}
	return bytes.ReplaceAll(out, svgFont, []byte(`font-family="`+fontFamily+`"`)), nil
}

// runGraphviz lays DOT source out with the shared instance and returns
// it in the given format.
func runGraphviz(ctx context.Context, dot []byte, format graphviz.Format) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	engine.Lock()
	defer engine.Unlock()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if engine.gv == nil {
		// The instance outlives this call, so it must not keep its context.
		gv, err := graphviz.New(context.WithoutCancel(ctx))
		if err != nil {
			return nil, fmt.Errorf("render: starting Graphviz: %w", err)
		}
		engine.gv = gv
	}
	gr, err := graphviz.ParseBytes(dot)
	if err != nil {
		return nil, fmt.Errorf("render: Graphviz cannot read the map: %s", strings.TrimSpace(err.Error()))
	}
	defer gr.Close()
	var buf bytes.Buffer
	if err := engine.gv.Render(ctx, gr, format, &buf); err != nil {
		return nil, fmt.Errorf("render: Graphviz layout failed: %s", strings.TrimSpace(err.Error()))
	}
	return buf.Bytes(), nil
}
