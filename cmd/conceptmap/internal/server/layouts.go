package server

import (
	"bytes"
	"container/list"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/conceptmap/conceptmap/render"
	"github.com/conceptmap/conceptmap/render/worker"
)

// svgRenderer draws maps for the server: from a cache when it can,
// otherwise with every Graphviz layout made in a render worker (see
// package render/worker): SVG there, and PNG and PDF drawn in this process from
// the worker's xdot layout. It makes as many layouts at once as it has
// workers (each in its own), draws as many PNGs or PDFs at once, and never
// makes the same twice at once. A layout that takes longer than its
// timeout has its worker killed and fails with errLayoutTimeout; the
// others go on in the other workers. A layout's
// format and DOT, with the DOT's colours taken out (see colours), are its
// cache key: the DOT holds everything that places the map, so two
// requests that draw the same map share one layout however they are
// spelled, the same map in another theme that changes only colours shares
// it too, and a reload of the data that changes a map changes its key.
// PNGs and PDFs are cached under their format and the whole DOT.
type svgRenderer struct {
	exe     string        // the binary to start workers from; "" lays out in this process
	stderr  io.Writer     // where workers report
	limit   uint64        // resident memory after which a worker is retired
	timeout time.Duration // longest a layout may take

	// A drawing holds drawSem and may wait for a layout, which holds
	// layoutSem; a layout never waits for a drawing.
	layoutSem chan struct{} // held while a layout runs
	drawSem   chan struct{} // held while a PNG or PDF is drawn

	mu      sync.Mutex
	cache   *lru
	flights map[[32]byte]*flight
	idle    []*worker.Process // workers waiting for a layout; the others are busy
	closed  bool              // no worker is to wait any more
	stats   renderStats
}

type renderStats struct {
	Layouts  int `json:"layouts"`  // layouts done (SVG, or xdot for PNG and PDF)
	Drawings int `json:"drawings"` // PNGs and PDFs drawn from a layout
	Hits     int `json:"hits"`     // layouts found in the cache
	DrawHits int `json:"drawHits"` // PNGs and PDFs found in the cache
	Shared   int `json:"shared"`   // requests that waited for another's layout or drawing
	Workers  int `json:"workers"`  // workers started
	Failures int `json:"failures"` // layouts that failed, then were retried
}

// flight is one layout in progress, which several requests may wait for.
type flight struct {
	done    chan struct{}
	out     []byte
	err     error
	waiters int // requests still waiting; none left means nobody wants it
}

const (
	workerMemoryLimit = 160 << 20
	cacheBytes        = 24 << 20
	cacheEntries      = 2000
)

// newSVGRenderer makes a renderer with up to workers render workers, each
// layout stopped after timeout.
func newSVGRenderer(stderr io.Writer, workers int, timeout time.Duration) *svgRenderer {
	r := &svgRenderer{
		stderr: stderr, limit: workerMemoryLimit, timeout: timeout,
		layoutSem: make(chan struct{}, workers), drawSem: make(chan struct{}, workers), cache: newLRU(cacheBytes, cacheEntries), flights: map[[32]byte]*flight{},
	}
	if exe, err := os.Executable(); err == nil {
		r.exe = exe
	} else {
		fmt.Fprintf(stderr, "conceptmap serve: warning: cannot find my own binary (%v); laying maps out in the server process\n", err)
	}
	return r
}

// Layout returns the layout of dot in a format, as render.Local does,
// made in a render worker. The server's render.Renderer has it as its
// Layouter, so that SVG, PNG, PDF and HTML lay their maps out in the
// worker.
func (r *svgRenderer) Layout(ctx context.Context, dot []byte, format render.LayoutFormat) ([]byte, error) {
	if format != render.LayoutSVG && format != render.LayoutXDot {
		return nil, fmt.Errorf("render: cannot lay a map out as %q", format)
	}
	// Laid out with its colours taken out, so that the same map in
	// another theme shares the layout (see colours).
	c, ok := takeColours(dot)
	if !ok {
		c = colours{dot: dot}
	}
	hits := func(s *renderStats) *int { return &s.Hits }
	out, err := r.do(ctx, cacheKey(string(format), c.dot), r.layoutSem, hits, func() ([]byte, error) { return r.layout(format, c.dot) })
	if err != nil {
		return nil, err
	}
	return c.put(out), nil
}

