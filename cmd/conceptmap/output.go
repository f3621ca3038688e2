package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/atomicfile"
	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/textout"
	"github.com/conceptmap/conceptmap/graph"
)

// output prints v as JSON with --json, or the text that text writes about
// g, with what a terminal would act on in it escaped (graph.Printable):
// data may hold escape sequences.
func output(e *env, co *common, g *loaded, v any, text func(w *textout.Writer)) error {
	if co.json {
		return writeJSON(e.stdout, v)
	}
	w := textout.New(g.Graph, g.lang)
	text(w)
	_, err := io.WriteString(e.stdout, graph.Printable(string(w.Bytes())))
	return err
}

func writeJSON(out io.Writer, v any) error {
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// emit writes a command's output to stdout (no -o, or -o -), or whole
// to the file out, saying on stderr what it wrote.
func emit(e *env, out string, b []byte, v graph.View) error {
	if out == "" || out == "-" {
		_, err := e.stdout.Write(b)
		return err
	}
	if err := atomicfile.Write(out, b); err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "wrote %s: %s, %s\n", out, plural(len(v.Concepts), "concept"), plural(len(v.Edges), "relation"))
	return nil
}
