package graph

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// NotFoundError says that a name matches no concept, with the concepts
// whose names are close to it, if any.
type NotFoundError struct {
	Name        string
	Suggestions []*Concept
}

func (e *NotFoundError) Error() string {
	msg := fmt.Sprintf("unknown concept %q", e.Name)
	if len(e.Suggestions) == 0 {
		return msg + ", and no name is close to it"
	}
	var names []string
	for _, c := range e.Suggestions {
		names = append(names, fmt.Sprintf("%s (%s)", c.ID, c.Name.In(Both)))
	}
	return msg + "; did you mean " + strings.Join(names, ", ") + "?"
}

// AmbiguousError says that a name matches more than one concept.
type AmbiguousError struct {
	Name     string
	Concepts []*Concept
}

func (e *AmbiguousError) Error() string {
	var ids []string
	for _, c := range e.Concepts {
		ids = append(ids, c.ID)
	}
	return fmt.Sprintf("%q names several concepts: %s; use an id", e.Name, strings.Join(ids, ", "))
}

// Lookup finds a concept by id, alias, or English or Chinese name, ignoring
// case. An unknown name gives a *NotFoundError with suggestions.
func (g *Graph) Lookup(name string) (*Concept, error) {
	if i, ok := g.byID[name]; ok {
		return g.concepts[i], nil
	}
	switch l := g.names[fold(name)]; len(l) {
	case 0:
	case 1:
		return g.concepts[l[0]], nil
	default:
		cs := make([]*Concept, len(l))
		for k, i := range l {
			cs[k] = g.concepts[i]
		}
		return nil, &AmbiguousError{Name: name, Concepts: cs}
	}
	return nil, &NotFoundError{Name: name, Suggestions: g.Suggest(name, 3)}
}

// LookupAll finds every named concept, once each, in order. It collects
// every failure: the error joins (errors.Join) a *NotFoundError or an
// *AmbiguousError for each name that is not found, one to a line.
func (g *Graph) LookupAll(names []string) ([]*Concept, error) {
	var cs []*Concept
	var errs []error
	for _, n := range names {
		c, err := g.Lookup(n)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if !slices.Contains(cs, c) {
			cs = append(cs, c)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return cs, nil
}

// Suggest returns up to n concepts whose id, name or alias is close to
// name: a likely typo, or a name that contains it.
func (g *Graph) Suggest(name string, n int) []*Concept {
	q := fold(name)
	if q == "" {
		return nil
	}
	qn := utf8.RuneCountInString(q)
	type cand struct {
		i     int32
		score int
	}
	best := map[int32]int{}
	for k, l := range g.names {
		score := -1
		if d := distance(q, k); closeEnough(d, qn) {
			score = d
		} else if qn >= 2 && strings.Contains(k, q) {
			score = 10 + utf8.RuneCountInString(k) - qn
		}
		if score < 0 {
			continue
		}
		for _, i := range l {
			if s, ok := best[i]; !ok || score < s {
				best[i] = score
			}
		}
	}
	cands := make([]cand, 0, len(best))
	for i, s := range best {
		cands = append(cands, cand{i, s})
	}
	slices.SortFunc(cands, func(a, b cand) int {
		return cmp.Or(cmp.Compare(a.score, b.score), strings.Compare(g.concepts[a.i].ID, g.concepts[b.i].ID))
	})
	var out []*Concept
	for _, c := range cands[:min(n, len(cands))] {
		out = append(out, g.concepts[c.i])
	}
	return out
}
