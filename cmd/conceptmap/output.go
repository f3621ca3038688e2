package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/atomicfile"
	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/textout"
	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render"
	"golang.org/x/term"
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

// checkBinaryOutput refuses to send a binary format (PNG, PDF) to a
// terminal, where it would be garbage and could upset the terminal:
// stdout when out is "" or "-", or a terminal named by -o (/dev/tty).
func checkBinaryOutput(e *env, cmd, out, format string) error {
	if f, _ := render.FormatNamed(format); !f.Raster {
		return nil
	}
	if out == "" || out == "-" {
		if isTerminal(e.stdout) {
			return usagef(cmd, "will not write %s to a terminal; give -o FILE, or redirect stdout to a file or a pipe", strings.ToUpper(format))
		}
		return nil
	}
	if p, err := atomicfile.Resolve(out); err == nil {
		if f, err := os.OpenFile(p, os.O_WRONLY, 0); err == nil {
			tty := term.IsTerminal(int(f.Fd()))
			f.Close()
			if tty {
				return usagef(cmd, "will not write %s to the terminal %s; give -o FILE", strings.ToUpper(format), out)
			}
		}
	}
	return nil
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
