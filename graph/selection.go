package graph

import (
	"fmt"
	"strings"
)

// Selection says what part of the graph to show, by the names a person
// gives: the learning plan for some targets (less what they know), the
// neighbourhood of a concept, or the shortest path between two; any of
// them narrowed to a category and to some relation types, with some
// concepts highlighted. The zero Selection is the whole graph.
type Selection struct {
	Plan      []string // targets of a learning plan
	Known     []string // with Plan: concepts the learner knows
	Focus     string   // a concept whose neighbourhood to show
	Depth     int      // with Focus: how many relations away to look; 0 means 1
	Path      []string // FROM and TO: the shortest path between them
	Category  string   // only the concepts of this category (id or name)
	Relations []string // only edges of these relation types; all if empty
	Highlight []string // concepts to mark, added to the view
}

// Marks is what a view brings forward, and what it is a view of.
type Marks struct {
	Plan      *Plan           // the plan a plan view shows
	Steps     map[string]int  // plan step numbers, from 1, by concept id
	Targets   map[string]bool // the plan's targets, the focus, or the path's end
	Known     map[string]bool // concepts the learner knows
	Highlight map[string]bool // concepts asked to be marked
	// Path holds the concepts and edges of a path, drawn bold with the
	// rest faded; nil if the view is not of a path.
	Path *PathMarks

	Focus    *Concept  // the concept whose neighbourhood is shown
	From, To *Concept  // the ends of the path shown
	Category *Category // the category the view is narrowed to
}

// PathMarks is the part of a view that a path runs through.
type PathMarks struct {
	Concepts map[string]bool
	Edges    map[EdgeKey]bool
}

// EdgeKey names one relation: an edge without its reason.
type EdgeKey struct{ From, Relation, To string }

// Key returns the EdgeKey of e.
func (e Edge) Key() EdgeKey { return EdgeKey{From: e.From, Relation: e.Relation, To: e.To} }

// SelectionError is a selection that asks for something wrong: Field names
// the part of the Selection at fault ("plan", "known", "focus", "depth",
// "path", "category", "relations" or "highlight"), and Err says what is
// wrong with it, often a *NotFoundError or an *UnknownRelationError.
type SelectionError struct {
	Field string
	Err   error
}

func (e *SelectionError) Error() string { return e.Field + ": " + e.Err.Error() }
func (e *SelectionError) Unwrap() error { return e.Err }

// ConflictError is a selection whose fields do not go together: Field is
// given with Other, which it excludes (Needs false), or without Other,
// which it needs (Needs true).
type ConflictError struct {
	Field, Other string
	Needs        bool
}

func (e *ConflictError) Error() string {
	if e.Needs {
		return fmt.Sprintf("%s needs %s", e.Field, e.Other)
	}
	return fmt.Sprintf("%s and %s draw different things; give one of them", e.Field, e.Other)
}

// EmptyViewError is a selection that holds no concept: the known concepts
// cover the whole plan, or no concept of the view is in the category.
type EmptyViewError struct {
	Plan     []string // the targets, as given, when known concepts cover them
	Category string   // the category's id, when it holds none of the view
}

func (e *EmptyViewError) Error() string {
	if e.Category != "" {
		return "nothing to draw: no concept of this selection is in category " + e.Category
	}
	return "nothing to draw: the known concepts already cover " + strings.Join(e.Plan, ", ")
}

// Check reports what is wrong with a selection before it meets a graph: a
// *ConflictError for fields that do not go together, a *SelectionError
// for a depth or a path of the wrong size.
func (s Selection) Check() error {
	switch {
	case len(s.Path) > 0 && len(s.Plan) > 0:
		return &ConflictError{Field: "path", Other: "plan"}
	case len(s.Path) > 0 && s.Focus != "":
		return &ConflictError{Field: "path", Other: "focus"}
	case len(s.Path) > 0 && s.Category != "":
		return &ConflictError{Field: "path", Other: "category"}
	case len(s.Path) > 0 && len(s.Path) != 2:
		return &SelectionError{Field: "path", Err: fmt.Errorf("needs two concepts, FROM and TO, not %d", len(s.Path))}
	case len(s.Plan) > 0 && s.Focus != "":
		return &ConflictError{Field: "plan", Other: "focus"}
	case len(s.Known) > 0 && len(s.Plan) == 0:
		return &ConflictError{Field: "known", Other: "plan", Needs: true}
	case s.Depth < 0:
		return &SelectionError{Field: "depth", Err: fmt.Errorf("must be 1 or more, not %d", s.Depth)}
	case s.Depth > 0 && s.Focus == "":
		return &ConflictError{Field: "depth", Other: "focus", Needs: true}
	}
	return nil
}

// Select resolves a selection into the view it shows and its marks. A
// name that matches no concept, relation type or category gives a
// *SelectionError that says which field holds it (except for plan
// targets, a focus or path ends, whose *NotFoundError or *AmbiguousError
// comes as it is), and a selection of nothing an *EmptyViewError.
func (g *Graph) Select(s Selection) (View, Marks, error) {
	var m Marks
	if err := s.Check(); err != nil {
		return View{}, m, err
	}
	if err := g.CheckRelations(s.Relations); err != nil {
		return View{}, m, &SelectionError{Field: "relations", Err: err}
	}
	var cs []*Concept
	var err error
	switch {
	case len(s.Path) == 2:
		cs, err = g.selectPath(s, &m)
	case len(s.Plan) > 0:
		cs, err = g.selectPlan(s, &m)
	case s.Focus != "":
		cs, err = g.selectFocus(s, &m)
	default:
		cs = g.Concepts()
	}
	if err != nil {
		return View{}, m, err
	}
	if s.Category != "" {
		cat, err := g.FindCategory(s.Category)
		if err != nil {
			return View{}, m, &SelectionError{Field: "category", Err: err}
		}
		var in []*Concept
		for _, c := range cs {
			if c.Category == cat.ID {
				in = append(in, c)
			}
		}
		if len(in) == 0 {
			return View{}, m, &EmptyViewError{Category: cat.ID}
		}
		cs, m.Category = in, cat
	}
	if len(s.Highlight) > 0 {
		hs, err := g.LookupAll(s.Highlight)
		if err != nil {
			return View{}, m, &SelectionError{Field: "highlight", Err: err}
		}
		m.Highlight = map[string]bool{}
		for _, c := range hs {
			m.Highlight[c.ID] = true
		}
		cs = append(cs, hs...)
	}
	return g.Induced(cs, s.Relations), m, nil
}

