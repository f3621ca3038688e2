package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/drawflags"
	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/server"
	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/server/servertest"
	"github.com/conceptmap/conceptmap/data"
	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/worker"
)

// testServer starts conceptmap serve's handler on a test server, over the
// bundled data or the given --data paths.
func testServer(t *testing.T, watch bool, data ...string) (*server.Server, *httptest.Server, *servertest.Buffer) {
	t.Helper()
	t.Setenv("CONCEPTMAP_LANG", "")
	stderr := &servertest.Buffer{}
	e := &env{ctx: context.Background(), stdout: io.Discard, stderr: stderr}
	s, err := server.New(serverConfig(e, &common{data: data, lang: "both"}, watch))
	if err != nil {
		t.Fatalf("server.New: %v\n%s", err, stderr)
	}
	hs := httptest.NewServer(s.Handler())
	t.Cleanup(func() {
		hs.Close()
		s.Close()
	})
	return s, hs, stderr
}

// TestMain serves as a render worker when the server starts this test
// binary as one, and otherwise runs the tests with a configuration
// directory of their own.
func TestMain(m *testing.M) {
	if worker.Requested() {
		os.Exit(worker.Serve(os.Stdin, os.Stdout, os.Stderr))
	}
	// What a learner knows lives in the user's configuration directory:
	// the tests get an empty one of their own.
	dir, err := os.MkdirTemp("", "conceptmap-config")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CONFIG_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// runStdout runs the command line in-process and returns what it writes.
func runStdout(t *testing.T, args ...string) []byte {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), args, &stdout, &stderr); err != nil {
		t.Fatalf("conceptmap %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.Bytes()
}

func bundled(t testing.TB) *graph.Graph {
	t.Helper()
	g, err := graph.Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestServeAnswersAsCLI checks that search and plan answer what the
// command line's --json prints.
func TestServeAnswersAsCLI(t *testing.T) {
	_, hs, _ := testServer(t, false)
	cases := []struct{ path string }{
		{"/api/search?q=grpo&limit=10"},
		{"/api/search?q=" + url.QueryEscape("相对") + "&limit=5"},
		{"/api/search?q=attention"},
		{"/api/plan?targets=grpo"},
		{"/api/plan?targets=grpo,dpo&known=transformer,sft"},
		{"/api/plan?targets=" + url.QueryEscape("分组查询注意力") + "&known=MHA"},
	}
	args := [][]string{
		{"search", "grpo", "--limit", "10", "--json"},
		{"search", "相对", "--limit", "5", "--json"},
		{"search", "attention", "--limit", "10", "--json"},
		{"plan", "grpo", "--json"},
		{"plan", "grpo", "dpo", "--known", "transformer,sft", "--json"},
		{"plan", "分组查询注意力", "--known", "MHA", "--json"},
	}
	for i, c := range cases {
		r := servertest.Get(t, hs.URL+c.path)
		if r.Status != 200 {
			t.Errorf("GET %s: %d %s", c.path, r.Status, r.Body)
			continue
		}
		var got, want any
		json.Unmarshal(r.Body, &got)
		json.Unmarshal(runStdout(t, args[i]...), &want)
		if !jsonEqual(got, want) {
			t.Errorf("GET %s answers\n%s\nbut conceptmap %s prints\n%s", c.path, r.Body, strings.Join(args[i], " "), runStdout(t, args[i]...))
		}
	}
}

func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

// TestServeDownloadsAsCLI checks every download format against what the
// command line writes for the same selection, byte for byte.
func TestServeDownloadsAsCLI(t *testing.T) {
	_, hs, _ := testServer(t, false)
	views := []struct {
		query string
		flags []string
		name  string
	}{
		{"show=focus&focus=grpo&depth=2&lang=en", []string{"--focus", "grpo", "--depth", "2", "--lang", "en"}, "grpo"},
		{"show=plan&targets=grpo&known=transformer&lang=zh&rankdir=LR", []string{"--plan", "grpo", "--known", "transformer", "--lang", "zh", "--rankdir", "LR"}, "plan-grpo"},
		{"show=all&category=post_training&rel=uses,requires", []string{"--category", "post_training", "--relation", "uses,requires", "--lang", "both"}, "concepts-post_training"},
	}
	// The command whose output each format equals.
	command := map[string][]string{
		"svg": {"map", "--format", "svg"}, "dot": {"map", "--format", "dot"},
		"mermaid": {"export", "--format", "mermaid"}, "json": {"export", "--format", "json"},
		"graphml": {"export", "--format", "graphml"},
	}
	for _, d := range server.Formats() {
		args, ok := command[d.ID]
		if !ok {
			if f := exportFormatOf(d.ID); f != "" {
				args = []string{"export", "--format", f}
			} else if mapFormatOf(d.ID) {
				args = []string{"map", "--format", d.ID}
			} else {
				t.Logf("%s: no command writes it yet; compared with its render function only", d.ID)
			}
		}
		for _, v := range views {
			r := servertest.Get(t, hs.URL+"/download?format="+d.ID+"&"+v.query)
			if r.Status != 200 {
				t.Errorf("download %s of %s: %d %s", d.ID, v.query, r.Status, r.Body)
				continue
			}
			if got, want := r.Header.Get("Content-Disposition"), `attachment; filename=`+v.name+d.Ext; got != want {
				t.Errorf("download %s of %s: Content-Disposition %q, want %q", d.ID, v.query, got, want)
			}
			if r.Header.Get("Content-Type") != d.Mime {
				t.Errorf("download %s: Content-Type %q, want %q", d.ID, r.Header.Get("Content-Type"), d.Mime)
			}
			if args == nil {
				continue
			}
			want := runStdout(t, append(append([]string{}, args...), v.flags...)...)
			if !bytes.Equal(r.Body, want) {
				t.Errorf("download %s of %s differs from conceptmap %s (%d bytes, want %d)", d.ID, v.query, strings.Join(append(args, v.flags...), " "), len(r.Body), len(want))
			}
		}
	}
	// /api/map is the SVG download, shown in the page.
	r := servertest.Get(t, hs.URL+"/api/map?show=focus&focus=grpo&depth=2&lang=en")
	if want := runStdout(t, "map", "--focus", "grpo", "--depth", "2", "--lang", "en"); !bytes.Equal(r.Body, want) || r.Header.Get("Content-Type") != "image/svg+xml" {
		t.Errorf("/api/map differs from conceptmap map (%d bytes, want %d; %s)", len(r.Body), len(want), r.Header.Get("Content-Type"))
	}
	// The overview, which the page opens on, is map --overview's, and so
	// is a category's map, which a click on the overview opens.
	for _, c := range []struct {
		query string
		flags []string
	}{
		{"show=overview&lang=en", []string{"--overview", "--lang", "en"}},
		{"show=overview&lang=zh&rel=requires", []string{"--overview", "--lang", "zh", "--relation", "requires"}},
		{"show=all&category=training&lang=both", []string{"--category", "training", "--lang", "both"}},
	} {
		r := servertest.Get(t, hs.URL+"/api/map?"+c.query)
		if want := runStdout(t, append([]string{"map"}, c.flags...)...); !bytes.Equal(r.Body, want) {
			t.Errorf("/api/map?%s differs from conceptmap map %s (%d bytes, want %d)", c.query, strings.Join(c.flags, " "), len(r.Body), len(want))
		}
	}
	if r := servertest.Get(t, hs.URL+"/download?format=svg&show=overview"); r.Header.Get("Content-Disposition") != "attachment; filename=overview.svg" {
		t.Errorf("the overview downloads as %q", r.Header.Get("Content-Disposition"))
	}
}

// exportFormatOf returns the export format that writes download format
// id, if the export command has one.
func exportFormatOf(id string) string {
	for _, f := range drawflags.ExportFormats {
		if f.Name == id {
			return f.Name
		}
	}
	return ""
}

// mapFormatOf reports whether the map command writes format id.
func mapFormatOf(id string) bool {
	_, err := drawflags.PictureFormat("map", id, "")
	return err == nil
}

// TestServeWatchStartsBroken: with --watch, data that is broken from the
// start is shown as a problem, and the server waits for the fix.
func TestServeWatchStartsBroken(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "x.yaml"), []byte("concepts:\n  - id: a\n    sumary: oops\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, hs, _ := testServer(t, true, dir)
	var g struct {
		Error string
		Model json.RawMessage
	}
	json.Unmarshal(servertest.Get(t, hs.URL+"/api/graph").Body, &g)
	if !strings.Contains(g.Error, `x.yaml:3:5: unknown field "sumary"`) || string(g.Model) != "null" {
		t.Errorf("/api/graph of broken data: error %q, model %s", g.Error, g.Model)
	}
	if r := servertest.Get(t, hs.URL+"/api/map?show=all"); r.Status != http.StatusServiceUnavailable {
		t.Errorf("a map with no data: %d, want 503", r.Status)
	}
	// Without --watch, broken data is an error, as for every command.
	var stderr bytes.Buffer
	err := run(context.Background(), []string{"serve", "--data", dir, "--addr", "127.0.0.1:0"}, io.Discard, &stderr)
	if err == nil || !strings.Contains(err.Error(), "2 problems in the data") || !strings.Contains(stderr.String(), "sumary") {
		t.Errorf("serve of broken data: %v\n%s", err, stderr.String())
	}
}

func TestServeUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"serve", "grpo"}, "takes no arguments"},
		{[]string{"serve", "--watch"}, "--watch watches the files given with --data"},
		{[]string{"serve", "--addr", "nonsense"}, "cannot listen on nonsense"},
	} {
		err := run(context.Background(), c.args, io.Discard, io.Discard)
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("conceptmap %s: %v, want %q", strings.Join(c.args, " "), err, c.msg)
		}
	}
}