// draw returns a PNG or a PDF of the map of dot, drawn by build in this
// process, cached under the format and the map's DOT. build must have its
// layout made by r.Layout.
func (r *svgRenderer) draw(ctx context.Context, format string, dot []byte, build func() ([]byte, error)) ([]byte, error) {
	hits := func(s *renderStats) *int { return &s.DrawHits }
	return r.do(ctx, cacheKey(format, dot), r.drawSem, hits, func() ([]byte, error) {
		b, err := build()
		if err == nil {
			r.count(func(s *renderStats) { s.Drawings++ })
		}
		return b, err
	})
}

// cacheKey is the key of a map in a format.
func cacheKey(format string, dot []byte) [32]byte {
	h := sha256.New()
	h.Write([]byte(format))
	h.Write([]byte{0})
	h.Write(dot)
	return [32]byte(h.Sum(nil))
}

// do returns what build makes, from the cache under key (counted in the
// stats that hits points to) or by calling build, when no other build holding sem runs, unless another call for key
// is already on its way, which it then waits for. A request that goes away
// does not stop the build: the result goes into the cache for the next
// one.
func (r *svgRenderer) do(ctx context.Context, key [32]byte, sem chan struct{}, hits func(*renderStats) *int, build func() ([]byte, error)) ([]byte, error) {
	r.mu.Lock()
	if b, ok := r.cache.get(key); ok {
		(*hits(&r.stats))++
		r.mu.Unlock()
		return b, nil
	}
	f, ok := r.flights[key]
	if ok {
		r.stats.Shared++
	} else {
		f = &flight{done: make(chan struct{})}
		r.flights[key] = f
		go r.fly(key, f, sem, build)
	}
	f.waiters++
	r.mu.Unlock()
	select {
	case <-f.done:
		return f.out, f.err
	case <-ctx.Done():
		r.mu.Lock()
		f.waiters--
		r.mu.Unlock()
		return nil, ctx.Err()
	}
}

// fly calls build when its turn at sem comes, unless every request that
// wanted it has gone by then, and caches the result.
func (r *svgRenderer) fly(key [32]byte, f *flight, sem chan struct{}, build func() ([]byte, error)) {
	sem <- struct{}{}
	r.mu.Lock()
	wanted := f.waiters > 0
	r.mu.Unlock()
	if wanted {
		f.out, f.err = build()
	} else {
		f.err = context.Canceled
	}
	<-sem
	r.mu.Lock()
	delete(r.flights, key)
	if f.err == nil {
		r.cache.add(key, f.out)
	}
	r.mu.Unlock()
	close(f.done)
}

// errLayoutTimeout is a layout that took longer than the renderer's
// timeout; its worker was killed.
type errLayoutTimeout struct{ timeout time.Duration }

func (e errLayoutTimeout) Error() string {
	return fmt.Sprintf("render: the layout took more than %s and was stopped; try again, or ask for a smaller map", e.timeout)
}

