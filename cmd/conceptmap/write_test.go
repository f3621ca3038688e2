package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A failed map run leaves an existing output file as it was, and leaves
// no temporary file behind.
func TestMapNeverClobbers(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "map.svg")
	if err := os.WriteFile(out, []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"map", "--plan", "no-such-concept", "-o", out},
		{"map", "--focus", "GQA", "--relation", "bogus", "-o", out},
		{"map", "--data", filepath.Join(dir, "missing.yaml"), "-o", out},
	} {
		var stdout, stderr bytes.Buffer
		if code := report(run(context.Background(), args, &stdout, &stderr), &stderr); code != 1 {
			t.Errorf("%v: exit %d, want 1", args, code)
		}
		if b, _ := os.ReadFile(out); string(b) != "precious" {
			t.Errorf("%v clobbered the output: %q", args, b)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left files behind: %v", entries)
	}
}

// A successful run replaces the file whole, and writing into a directory
// that does not exist fails with a clear message.
func TestMapWritesWhole(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "gqa.svg")
	os.WriteFile(out, []byte("old"), 0o644)
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"map", "--plan", "GQA", "-o", out}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(b, []byte("<?xml")) || !bytes.HasSuffix(bytes.TrimSpace(b), []byte("</svg>")) {
		t.Errorf("output is not a whole SVG: %.40q… (%v)", b, err)
	}
	if got := stderr.String(); !strings.HasPrefix(got, "wrote "+out+": 26 concepts") {
		t.Errorf("stderr = %q", got)
	}
	err = run(context.Background(), []string{"map", "-o", filepath.Join(dir, "nodir", "x.svg")}, &stdout, &stderr)
	if err == nil || !strings.Contains(err.Error(), "nodir/x.svg: no such file or directory") {
		t.Errorf("writing into a missing directory: %v", err)
	}
}
