package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The house keeps its rooms small: package main only wires commands, and
// render's top package holds the DOT writer and the drawing entry points,
// its parts in packages of their own. These caps fail a change that
// grows either back into a catch-all.
func TestHouseSizes(t *testing.T) {
	for _, c := range []struct {
		dir string
		max int
	}{
		{".", 1800},
		{filepath.Join("..", "..", "render"), 2500},
	} {
		n := goLines(t, c.dir)
		t.Logf("%s: %d lines of non-test Go", c.dir, n)
		if n > c.max {
			t.Errorf("%s holds %d lines of non-test Go, more than %d: move a piece into a package of its own", c.dir, n, c.max)
		}
	}
}

// goLines counts the lines of the non-test Go files directly in dir.
func goLines(t *testing.T, dir string) int {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no Go files in %s (%v)", dir, err)
	}
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		n += bytes.Count(b, []byte("\n"))
	}
	return n
}
