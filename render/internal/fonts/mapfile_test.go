package fonts

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"unsafe"
)

// TestReadFontFile checks that a font file reads as its bytes; that on
// Unix a file is mapped once, so loading it again shares the mapping; that
// a file rewritten since is read anew; and that an empty or missing file
// is what it is.
func TestReadFontFile(t *testing.T) {
	path := cjkFont(t).faces[0].path
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := readFontFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := readFontFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, want) {
		t.Fatalf("%s: read %d bytes, not the file's %d", path, len(a), len(want))
	}
	if runtime.GOOS != "windows" && unsafe.SliceData(a) != unsafe.SliceData(b) {
		t.Errorf("%s: loaded twice, mapped twice", path)
	}

	dir := t.TempDir()
	p := filepath.Join(dir, "f.ttf")
	for _, content := range []string{"first version", "the second, longer version"} {
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := readFontFile(p)
		if err != nil || string(got) != content {
			t.Errorf("%s holding %q: read %q, %v", p, content, got, err)
		}
	}

	empty := filepath.Join(dir, "empty.ttf")
	os.WriteFile(empty, nil, 0o644)
	if got, err := readFontFile(empty); err != nil || len(got) != 0 {
		t.Errorf("empty file: %d bytes, %v", len(got), err)
	}
	if _, err := readFontFile(filepath.Join(dir, "missing.ttf")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v, want it not to exist", err)
	}
	if _, err := LoadFont(empty); err == nil || err.Error() != "render: font "+empty+": the file is empty, not a TrueType or OpenType font" {
		t.Errorf("empty file: LoadFont says %v", err)
	}
}
