package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/conceptmap/conceptmap/graph"
)

// outFile is one file a command writes.
type outFile struct {
	path string
	data []byte
}

// writeFileAtomic writes b to path through a temporary file in the same
// directory, so a failed run never leaves a truncated or clobbered file.
func writeFileAtomic(path string, b []byte) error {
	return writeFilesAtomic(outFile{path, b})
}

// writeFilesAtomic writes several files as one: each goes to a temporary
// file in its directory, and only when all are written and synced are they
// renamed into place. A failure while writing leaves every file as it was;
// should a rename fail, the files already renamed are put back (the old
// ones are kept as hard links until the end), so no file is ever
// half-written and, short of a crash between two renames, either all files
// are new or none is.
func writeFilesAtomic(files ...outFile) (err error) {
	tmps := make([]string, 0, len(files))
	defer func() {
		if err != nil {
			for _, t := range tmps {
				os.Remove(t)
			}
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
			}
		}
	}()
	existed := make([]bool, len(files))
	for i, f := range files {
		_, err := os.Lstat(f.path)
		existed[i] = err == nil
		if i < len(files)-1 {
			backups[i] = backup(f.path)
		}
	}
	for i, f := range files {
		if err := os.Rename(tmps[i], f.path); err != nil {
			for j := range i {
				switch {
				case backups[j] != "":
					os.Rename(backups[j], files[j].path)
					backups[j] = ""
				case !existed[j]:
					os.Remove(files[j].path)
				}
				// A file that existed but could not be kept aside stays
				// new: removing it would lose both versions.
			}
			return fmt.Errorf("cannot write %s: %w", f.path, unwrapPath(err))
		}
	}
	return nil
}

// checkOutput fails early, before any work, if path cannot be an output
// file: it is a directory, or its directory does not exist.
func checkOutput(path string) error {
	if path == "" {
		return nil
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

// stage writes f to a new temporary file beside f.path and returns its
// name.
func stage(f outFile) (name string, err error) {
	dir, base := filepath.Split(f.path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return "", fmt.Errorf("cannot write %s: %w", f.path, unwrapPath(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(f.data); err != nil {
		return "", fmt.Errorf("cannot write %s: %w", f.path, unwrapPath(err))
	}
	if err = tmp.Sync(); err != nil {
		return "", fmt.Errorf("cannot write %s: %w", f.path, unwrapPath(err))
	}
	if err = tmp.Close(); err != nil {
		return "", fmt.Errorf("cannot write %s: %w", f.path, unwrapPath(err))
	}
	mode := os.FileMode(0o644) // a new file; a file replaced keeps its mode
	if st, err := os.Stat(f.path); err == nil && st.Mode().IsRegular() {
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
	if err := os.Link(path, name); err != nil {
		return ""
	}
	return name
}

// emit writes a command's output to stdout, or whole to the file out,
// saying on stderr what it wrote.
func emit(e *env, out string, b []byte, v graph.View) error {
	if out == "" {
		_, err := e.stdout.Write(b)
		return err
	}
	if err := writeFileAtomic(out, b); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "wrote %s: %s, %s\n", out, plural(len(v.Concepts), "concept"), plural(len(v.Edges), "relation"))
	return nil
}

// checkNewDir fails early if dir cannot take a new set of files: it is not
// given, is a file, or holds files already.
func checkNewDir(dir string) error {
	if dir == "" {
		return usagef("export", "an Obsidian vault is a directory; give -o DIR/")
	}
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

// writeDirAtomic writes files, named relative to dir, into a new directory
// dir: all into a temporary directory beside it, which is renamed to dir
// once every file is written. A failed run leaves no dir behind. dir must
// not exist or be empty.
func writeDirAtomic(dir string, files []outFile) (err error) {
	if err := checkNewDir(dir); err != nil {
		return err
	}
	dir = filepath.Clean(dir)
	parent, base := filepath.Split(dir)
	if parent == "" {
		parent = "."
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", dir, unwrapPath(err))
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	for _, f := range files {
		p := filepath.Join(tmp, f.path)
		if err = os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("cannot write %s: %w", filepath.Join(dir, f.path), unwrapPath(err))
		}
		if err = os.WriteFile(p, f.data, 0o644); err != nil {
			return fmt.Errorf("cannot write %s: %w", filepath.Join(dir, f.path), unwrapPath(err))
		}
	}
	if err = os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	os.Remove(dir) // an empty directory, which checkNewDir let through
	if err = os.Rename(tmp, dir); err != nil {
		return fmt.Errorf("cannot write %s: %w", dir, unwrapPath(err))
	}
	return nil
}
