package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/cli"
	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/knownfile"
	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/textout"
	"github.com/conceptmap/conceptmap/graph"
)

var knownCommand = &command{
	name: "known", args: "add|remove|list|clear [CONCEPT...]", json: true,
	summary: "Keep what you know in a file that plan, map, slides, export and serve take as --known",
	examples: []string{
		"conceptmap known add transformer sft",
		"conceptmap known list",
		"conceptmap known remove sft",
		"conceptmap known clear",
	},
	new: func() runner { return knownCmd{} },
}

type knownCmd struct{}

func (knownCmd) flags(*pflag.FlagSet) {}

// withKnownFile adds the concepts of the known file to the known ones a
// command was given, unless ignore. Ids the loaded graph does not have
// (the file may come from other data) are left out, with a note.
func withKnownFile(e *env, g *loaded, known []string, ignore bool) ([]string, error) {
	if ignore {
		return known, nil
	}
	ids, path, err := knownfile.Read()
	if err != nil {
		return nil, fmt.Errorf("reading what you know: %w; give --ignore-known-file to go without it", err)
	}
	var missing []string
	for _, id := range ids {
		if g.Concept(id) == nil {
			missing = append(missing, id)
		} else if !slices.Contains(known, id) {
			known = append(known, id)
		}
	}
	if len(missing) > 0 {
		fmt.Fprintf(e.stderr, "note: %s names concepts these data do not have: %s\n", path, strings.Join(missing, ", "))
	}
	return known, nil
}

func (knownCmd) run(e *env, co *common, args []string) error {
	if len(args) == 0 {
		return usagef("known", "say what to do: add, remove, list or clear, as in 'conceptmap known add transformer'")
	}
	sub, names := args[0], args[1:]
	switch sub {
	case "add", "remove":
		if len(names) == 0 {
			return usagef("known", "name the concepts to %s, as in 'conceptmap known %s transformer'", sub, sub)
		}
	case "list", "clear":
		if len(names) > 0 {
			return usagef("known", "%s takes no concepts", sub)
		}
	default:
		return usagef("known", "unknown action %q; use add, remove, list or clear", sub)
	}
	g, err := load(e, co)
	if err != nil {
		return err
	}
	ids, path, err := knownfile.Read()
	if err != nil {
		return err
	}
	var cs []*graph.Concept
	if len(names) > 0 {
		if cs, err = g.LookupAll(cli.SplitList(names)); err != nil {
			return err
		}
	}
	switch sub {
	case "add":
		for _, c := range cs {
			if !slices.Contains(ids, c.ID) {
				ids = append(ids, c.ID)
			}
		}
		slices.Sort(ids)
		err = knownfile.Write(path, ids)
	case "remove":
		ids = slices.DeleteFunc(ids, func(id string) bool {
			return slices.ContainsFunc(cs, func(c *graph.Concept) bool { return c.ID == id })
		})
		err = knownfile.Write(path, ids)
	case "clear":
		ids = nil
		if err = os.Remove(path); errors.Is(err, fs.ErrNotExist) {
			err = nil
		}
	}
	if err != nil {
		return err
	}
	if ids == nil {
		ids = []string{}
	}
	return output(e, co, g, ids, func(w *textout.Writer) { w.Known(g.Graph, path, ids) })
}
