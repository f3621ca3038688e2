package main

import (
	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/textout"
	"github.com/conceptmap/conceptmap/graph"
)

var relationsCommand = &command{
	name: "relations", json: true,
	summary: "List the relation types, each with its learning rule: which end is learned first, and whether plans teach it",
	examples: []string{
		"conceptmap relations",
		"conceptmap relations --lang zh --json",
	},
	new: func() runner { return relationsCmd{} },
}

type relationsCmd struct{}

func (relationsCmd) flags(*pflag.FlagSet) {}

// relationOut is a relation type as relations --json prints it.
type relationOut struct {
	graph.RelationDoc
	Rule string `json:"rule"`
}

func (relationsCmd) run(e *env, co *common, args []string) error {
	if len(args) > 0 {
		return usagef("relations", "takes no arguments")
	}
	g, err := load(e, co)
	if err != nil {
		return err
	}
	out := []relationOut{}
	for _, r := range g.Relations() {
		out = append(out, relationOut{r.Doc(), r.Rule()})
	}
	return output(e, co, g, out, func(w *textout.Writer) { w.Relations(g.Relations()) })
}
