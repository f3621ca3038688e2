package main

import (
	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/api"
	"github.com/conceptmap/conceptmap/graph"
)

var statsCommand = &command{
	name: "stats", json: true,
	summary:  "Count concepts and relations; find the most connected, roots and leaves",
	examples: []string{"conceptmap stats", "conceptmap stats --top 5 --json"},
	new:      func() runner { return &statsCmd{} },
}

type statsCmd struct{ top int }

func (c *statsCmd) flags(fs *pflag.FlagSet) {
	fs.IntVar(&c.top, "top", 10, "how many of the most connected concepts to show")
}

func (c *statsCmd) run(e *env, co *common, args []string) error {
	if len(args) > 0 {
		return usagef("stats", "takes no arguments")
	}
	g, err := load(e, co)
	if err != nil {
		return err
	}
	s := g.Stats(c.top)
	return output(e, co, api.NewStats(s), func(w *writer) { statsText(w, g, s) })
}

func statsText(w *writer, g *loaded, s graph.Stats) {
	w.line("%s, %s, %s, %s",
		plural(s.Concepts, "concept"), plural(s.Relations, "relation"),
		plural(len(g.Relations()), "relation type"), plural(len(g.Categories()), "category"))
	w.line("Longest chain of prerequisites: %s", plural(s.LongestPath, "concept"))
	w.line("")
	w.line("Concepts per category:")
	for _, c := range s.Categories {
		w.line("  %4d  %s", c.Count, g.Category(c.ID).Name.In(w.lang))
	}
	w.line("")
	w.line("Relations per type:")
	for _, c := range s.Types {
		w.line("  %4d  %s (%s)", c.Count, c.ID, g.Relation(c.ID).Label.In(textLang(w.lang)))
	}
	w.line("")
	w.line("Most connected:")
	for _, d := range s.Connected {
		w.line("  %4d  %s", d.Degree, w.label(d.Concept))
	}
	list := func(title string, cs []*graph.Concept) {
		w.line("")
		w.line("%s (%d):", title, len(cs))
		for _, c := range cs {
			w.line("  %s", w.label(c))
		}
	}
	list("Roots: need nothing first", s.Roots)
	list("Leaves: nothing builds on them", s.Leaves)
	if len(s.Isolated) > 0 {
		list("Outside the learning order", s.Isolated)
	}
}
