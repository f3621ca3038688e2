package main

import (
	"fmt"
	"strings"

	"github.com/conceptmap/conceptmap/graph"
)

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

func orderText(w *writer, g *loaded, cmd string, c *graph.Concept, steps []graph.Step) {
	if len(steps) == 0 {
		if cmd == "prereqs" {
			w.line("%s needs nothing first.", w.name(c))
		} else {
			w.line("Nothing builds on %s.", w.name(c))
		}
		return
	}
	if cmd == "prereqs" {
		w.line("To learn %s, first learn %s, in this order:", w.name(c), plural(len(steps), "concept"))
		stepsText(w, g.Graph, steps)
		return
	}
	w.line("%s leads to %s, in learning order:", w.name(c), plural(len(steps), "concept"))
	unlockText(w, g.Graph, c, steps)
}

// unlockText prints steps whose chains run from c to the step.
func unlockText(w *writer, g *graph.Graph, c *graph.Concept, steps []graph.Step) {
	width := len(fmt.Sprint(len(steps)))
	indent := strings.Repeat(" ", width+2)
	for i, s := range steps {
		w.line("")
		w.line("%*d. %s", width, i+1, w.label(s.Concept))
		w.line("%sbecause %s", indent, chain(g, w.lang, c.ID, s.Because))
		for _, l := range whyLines(s.Because[len(s.Because)-1].Why, w.lang) {
			w.line("%s  %s", indent, l)
		}
	}
}

func pathText(w *writer, g *loaded, from, to *graph.Concept, hops []graph.Hop) {
	if len(hops) == 0 {
		w.line("%s and %s are the same concept.", w.name(from), w.name(to))
		return
	}
	edges := make([]*graph.Edge, len(hops))
	for i := range hops {
		edges[i] = &hops[i].Edge
	}
	w.line("%s", chain(g.Graph, w.lang, from.ID, edges))
	w.line("")
	cur := from.ID
	for i, h := range hops {
		rel, next := hop(g.Graph, w.lang, h.Edge, h.Forward)
		w.line("%d. %s%s%s", i+1, w.name(g.Concept(cur)), rel, w.name(g.Concept(next)))
		for _, l := range whyLines(h.Why, w.lang) {
			w.line("   %s", l)
		}
		cur = next
	}
}

func neighborsText(w *writer, g *loaded, c *graph.Concept, opt graph.NeighborOptions, ns []graph.Neighbor) {
	if len(ns) == 0 {
		w.line("%s has no neighbours with these filters.", w.name(c))
		return
	}
	w.line("%s within %s (%s):", w.label(c), plural(opt.Depth, "hop"), string(opt.Direction))
	depth := 0
	for _, n := range ns {
		if n.Depth != depth {
			depth = n.Depth
			w.line("")
			w.line("depth %d:", depth)
		}
		rel, _ := hop(g.Graph, w.lang, n.Via.Edge, n.Via.Forward)
		from := n.Via.From
		if !n.Via.Forward {
			from = n.Via.To
		}
		w.line("  %s   (%s%s%s)", w.label(n.Concept), w.name(g.Concept(from)), rel, w.name(n.Concept))
	}
}

func searchText(w *writer, g *loaded, q string, ms []graph.Match) {
	if len(ms) == 0 {
		w.line("No concept matches %q.", q)
		return
	}
	for _, m := range ms {
		w.line("%3d  %s", m.Score, w.label(m.Concept))
	}
}

func showText(w *writer, g *loaded, c *graph.Concept) {
	w.line("%s", w.label(c))
	if cat := g.Category(c.Category); cat != nil {
		w.line("Category: %s", cat.Name.In(w.lang))
	}
	if len(c.Aliases) > 0 {
		w.line("Aliases:  %s", strings.Join(c.Aliases, ", "))
	}
	para := func(title string, t graph.Text) {
		ls := whyLines(t, w.lang)
		if len(ls) == 0 {
			return
		}
		w.line("")
		w.line("%s:", title)
		for _, l := range ls {
			w.line("  %s", l)
		}
	}
	para("Summary", c.Summary)
	para("Analogy", c.Analogy)
	if len(c.Refs) > 0 {
		w.line("")
		w.line("References:")
		for _, r := range c.Refs {
			w.line("  - %s  %s", r.Title, r.Link())
		}
	}
	rels := func(title string, es []graph.Edge, forward bool) {
		if len(es) == 0 {
			return
		}
		w.line("")
		w.line("%s:", title)
		for _, e := range es {
			rel, next := hop(g.Graph, w.lang, e, forward)
			w.line("  %s%s", strings.TrimLeft(rel, " "), w.label(g.Concept(next)))
			for _, l := range whyLines(e.Why, w.lang) {
				w.line("      %s", l)
			}
		}
	}
	rels("Relations out", g.Out(c.ID), true)
	rels("Relations in", g.In(c.ID), false)
}

func listText(w *writer, g *loaded, cs []*graph.Concept) {
	byCat := map[string][]*graph.Concept{}
	for _, c := range cs {
		byCat[c.Category] = append(byCat[c.Category], c)
	}
	first := true
	for _, cat := range g.Categories() {
		list := byCat[cat.ID]
		if len(list) == 0 {
			continue
		}
		if !first {
			w.line("")
		}
		first = false
		w.line("%s (%d)", cat.Name.In(w.lang), len(list))
		for _, c := range list {
			w.line("  %-24s %s", c.ID, w.name(c))
		}
	}
}

func statsText(w *writer, g *loaded, s graph.Stats) {
	w.line("%s, %s, %s, %s",
		plural(s.Concepts, "concept"), plural(s.Relations, "relation"),
		plural(len(g.Relations()), "relation type"), plural(len(g.Categories()), "category"))
	w.line("Longest chain of prerequisites: %s", plural(s.LongestPath, "concept"))
	w.line("")
	w.line("Concepts per category:")
	for _, c := range s.Categories {
		w.line("  %4d  %s", c.Count, g.Category(c.ID).Name.In(w.lang))
	}
	w.line("")
	w.line("Relations per type:")
	for _, c := range s.Types {
		w.line("  %4d  %s (%s)", c.Count, c.ID, g.Relation(c.ID).Label.In(textLang(w.lang)))
	}
	w.line("")
	w.line("Most connected:")
	for _, d := range s.Connected {
		w.line("  %4d  %s", d.Degree, w.label(d.Concept))
	}
	list := func(title string, cs []*graph.Concept) {
		w.line("")
		w.line("%s (%d):", title, len(cs))
		for _, c := range cs {
			w.line("  %s", w.label(c))
		}
	}
	list("Roots: need nothing first", s.Roots)
	list("Leaves: nothing builds on them", s.Leaves)
	if len(s.Isolated) > 0 {
		list("Outside the learning order", s.Isolated)
	}
}