// TestServeRuns starts the real command on a free port, asks it for the
// page, and stops it as Ctrl-C does.
func TestServeRuns(t *testing.T) {
	opened := make(chan string, 1)
	old := openBrowser
	openBrowser = func(u string, _ io.Writer) { opened <- u }
	defer func() { openBrowser = old }()
	u := startServe(t, "--open")
	if got := <-opened; got != u {
		t.Errorf("--open opened %q, want %q", got, u)
	}
	if r := servertest.Get(t, u); r.Status != 200 || !bytes.Contains(r.Body, []byte("cm-search")) || !bytes.Contains(r.Body, []byte(`"knownFile":true`)) {
		t.Errorf("GET %s: %d, or the page may not use the known file", u, r.Status)
	}
}

// With --ignore-known-file, the server leaves the known file alone: the
// page does not start from it and cannot read or write it.
func TestServeIgnoreKnownFile(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	runStdout(t, "known", "add", "transformer")
	u := startServe(t, "--ignore-known-file")
	if r := servertest.Get(t, u); r.Status != 200 || bytes.Contains(r.Body, []byte(`"knownFile":true`)) {
		t.Errorf("GET %s: %d, and the page may use the known file", u, r.Status)
	}
	if r := servertest.Get(t, u+"api/known"); r.Status != 404 || !strings.Contains(string(r.Body), "this server leaves the known file alone: what you know stays in the browser") {
		t.Errorf("GET /api/known: %d %s", r.Status, r.Body)
	}
}

// startServe runs conceptmap serve with args on a free port until the
// test ends, as Ctrl-C stops it, and returns the page's address.
func startServe(t *testing.T, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), pw, io.Discard)
		pw.Close()
	}()
	line, err := bufioLine(pr)
	if err != nil {
		t.Fatal(err)
	}
	u, ok := strings.CutPrefix(line, "conceptmap explorer: ")
	if !ok {
		t.Fatalf("serve printed %q, want its address", line)
	}
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("serve ended with %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("serve did not stop")
		}
	})
	return u
}

func bufioLine(r io.Reader) (string, error) {
	var b []byte
	one := make([]byte, 1)
	for {
		if _, err := r.Read(one); err != nil {
			return string(b), err
		}
		if one[0] == '\n' {
			return string(b), nil
		}
		b = append(b, one[0])
	}
}
