package main

import (
	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render"
)

// The --json shapes. Scripts rely on these field names: add fields, never
// rename or remove them.

// conceptOut is shared with export --format json, which writes nodes in
// the same shape.
type conceptOut = render.ConceptJSON

type edgeOut = render.EdgeJSON

func ids(cs []*graph.Concept) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.ID
	}
	return out
}

func edgesOut(es []*graph.Edge) []edgeOut {
	out := make([]edgeOut, len(es))
	for i, e := range es {
		out[i] = edgeOut{From: e.From, Relation: e.Relation, To: e.To, Why: e.Why}
	}
	return out
}

func conceptJSON(g *graph.Graph, c *graph.Concept) conceptOut {
	return render.NewConceptJSON(c, g.Out(c.ID), g.In(c.ID))
}

func conceptsJSON(g *graph.Graph, cs []*graph.Concept) []conceptOut {
	out := make([]conceptOut, len(cs))
	for i, c := range cs {
		out[i] = conceptJSON(g, c)
	}
	return out
}

type stepOut struct {
	ID      string     `json:"id"`
	Names   graph.Text `json:"names"`
	Target  bool       `json:"target,omitempty"`
	Because []edgeOut  `json:"because"`
}

func stepsJSON(steps []graph.Step) []stepOut {
	out := make([]stepOut, len(steps))
	for i, s := range steps {
		out[i] = stepOut{ID: s.Concept.ID, Names: s.Concept.Name, Target: s.Target, Because: edgesOut(s.Because)}
	}
	return out
}

type planOut struct {
	Targets      []string  `json:"targets"`
	Known        []string  `json:"known"`
	AlreadyKnown []string  `json:"already_known"`
	Steps        []stepOut `json:"steps"`
}

func planJSON(g *loaded, p *graph.Plan) planOut {
	return planOut{Targets: ids(p.Targets), Known: ids(p.Known), AlreadyKnown: ids(p.AlreadyKnown), Steps: stepsJSON(p.Steps)}
}

type orderOut struct {
	Concept string    `json:"concept"`
	Steps   []stepOut `json:"steps"`
}

func orderJSON(c *graph.Concept, steps []graph.Step) orderOut {
	return orderOut{Concept: c.ID, Steps: stepsJSON(steps)}
}

type hopOut struct {
	From     string     `json:"from"`
	Relation string     `json:"relation"`
	To       string     `json:"to"`
	Why      graph.Text `json:"why"`
	Forward  bool       `json:"forward"`
}

type pathOut struct {
	From string   `json:"from"`
	To   string   `json:"to"`
	Hops []hopOut `json:"hops"`
}

func hopJSON(h graph.Hop) hopOut {
	return hopOut{From: h.From, Relation: h.Relation, To: h.To, Why: h.Why, Forward: h.Forward}
}

func pathJSON(from, to *graph.Concept, hops []graph.Hop) pathOut {
	p := pathOut{From: from.ID, To: to.ID, Hops: make([]hopOut, len(hops))}
	for i, h := range hops {
		p.Hops[i] = hopJSON(h)
	}
	return p
}

type neighborOut struct {
	ID    string     `json:"id"`
	Names graph.Text `json:"names"`
	Depth int        `json:"depth"`
	Via   hopOut     `json:"via"`
}

type neighborsOut struct {
	Concept   string        `json:"concept"`
	Neighbors []neighborOut `json:"neighbors"`
}

func neighborsJSON(c *graph.Concept, ns []graph.Neighbor) neighborsOut {
	o := neighborsOut{Concept: c.ID, Neighbors: make([]neighborOut, len(ns))}
	for i, n := range ns {
		o.Neighbors[i] = neighborOut{ID: n.Concept.ID, Names: n.Concept.Name, Depth: n.Depth, Via: hopJSON(n.Via)}
	}
	return o
}

type matchOut struct {
	ID    string     `json:"id"`
	Names graph.Text `json:"names"`
	Score int        `json:"score"`
}

func searchJSON(ms []graph.Match) []matchOut {
	out := make([]matchOut, len(ms))
	for i, m := range ms {
		out[i] = matchOut{ID: m.Concept.ID, Names: m.Concept.Name, Score: m.Score}
	}
	return out
}

type countOut struct {
	ID    string `json:"id"`
	Count int    `json:"count"`
}

type degreeOut struct {
	ID     string `json:"id"`
	Degree int    `json:"degree"`
}

type statsOut struct {
	Concepts      int         `json:"concepts"`
	Relations     int         `json:"relations"`
	Categories    []countOut  `json:"categories"`
	RelationTypes []countOut  `json:"relation_types"`
	MostConnected []degreeOut `json:"most_connected"`
	Roots         []string    `json:"roots"`
	Leaves        []string    `json:"leaves"`
	Isolated      []string    `json:"isolated"`
	LongestChain  int         `json:"longest_chain"`
}

func counts(cs []graph.Count) []countOut {
	out := make([]countOut, len(cs))
	for i, c := range cs {
		out[i] = countOut{c.ID, c.Count}
	}
	return out
}

func statsJSON(s graph.Stats) statsOut {
	o := statsOut{
		Concepts: s.Concepts, Relations: s.Relations,
		Categories: counts(s.Categories), RelationTypes: counts(s.Types),
		Roots: ids(s.Roots), Leaves: ids(s.Leaves), Isolated: ids(s.Isolated),
		LongestChain: s.LongestPath, MostConnected: []degreeOut{},
	}
	for _, d := range s.Connected {
		o.MostConnected = append(o.MostConnected, degreeOut{d.Concept.ID, d.Degree})
	}
	return o
}
