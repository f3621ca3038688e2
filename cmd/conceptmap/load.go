package main

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/conceptmap/conceptmap/data"
	"github.com/conceptmap/conceptmap/data/compiled"
	"github.com/conceptmap/conceptmap/graph"
)

// loaded is a graph with what the command needs to say about its source.
type loaded struct {
	*graph.Graph
	lang  graph.Lang
	files int
}

// newLoader gathers the files a command reads: the user's --data paths, or
// the bundled data.
func newLoader(co *common) (*graph.Loader, int, error) {
	if len(co.data) == 0 {
		l, err := compiled.Loader()
		if err != nil {
			return nil, 0, err
		}
		return l, l.Files(), nil
	}
	l := graph.Loader{LinkRelation: co.links}
	opts, err := loadOptions()
	if err != nil {
		return nil, 0, err
	}
	l.Options = opts
	l.DefaultVocabulary("data/relations.yaml", data.Vocabulary)
	total := 0
	for _, p := range co.data {
		st, err := os.Stat(p)
		if err != nil {
			return nil, 0, fmt.Errorf("--data %s: %w", p, unwrapPath(err))
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

// maxFileSizeEnv names the variable that overrides the size limit of
// one data file.
const maxFileSizeEnv = "CONCEPTMAP_MAX_FILE_SIZE"

// loadOptions reads the limits of a load from the environment.
func loadOptions() (graph.LoadOptions, error) {
	opts := graph.LoadOptions{RaiseLimit: "raise the limit with " + maxFileSizeEnv + "=200MiB (or =off)"}
	v := os.Getenv(maxFileSizeEnv)
	if v == "" {
		return opts, nil
	}
	n, err := parseSize(v)
	if err != nil {
		return opts, fmt.Errorf("%s=%s: %v; give a size such as 200MiB, or off for no limit", maxFileSizeEnv, v, err)
	}
	opts.MaxFileSize = n
	return opts, nil
}

// parseSize reads a size such as 1048576, 512KiB, 64MiB, 2GiB (K, M and
// G alone mean the same), or off for no limit (-1).
func parseSize(s string) (int64, error) {
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

// load reads and checks the data. Problems are printed to stderr, every
// one, and the command fails without a graph.
func load(e *env, co *common) (*loaded, error) {
	l, files, err := newLoader(co)
	if err != nil {
		return nil, err
	}
	var g *graph.Graph
	if len(co.data) == 0 {
		g, err = compiled.Graph() // compiled at build time
	} else {
		g, err = l.Load()
		printWarnings(e.stderr, l)
	}
	if err != nil {
		var le *graph.LoadError
		if errors.As(err, &le) {
			fmt.Fprintln(e.stderr, le.Error())
			return nil, fmt.Errorf("%s in the data; fix them and run again ('conceptmap validate' checks the data alone)", plural(len(le.Diags), "problem"))
		}
		return nil, linksError(err)
	}
	lang, _ := graph.ParseLang(co.lang)
	return &loaded{Graph: g, lang: lang, files: files}, nil
}

// printWarnings prints what the load did that the user should know of,
// such as reading a CSV file in another encoding than UTF-8.
func printWarnings(w io.Writer, l *graph.Loader) {
	for _, d := range l.Warnings() {
		fmt.Fprintf(w, "conceptmap: note: %s\n", graph.Printable(d.String()))
	}
}

// plural gives "1 concept", "2 concepts", "3 categories".
var plural = graph.Plural

// unwrapPath drops the operation and path from an *fs.PathError, for
// messages that name the path themselves.
func unwrapPath(err error) error {
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

// linksError says which flag gave a relation type that the data lacks.
func linksError(err error) error {
	var lr *graph.LinkRelationError
	if errors.As(err, &lr) {
		return fmt.Errorf("--links: %w", err)
	}
	return err
}

// dataFingerprint sums up the name, size and modification time of every
// data file under paths, as the loader finds them (graph.WalkData), so
// that serve --watch notices a change.
func dataFingerprint(paths []string) [32]byte {
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
