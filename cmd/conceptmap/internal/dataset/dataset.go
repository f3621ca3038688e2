// Package dataset finds the data a command reads: the files and
// directories given with --data, or the bundled data; the limits of a load,
// from the environment; and a fingerprint of the data files, by which
// serve --watch notices a change. Its errors name --data, as the command
// line gives it. It must not import package main, the server or render.
package dataset

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/atomicfile"
	"github.com/conceptmap/conceptmap/data"
	"github.com/conceptmap/conceptmap/data/compiled"
	"github.com/conceptmap/conceptmap/graph"
)

// Loader gathers the files a command reads: the files and directories at
// paths (given with --data), or the bundled data when there are none. It
// returns the loader and how many files it holds. linkRelation, if set,
// is the relation type of untyped links (graph.Loader.LinkRelation).
func Loader(paths []string, linkRelation string) (*graph.Loader, int, error) {
	if len(paths) == 0 {
		l, err := compiled.Loader()
		if err != nil {
			return nil, 0, err
		}
		return l, l.Files(), nil
	}
	l := graph.Loader{LinkRelation: linkRelation}
	opts, err := loadOptions()
	if err != nil {
		return nil, 0, err
	}
	l.Options = opts
	l.DefaultVocabulary("data/relations.yaml", data.Vocabulary)
	total := 0
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, 0, fmt.Errorf("--data %s: %w", p, atomicfile.Cause(err))
		}
		var n int
		if st.IsDir() {
			n, err = countAdd(&l, func() error { return l.AddFS(os.DirFS(p), ".", p) })
		} else {
			err = l.AddFS(os.DirFS(filepath.Dir(p)), filepath.Base(p), p)
			n = 1
		}
		if err != nil {
			return nil, 0, fmt.Errorf("--data: %w", err)
		}
		total += n
	}
	return &l, total, nil
}

// MaxFileSizeEnv names the variable that overrides the size limit of
// one data file.
const MaxFileSizeEnv = "CONCEPTMAP_MAX_FILE_SIZE"

// loadOptions reads the limits of a load from the environment.
func loadOptions() (graph.LoadOptions, error) {
	opts := graph.LoadOptions{RaiseLimit: "raise the limit with " + MaxFileSizeEnv + "=200MiB (or =off)"}
	v := os.Getenv(MaxFileSizeEnv)
	if v == "" {
		return opts, nil
	}
	n, err := ParseSize(v)
	if err != nil {
		return opts, fmt.Errorf("%s=%s: %v; give a size such as 200MiB, or off for no limit", MaxFileSizeEnv, v, err)
	}
	opts.MaxFileSize = n
	return opts, nil
}

// ParseSize reads a size such as 1048576, 512KiB, 64MiB, 2GiB (K, M and
// G alone mean the same), or off for no limit (-1).
func ParseSize(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, "off") {
		return -1, nil
	}
	num := strings.TrimRightFunc(s, func(r rune) bool { return r < '0' || r > '9' })
	mult := int64(1)
	switch strings.ToLower(strings.TrimSpace(s[len(num):])) {
	case "", "b":
	case "k", "kib", "kb":
		mult = 1 << 10
	case "m", "mib", "mb":
		mult = 1 << 20
	case "g", "gib", "gb":
		mult = 1 << 30
	default:
		return 0, errors.New("unknown unit " + strconv.Quote(s[len(num):]))
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n <= 0 || n > (1<<62)/mult {
		return 0, errors.New("not a positive size")
	}
	return n * mult, nil
}

func countAdd(l *graph.Loader, add func() error) (int, error) {
	before := l.Files()
	err := add()
	return l.Files() - before, err
}

// Fingerprint sums up the name, size and modification time of every
// data file under paths, as the loader finds them (graph.WalkData), so
// that serve --watch notices a change.
func Fingerprint(paths []string) [32]byte {
	var lines []string
	add := func(path string, st fs.FileInfo) {
		lines = append(lines, fmt.Sprintf("%s %d %d", path, st.Size(), st.ModTime().UnixNano()))
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			lines = append(lines, p+" missing")
			continue
		}
		if !st.IsDir() {
			add(p, st)
			continue
		}
		_, err = graph.WalkData(os.DirFS(p), ".", func(rel string, _ bool) error {
			if st, err := os.Stat(filepath.Join(p, rel)); err == nil {
				add(filepath.Join(p, rel), st)
			}
			return nil
		})
		if err != nil {
			lines = append(lines, p+" unreadable: "+err.Error())
		}
	}
	return sha256.Sum256([]byte(strings.Join(lines, "\n")))
}
