package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/server/servertest"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/conceptmap/conceptmap/data"
	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render"
	"github.com/conceptmap/conceptmap/render/worker"
)

// testServer starts the server's handler on a test server, over the
// bundled data or the given data paths.
func testServer(t *testing.T, watch bool, paths ...string) (*Server, *httptest.Server, *servertest.Buffer) {
	t.Helper()
	stderr := &servertest.Buffer{}
	s, err := New(Config{
		Lang: graph.Both, Watch: watch, Data: "the test data", Stdout: io.Discard, Stderr: stderr,
		Load:        func() (*graph.Graph, error) { return load(paths) },
		Fingerprint: func() [32]byte { return fingerprint(paths) },
	})
	if err != nil {
		t.Fatalf("New: %v\n%s", err, stderr)
	}
	hs := httptest.NewServer(s.Handler())
	t.Cleanup(func() {
		hs.Close()
		s.Close()
	})
	return s, hs, stderr
}

// load loads the data files or directories at paths, or the bundled data.
func load(paths []string) (*graph.Graph, error) {
	if len(paths) == 0 {
		return graph.Load(data.FS)
	}
	var l graph.Loader
	l.DefaultVocabulary("data/relations.yaml", data.Vocabulary)
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			if err := l.AddFS(os.DirFS(p), ".", p); err != nil {
				return nil, err
			}
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		l.AddFile(p, b)
	}
	return l.Load()
}

// fingerprint sums up the contents of the files at paths, one level deep.
func fingerprint(paths []string) [32]byte {
	h := sha256.New()
	for _, p := range paths {
		fs, _ := filepath.Glob(filepath.Join(p, "*"))
		for _, f := range append(fs, p) {
			b, _ := os.ReadFile(f)
			h.Write(b)
		}
	}
	return [32]byte(h.Sum(nil))
}

