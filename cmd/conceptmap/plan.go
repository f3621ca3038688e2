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
	},
	new: func() runner { return &planCmd{} },
}

type planCmd struct{ known []string }

func (c *planCmd) flags(fs *pflag.FlagSet) {
	fs.StringArrayVar(&c.known, "known", nil, "concepts you already know, comma-separated; what they need is skipped too")
}

func (c *planCmd) run(e *env, co *common, args []string) error {
	if len(args) == 0 {
		return usagef("plan", "name at least one concept to learn, as in 'conceptmap plan GRPO'")
	}
	g, err := load(e, co)
	if err != nil {
		return err
	}
	p, err := g.PlanOf(args, splitList(c.known))
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
}

// stepsText prints numbered plan steps, each with the chain of relations
// that pulls it in, from the step to a target, and the reason of its
// nearest link.
func stepsText(w *writer, g *graph.Graph, steps []graph.Step) {
	width := len(fmt.Sprint(len(steps)))
	indent := strings.Repeat(" ", width+2)
	for i, s := range steps {
		mark := ""
		if s.Target {
			mark = "  (target)"
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
