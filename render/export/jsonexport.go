package export

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/internal/view"
)

// JSONFormat and JSONVersion identify the document that JSON writes, in its
// "format" and "version" fields.
const (
	JSONFormat  = "conceptmap"
	JSONVersion = 1
)

// JSON returns the view as a node-link JSON document that holds everything
// needed to load it back: the whole relation vocabulary and every category
// of the graph (in their order, whether the view uses them or not), the
// concepts of the view by id, and its relations in the order of the view.
//
//	{"format": "conceptmap", "version": 1,
//	 "relations": [{"id", "label": {"en", "zh"}, "inverse": {…}, "first", "role", "reach"?, "style": {"color", "line", "arrow"}}],
//	 "categories": [{"id", "name": {"en", "zh"}}],
//	 "nodes": [ConceptJSON…],
//	 "edges": [{"from", "relation", "to", "why": {"en", "zh"}, "role"?, "reach"?}]}
//
// Each node's "out" and "in" list its relations within the view, as
// `show --json` does within the graph; "edges" is the authoritative list.
// Cytoscape.js, D3 and networkx read node-link JSON after renaming a few
// fields. The same input always gives the same bytes.
func JSON(g *graph.Graph, v graph.View) []byte {
	cs := view.Concepts(v)
	es := view.Edges(v)
	doc := jsonDoc{
		Format:     JSONFormat,
		Version:    JSONVersion,
		Relations:  []jsonRelation{},
		Categories: []jsonCategory{},
		Nodes:      make([]ConceptJSON, len(cs)),
		Edges:      make([]EdgeJSON, len(es)),
	}
	for _, rt := range g.Relations() {
		doc.Relations = append(doc.Relations, jsonRelation{rt.Doc(), rt.Style})
	}
	for _, cat := range g.Categories() {
		doc.Categories = append(doc.Categories, jsonCategory{ID: cat.ID, Name: cat.Name})
	}
	out := map[string][]graph.Edge{}
	in := map[string][]graph.Edge{}
	for i, e := range es {
		doc.Edges[i] = NewEdgeJSON(e)
		out[e.From] = append(out[e.From], e)
		in[e.To] = append(in[e.To], e)
	}
	for i, c := range cs {
		doc.Nodes[i] = NewConceptJSON(c, out[c.ID], in[c.ID])
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		// Strings, numbers and slices of them always encode.
		panic("export: encoding JSON: " + err.Error())
	}
	return b.Bytes()
}

type jsonDoc struct {
	Format     string         `json:"format"`
	Version    int            `json:"version"`
	Relations  []jsonRelation `json:"relations"`
	Categories []jsonCategory `json:"categories"`
	Nodes      []ConceptJSON  `json:"nodes"`
	Edges      []EdgeJSON     `json:"edges"`
}

type jsonRelation struct {
	graph.RelationDoc
	Style graph.Style `json:"style"`
}

type jsonCategory struct {
	ID   string     `json:"id"`
	Name graph.Text `json:"name"`
}

// EdgeJSON is a relation as conceptmap's JSON shows it: in plan chains,
// in the edges of JSON.
type EdgeJSON struct {
	From     string     `json:"from"`
	Relation string     `json:"relation"`
	To       string     `json:"to"`
	Why      graph.Text `json:"why"`
	// Role and Reach are the relation's own, where it overrides its type's;
	// Reach is a number of links or "all".
	Role  string `json:"role,omitempty"`
	Reach string `json:"reach,omitempty"`
}

// NewEdgeJSON returns e as conceptmap's JSON shows it.
func NewEdgeJSON(e graph.Edge) EdgeJSON {
	return EdgeJSON{From: e.From, Relation: e.Relation, To: e.To, Why: e.Why, Role: string(e.Role), Reach: reachText(e.Reach)}
}

// reachText writes a reach as data files do: a number of links, "all",
// or "" for none given.
func reachText(n int) string {
	switch {
	case n == graph.ReachAll:
		return "all"
	case n > 0:
		return strconv.Itoa(n)
	}
	return ""
}

// ConceptJSON is a concept as conceptmap's JSON shows it, in `show --json`,
// `list --json` and the nodes of JSON: graph.ConceptDoc, the shape the
// explorer's model has too, with the relations out of it and into it.
// Scripts rely on its field names: add fields, never rename or remove
// them.
type ConceptJSON struct {
	graph.ConceptDoc
	Out []OutEdge `json:"out"`
	In  []InEdge  `json:"in"`
}

// OutEdge is a relation that starts at a concept.
type OutEdge struct {
	Relation string     `json:"relation"`
	To       string     `json:"to"`
	Why      graph.Text `json:"why"`
}

// InEdge is a relation that ends at a concept.
type InEdge struct {
	Relation string     `json:"relation"`
	From     string     `json:"from"`
	Why      graph.Text `json:"why"`
}

// NewConceptJSON returns c with the relations out of it and into it, in the
// order given. Empty lists are written as [], never null.
func NewConceptJSON(c *graph.Concept, out, in []graph.Edge) ConceptJSON {
	o := ConceptJSON{ConceptDoc: c.Doc(), Out: []OutEdge{}, In: []InEdge{}}
	for _, e := range out {
		o.Out = append(o.Out, OutEdge{Relation: e.Relation, To: e.To, Why: e.Why})
	}
	for _, e := range in {
		o.In = append(o.In, InEdge{Relation: e.Relation, From: e.From, Why: e.Why})
	}
	return o
}
