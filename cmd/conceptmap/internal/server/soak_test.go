package server

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/server/servertest"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/worker"
)

// TestServeSoak drives the real conceptmap serve binary with thousands of
// distinct map requests, several at a time, and some of the same views
// again in another theme or as PNG or PDF; it checks every answer,
// reports how many layouts each kind of request made and found in the
// cache, and watches the memory of the server and of its render workers.
// It runs only when asked:
//
//	CONCEPTMAP_SOAK=1 go test ./cmd/conceptmap/internal/server -run TestServeSoak -v -timeout 30m
//
// or docs/soak/soak.sh. CONCEPTMAP_SOAK_REQUESTS (2000) and
// CONCEPTMAP_SOAK_CLIENTS (4) change the load.
func TestServeSoak(t *testing.T) {
	if os.Getenv("CONCEPTMAP_SOAK") == "" {
		t.Skip("set CONCEPTMAP_SOAK=1 to run the soak test (docs/soak/soak.sh)")
	}
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("the soak test reads memory from /proc")
	}
	requests := envInt(t, "CONCEPTMAP_SOAK_REQUESTS", 2000)
	clients := envInt(t, "CONCEPTMAP_SOAK_CLIENTS", 4)

	bin := filepath.Join(t.TempDir(), "conceptmap")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/conceptmap/conceptmap/cmd/conceptmap").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), "CONCEPTMAP_LANG=")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr servertest.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
	}()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("reading the address: %v\n%s", err, stderr.String())
	}
	base := strings.TrimSpace(strings.TrimPrefix(line, "conceptmap explorer: "))
	pid := strconv.Itoa(cmd.Process.Pid)

	// Watch the memory: the server's peak (VmHWM) at the end, and every
	// worker's peak while it lives, as workers come and go.
	var workerPeak, workersSeen atomic.Uint64
	seen := map[string]bool{}
	stop := make(chan struct{})
	var watcher sync.WaitGroup
	watcher.Add(1)
	go func() {
		defer watcher.Done()
		for {
			for _, c := range children(pid) {
				if !seen[c] {
					seen[c] = true
					workersSeen.Add(1)
				}
				if kb := worker.ProcStatus(c, "VmHWM"); kb > workerPeak.Load() {
					workerPeak.Store(kb)
				}
			}
			select {
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
			}
		}
	}()

	g := bundled(t)
	views := soakViews(g.Concepts(), requests)
	var failures atomic.Int32
	run := func(reqs []soakRequest) {
		jobs := make(chan soakRequest)
		var wg sync.WaitGroup
		for range clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for q := range jobs {
					if err := checkSoakRequest(base, q); err != nil {
						if failures.Add(1) <= 10 {
							t.Errorf("%s: %v", q.path, err)
						}
					}
				}
			}()
		}
		for _, q := range reqs {
			jobs <- q
		}
		close(jobs)
		wg.Wait()
	}
	// The views go in blocks of soakBlock, each first in the light theme
	// as SVG, then some of them again in another theme or format, as a
	// person switches while looking at a map; each switch, over the
	// block, runs on its own, so that the server's counts before and
	// after it are its own.
	phases := make([]soakPhase, len(soakSwitches)+1)
	phases[0].name = "light SVG"
	for i, sw := range soakSwitches {
		phases[i+1].name = sw.name
	}
	start := time.Now()
	for lo := 0; lo < len(views); lo += soakBlock {
		block := views[lo:min(len(views), lo+soakBlock)]
		for i := range phases {
			var reqs []soakRequest
			for j, v := range block {
				switch {
				case i == 0:
					reqs = append(reqs, soakRequest{"api/map?" + v.query, v.concept, "svg"})
				case (lo+j)%soakSwitches[i-1].every == 0 && v.depth <= soakSwitches[i-1].maxDepth:
					sw := soakSwitches[i-1]
					reqs = append(reqs, soakRequest{sw.path + v.query + sw.query, v.concept, sw.format})
				}
			}
			before := renderStatus(base)
			t0 := time.Now()
			run(reqs)
			phases[i].add(len(reqs), time.Since(t0), before, renderStatus(base))
		}
	}
	elapsed := time.Since(start)
	close(stop)
	watcher.Wait()

	st := renderStatus(base)
	total := 0
	for _, p := range phases {
		total += p.requests
	}
	t.Logf("%d map requests (%d distinct views, then switches), %d clients at a time, in %s (%.0f a second); %d failed",
		total, len(views), clients, elapsed.Round(time.Millisecond), float64(total)/elapsed.Seconds(), failures.Load())
	t.Logf("layouts %d, layout cache hits %d, drawings %d, drawing cache hits %d, shared %d, render workers started %d (seen %d), retried layouts %d",
		st.Layouts, st.Hits, st.Drawings, st.DrawHits, st.Shared, st.Workers, workersSeen.Load(), st.Failures)
	t.Logf("| requests | as | time | layouts | layout hits | hit rate | drawings | drawing hits |")
	for _, p := range phases {
		t.Logf("| %d | %s | %.1f s | %d | %d | %.0f%% | %d | %d |", p.requests, p.name, p.time.Seconds(),
			p.stats.Layouts, p.stats.Hits, 100*float64(p.stats.Hits)/float64(max(1, p.stats.Hits+p.stats.Layouts)), p.stats.Drawings, p.stats.DrawHits)
	}
	serverPeak := worker.ProcStatus(pid, "VmHWM")
	t.Logf("peak resident memory: server %.1f MB (VmHWM), largest render worker %.1f MB", float64(serverPeak)/1024, float64(workerPeak.Load())/1024)
	if serverPeak == 0 || serverPeak > 300*1024 {
		t.Errorf("the server's peak memory is %d kB, want under 300 MB", serverPeak)
	}
	if workerPeak.Load() > 300*1024 {
		t.Errorf("a render worker's peak memory is %d kB, want under 300 MB", workerPeak.Load())
	}
}

