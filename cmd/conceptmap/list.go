package main

import (
	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/api"
	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/textout"
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
	return output(e, co, g, api.NewConcepts(g.Graph, cs), func(w *textout.Writer) { w.List(cs) })
}
