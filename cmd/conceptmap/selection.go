package main

import (
	"fmt"
	"strings"

	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render"
)

// selection is what part of the graph a map shows.
type selection struct {
	plan      []string
	known     []string
	focus     string
	depth     int
	category  string
	relations []string
	cmd       string // the command, for usage errors
	fs        *pflag.FlagSet
}

func (s *selection) flags(fs *pflag.FlagSet) {
	s.fs = fs
	fs.StringArrayVar(&s.plan, "plan", nil, "show the learning plan for these concepts, comma-separated, numbered in order")
	fs.StringArrayVar(&s.known, "known", nil, "with --plan: concepts you already know, comma-separated")
	fs.StringVar(&s.focus, "focus", "", "show the neighbourhood of this concept")
	fs.IntVar(&s.depth, "depth", 1, "with --focus: how many relations away to look")
	fs.StringVar(&s.category, "category", "", "show only the concepts of this category")
	fs.StringArrayVar(&s.relations, "relation", nil, "show only these relation types, comma-separated")
}

func (s *selection) check(cmd string) error {
	s.cmd = cmd
	s.plan, s.known, s.relations = splitList(s.plan), splitList(s.known), splitList(s.relations)
	switch {
	case len(s.plan) > 0 && s.focus != "":
		return usagef(cmd, "--plan and --focus draw different things; give one of them")
	case len(s.known) > 0 && len(s.plan) == 0:
		return usagef(cmd, "--known only makes sense with --plan")
	case s.depth < 1:
		return usagef(cmd, "--depth must be 1 or more, not %d", s.depth)
	case s.fs != nil && s.fs.Changed("depth") && s.focus == "":
		return usagef(cmd, "--depth goes with --focus: how far from the focused concept to look")
	}
	return nil
}

// view resolves the selection into the concepts and edges to draw, and
// the render options that belong to it.
func (s *selection) view(g *loaded) (graph.View, render.Options, error) {
	var opt render.Options
	var cs []*graph.Concept
	if err := g.CheckRelations(s.relations); err != nil {
		return graph.View{}, opt, usagef(s.cmd, "--relation: %s", err)
	}
	switch {
	case len(s.plan) > 0:
		p, err := makePlan(g, s.plan, s.known)
		if err != nil {
			return graph.View{}, opt, err
		}
		opt.MarkPlan(p)
		var names []string
		for _, st := range p.Steps {
			cs = append(cs, st.Concept)
			if st.Target {
				names = append(names, st.Concept.Name.In(g.lang))
			}
		}
		if len(cs) == 0 {
			return graph.View{}, opt, fmt.Errorf("nothing to draw: the known concepts already cover %s", strings.Join(s.plan, ", "))
		}
		// The concepts the learner knows are part of the picture: maps
		// draw them greyed.
		if len(s.known) > 0 {
			ks, _ := g.LookupAll(s.known) // makePlan checked them
			opt.Known = map[string]bool{}
			for _, c := range ks {
				opt.Known[c.ID] = true
				cs = append(cs, c)
			}
		}
		opt.Title = "Learning plan: " + strings.Join(names, ", ")
		if g.lang == graph.Zh {
			opt.Title = "学习路线:" + strings.Join(names, "、")
		}
	case s.focus != "":
		c, err := g.Lookup(s.focus)
		if err != nil {
			return graph.View{}, opt, err
		}
		ns, err := g.Neighbors(c, graph.NeighborOptions{Depth: s.depth, Relations: s.relations})
		if err != nil {
			return graph.View{}, opt, err
		}
		cs = append(cs, c)
		for _, n := range ns {
			cs = append(cs, n.Concept)
		}
		opt.Targets = map[string]bool{c.ID: true}
		opt.Title = c.Name.In(g.lang)
	default:
		cs = g.Concepts()
	}
	if s.category != "" {
		cat, err := findCategory(g.Graph, s.category)
		if err != nil {
			return graph.View{}, opt, err
		}
		var in []*graph.Concept
		for _, c := range cs {
			if c.Category == cat.ID {
				in = append(in, c)
			}
		}
		if len(in) == 0 {
			return graph.View{}, opt, fmt.Errorf("nothing to draw: no concept of this selection is in category %s", cat.ID)
		}
		cs = in
		if opt.Title == "" {
			opt.Title = cat.Name.In(g.lang)
		}
	}
	return g.Induced(cs, s.relations), opt, nil
}
