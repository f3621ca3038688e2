package graph

// Graph is a loaded, validated concept graph. It is immutable and safe for
// concurrent reads.
type Graph struct {
	concepts   []*Concept // sorted by id
	byID       map[string]int32
	names      map[string][]int32 // folded id, name or alias → concepts
	relations  []*RelationType    // in load order
	relIndex   map[string]int
	categories []*Category // in rank order
	catIndex   map[string]int
	edges      []Edge // sorted by from, to, relation

	// The index every query runs over, built once after loading.
	from, to []int32   // edge → its ends
	first    []Order   // edge → which end its relation puts first
	role     []Role    // edge → its learning role, the type's or its own
	reach    []int32   // edge → how far from a target it pulls, 0 for no limit
	out, in  [][]int32 // concept → its edges
	before   [][]int32 // concept → edges that put another concept before it
	after    [][]int32 // concept → edges that put another concept after it
	rank     []int32   // concept → place among equals in a plan
}

// Concepts returns every concept, sorted by id.
func (g *Graph) Concepts() []*Concept { return g.concepts }

// Concept returns the concept with the given id, or nil.
func (g *Graph) Concept(id string) *Concept {
	if i, ok := g.byID[id]; ok {
		return g.concepts[i]
	}
	return nil
}

// Edges returns every relation, sorted by source, target and type.
func (g *Graph) Edges() []Edge { return g.edges }

// Relations returns the relation vocabulary in the order it was declared.
func (g *Graph) Relations() []*RelationType { return g.relations }

// Relation returns the relation type with the given id, or nil.
func (g *Graph) Relation(id string) *RelationType {
	if i, ok := g.relIndex[id]; ok {
		return g.relations[i]
	}
	return nil
}

// Categories returns the categories in rank order.
func (g *Graph) Categories() []*Category { return g.categories }

// Category returns the category with the given id, or nil.
func (g *Graph) Category(id string) *Category {
	if i, ok := g.catIndex[id]; ok {
		return g.categories[i]
	}
	return nil
}

// Out returns the relations that start at concept id, in target order.
func (g *Graph) Out(id string) []Edge { return g.edgesOf(g.out, id) }

// In returns the relations that end at concept id, in source order.
func (g *Graph) In(id string) []Edge { return g.edgesOf(g.in, id) }

func (g *Graph) edgesOf(adj [][]int32, id string) []Edge {
	i, ok := g.byID[id]
	if !ok {
		return nil
	}
	es := make([]Edge, len(adj[i]))
	for k, e := range adj[i] {
		es[k] = g.edges[e]
	}
	return es
}
