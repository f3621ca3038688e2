package graph

import (
	"bytes"
	"encoding/gob"
	"errors"
	"io"
)

// A snapshot is a loaded graph written down compactly, to be read back
// without parsing or checking its source files again: conceptmap compiles
// its bundled data into one at build time.

// snapshotVersion changes whenever the snapshot's shape or meaning does,
// so that an old snapshot is refused rather than misread.
const snapshotVersion = 2

type snapshot struct {
	Version    int
	Relations  []RelationType
	Categories []Category
	Concepts   []Concept
	Edges      []Edge
}

// ErrSnapshot says that a snapshot is not one this version of conceptmap
// wrote.
var ErrSnapshot = errors.New("not a graph snapshot of this version; write it again from its data files")

// WriteSnapshot writes g as a snapshot that ReadSnapshot reads back.
func (g *Graph) WriteSnapshot(w io.Writer) error {
	s := snapshot{Version: snapshotVersion, Edges: g.edges}
	for _, r := range g.relations {
		s.Relations = append(s.Relations, *r)
	}
	for _, c := range g.categories {
		s.Categories = append(s.Categories, *c)
	}
	for _, c := range g.concepts {
		s.Concepts = append(s.Concepts, *c)
	}
	return gob.NewEncoder(w).Encode(&s)
}

// ReadSnapshot reads a graph that WriteSnapshot wrote. The graph is built
// and checked as a load builds it, so it equals the graph whose snapshot
// was taken.
func ReadSnapshot(data []byte) (*Graph, error) {
	var s snapshot
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&s); err != nil || s.Version != snapshotVersion {
		return nil, ErrSnapshot
	}
	rs := &records{}
	for i := range s.Relations {
		r := &s.Relations[i]
		rs.relations = append(rs.relations, srcRelation{r: r, idPos: r.Pos, firstP: r.Pos})
	}
	for i := range s.Categories {
		c := &s.Categories[i]
		rs.categories = append(rs.categories, srcCategory{c: c, idPos: c.Pos})
	}
	for i := range s.Concepts {
		c := &s.Concepts[i]
		p := c.Pos
		sc := srcConcept{c: c, idPos: p, namePos: p, catPos: p}
		for range c.Aliases {
			sc.aliasPos = append(sc.aliasPos, p)
		}
		rs.concepts = append(rs.concepts, sc)
	}
	for _, e := range s.Edges {
		rs.edges = append(rs.edges, srcEdge{e: e, fromPos: e.Pos, relPos: e.Pos, toPos: e.Pos})
	}
	g, diags := rs.build()
	if diags != nil {
		return nil, &LoadError{Diags: diags}
	}
	return g, nil
}
