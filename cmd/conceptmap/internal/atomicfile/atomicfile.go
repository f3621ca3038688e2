// Package atomicfile writes output files whole or not at all: a failed
// run never leaves a truncated or clobbered file, and a set of files is
// replaced together. Only a missing or regular file is replaced by a
// rename; a symbolic link is followed to its file and kept, and a device,
// FIFO or socket is written through, as a shell's redirection would. It
// holds no knowledge of conceptmap's commands or formats; it must not
// import any package of the project.
package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// live is the registry of the temporary files and directories that runs
// have staged and not yet renamed or removed, so that an interrupt can
// remove them (Abort). mu also guards the renames that put staged files
// in place, so that Abort either comes before them (and none happens) or
// after all of them.
var live = struct {
	sync.Mutex
	paths   map[string]bool
	aborted bool
}{paths: map[string]bool{}}

// ErrAborted is returned by writes asked for after Abort.
var ErrAborted = errors.New("interrupted")

// track registers a temporary path for Abort to remove; it fails once
// Abort has run, and then removes the path itself.
func track(p string) error {
	live.Lock()
	defer live.Unlock()
	if live.aborted {
		os.RemoveAll(p)
		return ErrAborted
	}
	live.paths[p] = true
	return nil
}

// untrack removes p from the registry, once it is renamed or removed.
func untrack(p string) {
	live.Lock()
	delete(live.paths, p)
	live.Unlock()
}

// Abort removes every temporary file and directory that runs have staged
// and not yet put in place, and makes every later write fail with
// ErrAborted, renames included: after Abort, no output file appears. It
// is for an interrupt (Ctrl-C), and safe to call from a signal handler's
// goroutine while a write is under way; it returns once any rename
// already under way has finished.
func Abort() {
	live.Lock()
	defer live.Unlock()
	live.aborted = true
	for p := range live.paths {
		os.RemoveAll(p)
		delete(live.paths, p)
	}
}

// Live lists the temporary paths staged and not yet put in place or
// removed, for tests.
func Live() []string {
	live.Lock()
	defer live.Unlock()
	var out []string
	for p := range live.paths {
		out = append(out, p)
	}
	return out
}

// File is one file to write.
type File struct {
	Path string
	Data []byte
}

// Write writes b to path through a temporary file in the same
// directory, so a failed run never leaves a truncated or clobbered file.
func Write(path string, b []byte) error {
	return WriteAll(File{path, b})
}

// maxLinks bounds the symbolic links followed from one output name, as
// the kernel does, so a loop of links is an error rather than a hang.
const maxLinks = 40

// Resolve follows path through symbolic links to the file that writing
// it should change, which may not exist yet (a link to a file to be
// made). Writing to the result keeps every link in place.
func Resolve(path string) (string, error) {
	for range maxLinks {
		st, err := os.Lstat(path)
		if err != nil || st.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		dest, err := os.Readlink(path)
		if err != nil {
			return "", fmt.Errorf("cannot write %s: %w", path, Cause(err))
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(path), dest)
		}
		path = dest
	}
	return "", fmt.Errorf("cannot write %s: too many symbolic links (a loop?)", path)
}

// Special reports whether path exists and is neither a regular file nor
// a directory, after links: a device, FIFO or socket, which is written
// through.
func Special(path string) bool {
	p, err := Resolve(path)
	return err == nil && special(p)
}

func special(path string) bool {
	st, err := os.Stat(path)
	return err == nil && !st.Mode().IsRegular() && !st.IsDir()
}

// writeThrough writes b to the special file path as it is: a device or
// FIFO cannot be replaced by a rename, and must not be.
func writeThrough(path string, b []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, Cause(err))
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return fmt.Errorf("cannot write %s: %w", path, Cause(err))
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, Cause(err))
	}
	return nil
}

// WriteAll writes several files as one: each goes to a temporary
// file in its directory, and only when all are written and synced are they
// renamed into place. A failure while writing leaves every file as it was;
// should a rename fail, the files already renamed are put back (the old
// ones are kept as hard links until the end), so no file is ever
// half-written and, short of a crash between two renames, either all files
// are new or none is.
func WriteAll(files ...File) (err error) {
	// Links are followed to their files, which are what is replaced; a
	// special file is written through once the regular files are in place.
	var through []File
	regular := make([]File, 0, len(files))
	for _, f := range files {
		p, err := Resolve(f.Path)
		if err != nil {
			return err
		}
		if special(p) {
			through = append(through, File{p, f.Data})
			continue
		}
		regular = append(regular, File{p, f.Data})
	}
	if err := replace(regular); err != nil {
		return err
	}
	for _, f := range through {
		if err := writeThrough(f.Path, f.Data); err != nil {
			return err
		}
	}
	return nil
}

