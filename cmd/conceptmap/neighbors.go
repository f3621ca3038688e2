package main

import (
	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/api"
	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/cli"
	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/textout"
	"github.com/conceptmap/conceptmap/graph"
)

var neighborsCommand = &command{
	name: "neighbors", args: "CONCEPT", json: true,
	summary: "List the concepts near one, with the relation that links each",
	examples: []string{
		"conceptmap neighbors transformer",
		"conceptmap neighbors MHA --depth 2 --direction in",
		"conceptmap neighbors rlhf --relation uses,requires --json",
	},
	new: func() runner { return &neighborsCmd{} },
}

type neighborsCmd struct {
	opt graph.NeighborOptions
	dir string
}

func (c *neighborsCmd) flags(fs *pflag.FlagSet) {
	fs.IntVar(&c.opt.Depth, "depth", 1, "how many relations away to look")
	fs.StringArrayVar(&c.opt.Relations, "relation", nil, "follow only these relation types, comma-separated")
	fs.StringVar(&c.dir, "direction", "both", "follow relations out of the concept, into it, or both")
}

func (c *neighborsCmd) run(e *env, co *common, args []string) error {
	if err := cli.ExactArgs("neighbors", args, 1, "one concept"); err != nil {
		return err
	}
	d, err := graph.ParseDirection(c.dir)
	if err != nil {
		return usagef("neighbors", "--%s", err)
	}
	if c.opt.Depth < 1 {
		return usagef("neighbors", "--depth must be 1 or more, not %d", c.opt.Depth)
	}
	opt := c.opt
	opt.Direction = d
	opt.Relations = cli.SplitList(opt.Relations)
	g, err := load(e, co)
	if err != nil {
		return err
	}
	concept, err := g.Lookup(args[0])
	if err != nil {
		return err
	}
	if err := g.CheckRelations(opt.Relations); err != nil {
		return usagef("neighbors", "--relation: %s", err)
	}
	ns, err := g.Neighbors(concept, opt)
	if err != nil {
		return err
	}
	return output(e, co, g, api.NewNeighbors(concept, ns), func(w *textout.Writer) { w.Neighbors(concept, opt, ns) })
}
