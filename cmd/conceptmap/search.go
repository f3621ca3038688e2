package main

import (
	"errors"
	"strings"

	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/api"
	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/cli"
	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/textout"
)

var searchCommand = &command{
	name: "search", args: "TEXT", json: true,
	summary: "Find concepts by id, name, alias or summary, in English or Chinese",
	examples: []string{
		"conceptmap search attention",
		"conceptmap search 相对",
		"conceptmap search 'reward model' --limit 3 --json",
	},
	new: func() runner { return &searchCmd{} },
}

type searchCmd struct{ limit int }

func (c *searchCmd) flags(fs *pflag.FlagSet) {
	fs.IntVar(&c.limit, "limit", 10, "show at most this many results (0 for all)")
}

func (c *searchCmd) run(e *env, co *common, args []string) error {
	if len(args) == 0 {
		return usagef("search", "give the text to search for")
	}
	g, err := load(e, co)
	if err != nil {
		return err
	}
	q := strings.Join(args, " ")
	ms := g.Search(q, c.limit)
	if err := output(e, co, g, api.NewMatches(ms), func(w *textout.Writer) { w.Search(q, ms) }); err != nil {
		return err
	}
	if len(ms) == 0 {
		return cli.Silent(errors.New("no match"))
	}
	return nil
}
