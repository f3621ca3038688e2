package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/conceptmap/conceptmap/graph"
)

// writer collects a command's text output.
type writer struct {
	b    bytes.Buffer
	lang graph.Lang
}

func (w *writer) line(format string, args ...any) {
	fmt.Fprintf(&w.b, format, args...)
	w.b.WriteByte('\n')
}

// output prints v as JSON with --json, or the text that text writes,
// with what a terminal would act on in it escaped (graph.Printable): data
// may hold escape sequences.
func output(e *env, co *common, v any, text func(w *writer)) error {
	if co.json {
		return writeJSON(e.stdout, v)
	}
	lang, _ := graph.ParseLang(co.lang)
	w := &writer{lang: lang}
	text(w)
	_, err := io.WriteString(e.stdout, graph.Printable(w.b.String()))
	return err
}

func writeJSON(out io.Writer, v any) error {
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// name is how text output names a concept: in the chosen language.
func (w *writer) name(c *graph.Concept) string { return c.Name.In(w.lang) }

// label is a concept's name with its id, for lists.
func (w *writer) label(c *graph.Concept) string {
	return w.name(c) + " [" + c.ID + "]"
}

// hop reads one edge of a chain from the concept at → the other end,
// using the vocabulary's label or, against the edge, its inverse:
// "Transformer —replaces→ LSTM" or "LSTM —is replaced by→ Transformer".
func hop(g *graph.Graph, lang graph.Lang, e graph.Edge, forward bool) (rel, next string) {
	r := g.Relation(e.Relation)
	label := r.Label
	next = e.To
	if !forward {
		label, next = r.Inverse, e.From
	}
	return " —" + label.In(textLang(lang)) + "→ ", next
}

// chain reads a sequence of edges, starting at concept start, as
// "A —rel→ B —rel→ C". With both languages it names concepts in English
// only, to keep long chains readable.
func chain(g *graph.Graph, lang graph.Lang, start string, edges []*graph.Edge) string {
	var b strings.Builder
	cur := start
	lang = textLang(lang)
	b.WriteString(g.Concept(cur).Name.In(lang))
	for _, e := range edges {
		rel, next := hop(g, lang, *e, e.From == cur)
		b.WriteString(rel)
		b.WriteString(g.Concept(next).Name.In(lang))
		cur = next
	}
	return b.String()
}

// textLang is the language for running text (labels, reasons): with
// "both", names show both but sentences stay in English.
func textLang(l graph.Lang) graph.Lang {
	if l == graph.Both {
		return graph.En
	}
	return l
}

// why returns a relation's reason in the chosen language; with "both",
// the two languages on separate lines.
func whyLines(t graph.Text, lang graph.Lang) []string {
	if lang != graph.Both {
		if s := t.In(lang); s != "" {
			return []string{s}
		}
		return nil
	}
	var out []string
	for _, s := range []string{t.En, t.Zh} {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
