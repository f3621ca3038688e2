package engine

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
)

// gcCycles is the number of collections completed so far.
func gcCycles() uint64 {
	s := []metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

var sink [][]byte

// churn allocates n bytes of short-lived garbage in 8 KB pieces.
func churn(n int) {
	for i := 0; i < n; i += 8 << 10 {
		sink = append(sink, make([]byte, 8<<10))
		if len(sink) == 64 {
			sink = sink[:0]
		}
	}
	sink = sink[:0]
}

// TestPauseGC checks that no collection runs while paused, though the
// same garbage makes collections run unpaused; that a paused heap growing
// past the headroom is collected all the same; and that resuming puts the
// collector's settings back.
func TestPauseGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math64))
	runtime.GC()

	c := gcCycles()
	churn(pauseHeadroom / 2)
	if gcCycles() == c {
		t.Fatalf("unpaused: %d MB of garbage ran no collection; the test proves nothing", pauseHeadroom/2>>20)
	}

	resume := pauseGC()
	c = gcCycles()
	churn(pauseHeadroom / 2)
	if n := gcCycles() - c; n != 0 {
		t.Errorf("paused: %d collections ran for %d MB of garbage, want none", n, pauseHeadroom/2>>20)
	}
	churn(3 * pauseHeadroom)
	if gcCycles() == c {
		t.Errorf("paused: %d MB of garbage, three times the headroom, ran no collection", 3*pauseHeadroom>>20)
	}
	resume()

	if p := debug.SetGCPercent(100); p != 100 {
		t.Errorf("after resume, GOGC is %d, want 100", p)
	}
	if l := debug.SetMemoryLimit(-1); l != math64 {
		t.Errorf("after resume, the memory limit is %d, want %d", l, int64(math64))
	}
}

const math64 = 1<<63 - 1

// TestPauseGCKeepsLowerLimit checks that a memory limit lower than the
// heap plus the headroom is kept through a pause.
func TestPauseGCKeepsLowerLimit(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math64))
	low := goMemory() + 1<<20
	debug.SetMemoryLimit(low)
	resume := pauseGC()
	if l := debug.SetMemoryLimit(-1); l != low {
		t.Errorf("paused: the memory limit is %d, want the lower %d kept", l, low)
	}
	resume()
	if l := debug.SetMemoryLimit(-1); l != low {
		t.Errorf("after resume, the memory limit is %d, want %d", l, low)
	}
}

// TestRunPausesGC watches the collector's settings from another goroutine
// while Run lays a tree of 1,500 concepts out: GOGC is off during the
// layout, and back as it was afterwards.
func TestRunPausesGC(t *testing.T) {
	PauseGC(true)
	defer PauseGC(false)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	defer debug.SetGCPercent(debug.SetGCPercent(150))
	var dot strings.Builder
	dot.WriteString("digraph {\n")
	for i := range 1500 {
		fmt.Fprintf(&dot, "n%d [label=\"concept %d\"]; n%d -> n%d;\n", i, i, i/3, i)
	}
	dot.WriteString("}\n")

	var off atomic.Bool
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		s := []metrics.Sample{{Name: "/gc/gogc:percent"}}
		for {
			select {
			case <-stop:
				return
			default:
			}
			metrics.Read(s)
			if int64(s[0].Value.Uint64()) == -1 {
				off.Store(true)
			}
		}
	}()
	_, err := Run(context.Background(), []byte(dot.String()), SVG)
	close(stop)
	<-done
	if err != nil {
		t.Fatal(err)
	}
	if !off.Load() {
		t.Error("GOGC was never off while Graphviz ran")
	}
	if p := debug.SetGCPercent(150); p != 150 {
		t.Errorf("after Run, GOGC is %d, want 150", p)
	}
}