// PlanOf looks the targets and the known concepts up and makes their
// plan. A known concept that is not found gives a *SelectionError of
// field "known".
func (g *Graph) PlanOf(targets, known []string) (*Plan, error) {
	return g.PlanOfWith(targets, known, PlanOptions{})
}

// PlanOfWith is PlanOf with options.
func (g *Graph) PlanOfWith(targets, known []string, o PlanOptions) (*Plan, error) {
	ts, err := g.LookupAll(targets)
	if err != nil {
		return nil, err
	}
	ks, err := g.LookupAll(known)
	if err != nil {
		return nil, &SelectionError{Field: "known", Err: err}
	}
	return g.PlanWith(ts, ks, o), nil
}

// selectPlan is the plan's steps and the known concepts, drawn greyed.
func (g *Graph) selectPlan(s Selection, m *Marks) ([]*Concept, error) {
	p, err := g.PlanOf(s.Plan, s.Known)
	if err != nil {
		return nil, err
	}
	if len(p.Steps) == 0 {
		return nil, &EmptyViewError{Plan: s.Plan}
	}
	m.Plan = p
	m.Steps = make(map[string]int, len(p.Steps))
	m.Targets = map[string]bool{}
	var cs []*Concept
	for i, st := range p.Steps {
		cs = append(cs, st.Concept)
		m.Steps[st.Concept.ID] = i + 1
		if st.Target {
			m.Targets[st.Concept.ID] = true
		}
	}
	if len(p.Known) > 0 {
		m.Known = map[string]bool{}
		for _, c := range p.Known {
			m.Known[c.ID] = true
			cs = append(cs, c)
		}
	}
	return cs, nil
}

// selectFocus is a concept and its neighbourhood.
func (g *Graph) selectFocus(s Selection, m *Marks) ([]*Concept, error) {
	c, err := g.Lookup(s.Focus)
	if err != nil {
		return nil, err
	}
	ns, err := g.Neighbors(c, NeighborOptions{Depth: s.Depth, Relations: s.Relations})
	if err != nil {
		return nil, err
	}
	cs := []*Concept{c}
	for _, n := range ns {
		cs = append(cs, n.Concept)
	}
	m.Focus, m.Targets = c, map[string]bool{c.ID: true}
	return cs, nil
}

// selectPath is the shortest path between two concepts and the concepts
// next to it.
func (g *Graph) selectPath(s Selection, m *Marks) ([]*Concept, error) {
	from, err := g.Lookup(s.Path[0])
	if err != nil {
		return nil, err
	}
	to, err := g.Lookup(s.Path[1])
	if err != nil {
		return nil, err
	}
	hops, err := g.Path(from, to, PathOptions{Relations: s.Relations})
	if err != nil {
		return nil, err
	}
	p := &PathMarks{Concepts: map[string]bool{from.ID: true, to.ID: true}, Edges: map[EdgeKey]bool{}}
	cs := []*Concept{from, to}
	for _, h := range hops {
		p.Concepts[h.From], p.Concepts[h.To] = true, true
		p.Edges[h.Key()] = true
		cs = append(cs, g.Concept(h.From), g.Concept(h.To))
	}
	for id := range p.Concepts {
		ns, err := g.Neighbors(g.Concept(id), NeighborOptions{Depth: 1, Relations: s.Relations})
		if err != nil {
			return nil, err
		}
		for _, n := range ns {
			cs = append(cs, n.Concept)
		}
	}
	m.Path, m.From, m.To = p, from, to
	m.Targets = map[string]bool{to.ID: true}
	return cs, nil
}

// UnknownCategoryError names a category that is not in the graph.
type UnknownCategoryError struct {
	Name       string
	Suggestion string   // a likely typo's intended id, or ""
	Known      []string // the ids of the graph's categories, in order
}

func (e *UnknownCategoryError) Error() string {
	if e.Suggestion != "" {
		return fmt.Sprintf("unknown category %q (did you mean %q?)", e.Name, e.Suggestion)
	}
	return fmt.Sprintf("unknown category %q; known categories: %s", e.Name, strings.Join(e.Known, ", "))
}

// FindCategory finds a category by id, English name (in any case) or
// Chinese name. An unknown name gives an *UnknownCategoryError.
func (g *Graph) FindCategory(name string) (*Category, error) {
	var ids []string
	for _, c := range g.categories {
		if c.ID == name || strings.EqualFold(c.Name.En, name) || c.Name.Zh == name {
			return c, nil
		}
		ids = append(ids, c.ID)
	}
	return nil, &UnknownCategoryError{Name: name, Suggestion: nearest(name, ids), Known: ids}
}

// ConceptsIn returns the concepts of a category, in the graph's order.
func (g *Graph) ConceptsIn(category string) []*Concept {
	var out []*Concept
	for _, c := range g.concepts {
		if c.Category == category {
			out = append(out, c)
		}
	}
	return out
}
