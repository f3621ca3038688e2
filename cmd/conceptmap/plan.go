package main

import (
	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/api"
	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/cli"
	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/textout"
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
	known  []string
	all    bool
	ignore bool
}

func (c *planCmd) flags(fs *pflag.FlagSet) {
	fs.StringArrayVar(&c.known, "known", nil, "concepts you already know, comma-separated; what they need is skipped too (besides those 'conceptmap known' keeps)")
	fs.BoolVar(&c.ignore, "ignore-known-file", false, "leave out what 'conceptmap known' keeps")
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
	known, err := withKnownFile(e, g, cli.SplitList(c.known), c.ignore)
	if err != nil {
		return err
	}
	p, err := g.PlanOfWith(args, known, graph.PlanOptions{WithBackground: c.all})
	if err != nil {
		return flagError("plan", err)
	}
	return output(e, co, g, api.NewPlan(p), func(w *textout.Writer) { w.Plan(p) })
}
