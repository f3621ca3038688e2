package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
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
	var l graph.Loader
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
			var b []byte
			b, err = os.ReadFile(p)
			l.AddFile(p, b)
			n = 1
		}
		if err != nil {
			return nil, 0, fmt.Errorf("--data: %w", err)
		}
		total += n
	}
	return &l, total, nil
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
	}
	if err != nil {
		var le *graph.LoadError
		if errors.As(err, &le) {
			fmt.Fprintln(e.stderr, le.Error())
			return nil, fmt.Errorf("%s in the data; fix them and run again ('conceptmap validate' checks the data alone)", plural(len(le.Diags), "problem"))
		}
		return nil, err
	}
	lang, _ := graph.ParseLang(co.lang)
	return &loaded{Graph: g, lang: lang, files: files}, nil
}

// plural gives "1 concept", "2 concepts", "3 categories".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	if strings.HasSuffix(word, "y") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(word, "y"))
	}
	return fmt.Sprintf("%d %ss", n, word)
}

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
