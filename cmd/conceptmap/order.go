package main

import (
	"fmt"
	"strings"

	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/api"
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
	if err := exactArgs(c.name, args, 1, "one concept"); err != nil {
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
	return output(e, co, api.NewOrder(concept, steps), func(w *writer) { orderText(w, g, c.name, concept, steps) })
}

func orderText(w *writer, g *loaded, cmd string, c *graph.Concept, steps []graph.Step) {
	if len(steps) == 0 {
		if cmd == "prereqs" {
			w.line("%s needs nothing first.", w.name(c))
		} else {
			w.line("Nothing builds on %s.", w.name(c))
		}
		return
	}
	if cmd == "prereqs" {
		w.line("To learn %s, first learn %s, in this order:", w.name(c), plural(len(steps), "concept"))
		stepsText(w, g.Graph, steps)
		return
	}
	w.line("%s leads to %s, in learning order:", w.name(c), plural(len(steps), "concept"))
	unlockText(w, g.Graph, c, steps)
}

// unlockText prints steps whose chains run from c to the step.
func unlockText(w *writer, g *graph.Graph, c *graph.Concept, steps []graph.Step) {
	width := len(fmt.Sprint(len(steps)))
	indent := strings.Repeat(" ", width+2)
	for i, s := range steps {
		w.line("")
		w.line("%*d. %s", width, i+1, w.label(s.Concept))
		w.line("%sbecause %s", indent, chain(g, w.lang, c.ID, s.Because))
		for _, l := range whyLines(s.Because[len(s.Because)-1].Why, w.lang) {
			w.line("%s  %s", indent, l)
		}
	}
}
