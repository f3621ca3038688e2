// Package api holds the JSON shapes that conceptmap's --json prints and
// that the explorer's server answers: one shape for both, so that a script
// and the page read the same fields. Scripts rely on these field names:
// add fields, never rename or remove them.
//
// It turns graph results into those shapes and nothing else: it must not
// import the command line, the server or net/http.
package api

import (
	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/export"
)

// Concept is a concept with its relations, as export --format json
// writes its nodes.
type Concept = export.ConceptJSON

// Edge is a relation as written in the data.
type Edge = export.EdgeJSON

func ids(cs []*graph.Concept) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.ID
	}
	return out
}

func edgesOut(es []*graph.Edge) []Edge {
	out := make([]Edge, len(es))
	for i, e := range es {
		out[i] = export.NewEdgeJSON(*e)
	}
	return out
}

// NewConcept is the JSON shape of c, with its relations both ways.
func NewConcept(g *graph.Graph, c *graph.Concept) Concept {
	return export.NewConceptJSON(c, g.Out(c.ID), g.In(c.ID))
}

// NewConcepts is the JSON shape of cs.
func NewConcepts(g *graph.Graph, cs []*graph.Concept) []Concept {
	out := make([]Concept, len(cs))
	for i, c := range cs {
		out[i] = NewConcept(g, c)
	}
	return out
}

// Step is one step of a plan: a concept, and the chain of relations that
// pulls it in.
type Step struct {
	ID     string     `json:"id"`
	Names  graph.Text `json:"names"`
	Target bool       `json:"target,omitempty"`
	// Background marks a step that is worth a look, not required.
	Background bool   `json:"background,omitempty"`
	Because    []Edge `json:"because"`
}

func stepsJSON(steps []graph.Step) []Step {
	out := make([]Step, len(steps))
	for i, s := range steps {
		out[i] = Step{ID: s.Concept.ID, Names: s.Concept.Name, Target: s.Target, Background: s.Background, Because: edgesOut(s.Because)}
	}
	return out
}

// Plan is a learning plan, as plan --json prints it.
type Plan struct {
	Targets      []string `json:"targets"`
	Known        []string `json:"known"`
	AlreadyKnown []string `json:"already_known"`
	Steps        []Step   `json:"steps"`
	// Background is worth a look, not required, in an order of its own;
	// empty when the steps hold it.
	Background []Step `json:"background"`
}

// NewPlan is the JSON shape of p.
func NewPlan(p *graph.Plan) Plan {
	return Plan{Targets: ids(p.Targets), Known: ids(p.Known), AlreadyKnown: ids(p.AlreadyKnown), Steps: stepsJSON(p.Steps), Background: stepsJSON(p.Background)}
}

// Order is what prereqs and unlocks print: the steps before or after a
// concept.
type Order struct {
	Concept string `json:"concept"`
	Steps   []Step `json:"steps"`
}

// NewOrder is the JSON shape of the steps before or after c.
func NewOrder(c *graph.Concept, steps []graph.Step) Order {
	return Order{Concept: c.ID, Steps: stepsJSON(steps)}
}

// Hop is one edge of a path; Forward is false where the path walks it
// backwards.
type Hop struct {
	From     string     `json:"from"`
	Relation string     `json:"relation"`
	To       string     `json:"to"`
	Why      graph.Text `json:"why"`
	Forward  bool       `json:"forward"`
}

// Path is the shortest chain of relations between two concepts.
type Path struct {
	From string `json:"from"`
	To   string `json:"to"`
	Hops []Hop  `json:"hops"`
}

func hopJSON(h graph.Hop) Hop {
	return Hop{From: h.From, Relation: h.Relation, To: h.To, Why: h.Why, Forward: h.Forward}
}

// NewPath is the JSON shape of a path.
func NewPath(from, to *graph.Concept, hops []graph.Hop) Path {
	p := Path{From: from.ID, To: to.ID, Hops: make([]Hop, len(hops))}
	for i, h := range hops {
		p.Hops[i] = hopJSON(h)
	}
	return p
}

// Neighbor is a concept near another, with the edge that reached it.
type Neighbor struct {
	ID    string     `json:"id"`
	Names graph.Text `json:"names"`
	Depth int        `json:"depth"`
	Via   Hop        `json:"via"`
}

// Neighbors is the neighbourhood of a concept.
type Neighbors struct {
	Concept   string     `json:"concept"`
	Neighbors []Neighbor `json:"neighbors"`
}

// NewNeighbors is the JSON shape of the neighbours of c.
func NewNeighbors(c *graph.Concept, ns []graph.Neighbor) Neighbors {
	o := Neighbors{Concept: c.ID, Neighbors: make([]Neighbor, len(ns))}
	for i, n := range ns {
		o.Neighbors[i] = Neighbor{ID: n.Concept.ID, Names: n.Concept.Name, Depth: n.Depth, Via: hopJSON(n.Via)}
	}
	return o
}

// Match is one search result, scored from 0 to 100.
type Match struct {
	ID    string     `json:"id"`
	Names graph.Text `json:"names"`
	Score int        `json:"score"`
}

// NewMatches is the JSON shape of search results.
func NewMatches(ms []graph.Match) []Match {
	out := make([]Match, len(ms))
	for i, m := range ms {
		out[i] = Match{ID: m.Concept.ID, Names: m.Concept.Name, Score: m.Score}
	}
	return out
}

// Count is how many concepts a category, or edges a relation type, has.
type Count struct {
	ID    string `json:"id"`
	Count int    `json:"count"`
}

// Degree is how many relations a concept has.
type Degree struct {
	ID     string `json:"id"`
	Degree int    `json:"degree"`
}

// Stats is what stats --json prints.
type Stats struct {
	Concepts      int      `json:"concepts"`
	Relations     int      `json:"relations"`
	Categories    []Count  `json:"categories"`
	RelationTypes []Count  `json:"relation_types"`
	MostConnected []Degree `json:"most_connected"`
	Roots         []string `json:"roots"`
	Leaves        []string `json:"leaves"`
	Isolated      []string `json:"isolated"`
	LongestChain  int      `json:"longest_chain"`
	// LongestChainIDs is that chain, from what is learned first.
	LongestChainIDs []string `json:"longest_chain_concepts"`
}

func counts(cs []graph.Count) []Count {
	out := make([]Count, len(cs))
	for i, c := range cs {
		out[i] = Count{c.ID, c.Count}
	}
	return out
}

// NewStats is the JSON shape of s.
func NewStats(s graph.Stats) Stats {
	o := Stats{
		Concepts: s.Concepts, Relations: s.Relations,
		Categories: counts(s.Categories), RelationTypes: counts(s.Types),
		Roots: ids(s.Roots), Leaves: ids(s.Leaves), Isolated: ids(s.Isolated),
		LongestChain: s.LongestPath, LongestChainIDs: ids(s.LongestChain), MostConnected: []Degree{},
	}
	for _, d := range s.Connected {
		o.MostConnected = append(o.MostConnected, Degree{d.Concept.ID, d.Degree})
	}
	return o
}
