package main

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/conceptmap/conceptmap/graph"
)

// watchData reloads the data whenever a data file under --data changes,
// is added or is removed. It polls the files' sizes and modification
// times every interval: no notification API, so it works the same
// everywhere, and the bundled data set is small.
func (s *server) watchData(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		s.mu.RLock()
		last := s.files
		s.mu.RUnlock()
		if dataFingerprint(s.co.data) == last {
			continue
		}
		if err := s.reload(); err != nil {
			var le *graph.LoadError
			n := 1
			if errors.As(err, &le) {
				n = len(le.Diags)
			}
			fmt.Fprintf(s.stderr, "conceptmap serve: the data changed and has %s; still serving the last good version:\n%v\n", plural(n, "problem"), err)
			continue
		}
		g := s.graph()
		fmt.Fprintf(s.stderr, "conceptmap serve: reloaded the data: %s, %s\n", plural(len(g.Concepts()), "concept"), plural(len(g.Edges()), "relation"))
	}
}

// dataFingerprint sums up the name, size and modification time of every
// data file under paths, the way the loader finds them.
func dataFingerprint(paths []string) [32]byte {
	var lines []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			lines = append(lines, p+" missing")
			continue
		}
		if !st.IsDir() {
			lines = append(lines, fileLine(p, st))
			continue
		}
		filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				lines = append(lines, path+" unreadable")
				return nil
			}
			name := d.Name()
			if path != p && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if ext := strings.ToLower(filepath.Ext(name)); d.IsDir() || !slices.Contains(graph.Formats, ext) && ext != graph.NoteExt {
				return nil
			}
			if info, err := d.Info(); err == nil {
				lines = append(lines, fileLine(path, info))
			}
			return nil
		})
	}
	return sha256.Sum256([]byte(strings.Join(lines, "\n")))
}

func fileLine(path string, st fs.FileInfo) string {
	return fmt.Sprintf("%s %d %d", path, st.Size(), st.ModTime().UnixNano())
}