func envInt(t *testing.T, name string, def int) int {
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		t.Fatalf("%s=%q: want a positive number", name, s)
	}
	return n
}

// children returns the ids of the processes whose parent is pid.
func children(pid string) []string {
	var out []string
	dirs, _ := os.ReadDir("/proc")
	for _, d := range dirs {
		if _, err := strconv.Atoi(d.Name()); err != nil {
			continue
		}
		b, err := os.ReadFile("/proc/" + d.Name() + "/stat")
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...: comm may hold spaces and parentheses.
		s := string(b)
		if i := strings.LastIndexByte(s, ')'); i > 0 {
			f := strings.Fields(s[i+1:])
			if len(f) > 1 && f[1] == pid {
				out = append(out, d.Name())
			}
		}
	}
	return out
}

// soakView is one map request, the concept its map must show, and its
// depth (0 for a plan).
type soakView struct {
	query, concept string
	depth          int
}

// soakViews makes n distinct map requests: neighbourhoods of every
// concept at several depths, in each language, with and without relation
// filters, then plans.
func soakViews(cs []*graph.Concept, n int) []soakView {
	var out []soakView
	rels := []string{"", "requires", "uses", "part_of,is_a", "improves_on,replaces", "requires,uses,refines"}
	for _, rel := range rels {
		for depth := 1; depth <= 3; depth++ {
			for _, lang := range []string{"en", "zh", "both"} {
				for _, c := range cs {
					q := url.Values{"focus": {c.ID}, "depth": {strconv.Itoa(depth)}, "lang": {lang}}
					if rel != "" {
						q.Set("rel", rel)
					}
					out = append(out, soakView{q.Encode(), c.ID, depth})
					if len(out) == n {
						return out
					}
				}
			}
		}
	}
	for i, c := range cs {
		q := url.Values{"show": {"plan"}, "targets": {c.ID}, "known": {cs[(i+7)%len(cs)].ID}}
		out = append(out, soakView{q.Encode(), c.ID, 0})
		if len(out) == n {
			return out
		}
	}
	return out
}

// soakBlock is how many views go before their switches, as a person
// switches the look of the map before them: the switches of a block find
// its layouts in the cache unless the cache is too small.
const soakBlock = 20

// soakSwitches are the other looks and formats that some views are asked
// for again: every every-th view of a block, up to a depth. PNGs are drawn
// in the server, and one of a depth-3 neighbourhood (7,053 × 6,145 pixels
// at map's scale 2) takes a process past 300 MB by itself.
var soakSwitches = []struct {
	name, path, query, format string
	every, maxDepth           int
}{
	{"dark SVG", "api/map?", "&theme=dark", "svg", 4, 3},
	{"print SVG", "api/map?", "&theme=print", "svg", 10, 3},
	{"light PNG", "download?format=png&", "", "png", 20, 2},
	{"light PDF", "download?format=pdf&", "", "pdf", 20, 2},
	{"dark PNG", "download?format=png&", "&theme=dark", "png", 20, 2},
}

// soakRequest is one request of the soak: its path and query, the
// concept its map must show, and its format.
type soakRequest struct {
	path, concept, format string
}

// soakPhase adds up the requests of one kind: how many, how long they
// took, and what the renderer did for them.
type soakPhase struct {
	name     string
	requests int
	time     time.Duration
	stats    renderStats
}

func (p *soakPhase) add(n int, d time.Duration, before, after renderStats) {
	p.requests += n
	p.time += d
	p.stats.Layouts += after.Layouts - before.Layouts
	p.stats.Hits += after.Hits - before.Hits
	p.stats.Drawings += after.Drawings - before.Drawings
	p.stats.DrawHits += after.DrawHits - before.DrawHits
}

// renderStatus reads the server's renderer's counts.
func renderStatus(base string) renderStats {
	var st struct{ Render renderStats }
	if r, err := http.Get(base + "api/status"); err == nil {
		json.NewDecoder(r.Body).Decode(&st)
		r.Body.Close()
	}
	return st.Render
}

func checkSoakRequest(base string, q soakRequest) error {
	r, err := http.Get(base + q.path)
	if err != nil {
		return err
	}
	defer r.Body.Close()
	b, err := io.ReadAll(r.Body)
	if err != nil {
		return err
	}
	if r.StatusCode != 200 {
		if r.StatusCode == 400 && bytes.Contains(b, []byte("nothing to draw")) {
			return nil // a plan that the known concept already covers
		}
		return fmt.Errorf("status %d: %s", r.StatusCode, b)
	}
	switch q.format {
	case "png":
		if !bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) {
			return fmt.Errorf("not a PNG: %.20q", b)
		}
	case "pdf":
		if !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.Contains(b[max(0, len(b)-32):], []byte("%%EOF")) {
			return fmt.Errorf("not a whole PDF: %.20q", b)
		}
	default:
		return svgProblem(b, q.concept)
	}
	return nil
}