// TestMain serves as a render worker when the server starts this test
// binary as one.
func TestMain(m *testing.M) {
	if worker.Requested() {
		os.Exit(worker.Serve(os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

func bundled(t testing.TB) *graph.Graph {
	t.Helper()
	g, err := graph.Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestServePage(t *testing.T) {
	_, hs, _ := testServer(t, false)
	r := servertest.Get(t, hs.URL+"/")
	if r.Status != 200 || r.Header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Fatalf("GET /: %d %s", r.Status, r.Header.Get("Content-Type"))
	}
	for _, want := range []string{`id="cm-search"`, `http-equiv="Content-Security-Policy"`, `"mode":"server"`, `"id":"svg"`, `"id":"png"`} {
		if !bytes.Contains(r.Body, []byte(want)) {
			t.Errorf("the page lacks %s", want)
		}
	}
	for _, h := range []string{"X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy"} {
		if r.Header.Get(h) == "" {
			t.Errorf("the page is served without %s", h)
		}
	}
	// State in the query goes to the fragment, where the page keeps it.
	for q, want := range map[string]string{
		"focus=grpo&lang=zh":              "/#focus=grpo&lang=zh",
		"show=category&category=training": "/#category=training&show=category",
	} {
		req, _ := http.NewRequest("GET", hs.URL+"/?"+q, nil)
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusFound || loc != want {
			t.Errorf("GET /?%s: %d to %q, want %q", q, resp.StatusCode, loc, want)
		}
	}
	// Nothing but the page and the API: no files from disk.
	for _, p := range []string{"/index.html", "/data/relations.yaml", "/../go.mod", "/api", "/api/", "/assets/explorer.js"} {
		if r := servertest.Get(t, hs.URL+p); r.Status != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", p, r.Status)
		}
	}
	resp, err := http.Post(hs.URL+"/api/search?q=x", "text/plain", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST /api/search: %d, want 405", resp.StatusCode)
	}
	// A page of another site that a DNS name rebound to 127.0.0.1 cannot
	// read the data.
	req, _ := http.NewRequest("GET", hs.URL+"/api/graph", nil)
	req.Host = "evil.example:80"
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("GET /api/graph with Host evil.example: %d, want 403", resp.StatusCode)
	}
}

func TestServeGraphAndStatus(t *testing.T) {
	_, hs, _ := testServer(t, false)
	var out struct {
		Version int
		Error   string
		Model   struct {
			Concepts []struct{ ID string }
			Edges    []struct{ From, Relation, To string }
		}
	}
	r := servertest.Get(t, hs.URL+"/api/graph")
	if err := json.Unmarshal(r.Body, &out); err != nil || r.Status != 200 {
		t.Fatalf("GET /api/graph: %d %v", r.Status, err)
	}
	g := bundled(t)
	if out.Version != 1 || out.Error != "" || len(out.Model.Concepts) != len(g.Concepts()) || len(out.Model.Edges) != len(g.Edges()) {
		t.Errorf("GET /api/graph: version %d, error %q, %d concepts, %d edges", out.Version, out.Error, len(out.Model.Concepts), len(out.Model.Edges))
	}
	var st struct {
		Version int
		Watch   bool
	}
	r = servertest.Get(t, hs.URL+"/api/status")
	if err := json.Unmarshal(r.Body, &st); err != nil || st.Version != 1 || st.Watch {
		t.Errorf("GET /api/status: %s (%v)", r.Body, err)
	}
}

// TestServeMap checks the map of every concept's neighbourhood: valid SVG
// that holds the concept, in each language.
func TestServeMap(t *testing.T) {
	s, hs, _ := testServer(t, false)
	g := bundled(t)
	for i, c := range g.Concepts() {
		lang := []string{"en", "zh", "both"}[i%3]
		r := servertest.Get(t, hs.URL+"/api/map?focus="+url.QueryEscape(c.ID)+"&lang="+lang)
		if r.Status != 200 {
			t.Fatalf("map of %s: %d %s", c.ID, r.Status, r.Body)
		}
		checkSVG(t, r.Body, c.ID)
	}
	// The same view, spelled differently, is laid out once (fitting it
	// to its page lays out a few candidates): the second and third
	// spellings find every layout in the cache.
	before := s.svg.snapshot()
	var first renderStats
	for i, q := range []string{"focus=GRPO", "focus=grpo&show=focus&depth=1", "focus=" + url.QueryEscape("组相对策略优化")} {
		if r := servertest.Get(t, hs.URL+"/api/map?"+q+"&lang=en"); r.Status != 200 {
			t.Fatalf("map %s: %d %s", q, r.Status, r.Body)
		}
		if i == 0 {
			first = s.svg.snapshot()
		}
	}
	n := first.Layouts - before.Layouts
	if after := s.svg.snapshot(); n < 1 || after.Layouts != first.Layouts || after.Hits-first.Hits < 2*n {
		t.Errorf("three spellings of one view: %d layouts for the first, then %d layouts and %d cache hits, want n > 0, then 0 and at least 2n",
			n, after.Layouts-first.Layouts, after.Hits-first.Hits)
	}
	// The same view in the dark theme is drawn from the same layouts.
	r := servertest.Get(t, hs.URL+"/api/map?focus=grpo&lang=en&theme=dark")
	if r.Status != 200 {
		t.Fatalf("dark map: %d %s", r.Status, r.Body)
	}
	checkSVG(t, r.Body, "grpo")
	if !bytes.Contains(r.Body, []byte(`fill="#0f172a"`)) {
		t.Errorf("the dark map has no dark background")
	}
	if dark := s.svg.snapshot(); dark.Layouts != first.Layouts {
		t.Errorf("the dark theme of a view laid out in the light one: %d more layouts, want 0", dark.Layouts-first.Layouts)
	}
}

// checkSVG checks that b is well-formed SVG with a node for concept id.
func checkSVG(t *testing.T, b []byte, id string) {
	t.Helper()
	if err := svgProblem(b, id); err != nil {
		t.Fatal(err)
	}
}

// svgProblem says what is wrong with b, if it is not well-formed SVG
// with a node for concept id and no <img> or <script> element.
func svgProblem(b []byte, id string) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = true
	found, root := false, ""
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("the map of %s is not well-formed XML: %v", id, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if root == "" {
			root = se.Name.Local
		}
		if se.Name.Local == "img" || se.Name.Local == "script" {
			return fmt.Errorf("the map of %s has a <%s> element", id, se.Name.Local)
		}
		var gid, class string
		for _, a := range se.Attr {
			switch a.Name.Local {
			case "id":
				gid = a.Value
			case "class":
				class = a.Value
			}
		}
		if se.Name.Local == "g" && gid == id && strings.HasPrefix(class, "node") {
			found = true
		}
	}
	if root != "svg" || !found {
		return fmt.Errorf("the map of %s: root <%s>, node found: %v", id, root, found)
	}
	return nil
}

func TestServeBadRequests(t *testing.T) {
	_, hs, _ := testServer(t, false)
	cases := []struct {
		path   string
		status int
		msg    string
	}{
		{"/?x=1", 400, `unknown parameter "x": / takes focus, depth`},
		{"/api/search", 400, "q=TEXT"},
		{"/api/search?q=a&limit=0", 400, "limit must be a whole number from 1 to 100"},
		{"/api/search?q=a&limit=x", 400, "limit must be"},
		{"/api/search?q=a&q=b", 400, `parameter "q" is given 2 times`},
		{"/api/search?q=a&nope=1", 400, `unknown parameter "nope": /api/search takes q, limit`},
		{"/api/search?q=%zz", 400, "malformed query string"},
		{"/api/search?q=" + strings.Repeat("a", 257), 400, "the search text is 257 bytes; search for at most 256"},
		{"/api/search?q=" + strings.Repeat("a+", 17), 400, "the search text has 17 words; search for at most 16"},
		{"/api/plan", 400, "targets=C"},
		{"/api/plan?targets=grpoo", 400, `unknown concept "grpoo"`},
		{"/api/plan?targets=grpo&known=nope", 400, `known: unknown concept "nope"`},
		{"/api/map?show=focus", 400, "show=focus needs the concept to show"},
		{"/api/map?focus=grpo&depth=0", 400, "depth must be a whole number from 1 to 5"},
		{"/api/map?focus=grpo&depth=6", 400, "depth must be"},
		{"/api/map?focus=grpo&depth=two", 400, `not "two"`},
		{"/api/map?focus=grpo&lang=fr", 400, `lang must be en, zh or both, not "fr"`},
		{"/api/map?focus=grpo&rankdir=BT", 400, "rankdir must be TB, LR or auto"},
		{"/api/map?focus=grpo&theme=neon", 400, `theme must be one of light, dark, print, not "neon"`},
		{"/download?format=png&focus=grpo&theme=Dark", 400, `not "Dark"`},
		{"/api/map?show=maybe", 400, `show must be focus, plan, all or overview, not "maybe"`},
		{"/api/map?show=plan", 400, "show=plan needs the concepts to learn"},
		{"/api/map?focus=nosuch", 400, `unknown concept "nosuch"`},
		{"/api/map?focus=grpo&rel=usess", 400, `unknown relation type "usess"`},
		{"/api/map?show=all&category=nope", 400, `unknown category "nope"`},
		{"/api/map?show=plan&targets=sft&known=sft", 400, "nothing to draw"},
		{"/api/map?focus=grpo&format=svg", 400, `unknown parameter "format"`},
		{"/download?focus=grpo", 400, `format must be one of svg, png, pdf, dot`},
		{"/download?format=exe&focus=grpo", 400, `not "exe"`},
		{"/download?format=svg&focus=<script>", 400, `unknown concept "<script>"`},
	}
	for _, c := range cases {
		r := servertest.Get(t, hs.URL+c.path)
		if r.Status != c.status || !strings.Contains(string(r.Body), c.msg) {
			t.Errorf("GET %s: %d %q, want %d with %q", c.path, r.Status, r.Body, c.status, c.msg)
		}
		if ct := r.Header.Get("Content-Type"); r.Status == 400 && ct != "text/plain; charset=utf-8" {
			t.Errorf("GET %s: a 400 of type %q", c.path, ct)
		}
	}
}

// TestServeEscaping checks that hostile text stays text: in the JSON the
// page reads, in the maps, and in the HTML download.
func TestServeEscaping(t *testing.T) {
	_, hs, _ := testServer(t, false, "../../testdata/serve/hostile.yaml")
	r := servertest.Get(t, hs.URL+"/api/graph")
	for _, bad := range []string{"<img", "<script", "</script", "\u2028"} {
		if bytes.Contains(r.Body, []byte(bad)) {
			t.Errorf("/api/graph holds %q unescaped", bad)
		}
	}
	var out struct {
		Model struct {
			Concepts []struct {
				ID    string
				Names graph.Text
			}
		}
	}
	json.Unmarshal(r.Body, &out)
	if len(out.Model.Concepts) != 2 || out.Model.Concepts[1].Names.En != "<img src=x onerror=alert(1)>" {
		t.Errorf("/api/graph does not carry the names exactly: %+v", out.Model.Concepts)
	}
	for _, lang := range []string{"en", "zh", "both"} {
		r := servertest.Get(t, hs.URL+"/api/map?focus=xss&lang="+lang)
		checkSVG(t, r.Body, "xss")
		if bytes.Contains(r.Body, []byte("<img")) || bytes.Contains(r.Body, []byte("<script")) {
			t.Errorf("the %s map holds markup unescaped", lang)
		}
	}
	r = servertest.Get(t, hs.URL+"/download?format=html&focus=xss")
	if r.Status != 200 {
		t.Fatalf("html download: %d %s", r.Status, r.Body)
	}
	checkPageEscaped(t, r.Body)
	r = servertest.Get(t, hs.URL+"/api/search?q="+url.QueryEscape("<img"))
	if bytes.Contains(r.Body, []byte("<img")) || !bytes.Contains(r.Body, []byte(`"id":"xss"`)) {
		t.Errorf("search for <img: %s", r.Body)
	}
}

// checkPageEscaped checks that an explorer page holds no markup of the
// hostile fixture: every < of it is escaped in the embedded JSON.
func checkPageEscaped(t *testing.T, page []byte) {
	t.Helper()
	for _, bad := range []string{"<img", "<svg onload", "<script>alert", "</script><script>", "<b>", "\u2028"} {
		if bytes.Contains(page, []byte(bad)) {
			t.Errorf("the page holds %q unescaped", bad)
		}
	}
	if n := bytes.Count(page, []byte("<script")); n != 4 {
		t.Errorf("the page has %d <script> elements, want 4 (config, model, maps, code: the data has one category, so no overview)", n)
	}
}

func TestServeWatch(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "mine.yaml")
	good := "concepts:\n  - id: a\n    name: Alpha\n  - id: b\n    name: Beta\n    relations:\n      - {relation: requires, to: a}\n"
	if err := os.WriteFile(file, []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	s, hs, stderr := testServer(t, true, dir)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Watch(ctx, 10*time.Millisecond)

	status := func() (v int, e string) {
		var st struct {
			Version int
			Error   string
		}
		json.Unmarshal(servertest.Get(t, hs.URL+"/api/status").Body, &st)
		return st.Version, st.Error
	}
	waitFor := func(what string, ok func() bool) {
		t.Helper()
		for start := time.Now(); !ok(); time.Sleep(10 * time.Millisecond) {
			if time.Since(start) > 10*time.Second {
				t.Fatalf("waiting for %s; stderr:\n%s", what, stderr)
			}
		}
	}
	// A broken file: the problem shows with its place, and the last good
	// graph stays in service.
	broken := "concepts:\n  - id: a\n    name: Alpha\n  - id: b\n    name: Beta\n    relations:\n      - {relation: requires, to: zeta}\n"
	if err := os.WriteFile(file, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor("the problem", func() bool { _, e := status(); return e != "" })
	_, e := status()
	if want := file + `:7:34: unknown concept "zeta"`; !strings.Contains(e, want) {
		t.Errorf("status error %q lacks %q", e, want)
	}
	if r := servertest.Get(t, hs.URL+"/api/map?focus=b"); r.Status != 200 {
		t.Errorf("the last good graph is not served: %d %s", r.Status, r.Body)
	}
	var g struct{ Error string }
	json.Unmarshal(servertest.Get(t, hs.URL+"/api/graph").Body, &g)
	if g.Error != e {
		t.Errorf("/api/graph error %q, want %q", g.Error, e)
	}
	// Fixed, with a new concept.
	fixed := good + "  - id: c\n    name: Gamma\n    relations:\n      - {relation: requires, to: b}\n"
	if err := os.WriteFile(file, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor("the reload", func() bool { v, e := status(); return e == "" && v >= 3 })
	if r := servertest.Get(t, hs.URL+"/api/plan?targets=c"); !bytes.Contains(r.Body, []byte(`"id":"a"`)) {
		t.Errorf("the new concept is not served: %s", r.Body)
	}
	if !strings.Contains(stderr.String(), "reloaded the data: 3 concepts, 2 relations") {
		t.Errorf("stderr does not tell of the reload:\n%s", stderr)
	}
}

// TestRendererWorkers checks the render workers: a worker grown past its
// limit is retired, one that dies is replaced, a layout that fails is
// tried again on a fresh worker, and the results are render.SVG's.
func TestRendererWorkers(t *testing.T) {
	g := bundled(t)
	dots := make([][]byte, 3)
	want := make([][]byte, 3)
	views := make([]graph.View, 3)
	opts := make([]render.Options, 3)
	for i, id := range []string{"grpo", "mha", "moe"} {
		views[i], opts[i] = focusView(t, g, id)
		dots[i] = render.DOT(g, views[i], opts[i])
		var err error
		if want[i], err = render.SVG(context.Background(), g, views[i], opts[i]); err != nil {
			t.Fatal(err)
		}
	}
	r := newSVGRenderer(io.Discard, 1, DefaultLimits.LayoutTimeout)
	defer r.close()
	svg := func(i int) ([]byte, error) {
		return render.Renderer{Layouter: r}.SVG(context.Background(), g, views[i], opts[i])
	}
	r.limit = 1 // every worker is retired after its first layout
	for i := range dots {
		got, err := svg(i)
		if err != nil || !bytes.Equal(got, want[i]) {
			t.Fatalf("layout %d: %v, equal to render.SVG: %v", i, err, bytes.Equal(got, want[i]))
		}
	}
	if st := r.snapshot(); st.Workers != 3 || st.Layouts != 3 {
		t.Errorf("with a limit of 1 byte: %+v, want 3 workers for 3 layouts", st)
	}
	// A worker that dies is replaced, and the layout done on the new one.
	r.limit = workerMemoryLimit
	r.cache = newLRU(cacheBytes, cacheEntries)
	if _, err := svg(0); err != nil {
		t.Fatal(err)
	}
	w := r.idle[0]
	w.Kill()
	w.Wait()
	got, err := svg(1)
	if err != nil || !bytes.Equal(got, want[1]) {
		t.Fatalf("after the worker died: %v", err)
	}
	if st := r.snapshot(); st.Failures != 1 || st.Workers != 5 {
		t.Errorf("after the worker died: %+v, want 1 failure and a fifth worker", st)
	}
	// The xdot layout that PNG and PDF draw is render.Local's.
	wantX, err := render.Local.Layout(context.Background(), dots[2], render.LayoutXDot)
	if err != nil {
		t.Fatal(err)
	}
	if gotX, err := r.Layout(context.Background(), dots[2], render.LayoutXDot); err != nil || !bytes.Equal(gotX, wantX) {
		t.Errorf("xdot layout: %v, equal to render.Local's: %v", err, bytes.Equal(gotX, wantX))
	}
	if _, err := r.Layout(context.Background(), dots[2], "png"); err == nil {
		t.Errorf("a layout as png: no error")
	}
	// DOT that Graphviz refuses fails, after a second try.
	var le *worker.LayoutError
	if _, err := r.Layout(context.Background(), []byte("digraph { a -> }"), render.LayoutSVG); !errors.As(err, &le) || !strings.Contains(err.Error(), "syntax error") {
		t.Errorf("bad DOT: %v, want a *worker.LayoutError", err)
	}
	if st := r.snapshot(); st.Failures != 3 {
		t.Errorf("bad DOT: %d failures, want 3 (two tries)", st.Failures)
	}
}

// TestServeDownloadsInWorker checks that PNG and PDF downloads have their
// maps laid out in a render worker, not in the server process, and that a
// PNG and a PDF of one view share their layouts.
func TestServeDownloadsInWorker(t *testing.T) {
	s, hs, _ := testServer(t, false)
	for _, q := range []string{"show=focus&focus=moe&depth=2&lang=zh", "show=plan&targets=gqa&lang=both&rankdir=LR"} {
		before := s.svg.snapshot()
		var afterPNG renderStats
		for _, f := range []string{"png", "pdf"} {
			r := servertest.Get(t, hs.URL+"/download?format="+f+"&"+q)
			if r.Status != 200 {
				t.Fatalf("download %s of %s: %d %s", f, q, r.Status, r.Body)
			}
			if f == "png" {
				afterPNG = s.svg.snapshot()
			}
		}
		after := s.svg.snapshot()
		// Fitting the map to its page lays out a few candidates; the PDF
		// finds every layout it needs in the cache.
		png := afterPNG.Layouts - before.Layouts
		if png < 1 || after.Layouts != afterPNG.Layouts || after.Drawings-before.Drawings != 2 || after.Hits-afterPNG.Hits != png {
			t.Errorf("a PNG and a PDF of %s: %d and %d layouts, %d drawings and %d cache hits for the PDF, want n > 0 and 0, 2 and n (the PDF shares the PNG's layouts)",
				q, png, after.Layouts-afterPNG.Layouts, after.Drawings-before.Drawings, after.Hits-afterPNG.Hits)
		}
		if after.Workers < 1 {
			t.Errorf("no render worker started")
		}
		// The dark PNG is drawn anew from the same layouts.
		r := servertest.Get(t, hs.URL+"/download?format=png&theme=dark&"+q)
		if r.Status != 200 || !bytes.HasPrefix(r.Body, []byte("\x89PNG")) {
			t.Fatalf("dark PNG of %s: %d %.40q", q, r.Status, r.Body)
		}
		if dark := s.svg.snapshot(); dark.Layouts != after.Layouts || dark.Drawings != after.Drawings+1 || dark.DrawHits != after.DrawHits {
			t.Errorf("a dark PNG of %s after the light one: %d layouts, %d drawings, %d drawing hits, want 0, 1, 0",
				q, dark.Layouts-after.Layouts, dark.Drawings-after.Drawings, dark.DrawHits-after.DrawHits)
		}
	}
}

func focusView(t *testing.T, g *graph.Graph, id string) (graph.View, render.Options) {
	t.Helper()
	v, m, err := g.Select(graph.Selection{Focus: id})
	if err != nil {
		t.Fatal(err)
	}
	opt := render.Options{Look: render.Look{Lang: graph.En}}
	opt.Mark(m)
	return v, opt
}

// TestRendererShares checks that concurrent requests for one map make one
// layout, and that a request that goes away does not stop it.
func TestRendererShares(t *testing.T) {
	g := bundled(t)
	v, opt := focusView(t, g, "transformer")
	dot := render.DOT(g, v, opt)
	r := newSVGRenderer(io.Discard, 1, DefaultLimits.LayoutTimeout)
	defer r.close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := r.Layout(ctx, dot, render.LayoutSVG); err == nil {
		t.Errorf("a cancelled request got a map")
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := r.Layout(context.Background(), dot, render.LayoutSVG); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if st := r.snapshot(); st.Layouts > 1 || st.Hits+st.Shared < 7 {
		t.Errorf("9 requests for one map: %+v, want at most 1 layout", st)
	}
}

func TestLRU(t *testing.T) {
	c := newLRU(10, 3)
	k := func(i byte) [32]byte { return [32]byte{i} }
	c.add(k(1), []byte("aaaa"))
	c.add(k(2), []byte("bbbb"))
	c.get(k(1))
	c.add(k(3), []byte("cccc")) // 12 bytes: drops 2, the least recently used
	if _, ok := c.get(k(2)); ok {
		t.Error("2 should have been dropped for size")
	}
	for _, i := range []byte{1, 3} {
		if _, ok := c.get(k(i)); !ok {
			t.Errorf("%d was dropped", i)
		}
	}
	c.add(k(4), []byte("d"))
	c.add(k(5), []byte("e")) // four entries: drops 1
	if _, ok := c.get(k(1)); ok || c.order.Len() != 3 || c.bytes != 6 {
		t.Errorf("after count eviction: %d entries, %d bytes", c.order.Len(), c.bytes)
	}
	c.add(k(6), make([]byte, 11)) // larger than the whole cache: not kept
	if _, ok := c.get(k(6)); ok {
		t.Error("an entry larger than the cache was kept")
	}
}

func TestFileName(t *testing.T) {
	for in, want := range map[string]string{
		"grpo": "grpo", "plan-grpo-dpo": "plan-grpo-dpo", "分组": "__", "../../etc/passwd": "______etc_passwd",
		"": "concepts", strings.Repeat("a", 100): strings.Repeat("a", 64),
	} {
		if got := fileName(in); got != want {
			t.Errorf("fileName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestDownloadMissingChars checks that a PNG or PDF that the server's
// fonts cannot draw is refused in the reader's words, with the advice to
// install a font in the server's log.
func TestDownloadMissingChars(t *testing.T) {
	path := filepath.Join(t.TempDir(), "private.yaml")
	doc := "categories:\n  - {id: c, name: {en: C}}\nconcepts:\n  - {id: a, name: {en: \"x\uE000y\"}, category: c}\n"
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	_, hs, stderr := testServer(t, false, path)
	for _, format := range []string{"png", "pdf"} {
		resp, err := http.Get(hs.URL + "/download?format=" + format)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		want := "the server has no font that draws 1 character of this map (U+E000); download it as SVG, which your browser draws with its own fonts\n"
		if resp.StatusCode != http.StatusInternalServerError || string(body) != want {
			t.Errorf("%s: %d %q; want 500 %q", format, resp.StatusCode, body, want)
		}
	}
	if !strings.Contains(stderr.String(), "Install a font that has them") {
		t.Errorf("the log lacks the advice to install a font:\n%s", stderr)
	}
}

// TestFailInReadersWords checks that a layout Graphviz refuses is answered
// in the server's words, and logged in Graphviz's.
func TestFailInReadersWords(t *testing.T) {
	var log bytes.Buffer
	s := &Server{stderr: &log}
	le := &worker.LayoutError{Msg: "render: Graphviz layout failed: syntax error in line 1"}
	rec := httptest.NewRecorder()
	s.fail(rec, fmt.Errorf("drawing the map: %w", le))
	if want := "Graphviz could not lay this map out; the server's log says why\n"; rec.Code != http.StatusInternalServerError || rec.Body.String() != want {
		t.Errorf("%d %q; want 500 %q", rec.Code, rec.Body.String(), want)
	}
	if !strings.Contains(log.String(), le.Msg) {
		t.Errorf("the log lacks Graphviz's words: %q", log.String())
	}
}
