package main

import (
	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/api"
	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/cli"
	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/textout"
	"github.com/conceptmap/conceptmap/graph"
)

var pathCommand = &command{
	name: "path", args: "FROM TO", json: true,
	summary: "Print the shortest chain of relations between two concepts",
	examples: []string{
		"conceptmap path RNN Transformer",
		"conceptmap path GRPO PPO --directed",
		"conceptmap path MoE Transformer --relation requires,part_of --json",
	},
	new: func() runner { return &pathCmd{} },
}

type pathCmd struct{ opt graph.PathOptions }

func (c *pathCmd) flags(fs *pflag.FlagSet) {
	fs.BoolVar(&c.opt.Directed, "directed", false, "follow relations only from source to target")
	fs.StringArrayVar(&c.opt.Relations, "relation", nil, "follow only these relation types, comma-separated")
}

func (c *pathCmd) run(e *env, co *common, args []string) error {
	if err := cli.ExactArgs("path", args, 2, "two concepts, FROM and TO"); err != nil {
		return err
	}
	g, err := load(e, co)
	if err != nil {
		return err
	}
	cs, err := lookupEach(g, args)
	if err != nil {
		return err
	}
	c.opt.Relations = cli.SplitList(c.opt.Relations)
	if err := g.CheckRelations(c.opt.Relations); err != nil {
		return usagef("path", "--relation: %s", err)
	}
	hops, err := g.Path(cs[0], cs[1], c.opt)
	if err != nil {
		return flagError("path", err)
	}
	return output(e, co, g, api.NewPath(cs[0], cs[1], hops), func(w *textout.Writer) { w.Path(cs[0], cs[1], hops) })
}

// lookupEach finds each named concept; the first unknown name is an
// error.
func lookupEach(g *loaded, names []string) ([]*graph.Concept, error) {
	cs := make([]*graph.Concept, len(names))
	for i, n := range names {
		c, err := g.Lookup(n)
		if err != nil {
			return nil, err
		}
		cs[i] = c
	}
	return cs, nil
}
