package engine

import (
	"math"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// gcPause is whether Run pauses the collector (PauseGC).
var gcPause atomic.Bool

// PauseGC sets whether Run keeps the garbage collector from starting while
// Graphviz runs (pauseGC). A command that draws a map or two in a process
// of its own gains a fifth of its CPU. A process that lays out many large
// maps should leave it off: go-graphviz's WebAssembly fails after some
// forty layouts of the whole bundled map in one process at some timings
// of the collector (paused, or unpaused with GOGC at 10, 25 or 400) and
// later at others, so such a process is kept to the timing it has always
// had (render workers are retired when a layout fails).
func PauseGC(on bool) { gcPause.Store(on) }

// pauseHeadroom is how much the heap may grow while Graphviz runs before
// the collector runs anyway.
const pauseHeadroom = 64 << 20

// pauseGC keeps the garbage collector from starting a cycle while Graphviz
// runs, and returns the function that lets it start again.
//
// Graphviz runs as machine code compiled from WebAssembly, which Go cannot
// stop partway: a cycle that begins while a layout runs cannot scan that
// goroutine's stack until the layout returns, and its workers spin on the
// other core all that time. For the whole bundled map that was about 60 ms
// of CPU, a fifth of `map -o x.svg`, whenever a cycle happened to start
// in the layout (an allocation by go-graphviz's host functions, such as
// the WebAssembly memory growing, starts one). Paused, the collector
// catches up after the layout, with nothing to wait for.
//
// The pause is not unbounded: the heap may grow by pauseHeadroom (or up to
// a lower memory limit already set) before a cycle runs anyway, so a huge
// graph costs some spinning rather than unbounded memory. SetGCPercent(-1)
// also waits for a cycle already under way to finish, so no cycle is
// marking when Graphviz starts.
func pauseGC() (resume func()) {
	percent := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(-1)
	if l := goMemory() + pauseHeadroom; l < limit {
		debug.SetMemoryLimit(l)
	}
	return func() {
		debug.SetMemoryLimit(limit)
		debug.SetGCPercent(percent)
	}
}

// goMemory is the memory that the Go runtime counts against its limit:
// everything it has mapped, less what it has given back.
func goMemory() int64 {
	s := []metrics.Sample{
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
	}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 || s[1].Value.Kind() != metrics.KindUint64 {
		return math.MaxInt64 - pauseHeadroom // unknown: keep the limit as it is
	}
	return int64(s[0].Value.Uint64() - s[1].Value.Uint64())
}
