package main

import (
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
)

// svgRenderer draws maps for the server: from a cache when it can,
// otherwise SVG in a render worker (see serve_worker.go) and other formats
// in this process, one at a time, and never twice at once the same. A
// map's DOT is its cache key: it holds everything that makes the map, so
// two requests that draw the same map share one layout however they are
// spelled, and a reload of the data that changes a map changes its key.
type svgRenderer struct {
	exe     string        // the binary to start workers from; "" lays out in this process
	stderr  io.Writer     // where workers report
	limit   uint64        // resident memory after which a worker is retired
	timeout time.Duration // longest a layout may take

	sem chan struct{} // held while a layout runs

	mu      sync.Mutex
	cache   *lru
	flights map[[32]byte]*flight
	w       *worker
	stats   renderStats
}

type renderStats struct {
	Layouts  int `json:"layouts"`  // layouts done
	Hits     int `json:"hits"`     // requests served from the cache
	Shared   int `json:"shared"`   // requests that waited for another's layout
	Workers  int `json:"workers"`  // workers started
	Failures int `json:"failures"` // layouts that failed, then were retried
}

// flight is one layout in progress, which several requests may wait for.
type flight struct {
	done    chan struct{}
	svg     []byte
	err     error
	waiters int // requests still waiting; none left means nobody wants it
}

const (
	workerMemoryLimit = 160 << 20
	layoutTimeout     = time.Minute
	cacheBytes        = 24 << 20
	cacheEntries      = 2000
)

func newSVGRenderer(stderr io.Writer) *svgRenderer {
	r := &svgRenderer{
		stderr: stderr, limit: workerMemoryLimit, timeout: layoutTimeout,
		sem: make(chan struct{}, 1), cache: newLRU(cacheBytes, cacheEntries), flights: map[[32]byte]*flight{},
	}
	if exe, err := os.Executable(); err == nil {
		r.exe = exe
	} else {
		fmt.Fprintf(stderr, "conceptmap serve: warning: cannot find my own binary (%v); laying maps out in the server process\n", err)
	}
	return r
}

// SVG returns the SVG of dot, as render.SVGOfDOT does.
func (r *svgRenderer) SVG(ctx context.Context, dot []byte) ([]byte, error) {
	return r.do(ctx, sha256.Sum256(dot), func() ([]byte, error) { return r.layout(dot) })
}

// other returns a map in another format than SVG, made by build in this
// process, cached under the format and the map's DOT.
func (r *svgRenderer) other(ctx context.Context, format string, dot []byte, build func() ([]byte, error)) ([]byte, error) {
	key := sha256.Sum256(append([]byte(format+"\x00"), dot...))
	return r.do(ctx, key, func() ([]byte, error) {
		r.count(func(s *renderStats) { s.Layouts++ })
		return build()
	})
}

// do returns what build makes, from the cache under key or by calling build,
// when no other build runs, unless another call for key is already on its
// way, which it then waits for. A request that goes away does not stop
// the build: the result goes into the cache for the next one.
func (r *svgRenderer) do(ctx context.Context, key [32]byte, build func() ([]byte, error)) ([]byte, error) {
	r.mu.Lock()
	if b, ok := r.cache.get(key); ok {
		r.stats.Hits++
		r.mu.Unlock()
		return b, nil
	}
	f, ok := r.flights[key]
	if ok {
		r.stats.Shared++
	} else {
		f = &flight{done: make(chan struct{})}
		r.flights[key] = f
		go r.fly(key, f, build)
	}
	f.waiters++
	r.mu.Unlock()
	select {
	case <-f.done:
		return f.svg, f.err
	case <-ctx.Done():
		r.mu.Lock()
		f.waiters--
		r.mu.Unlock()
		return nil, ctx.Err()
	}
}

// fly calls build when its turn comes, unless every request that wanted
// it has gone by then, and caches the result.
func (r *svgRenderer) fly(key [32]byte, f *flight, build func() ([]byte, error)) {
	r.sem <- struct{}{}
	r.mu.Lock()
	wanted := f.waiters > 0
	r.mu.Unlock()
	if wanted {
		f.svg, f.err = build()
	} else {
		f.err = context.Canceled
	}
	<-r.sem
	r.mu.Lock()
	delete(r.flights, key)
	if f.err == nil {
		r.cache.add(key, f.svg)
	}
	r.mu.Unlock()
	close(f.done)
}

// layout runs one layout in the worker, starting one if there is none,
// retiring it when it has grown too big, and trying once more on a fresh
// worker when the layout fails: a failed Graphviz is not to be trusted
// with the next map.
func (r *svgRenderer) layout(dot []byte) ([]byte, error) {
	if r.exe == "" {
		r.count(func(s *renderStats) { s.Layouts++ })
		return render.SVGOfDOT(context.Background(), dot)
	}
	var err error
	for attempt := 0; attempt < 2; attempt++ {
		var w *worker
		if w, err = r.worker(); err != nil {
			break
		}
		var svg []byte
		start := time.Now()
		svg, err = w.render(dot, r.timeout)
		if err == nil {
			r.count(func(s *renderStats) { s.Layouts++ })
			if w.rss > r.limit {
				r.retire()
			}
			return svg, nil
		}
		r.retire()
		r.count(func(s *renderStats) { s.Failures++ })
		if time.Since(start) >= r.timeout {
			return nil, fmt.Errorf("render: the layout took more than %s and was stopped", r.timeout)
		}
	}
	var le *errLayout
	if errors.As(err, &le) {
		return nil, errors.New(le.msg)
	}
	return nil, fmt.Errorf("render: %w", err)
}

func (r *svgRenderer) count(f func(*renderStats)) {
	r.mu.Lock()
	f(&r.stats)
	r.mu.Unlock()
}

func (r *svgRenderer) worker() (*worker, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.w == nil {
		w, err := startWorker(r.exe, r.stderr)
		if err != nil {
			return nil, fmt.Errorf("starting a render worker: %w", err)
		}
		r.w = w
		r.stats.Workers++
	}
	return r.w, nil
}

// retire stops the current worker; the next layout starts another.
func (r *svgRenderer) retire() {
	r.mu.Lock()
	w := r.w
	r.w = nil
	r.mu.Unlock()
	if w != nil {
		go w.stop()
	}
}

// close stops the worker, waiting for it to go.
func (r *svgRenderer) close() {
	r.mu.Lock()
	w := r.w
	r.w = nil
	r.mu.Unlock()
	if w != nil {
		w.stop()
	}
}

func (r *svgRenderer) snapshot() renderStats {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.stats
}

// lru is a cache of SVGs bounded by their total size and their number,
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