// replace writes regular (or missing) files as one, by renames.
func replace(files []File) (err error) {
	tmps := make([]string, 0, len(files))
	defer func() {
		for _, t := range tmps {
			if err != nil {
				os.Remove(t)
			}
			untrack(t)
		}
	}()
	for _, f := range files {
		t, err := stage(f)
		if err != nil {
			return err
		}
		tmps = append(tmps, t)
	}
	// Keep the files that a later rename failure would have to restore.
	backups := make([]string, len(files))
	defer func() {
		for _, b := range backups {
			if b != "" {
				os.Remove(b)
				untrack(b)
			}
		}
	}()
	existed := make([]bool, len(files))
	for i, f := range files {
		_, err := os.Lstat(f.Path)
		existed[i] = err == nil
		if i < len(files)-1 {
			backups[i] = backup(f.Path)
		}
	}
	live.Lock()
	defer live.Unlock()
	if live.aborted {
		return ErrAborted
	}
	for i, f := range files {
		if err := os.Rename(tmps[i], f.Path); err != nil {
			for j := range i {
				switch {
				case backups[j] != "":
					os.Rename(backups[j], files[j].Path)
					backups[j] = ""
				case !existed[j]:
					os.Remove(files[j].Path)
				}
				// A file that existed but could not be kept aside stays
				// new: removing it would lose both versions.
			}
			return fmt.Errorf("cannot write %s: %w", f.Path, Cause(err))
		}
	}
	return nil
}

// CheckOutput fails early, before any work, if path cannot be an output
// file: it is a directory, or its directory does not exist.
func CheckOutput(path string) error {
	if path == "" || path == "-" {
		return nil
	}
	path, err := Resolve(path)
	if err != nil {
		return err
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return fmt.Errorf("cannot write %s: it is a directory; give a file name", path)
	}
	if dir := filepath.Dir(path); dir != "." {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return fmt.Errorf("cannot write %s: no directory %s", path, dir)
		}
	}
	return nil
}

// stage writes f to a new temporary file beside f.Path and returns its
// name.
func stage(f File) (name string, err error) {
	dir, base := filepath.Split(f.Path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return "", fmt.Errorf("cannot write %s: %w", f.Path, Cause(err))
	}
	if err := track(tmp.Name()); err != nil {
		tmp.Close()
		return "", err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			untrack(tmp.Name())
		}
	}()
	if _, err = tmp.Write(f.Data); err != nil {
		return "", fmt.Errorf("cannot write %s: %w", f.Path, Cause(err))
	}
	if err = tmp.Sync(); err != nil {
		return "", fmt.Errorf("cannot write %s: %w", f.Path, Cause(err))
	}
	if err = tmp.Close(); err != nil {
		return "", fmt.Errorf("cannot write %s: %w", f.Path, Cause(err))
	}
	mode := os.FileMode(0o644) // a new file; a file replaced keeps its mode
	if st, err := os.Stat(f.Path); err == nil && st.Mode().IsRegular() {
		mode = st.Mode().Perm()
	}
	if err = os.Chmod(tmp.Name(), mode); err != nil {
		return "", err
	}
	return tmp.Name(), nil
}

// backup makes a hard link to the regular file at path, and returns its
// name; or "" if there is no such file or it cannot be linked.
func backup(path string) string {
	if st, err := os.Lstat(path); err != nil || !st.Mode().IsRegular() {
		return ""
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".*.old")
	if err != nil {
		return ""
	}
	name := f.Name()
	f.Close()
	os.Remove(name)
	if track(name) != nil {
		return ""
	}
	if err := os.Link(path, name); err != nil {
		untrack(name)
		return ""
	}
	return name
}

// CheckNewDir fails early if dir cannot take a new set of files: it is a
// file, or holds files already.
func CheckNewDir(dir string) error {
	st, err := os.Stat(dir)
	switch {
	case err != nil:
		return nil
	case !st.IsDir():
		return fmt.Errorf("cannot write %s: it is a file; give a new directory", dir)
	}
	if ents, err := os.ReadDir(dir); err != nil || len(ents) > 0 {
		return fmt.Errorf("cannot write %s: the directory is not empty; give a new directory, so that no file of yours is replaced", dir)
	}
	return nil
}

// WriteDir writes files, named relative to dir, into a new directory
// dir: all into a temporary directory beside it, which is renamed to dir
// once every file is written. A failed run leaves no dir behind. dir must
// not exist or be empty.
func WriteDir(dir string, files []File) (err error) {
	if err := CheckNewDir(dir); err != nil {
		return err
	}
	dir = filepath.Clean(dir)
	parent, base := filepath.Split(dir)
	if parent == "" {
		parent = "."
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", dir, Cause(err))
	}
	if err := track(tmp); err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
		untrack(tmp)
	}()
	for _, f := range files {
		p := filepath.Join(tmp, f.Path)
		if err = os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("cannot write %s: %w", filepath.Join(dir, f.Path), Cause(err))
		}
		if err = os.WriteFile(p, f.Data, 0o644); err != nil {
			return fmt.Errorf("cannot write %s: %w", filepath.Join(dir, f.Path), Cause(err))
		}
	}
	if err = os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	live.Lock()
	defer live.Unlock()
	if live.aborted {
		return ErrAborted
	}
	os.Remove(dir) // an empty directory, which CheckNewDir let through
	if err = os.Rename(tmp, dir); err != nil {
		return fmt.Errorf("cannot write %s: %w", dir, Cause(err))
	}
	return nil
}

// Cause drops the operation and path from an *fs.PathError or an
// *os.LinkError, for messages that name the path themselves.
func Cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
