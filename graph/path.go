package graph

import (
	"fmt"
	"slices"
	"strings"
)

// Hop is one edge of a path, as written in the data. Forward is true when
// the path follows it from its source to its target.
type Hop struct {
	Edge
	Forward bool
}

// PathOptions narrows a path search.
type PathOptions struct {
	Directed  bool     // follow edges from source to target only
	Relations []string // follow only these relation types; all if empty
}

// NoPathError says that two concepts are not connected (following edges
// only forwards, if Directed).
type NoPathError struct {
	From, To string
	Directed bool
}

func (e *NoPathError) Error() string {
	return fmt.Sprintf("no path from %s to %s", e.From, e.To)
}

// Path returns a shortest chain of relations from one concept to another.
// Among chains of equal length it picks the same one every time.
func (g *Graph) Path(from, to *Concept, opt PathOptions) ([]Hop, error) {
	if err := g.CheckRelations(opt.Relations); err != nil {
		return nil, err
	}
	allow := g.relationFilter(opt.Relations)
	s, ok1 := g.byID[from.ID]
	t, ok2 := g.byID[to.ID]
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("path: %s or %s is not a concept of this graph", from.ID, to.ID)
	}
	if s == t {
		return []Hop{}, nil
	}
	n := len(g.concepts)
	via := make([]int32, n) // edge index + 1; 0 is unvisited
	fwd := make([]bool, n)
	via[s] = -1
	g.breadthFirst(s, func(v int32, offer func(e, w int32, fwd bool)) bool {
		for _, e := range g.out[v] {
			if allow(e) {
				offer(e, g.to[e], true)
			}
		}
		if !opt.Directed {
			for _, e := range g.in[v] {
				if allow(e) {
					offer(e, g.from[e], false)
				}
			}
		}
		return false
	}, func(_, e, w int32, forward bool) (bool, bool) {
		via[w], fwd[w] = e+1, forward
		return true, w == t
	})
	if via[t] == 0 {
		return nil, &NoPathError{From: from.ID, To: to.ID, Directed: opt.Directed}
	}
	var hops []Hop
	for v := t; v != s; {
		e := via[v] - 1
		hops = append(hops, Hop{Edge: g.edges[e], Forward: fwd[v]})
		if fwd[v] {
			v = g.from[e]
		} else {
			v = g.to[e]
		}
	}
	slices.Reverse(hops)
	return hops, nil
}

// UnknownRelationError names a relation type that is not in the vocabulary.
type UnknownRelationError struct {
	Name       string
	Suggestion string
	Known      []string
}

func (e *UnknownRelationError) Error() string {
	msg := fmt.Sprintf("unknown relation type %q", e.Name)
	if e.Suggestion != "" {
		return msg + fmt.Sprintf("; did you mean %q?", e.Suggestion)
	}
	return msg + "; known types: " + strings.Join(e.Known, ", ")
}

// CheckRelations returns an *UnknownRelationError for the first of ids
// that is not in the vocabulary.
func (g *Graph) CheckRelations(ids []string) error {
	for _, r := range ids {
		if _, ok := g.relIndex[r]; !ok {
			return &UnknownRelationError{Name: r, Suggestion: g.suggestRelation(r), Known: g.relationIDs()}
		}
	}
	return nil
}

// relationFilter returns a test of whether edge e is of one of ids, or of
// any type if ids is empty.
func (g *Graph) relationFilter(ids []string) func(e int32) bool {
	if len(ids) == 0 {
		return func(int32) bool { return true }
	}
	return func(e int32) bool { return slices.Contains(ids, g.edges[e].Relation) }
}
