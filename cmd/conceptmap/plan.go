package main

import (
	"fmt"
	"strings"

	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/api"
	"github.com/conceptmap/conceptmap/graph"
)

var planCommand = &command{
	name: "plan", args: "TARGET...", json: true,
	summary: "Print the order in which to learn what the targets need",
	examples: []string{
		"conceptmap plan GRPO",
		"conceptmap plan 分组查询注意力 --known MHA",
		"conceptmap plan DPO GRPO --known transformer,sft --lang zh",
		"conceptmap plan grpo --json | jq -r '.steps[].id'",
		"conceptmap plan transformer --with-background",
	},
	new: func() runner { return &planCmd{} },
}

type planCmd struct {
	known []string
	all   bool
}

func (c *planCmd) flags(fs *pflag.FlagSet) {
	fs.StringArrayVar(&c.known, "known", nil, "concepts you already know, comma-separated; what they need is skipped too")
	fs.BoolVar(&c.all, "with-background", false, "learn the background too (history, what the targets replaced): among the steps, in order")
}

func (c *planCmd) run(e *env, co *common, args []string) error {
	if len(args) == 0 {
		return usagef("plan", "name at least one concept to learn, as in 'conceptmap plan GRPO'")
	}
	g, err := load(e, co)
	if err != nil {
		return err
	}
	p, err := g.PlanOfWith(args, splitList(c.known), graph.PlanOptions{WithBackground: c.all})
	if err != nil {
		return flagError("plan", err)
	}
	return output(e, co, api.NewPlan(p), func(w *writer) { planText(w, g, p) })
}

func planText(w *writer, g *loaded, p *graph.Plan) {
	var names []string
	for _, t := range p.Targets {
		names = append(names, w.name(t))
	}
	if len(p.AlreadyKnown) > 0 {
		var k []string
		for _, c := range p.AlreadyKnown {
			k = append(k, w.name(c))
		}
		w.line("Already known: %s", strings.Join(k, ", "))
	}
	if len(p.Steps) == 0 {
		w.line("Nothing to learn: you already know %s.", strings.Join(names, ", "))
		return
	}
	head := fmt.Sprintf("Learning plan for %s: %s", strings.Join(names, ", "), plural(len(p.Steps), "step"))
	if len(p.Known) > 0 {
		var k []string
		for _, c := range p.Known {
			k = append(k, w.name(c))
		}
		head += ", knowing " + strings.Join(k, ", ")
	}
	w.line("%s", head)
	stepsText(w, g.Graph, p.Steps)
	if len(p.Background) > 0 {
		w.line("")
		w.line("Background (optional): %s worth a look, not needed for the steps above; --with-background makes %s steps",
			plural(len(p.Background), "concept"), map[bool]string{true: "it", false: "them"}[len(p.Background) == 1])
		backgroundText(w, g.Graph, p.Background)
	}
}

// backgroundText prints a plan's background, each concept with why it is
// worth a look: the chain of relations that offers it.
func backgroundText(w *writer, g *graph.Graph, steps []graph.Step) {
	for _, s := range steps {
		w.line("")
		w.line("  - %s", w.label(s.Concept))
		w.line("    because %s", chain(g, w.lang, s.Concept.ID, s.Because))
		for _, l := range whyLines(s.Because[0].Why, w.lang) {
			w.line("      %s", l)
		}
	}
}

// stepsText prints numbered plan steps, each with the chain of relations
// that pulls it in, from the step to a target, and the reason of its
// nearest link.
func stepsText(w *writer, g *graph.Graph, steps []graph.Step) {
	width := len(fmt.Sprint(len(steps)))
	indent := strings.Repeat(" ", width+2)
	for i, s := range steps {
		mark := ""
		switch {
		case s.Target:
			mark = "  (target)"
		case s.Background:
			mark = "  (background)"
		}
		w.line("")
		w.line("%*d. %s%s", width, i+1, w.label(s.Concept), mark)
		if len(s.Because) == 0 {
			continue
		}
		w.line("%sbecause %s", indent, chain(g, w.lang, s.Concept.ID, s.Because))
		for _, l := range whyLines(s.Because[0].Why, w.lang) {
			w.line("%s  %s", indent, l)
		}
	}
}