// layout runs one layout in an idle worker, starting one if there is
// none, retiring it when it has grown too big, and trying once more on a
// fresh worker when the layout fails: a failed Graphviz is not to be
// trusted with the next map. A layout that times out is not tried again.
func (r *svgRenderer) layout(format render.LayoutFormat, dot []byte) ([]byte, error) {
	if r.exe == "" {
		r.count(func(s *renderStats) { s.Layouts++ })
		return render.Local.Layout(context.Background(), dot, format)
	}
	var err error
	for attempt := 0; attempt < 2; attempt++ {
		var w *worker.Process
		if w, err = r.worker(); err != nil {
			break
		}
		var out []byte
		start := time.Now()
		out, err = w.Layout(format, dot, r.timeout)
		took := time.Since(start)
		if err == nil && format == render.LayoutSVG && !completeSVG(out) {
			// A worker's Graphviz that has laid out many maps may cut an
			// SVG short: a fresh one draws it whole.
			err = errors.New("render: Graphviz returned incomplete SVG")
		}
		if err == nil {
			r.count(func(s *renderStats) { s.Layouts++ })
			if w.RSS() > r.limit {
				go w.Stop()
			} else {
				r.put(w)
			}
			return out, nil
		}
		go w.Stop()
		r.count(func(s *renderStats) { s.Failures++ })
		if took >= r.timeout {
			return nil, errLayoutTimeout{r.timeout}
		}
	}
	var le *worker.LayoutError
	if errors.As(err, &le) {
		return nil, le // Graphviz's own words, which fail logs
	}
	return nil, fmt.Errorf("render: %w", err)
}

func (r *svgRenderer) count(f func(*renderStats)) {
	r.mu.Lock()
	f(&r.stats)
	r.mu.Unlock()
}

// worker takes an idle worker, or starts one. The caller holds layoutSem,
// so there are never more workers than it has room for.
func (r *svgRenderer) worker() (*worker.Process, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if n := len(r.idle); n > 0 {
		w := r.idle[n-1]
		r.idle = r.idle[:n-1]
		return w, nil
	}
	w, err := worker.Start(r.exe, r.stderr)
	if err != nil {
		return nil, fmt.Errorf("starting a render worker: %w", err)
	}
	r.stats.Workers++
	return w, nil
}

// put gives back a worker that is fit for another layout.
func (r *svgRenderer) put(w *worker.Process) {
	r.mu.Lock()
	closed := r.closed
	if !closed {
		r.idle = append(r.idle, w)
	}
	r.mu.Unlock()
	if closed {
		w.Stop()
	}
}

// close stops the idle workers, waiting for them to go; busy ones stop
// when their layout ends.
func (r *svgRenderer) close() {
	r.mu.Lock()
	ws := r.idle
	r.idle, r.closed = nil, true
	r.mu.Unlock()
	for _, w := range ws {
		w.Stop()
	}
}

func (r *svgRenderer) snapshot() renderStats {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.stats
}

// lru is a cache of maps bounded by their total size and their number,
// which drops the least recently used first.
type lru struct {
	maxBytes, maxEntries int
	bytes                int
	order                *list.List // front: most recently used
	items                map[[32]byte]*list.Element
}

type lruEntry struct {
	key [32]byte
	val []byte
}

func newLRU(maxBytes, maxEntries int) *lru {
	return &lru{maxBytes: maxBytes, maxEntries: maxEntries, order: list.New(), items: map[[32]byte]*list.Element{}}
}

func (c *lru) get(key [32]byte) ([]byte, bool) {
	e, ok := c.items[key]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*lruEntry).val, true
}

func (c *lru) add(key [32]byte, val []byte) {
	if len(val) > c.maxBytes {
		return
	}
	if e, ok := c.items[key]; ok {
		c.bytes += len(val) - len(e.Value.(*lruEntry).val)
		e.Value.(*lruEntry).val = val
		c.order.MoveToFront(e)
	} else {
		c.items[key] = c.order.PushFront(&lruEntry{key, val})
		c.bytes += len(val)
	}
	for c.bytes > c.maxBytes || c.order.Len() > c.maxEntries {
		e := c.order.Back()
		ent := e.Value.(*lruEntry)
		c.order.Remove(e)
		delete(c.items, ent.key)
		c.bytes -= len(ent.val)
	}
}

// completeSVG says whether Graphviz's SVG output is whole.
func completeSVG(b []byte) bool {
	return bytes.HasPrefix(b, []byte("<?xml")) && bytes.HasSuffix(bytes.TrimSpace(b), []byte("</svg>"))
}
