// Package knownfile keeps what a learner knows between runs: known.txt in
// conceptmap's folder of the user's configuration directory
// ($XDG_CONFIG_HOME, ~/.config on Linux), one concept id a line. The
// command line's known command and the explorer's server share it.
//
// It holds the file's place and format only: it must not import the
// command line or the server.
package knownfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/atomicfile"
)

// Path returns where the known file is kept.
func Path() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("no configuration directory to keep what you know in (%v); set $XDG_CONFIG_HOME, or give --known instead", err)
	}
	return filepath.Join(dir, "conceptmap", "known.txt"), nil
}

// Read returns the ids in the known file, none if there is no file, and
// the file's path.
func Read() ([]string, string, error) {
	path, err := Path()
	if err != nil {
		return nil, "", err
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, path, nil
	}
	if err != nil {
		return nil, path, err
	}
	var ids []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			ids = append(ids, l)
		}
	}
	return ids, path, nil
}

// Write replaces the known file with ids, whole or not at all.
func Write(path string, ids []string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	b := "# Concepts you know, one id a line, kept by 'conceptmap known'.\n"
	for _, id := range ids {
		b += id + "\n"
	}
	return atomicfile.Write(path, []byte(b))
}
