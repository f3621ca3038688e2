package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A symbolic link given as the output is followed to its file, which is
// replaced, and the link itself stays a link; so does a chain of links,
// and a link to a file not yet made.
func TestWriteFollowsLinks(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.svg")
	os.WriteFile(real, []byte("old"), 0o600)
	link := filepath.Join(dir, "link.svg")
	chain := filepath.Join(dir, "chain.svg")
	os.Symlink("real.svg", link)
	os.Symlink(link, chain)
	for _, p := range []string{link, chain} {
		if err := Write(p, []byte("new "+p)); err != nil {
			t.Fatal(err)
		}
		if st, err := os.Lstat(p); err != nil || st.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s is no longer a link: %v", p, err)
		}
		if b, _ := os.ReadFile(real); string(b) != "new "+p {
			t.Errorf("after writing %s the file holds %q", p, b)
		}
		if st, _ := os.Stat(real); st.Mode().Perm() != 0o600 {
			t.Errorf("the file's mode became %v", st.Mode().Perm())
		}
	}
	dangling := filepath.Join(dir, "dangling.svg")
	os.Symlink("made.svg", dangling)
	if err := Write(dangling, []byte("made")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "made.svg")); string(b) != "made" {
		t.Errorf("a link to a missing file did not make it: %q", b)
	}
	loop := filepath.Join(dir, "loop.svg")
	os.Symlink("loop.svg", loop)
	if err := Write(loop, []byte("x")); err == nil || !strings.Contains(err.Error(), "too many symbolic links") {
		t.Errorf("a loop of links: %v", err)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 6 {
		t.Errorf("left files behind: %v", ents)
	}
}

// A device or a FIFO is written through, never replaced by a regular
// file.
func TestWriteThroughSpecialFiles(t *testing.T) {
	if err := Write(os.DevNull, []byte("nothing")); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(os.DevNull); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("%s is no longer a device: %v %v", os.DevNull, st.Mode(), err)
	}
	if !Special(os.DevNull) {
		t.Errorf("Special(%s) = false", os.DevNull)
	}
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	got := make(chan string)
	go func() {
		b, _ := os.ReadFile(fifo)
		got <- string(b)
	}()
	if err := Write(fifo, []byte("through the pipe")); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "through the pipe" {
		t.Errorf("the reader got %q", s)
	}
	if st, _ := os.Lstat(fifo); st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO became %v", st.Mode())
	}
	if ents, _ := os.ReadDir(filepath.Dir(fifo)); len(ents) != 1 {
		t.Errorf("left files behind: %v", ents)
	}
}

// CheckOutput takes - (stdout) and follows links.
func TestCheckOutput(t *testing.T) {
	dir := t.TempDir()
	if err := CheckOutput("-"); err != nil {
		t.Errorf("-: %v", err)
	}
	os.Symlink(dir, filepath.Join(dir, "d"))
	if err := CheckOutput(filepath.Join(dir, "d")); err == nil || !strings.Contains(err.Error(), "it is a directory") {
		t.Errorf("a link to a directory: %v", err)
	}
	if err := CheckOutput(filepath.Join(dir, "none", "x.svg")); err == nil || !strings.Contains(err.Error(), "no directory") {
		t.Errorf("a missing directory: %v", err)
	}
}

// Abort removes what is staged and refuses every later write, so an
// interrupted run leaves no file.
func TestAbortRemovesStagedAndRefusesWrites(t *testing.T) {
	dir := t.TempDir()
	staged, err := stage(File{filepath.Join(dir, "a.svg"), []byte("a")})
	if err != nil {
		t.Fatal(err)
	}
	if live := Live(); len(live) != 1 || live[0] != staged {
		t.Fatalf("live %v, want [%s]", live, staged)
	}
	Abort()
	defer func() { live.Lock(); live.aborted = false; live.Unlock() }()
	if _, err := os.Stat(staged); !os.IsNotExist(err) {
		t.Errorf("staged file %s is still there: %v", staged, err)
	}
	if err := Write(filepath.Join(dir, "b.svg"), []byte("b")); !errors.Is(err, ErrAborted) {
		t.Errorf("Write after Abort: %v, want ErrAborted", err)
	}
	if err := WriteDir(filepath.Join(dir, "vault"), []File{{"x.md", []byte("x")}}); !errors.Is(err, ErrAborted) {
		t.Errorf("WriteDir after Abort: %v, want ErrAborted", err)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("files left after Abort: %v", ents)
	}
	if live := Live(); len(live) != 0 {
		t.Errorf("live after Abort: %v", live)
	}
}
