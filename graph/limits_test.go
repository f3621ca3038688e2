package graph

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
)

// loadErr loads l and returns its report, failing if the load succeeds.
func loadErr(t *testing.T, l *Loader) string {
	t.Helper()
	g, err := l.Load()
	if err == nil || g != nil {
		t.Fatalf("load succeeded")
	}
	return err.Error() + "\n"
}

// A named pipe in a data folder is reported, not read: reading it would
// block until something writes to it.
func TestLoadRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.yaml"), []byte(vocab+"concepts:\n  - {id: a, name: A}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.yaml"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A link to a regular file is read.
	if err := os.WriteFile(filepath.Join(dir, "b.txt"), []byte("concepts:\n  - {id: b, name: B}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("b.txt", filepath.Join(dir, "link.yaml")); err != nil {
		t.Fatal(err)
	}
	var l Loader
	if err := l.AddFS(os.DirFS(dir), ".", "data"); err != nil {
		t.Fatal(err)
	}
	golden(t, filepath.Join("testdata", "errors", "fifo.txt"), loadErr(t, &l))
	os.Remove(filepath.Join(dir, "pipe.yaml"))
	var ok Loader
	if err := ok.AddFS(os.DirFS(dir), ".", "data"); err != nil {
		t.Fatal(err)
	}
	if g, err := ok.Load(); err != nil || g.Concept("b") == nil {
		t.Errorf("the linked file is not read: %v", err)
	}

	var dev Loader
	if err := dev.AddFS(os.DirFS("/dev"), "zero", "/dev/zero"); err != nil {
		t.Fatal(err)
	}
	if got := loadErr(t, &dev); !strings.HasPrefix(got, "/dev/zero: not a regular file but a character device;") {
		t.Errorf("/dev/zero: %s", got)
	}
}

func TestLoadSizeLimit(t *testing.T) {
	fsys := fstest.MapFS{
		"small.yaml": {Data: []byte(vocab + "concepts:\n  - {id: a, name: A}\n")},
		"big.yaml":   {Data: []byte("concepts:\n" + strings.Repeat("  - {id: x, name: X}\n", 100))},
	}
	l := Loader{Options: LoadOptions{MaxFileSize: 1000, RaiseLimit: "raise the limit"}}
	if err := l.AddFS(fsys, ".", "data"); err != nil {
		t.Fatal(err)
	}
	golden(t, filepath.Join("testdata", "errors", "too_large.txt"), loadErr(t, &l))

	// No limit, and the default limit, read both.
	for _, max := range []int64{-1, 0} {
		l := Loader{Options: LoadOptions{MaxFileSize: max}}
		l.AddFS(fsys, "small.yaml", "small.yaml")
		if _, err := l.Load(); err != nil {
			t.Errorf("limit %d: %v", max, err)
		}
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 bytes", 1023: "1023 bytes", 1024: "1 KiB", 1536: "1.5 KiB", 64 << 20: "64 MiB", 3 << 30: "3 GiB"} {
		if got := FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
	}
}
