// Package gvcache gives go-graphviz a private place for its compiled code.
//
// go-graphviz compiles its WebAssembly to native code in its package init,
// and keeps that code in $TMPDIR/go-graphviz, from where it loads it back in
// every process, checked only by a checksum. A shared TMPDIR such as /tmp
// would let another user put code of theirs there for our process to run,
// and a go-graphviz folder that another user (root included) made first
// breaks every start. go-graphviz reads TMPDIR once, in its init; so this
// package, whose init the Go runtime runs before go-graphviz's, points
// TMPDIR at a private directory of the user's own for that init, and
// Restore, called from the init of a package that imports go-graphviz, puts
// TMPDIR back.
//
// Go (1.21 and later) initialises packages in the order of their import
// paths, among those whose imports are initialised: this package's path
// sorts before github.com/goccy/go-graphviz's, and it imports nothing that
// go-graphviz does not import too, so its init always runs first. A test
// checks that order.
//
// The directory is conceptmap/graphviz/ under the user cache directory
// (os.UserCacheDir: $XDG_CACHE_HOME or ~/.cache), made with mode 0700. It
// is refused unless it is a directory (not a link) owned by the user and
// closed to others, conceptmap/ too (others may read that one), and its
// go-graphviz folder, if there is one, too; then
// there is no cache at all, and Graphviz is compiled anew in every process
// (about a second). Nothing is ever read from TMPDIR.
//
// gvcache must not import go-graphviz, or any package of the project.
package gvcache

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

var (
	dir, tmpdir string
	hadTmpdir   bool
	problem     error
)

// noCache is a TMPDIR under which go-graphviz can make no folder, so that
// it keeps no cache.
const noCache = "/dev/null/conceptmap-no-cache"

func init() {
	tmpdir, hadTmpdir = os.LookupEnv("TMPDIR")
	d, err := private()
	if err != nil {
		problem = err
		os.Setenv("TMPDIR", noCache)
		return
	}
	dir = d
	os.Setenv("TMPDIR", d)
}

// Restore puts TMPDIR back as it was before go-graphviz's init. Call it
// from the init of a package that imports go-graphviz.
func Restore() {
	if hadTmpdir {
		os.Setenv("TMPDIR", tmpdir)
	} else {
		os.Unsetenv("TMPDIR")
	}
}

// Dir returns the directory that holds go-graphviz's compiled code, and,
// when there is none, why it was refused.
func Dir() (string, error) { return dir, problem }

// private makes or checks the user's cache directory for Graphviz's
// compiled code.
func private() (string, error) {
	base, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("no cache for Graphviz's compiled code: %w", err)
	}
	// conceptmap/ may hold other caches; graphviz/ in it is Graphviz's alone.
	top := filepath.Join(base, "conceptmap")
	d := filepath.Join(top, "graphviz")
	for _, p := range []string{base, top, d} {
		if err := os.Mkdir(p, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
			return "", fmt.Errorf("no cache for Graphviz's compiled code: %w", err)
		}
	}
	if err := check(top, 0o022); err != nil {
		return "", err
	}
	if err := check(d, 0o077); err != nil {
		return "", err
	}
	// go-graphviz makes its folder with mode 0755, inside ours.
	if err := check(filepath.Join(d, "go-graphviz"), 0o022); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	return d, nil
}

// check refuses d unless it is a directory, not a link, owned by the
// user, with none of the permission bits in others.
func check(d string, others fs.FileMode) error {
	st, err := os.Lstat(d)
	if err != nil {
		return err
	}
	refuse := func(why, fix string) error {
		return fmt.Errorf("not using %s as the cache of Graphviz's compiled code: %s; %s. "+
			"Until then Graphviz is compiled anew in every run, which takes about a second", d, why, fix)
	}
	switch {
	case st.Mode()&fs.ModeSymlink != 0:
		return refuse("it is a symbolic link", "remove it, and conceptmap makes a directory there")
	case !st.IsDir():
		return refuse("it is not a directory", "remove it, and conceptmap makes a directory there")
	}
	if uid, ok := owner(st); ok && uid != os.Getuid() {
		return refuse(fmt.Sprintf("it belongs to user id %d, not to you (%d)", uid, os.Getuid()),
			"remove it, or set XDG_CACHE_HOME to a directory of your own")
	}
	if st.Mode().Perm()&others != 0 {
		return refuse(fmt.Sprintf("others may write to it or read it (mode %04o)", st.Mode().Perm()),
			fmt.Sprintf("run: chmod go-rwx %s", d))
	}
	return nil
}
