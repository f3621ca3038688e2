package server

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/server/servertest"
	"github.com/conceptmap/conceptmap/graph"
)

// GET and PUT /api/known read and write the file that 'conceptmap known'
// keeps, so the page can move its ticks there and back.
func TestServeKnown(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	_, hs, _ := testServer(t, false)
	get := func() string {
		resp, err := http.Get(hs.URL + "/api/known")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	put := func(body, ctype, origin string) (int, string) {
		req, _ := http.NewRequest("PUT", hs.URL+"/api/known", strings.NewReader(body))
		if ctype != "" {
			req.Header.Set("Content-Type", ctype)
		}
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	file := filepath.Join(dir, "conceptmap", "known.txt")
	if got := get(); !strings.Contains(got, `"known":[]`) || !strings.Contains(got, file) {
		t.Errorf("GET with no file = %s", got)
	}
	if code, body := put(`["mha","kv_cache","mha"]`, "application/json", hs.URL); code != 200 || !strings.Contains(body, `"known":["kv_cache","mha"]`) {
		t.Errorf("PUT = %d %s", code, body)
	}
	if b, _ := os.ReadFile(file); !strings.HasSuffix(string(b), "\nkv_cache\nmha\n") {
		t.Errorf("the file holds %q", b)
	}
	if got := get(); !strings.Contains(got, `"known":["kv_cache","mha"]`) {
		t.Errorf("GET = %s", got)
	}
	for _, tc := range []struct {
		body, ctype, origin string
		code                int
		msg                 string
	}{
		{`["mha"]`, "text/plain", "", 415, "send the known concepts as a JSON list"},
		{`["mha"]`, "application/json", "https://evil.example", 403, "only the explorer's own page may change what you know"},
		{`{"mha":1}`, "application/json", "", 400, "the body must be a JSON list of concept ids"},
		{`["no_such_concept"]`, "application/json", "", 400, `unknown concept "no_such_concept"`},
	} {
		if code, body := put(tc.body, tc.ctype, tc.origin); code != tc.code || !strings.Contains(body, tc.msg) {
			t.Errorf("PUT %s (%s, origin %q) = %d %q, want %d %q", tc.body, tc.ctype, tc.origin, code, body, tc.code, tc.msg)
		}
	}
	if b, _ := os.ReadFile(file); !strings.HasSuffix(string(b), "\nkv_cache\nmha\n") {
		t.Errorf("a refused PUT changed the file: %q", b)
	}
}

// With IgnoreKnownFile, /api/known neither reads nor writes the file, and
// the page is told not to use it.
func TestServeIgnoreKnownFile(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	file := filepath.Join(dir, "conceptmap", "known.txt")
	os.MkdirAll(filepath.Dir(file), 0o755)
	os.WriteFile(file, []byte("mha\n"), 0o644)
	s, err := New(Config{
		Lang: graph.Both, Data: "the test data", Stdout: io.Discard, Stderr: io.Discard, IgnoreKnownFile: true,
		Load: func() (*graph.Graph, error) { return load(nil) },
	})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(s.Handler())
	defer func() { hs.Close(); s.Close() }()
	const msg = "this server leaves the known file alone: what you know stays in the browser"
	if r := servertest.Get(t, hs.URL+"/api/known"); r.Status != 404 || !strings.Contains(string(r.Body), msg) {
		t.Errorf("GET /api/known = %d %s", r.Status, r.Body)
	}
	req, _ := http.NewRequest("PUT", hs.URL+"/api/known", strings.NewReader(`["kv_cache"]`))
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 404 || !strings.Contains(string(b), msg) {
		t.Errorf("PUT /api/known = %d %s", resp.StatusCode, b)
	}
	if b, _ := os.ReadFile(file); string(b) != "mha\n" {
		t.Errorf("the file became %q", b)
	}
	if page := servertest.Get(t, hs.URL+"/"); strings.Contains(string(page.Body), `"knownFile":true`) {
		t.Error("the page is told to use the known file")
	}
}
