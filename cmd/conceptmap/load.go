package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/dataset"
	"github.com/conceptmap/conceptmap/data/compiled"
	"github.com/conceptmap/conceptmap/graph"
)

// loaded is a graph with what the command needs to say about its source.
type loaded struct {
	*graph.Graph
	lang  graph.Lang
	files int
}

// load reads and checks the data. Problems are printed to stderr, every
// one, and the command fails without a graph.
func load(e *env, co *common) (*loaded, error) {
	l, files, err := dataset.Loader(co.data, co.links)
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

// linksError says which flag gave a relation type that the data lacks.
func linksError(err error) error {
	var lr *graph.LinkRelationError
	if errors.As(err, &lr) {
		return fmt.Errorf("--links: %w", err)
	}
	return err
}
