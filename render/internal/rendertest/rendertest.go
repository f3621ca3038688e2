// Package rendertest holds what the tests of render and render/export
// share: loading fixture graphs, golden files (refreshed with -update),
// the plan the goldens draw, the oracle of drawn text lines, a test's
// missing tool, and the fuzz seeds of escaping.
//
// Only tests import it. It imports graph and data, never render or
// render/export, whose tests both use it.
package rendertest

import (
	"bytes"
	"cmp"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/conceptmap/conceptmap/graph"
)

// Update is the -update flag: rewrite the golden files in testdata.
var Update = flag.Bool("update", false, "rewrite the golden files in testdata")

// Load loads the graph of one data file.
func Load(t testing.TB, name string) *graph.Graph {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return LoadBytes(t, name, data)
}

// LoadBytes loads the graph of one data file's bytes.
func LoadBytes(t testing.TB, name string, data []byte) *graph.Graph {
	t.Helper()
	var l graph.Loader
	l.AddFile(name, data)
	g, err := l.Load()
	if err != nil {
		t.Fatalf("loading %s: %v", name, err)
	}
	return g
}

// Golden compares got with testdata/name.golden, or rewrites the file
// under -update.
func Golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *Update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test with -update to create it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range max(len(gl), len(wl)) {
		g, w := "(end)", "(end)"
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Fatalf("%s differs at line %d (run go test with -update if the change is right)\n got: %s\nwant: %s", path, i+1, g, w)
		}
	}
}

// Plan returns the plan for gqa in the fixture graph and its view, which
// the goldens of plans draw.
func Plan(t testing.TB, g *graph.Graph) (graph.View, *graph.Plan) {
	t.Helper()
	p := g.Plan([]*graph.Concept{g.Concept("gqa")}, nil)
	var cs []*graph.Concept
	for _, s := range p.Steps {
		cs = append(cs, s.Concept)
	}
	return g.Induced(cs, nil), p
}

// WantLines is the oracle for what a text is drawn as: the lines of the
// chosen language, falling back to the other, and in Both the English
// lines then the Chinese ones when they differ.
func WantLines(t graph.Text, lang graph.Lang) []string {
	s := cmp.Or(t.En, t.Zh)
	switch {
	case lang == graph.Zh:
		s = cmp.Or(t.Zh, t.En)
	case lang == graph.Both && t.En != "" && t.Zh != "" && t.En != t.Zh:
		s = t.En + "\n" + t.Zh
	}
	return strings.Split(s, "\n")
}

// Missing fails the test in CI, which installs every tool the tests use,
// and skips it elsewhere.
func Missing(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf(format, args...)
	}
	t.Skipf(format, args...)
}
