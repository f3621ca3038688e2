package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
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
		if code := report(run(context.Background(), args, &stdout, &stderr), &stderr); code == 0 {
			t.Errorf("%v: exit %d, want a failure", args, code)
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
	if got := stderr.String(); !regexp.MustCompile(`^wrote ` + regexp.QuoteMeta(out) + `: [1-9][0-9]* concepts`).MatchString(got) {
		t.Errorf("stderr = %q", got)
	}
	err = run(context.Background(), []string{"map", "-o", filepath.Join(dir, "nodir", "x.svg")}, &stdout, &stderr)
	if err == nil || !strings.Contains(err.Error(), "nodir/x.svg: no directory") {
		t.Errorf("writing into a missing directory: %v", err)
	}
}

// An output that is a directory, or in a directory that does not exist,
// fails before any drawing; a replaced file keeps its mode.
func TestMapOutputChecks(t *testing.T) {
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), []string{"map", "--format", "svg", "-o", dir}, &stdout, &stderr)
	if err == nil || err.Error() != "cannot write "+dir+": it is a directory; give a file name" {
		t.Errorf("-o DIR: %v", err)
	}
	err = run(context.Background(), []string{"map", "-o", filepath.Join(dir, "no", "x.svg")}, &stdout, &stderr)
	if err == nil || !strings.Contains(err.Error(), "no directory "+filepath.Join(dir, "no")) {
		t.Errorf("-o missing/x.svg: %v", err)
	}
	out := filepath.Join(dir, "private.dot")
	if err := os.WriteFile(out, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := run(context.Background(), []string{"map", "--focus", "GQA", "-o", out}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(out); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600 kept", st.Mode().Perm())
	}
}

// -o - writes to stdout; /dev/null and a link are written through to
// what they name; PNG and PDF are refused on a terminal, as stdout or as
// -o, and written to a pipe.
func TestOutputTargets(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), []string{"map", "--data", "testdata/fixture", "-o", "-"}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(stdout.Bytes(), []byte("<?xml")) || stderr.Len() != 0 {
		t.Errorf("-o -: stdout %.20q, stderr %q", stdout.Bytes(), stderr.String())
	}
	if err := run(context.Background(), []string{"map", "--data", "testdata/fixture", "-o", os.DevNull}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(os.DevNull); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("%s is no longer a device", os.DevNull)
	}

	ptmx, tty := openPTY(t)
	defer ptmx.Close()
	defer tty.Close()
	for _, args := range [][]string{
		{"map", "--data", "testdata/fixture", "--format", "png"},
		{"map", "--data", "testdata/fixture", "--format", "pdf", "-o", "-"},
		{"map", "--data", "testdata/fixture", "--format", "png", "-o", tty.Name()},
	} {
		err := run(context.Background(), args, tty, &stderr)
		if err == nil || !strings.Contains(err.Error(), "will not write") || !strings.Contains(err.Error(), "terminal") {
			t.Errorf("%v on a terminal: %v", args, err)
		}
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan []byte)
	go func() {
		b, _ := io.ReadAll(r)
		got <- b
	}()
	err = run(context.Background(), []string{"map", "--data", "testdata/fixture", "--format", "png"}, w, &stderr)
	w.Close()
	if b := <-got; err != nil || !bytes.HasPrefix(b, []byte("\x89PNG")) {
		t.Errorf("PNG to a pipe: %v, %.8q", err, b)
	}
}

// openPTY opens a pseudo-terminal pair: the master and the terminal.
func openPTY(t *testing.T) (ptmx, tty *os.File) {
	t.Helper()
	ptmx, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Fatalf("no pseudo-terminals here: %v", err)
	}
	if err := unix.IoctlSetPointerInt(int(ptmx.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal(err)
	}
	n, err := unix.IoctlGetInt(int(ptmx.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Fatal(err)
	}
	tty, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	return ptmx, tty
}
