package server

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/server/servertest"
	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render"
)

// serveOn starts a server with the given configuration on a listener at
// addr, as ListenAndServe would, and returns its port and stderr.
func serveOn(t *testing.T, addr string, cfg Config) (string, *servertest.Buffer) {
	t.Helper()
	stderr := &servertest.Buffer{}
	cfg.Lang, cfg.Data, cfg.Stdout, cfg.Stderr = graph.Both, "the test data", io.Discard, stderr
	cfg.Load = func() (*graph.Graph, error) { return load(nil) }
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- s.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Serve: %v", err)
		}
	})
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	return port, stderr
}

// TestServeIdleConnections fills the server's connections with idle
// kept-alive ones: a new request waits for a free one, which the idle
// timeout makes, and is served.
func TestServeIdleConnections(t *testing.T) {
	const maxConns = 4
	idle := 700 * time.Millisecond
	port, _ := serveOn(t, "127.0.0.1:0", Config{Limits: Limits{MaxConns: maxConns, IdleTimeout: idle, ReadHeaderTimeout: idle}})
	addr := net.JoinHostPort("127.0.0.1", port)
	var conns []net.Conn
	for range maxConns {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		io.WriteString(c, "GET /api/status HTTP/1.1\r\nHost: localhost\r\n\r\n")
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("kept-alive request: %v %v", resp, err)
		}
		io.Copy(io.Discard, resp.Body)
		conns = append(conns, c)
	}
	// Every connection is taken: a new one is not served before the idle
	// ones time out, and is served after.
	start := time.Now()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	io.WriteString(c, "GET /api/status HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
	c.SetReadDeadline(time.Now().Add(30 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("a request beyond the cap: %v %v", resp, err)
	}
	if waited := time.Since(start); waited < idle/2 {
		t.Errorf("a request beyond the cap of %d connections was served after %s, before the idle ones timed out", maxConns, waited)
	}
	for i, c := range conns {
		c.SetReadDeadline(time.Now().Add(10 * time.Second))
		if n, err := c.Read(make([]byte, 1)); err != io.EOF {
			t.Errorf("idle connection %d: read %d bytes, %v; want it closed by the server", i, n, err)
		}
	}
}

// TestServeHostCheck checks that a server listening on all interfaces
// still answers only requests addressed to this machine or an allowed
// host, and warns.
func TestServeHostCheck(t *testing.T) {
	port, stderr := serveOn(t, "0.0.0.0:0", Config{AllowHosts: []string{"Explorer.Example"}})
	hostname, _ := os.Hostname()
	for _, c := range []struct {
		host   string
		status int
	}{
		{"evil.example:" + port, 403},
		{"evil.example", 403},
		{"explorer.example:" + port, 200},
		{"EXPLORER.example.", 200},
		{"localhost:" + port, 200},
		{"127.0.0.1:" + port, 200},
		{hostname + ":" + port, 200},
	} {
		req, _ := http.NewRequest("GET", "http://127.0.0.1:"+port+"/api/status", nil)
		req.Host = c.host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.status {
			t.Errorf("Host %q: %d %s, want %d", c.host, resp.StatusCode, body, c.status)
		}
		if c.status == 403 && !strings.Contains(string(body), "does not answer requests addressed to") {
			t.Errorf("Host %q refused with %q", c.host, body)
		}
	}
	for _, w := range []string{":" + port + ", not on this machine only", "listening on all interfaces; requests must be addressed to localhost or one of:", "explorer.example"} {
		if !strings.Contains(stderr.String(), w) {
			t.Errorf("stderr lacks %q:\n%s", w, stderr)
		}
	}
}

// TestServeSearchCancelled checks that a search whose client has gone
// stops, and answers 503.
func TestServeSearchCancelled(t *testing.T) {
	s, _, _ := testServer(t, false)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequest("GET", "http://localhost/api/search?q=attention+head", nil).WithContext(ctx)
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, req)
	if rec.Code != 503 || !strings.Contains(rec.Body.String(), "request cancelled") {
		t.Errorf("a cancelled search: %d %q, want 503 request cancelled", rec.Code, rec.Body)
	}
}

// TestRendererStoppedWorker stops a worker with SIGSTOP in the middle of
// a layout: that layout fails after the timeout, its worker is killed,
// another layout meanwhile goes to another worker, and the next layout
// is made there.
func TestRendererStoppedWorker(t *testing.T) {
	g := bundled(t)
	var dots [][]byte
	for _, id := range []string{"grpo", "mha", "moe"} {
		v, opt := focusView(t, g, id)
		dots = append(dots, render.DOT(g, v, opt))
	}
	const timeout = 5 * time.Second
	r := newSVGRenderer(io.Discard, 2, timeout)
	defer r.close()
	if _, err := r.Layout(context.Background(), dots[0], render.LayoutSVG); err != nil {
		t.Fatal(err)
	}
	stopped := r.idle[0]
	if err := syscall.Kill(stopped.Pid(), syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var order []string
	var errA error
	doneA := make(chan struct{})
	go func() {
		defer close(doneA)
		_, errA = r.Layout(context.Background(), dots[1], render.LayoutSVG)
		mu.Lock()
		order = append(order, "stuck")
		mu.Unlock()
	}()
	// Wait until the stuck layout has taken the stopped worker.
	for deadline := time.Now().Add(timeout / 2); ; time.Sleep(10 * time.Millisecond) {
		r.mu.Lock()
		n := len(r.idle)
		r.mu.Unlock()
		if n == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the layout did not take the idle worker")
		}
	}
	if _, err := r.Layout(context.Background(), dots[2], render.LayoutSVG); err != nil {
		t.Errorf("a layout while another's worker is stopped: %v", err)
	}
	mu.Lock()
	order = append(order, "other")
	mu.Unlock()
	<-doneA
	if !errors.As(errA, new(errLayoutTimeout)) || !strings.Contains(errA.Error(), "took more than 5s and was stopped") {
		t.Errorf("the layout on a stopped worker: %v, want a timeout", errA)
	}
	if strings.Join(order, " ") != "other stuck" {
		t.Errorf("layouts ended in the order %v: the other layout waited behind the stopped worker", order)
	}
	if err := stopped.Wait(); err != nil {
		t.Errorf("the stopped worker: %v, want it killed", err)
	}
	if _, err := r.Layout(context.Background(), dots[1], render.LayoutSVG); err != nil {
		t.Errorf("the layout again: %v", err)
	}
	if st := r.snapshot(); st.Workers != 2 || st.Failures != 1 {
		t.Errorf("stats %+v, want 2 workers started and 1 failure", st)
	}
	// The server answers a layout that timed out with a 503.
	rec := httptest.NewRecorder()
	(&Server{stderr: io.Discard}).fail(rec, errA)
	if rec.Code != 503 || !strings.Contains(rec.Body.String(), "took more than") {
		t.Errorf("a layout that timed out answers %d %q, want 503", rec.Code, rec.Body)
	}
}
