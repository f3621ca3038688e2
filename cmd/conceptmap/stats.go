package main

import (
	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/api"
	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/textout"
)

var statsCommand = &command{
	name: "stats", json: true,
	summary:  "Count concepts and relations; find the most connected, roots and leaves",
	examples: []string{"conceptmap stats", "conceptmap stats --top 5 --json"},
	new:      func() runner { return &statsCmd{} },
}

type statsCmd struct{ top int }

func (c *statsCmd) flags(fs *pflag.FlagSet) {
	fs.IntVar(&c.top, "top", 10, "how many of the most connected concepts to show")
}

func (c *statsCmd) run(e *env, co *common, args []string) error {
	if len(args) > 0 {
		return usagef("stats", "takes no arguments")
	}
	g, err := load(e, co)
	if err != nil {
		return err
	}
	s := g.Stats(c.top)
	return output(e, co, g, api.NewStats(s), func(w *textout.Writer) { w.Stats(s) })
}
