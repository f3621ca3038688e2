package engine

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/goccy/go-graphviz"

	"github.com/conceptmap/conceptmap/render/internal/gvcache"
)

// go-graphviz's init has run by now, with TMPDIR pointing at the private
// directory that gvcache chose for its compiled code: put TMPDIR back.
func init() { gvcache.Restore() }

// CacheDir returns the directory that holds go-graphviz's compiled code,
// and, when there is none, why (package gvcache).
func CacheDir() (string, error) { return gvcache.Dir() }

// A Format is what Run returns a layout as.
type Format string

const (
	// SVG is Graphviz's own SVG drawing of the layout.
	SVG Format = "svg"
	// XDot is DOT source whose graph, clusters, nodes and edges carry
	// their drawing operations; ParseLayout reads it.
	XDot Format = "xdot"
)

// go-graphviz runs Graphviz as WebAssembly in one module per process, which
// is not safe for concurrent use even through separate instances. One
// instance, made on first use, serves every layout, one at a time.
var engine struct {
	sync.Mutex
	gv *graphviz.Graphviz
}

// Run lays DOT source out with the Graphviz of this process and returns
// it in a format, SVG or XDot. It is safe for concurrent use, but lays out
// one map at a time.
func Run(ctx context.Context, dot []byte, format Format) ([]byte, error) {
	if format != SVG && format != XDot {
		return nil, fmt.Errorf("render: Graphviz lays maps out as svg or xdot, not %q", string(format))
	}
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
	if gcPause.Load() {
		defer pauseGC()()
	}
	gr, err := graphviz.ParseBytes(asciiDOT(dot))
	if err != nil {
		return nil, &Error{Stage: StageRead, Detail: strings.TrimSpace(err.Error())}
	}
	// The graph is never closed: go-graphviz's Close after a layout
	// corrupts the WebAssembly's memory, so that after some ten layouts of
	// a map of forty concepts (fewer with Chinese labels) every later one
	// fails ("out of bounds memory access", "-nan" coordinates). Left
	// open, six hundred such layouts in a row come out whole; what the
	// graph holds stays in memory, which grows anyway with every layout
	// (package worker retires a process that has grown too much).
	var buf bytes.Buffer
	if err := engine.gv.Render(ctx, gr, graphviz.Format(format), &buf); err != nil {
		return nil, &Error{Stage: StageLayout, Detail: strings.TrimSpace(err.Error())}
	}
	if format == XDot {
		return buf.Bytes(), nil // its reader turns references into characters
	}
	return charsOf(buf.Bytes()), nil
}

// A Stage is the part of Graphviz's work that failed.
type Stage string

const (
	StageRead   Stage = "read"   // Graphviz could not read the DOT
	StageLayout Stage = "layout" // Graphviz read it but could not lay it out
)

// An Error is Graphviz refusing a map, with Graphviz's own words.
type Error struct {
	Stage  Stage
	Detail string
}

func (e *Error) Error() string {
	if e.Stage == StageRead {
		return "render: Graphviz cannot read the map: " + e.Detail
	}
	return "render: Graphviz layout failed: " + e.Detail
}
