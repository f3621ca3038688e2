//go:build unix

package fonts

import (
	"os"
	"sync"
	"syscall"
)

// readFontFile maps a font file into memory, read-only, rather than
// reading it: the Chinese fonts are 20 MB and more, of which a map uses
// the few hundred kilobytes of its glyphs, and reading them whole was a
// fifth of the CPU of a slide PNG. The pages come from the system's file
// cache as they are used, and no memory of ours is filled with copies.
//
// Each file is mapped once per process and stays mapped, so loading the
// same font again costs nothing and leaks nothing. A file that cannot be
// mapped (an empty one, a pipe, a file system that does not map) is read
// instead. A font file truncated in place while conceptmap runs would
// crash it; package managers replace font files by renaming, which leaves
// the mapped file whole.
func readFontFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := st.Size()
	if !st.Mode().IsRegular() || size <= 0 || int64(int(size)) != size {
		return os.ReadFile(path)
	}
	key := mapKey{path: path, size: size, modTime: st.ModTime().UnixNano()}
	if sys, ok := st.Sys().(*syscall.Stat_t); ok {
		key.dev, key.ino = uint64(sys.Dev), uint64(sys.Ino)
	}
	mapped.Lock()
	defer mapped.Unlock()
	if data, ok := mapped.files[key]; ok {
		return data, nil
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return os.ReadFile(path)
	}
	if mapped.files == nil {
		mapped.files = map[mapKey][]byte{}
	}
	mapped.files[key] = data
	return data, nil
}

// A mapKey names one version of a file.
type mapKey struct {
	path     string
	size     int64
	modTime  int64 // in nanoseconds since 1970
	dev, ino uint64
}

var mapped struct {
	sync.Mutex
	files map[mapKey][]byte
}
