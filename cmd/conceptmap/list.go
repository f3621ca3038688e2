package main

import (
	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/api"
	"github.com/conceptmap/conceptmap/graph"
)

var listCommand = &command{
	name: "list", json: true,
	summary: "List the concepts, by category",
	examples: []string{
		"conceptmap list",
		"conceptmap list --category post_training --lang zh",
		"conceptmap list --json | jq length",
	},
	new: func() runner { return &listCmd{} },
}

type listCmd struct{ category string }

func (c *listCmd) flags(fs *pflag.FlagSet) {
	fs.StringVar(&c.category, "category", "", "list only this category (id or name)")
}

func (c *listCmd) run(e *env, co *common, args []string) error {
	if len(args) > 0 {
		return usagef("list", "takes no arguments; use --category to narrow the list")
	}
	g, err := load(e, co)
	if err != nil {
		return err
	}
	cs := g.Concepts()
	if c.category != "" {
		cat, err := g.FindCategory(c.category)
		if err != nil {
			return err
		}
		cs = g.ConceptsIn(cat.ID)
	}
	return output(e, co, api.NewConcepts(g.Graph, cs), func(w *writer) { listText(w, g, cs) })
}

func listText(w *writer, g *loaded, cs []*graph.Concept) {
	byCat := map[string][]*graph.Concept{}
	for _, c := range cs {
		byCat[c.Category] = append(byCat[c.Category], c)
	}
	first := true
	for _, cat := range g.Categories() {
		list := byCat[cat.ID]
		if len(list) == 0 {
			continue
		}
		if !first {
			w.line("")
		}
		first = false
		w.line("%s (%d)", cat.Name.In(w.lang), len(list))
		for _, c := range list {
			w.line("  %-24s %s", c.ID, w.name(c))
		}
	}
}
