package web

import (
	"bytes"
	"encoding/json"

	"github.com/conceptmap/conceptmap/graph"
)

// Model is a graph as the explorer's script reads it: every concept (in
// the one shape of conceptmap's JSON, graph.ConceptDoc), every relation,
// the relation vocabulary and the categories. Its orders are the
// graph's own (concepts by id, edges as Graph.Edges gives them, categories
// by rank), which the script's learning plan relies on to give the order
// that Graph.Plan gives.
type Model struct {
	Concepts   []graph.ConceptDoc `json:"concepts"`
	Edges      []Edge             `json:"edges"`
	Relations  []Relation         `json:"relations"`
	Categories []Category         `json:"categories"`
}

// Edge is one relation as written in the data.
type Edge struct {
	From     string      `json:"from"`
	Relation string      `json:"relation"`
	To       string      `json:"to"`
	Why      *graph.Text `json:"why,omitempty"`
	Role     graph.Role  `json:"role,omitempty"`  // overrides its type's
	Reach    int         `json:"reach,omitempty"` // overrides its type's; -1 lifts its limit
}

// Relation is one relation type of the vocabulary, with the colour its
// edges are drawn in.
type Relation struct {
	graph.RelationDoc
	Color string `json:"color"`
}

// Category is one category; its rank is its place in Model.Categories.
type Category struct {
	ID   string     `json:"id"`
	Name graph.Text `json:"name"`
}

// NewModel returns the model of g.
func NewModel(g *graph.Graph) *Model {
	m := &Model{Concepts: []graph.ConceptDoc{}, Edges: []Edge{}, Relations: []Relation{}, Categories: []Category{}}
	for _, c := range g.Concepts() {
		m.Concepts = append(m.Concepts, c.Doc())
	}
	for _, e := range g.Edges() {
		me := Edge{From: e.From, Relation: e.Relation, To: e.To, Role: e.Role, Reach: e.Reach}
		if !e.Why.IsZero() {
			w := e.Why
			me.Why = &w
		}
		m.Edges = append(m.Edges, me)
	}
	for _, r := range g.Relations() {
		m.Relations = append(m.Relations, Relation{r.Doc(), r.Style.Color})
	}
	for _, c := range g.Categories() {
		m.Categories = append(m.Categories, Category{ID: c.ID, Name: c.Name})
	}
	return m
}

// marshal encodes v as JSON that is safe inside an HTML <script> element:
// <, > and & are escaped, and so are U+2028 and U+2029.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// JSON returns the model as JSON, safe to embed in HTML.
func (m *Model) JSON() ([]byte, error) { return marshal(m) }
