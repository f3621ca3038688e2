package main

import (
	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/api"
	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/cli"
	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/textout"
	"github.com/conceptmap/conceptmap/graph"
)

// prereqs and unlocks differ only in direction: what comes before a
// concept, and what it leads to.
var (
	prereqsCommand = orderCommand("prereqs", "List everything to learn before a concept, in order",
		[]string{"conceptmap prereqs transformer", "conceptmap prereqs GRPO --lang zh --json"},
		(*graph.Graph).Prereqs)
	unlocksCommand = orderCommand("unlocks", "List everything a concept leads to, in learning order",
		[]string{"conceptmap unlocks attention", "conceptmap unlocks SFT --json"},
		(*graph.Graph).Unlocks)
)

func orderCommand(name, summary string, examples []string, query func(*graph.Graph, *graph.Concept) []graph.Step) *command {
	return &command{
		name: name, args: "CONCEPT", json: true, summary: summary, examples: examples,
		new: func() runner { return orderCmd{name, query} },
	}
}

type orderCmd struct {
	name  string
	query func(*graph.Graph, *graph.Concept) []graph.Step
}

func (orderCmd) flags(*pflag.FlagSet) {}

func (c orderCmd) run(e *env, co *common, args []string) error {
	if err := cli.ExactArgs(c.name, args, 1, "one concept"); err != nil {
		return err
	}
	g, err := load(e, co)
	if err != nil {
		return err
	}
	concept, err := g.Lookup(args[0])
	if err != nil {
		return err
	}
	steps := c.query(g.Graph, concept)
	return output(e, co, g, api.NewOrder(concept, steps), func(w *textout.Writer) { w.Order(c.name, concept, steps) })
}
