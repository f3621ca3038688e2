package main

import (
	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/api"
	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/textout"
)

var showCommand = &command{
	name: "show", args: "CONCEPT...", json: true,
	summary: "Show a concept: names, summary, analogy, references and relations",
	examples: []string{
		"conceptmap show GQA",
		"conceptmap show 奖励模型 --lang zh",
		"conceptmap show rlhf --json",
	},
	new: func() runner { return showCmd{} },
}

type showCmd struct{}

func (showCmd) flags(*pflag.FlagSet) {}

func (showCmd) run(e *env, co *common, args []string) error {
	if len(args) == 0 {
		return usagef("show", "name a concept, as in 'conceptmap show GQA'")
	}
	g, err := load(e, co)
	if err != nil {
		return err
	}
	cs, err := lookupEach(g, args)
	if err != nil {
		return err
	}
	var v any = api.NewConcept(g.Graph, cs[0])
	if len(cs) > 1 {
		v = api.NewConcepts(g.Graph, cs)
	}
	return output(e, co, g, v, func(w *textout.Writer) {
		for i, c := range cs {
			if i > 0 {
				w.Line("")
			}
			w.Show(c)
		}
	})
}
