package main

import (
	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/api"
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
	if err := exactArgs("neighbors", args, 1, "one concept"); err != nil {
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
	opt.Relations = splitList(opt.Relations)
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
	return output(e, co, api.NewNeighbors(concept, ns), func(w *writer) { neighborsText(w, g, concept, opt, ns) })
}

func neighborsText(w *writer, g *loaded, c *graph.Concept, opt graph.NeighborOptions, ns []graph.Neighbor) {
	if len(ns) == 0 {
		w.line("%s has no neighbours with these filters.", w.name(c))
		return
	}
	w.line("%s within %s (%s):", w.label(c), plural(opt.Depth, "hop"), string(opt.Direction))
	depth := 0
	for _, n := range ns {
		if n.Depth != depth {
			depth = n.Depth
			w.line("")
			w.line("depth %d:", depth)
		}
		rel, _ := hop(g.Graph, w.lang, n.Via.Edge, n.Via.Forward)
		from := n.Via.From
		if !n.Via.Forward {
			from = n.Via.To
		}
		w.line("  %s   (%s%s%s)", w.label(n.Concept), w.name(g.Concept(from)), rel, w.name(n.Concept))
	}
}
