package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
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
	return renderSVG(ctx, DOT(g, v, opt))
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
