package main

import (
	"strings"

	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/api"
	"github.com/conceptmap/conceptmap/graph"
)

var showCommand = &command{
	name: "show", args: "CONCEPT...", json: true,
	summary: "Show a concept: names, summary, analogy, references and relations",
	examples: []string{
		"conceptmap show GQA",
		"conceptmap show 奖励模型 --lang zh",
		"conceptmap show rlhf --json",
	},
	new: func() runner { return showCmd{} },
}

type showCmd struct{}

func (showCmd) flags(*pflag.FlagSet) {}

func (showCmd) run(e *env, co *common, args []string) error {
	if len(args) == 0 {
		return usagef("show", "name a concept, as in 'conceptmap show GQA'")
	}
	g, err := load(e, co)
	if err != nil {
		return err
	}
	cs, err := lookupEach(g, args)
	if err != nil {
		return err
	}
	var v any = api.NewConcept(g.Graph, cs[0])
	if len(cs) > 1 {
		v = api.NewConcepts(g.Graph, cs)
	}
	return output(e, co, v, func(w *writer) {
		for i, c := range cs {
			if i > 0 {
				w.line("")
			}
			showText(w, g, c)
		}
	})
}

func showText(w *writer, g *loaded, c *graph.Concept) {
	w.line("%s", w.label(c))
	if cat := g.Category(c.Category); cat != nil {
		w.line("Category: %s", cat.Name.In(w.lang))
	}
	if len(c.Aliases) > 0 {
		w.line("Aliases:  %s", strings.Join(c.Aliases, ", "))
	}
	para := func(title string, t graph.Text) {
		ls := whyLines(t, w.lang)
		if len(ls) == 0 {
			return
		}
		w.line("")
		w.line("%s:", title)
		for _, l := range ls {
			w.line("  %s", l)
		}
	}
	para("Summary", c.Summary)
	para("Analogy", c.Analogy)
	if len(c.Refs) > 0 {
		w.line("")
		w.line("References:")
		for _, r := range c.Refs {
			w.line("  - %s  %s", r.Title, r.Link())
		}
	}
	rels := func(title string, es []graph.Edge, forward bool) {
		if len(es) == 0 {
			return
		}
		w.line("")
		w.line("%s:", title)
		for _, e := range es {
			rel, next := hop(g.Graph, w.lang, e, forward)
			w.line("  %s%s", strings.TrimLeft(rel, " "), w.label(g.Concept(next)))
			for _, l := range whyLines(e.Why, w.lang) {
				w.line("      %s", l)
			}
		}
	}
	rels("Relations out", g.Out(c.ID), true)
	rels("Relations in", g.In(c.ID), false)
}
