package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/cli"
	"github.com/conceptmap/conceptmap/graph"
)

// selection holds the flags that choose what part of the graph a map or
// an export shows; graph.Selection does the choosing.
type selection struct {
	plan      []string
	known     []string
	focus     string
	depth     int
	category  string
	relations []string
	ignore    bool // the known file
	fs        *pflag.FlagSet
}

func (s *selection) flags(fs *pflag.FlagSet) {
	s.fs = fs
	fs.StringArrayVar(&s.plan, "plan", nil, "show the learning plan for these concepts, comma-separated, numbered in order")
	fs.StringArrayVar(&s.known, "known", nil, "with --plan: concepts you already know, comma-separated (besides those 'conceptmap known' keeps)")
	fs.BoolVar(&s.ignore, "ignore-known-file", false, "with --plan: leave out what 'conceptmap known' keeps")
	fs.StringVar(&s.focus, "focus", "", "show the neighbourhood of this concept")
	fs.IntVar(&s.depth, "depth", 1, "with --focus: how many relations away to look")
	fs.StringVar(&s.category, "category", "", "show only the concepts of this category")
	fs.StringArrayVar(&s.relations, "relation", nil, "show only these relation types, comma-separated")
}

// check turns the flags into a graph.Selection and checks it.
func (s *selection) check(cmd string) (graph.Selection, error) {
	sel := graph.Selection{
		Plan: cli.SplitList(s.plan), Known: cli.SplitList(s.known), Focus: s.focus,
		Category: s.category, Relations: cli.SplitList(s.relations),
	}
	if s.fs.Changed("depth") {
		if s.depth < 1 {
			return sel, usagef(cmd, "--depth must be 1 or more, not %d", s.depth)
		}
		sel.Depth = s.depth
	}
	return sel, flagError(cmd, sel.Check())
}

// selectView resolves a selection on the loaded graph, its errors in the
// words of the command line.
func selectView(e *env, cmd string, g *loaded, sel graph.Selection, ignoreKnown bool) (graph.View, graph.Marks, error) {
	if len(sel.Plan) > 0 {
		known, err := withKnownFile(e, g, sel.Known, ignoreKnown)
		if err != nil {
			return graph.View{}, graph.Marks{}, err
		}
		sel.Known = known
	}
	v, m, err := g.Select(sel)
	if err == nil {
		noteBackground(e, m.Plan)
	}
	return v, m, flagError(cmd, err)
}

// noteBackground says on stderr which background concepts a picture of
// a plan leaves out, and where to find them.
func noteBackground(e *env, p *graph.Plan) {
	if p == nil || len(p.Background) == 0 {
		return
	}
	var ids, targets []string
	for _, s := range p.Background {
		ids = append(ids, s.Concept.ID)
	}
	for _, t := range p.Targets {
		targets = append(targets, t.ID)
	}
	fmt.Fprintf(e.stderr, "note: background left out (worth a look, not required): %s; 'conceptmap plan %s' says why\n",
		strings.Join(ids, ", "), strings.Join(targets, " "))
}

// flagNames are the flags that set each field of a graph.Selection.
var flagNames = map[string]string{
	"plan": "--plan", "known": "--known", "focus": "--focus", "depth": "--depth", "path": "--path",
	"category": "--category", "relations": "--relation", "highlight": "--highlight",
}

// flagError puts an error of the graph in the words of the command line:
// the flags at fault, and what to do.
func flagError(cmd string, err error) error {
	var ce *graph.ConflictError
	var se *graph.SelectionError
	var np *graph.NoPathError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ce):
		switch {
		case ce.Field == "path":
			return usagef(cmd, "--path draws its own view; leave out --plan, --focus and --category")
		case ce.Field == "depth":
			return usagef(cmd, "--depth goes with --focus: how far from the focused concept to look")
		case ce.Needs:
			return usagef(cmd, "%s only makes sense with %s", flagNames[ce.Field], flagNames[ce.Other])
		}
		return usagef(cmd, "%s and %s draw different things; give one of them", flagNames[ce.Field], flagNames[ce.Other])
	case errors.As(err, &se):
		switch se.Field {
		case "relations", "depth", "path":
			return usagef(cmd, "%s: %s", flagNames[se.Field], se.Err)
		case "category":
			return se.Err
		}
		return fmt.Errorf("%s: %w", flagNames[se.Field], se.Err)
	case errors.As(err, &np) && np.Directed:
		return fmt.Errorf("%w; drop --directed to follow relations either way", err)
	}
	return err
}
