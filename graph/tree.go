package graph

import (
	"math"
	"slices"
	"strings"
)

// A data file, whatever its syntax (YAML or JSON), is first turned into a
// tree of nodes that carry their positions. One reader then maps the tree
// onto records, so every format shares the same schema and messages.

type nodeKind int

const (
	nullNode nodeKind = iota
	scalarNode
	mapNode
	listNode
)

// A spot is a place in the file a tree was read from: a Pos without the
// file, which the tree's reader knows. A data file's tree holds millions.
type spot struct{ line, col int32 }

// spotOf is the spot of p; a line or column too large to count is 0.
func spotOf(p Pos) spot {
	clamp := func(n int) int32 {
		if n < 0 || n > math.MaxInt32 {
			return 0
		}
		return int32(n)
	}
	return spot{clamp(p.Line), clamp(p.Col)}
}

// in is the position of s in file.
func (s spot) in(file string) Pos { return Pos{File: file, Line: int(s.line), Col: int(s.col)} }

type node struct {
	kind  nodeKind
	pos   spot
	str   string   // scalarNode: the text as written
	keys  []*entry // mapNode, in order
	items []*node  // listNode
}

type entry struct {
	key    string
	keyPos spot
	val    *node
}

func (n *node) kindName() string {
	switch n.kind {
	case mapNode:
		return "a mapping"
	case listNode:
		return "a list"
	case nullNode:
		return "nothing"
	}
	return "a scalar"
}

// reader maps node trees onto records.
type reader struct {
	rs   *records
	file string // that the tree was read from
}

// at is the position of a spot in the reader's file.
func (r reader) at(s spot) Pos { return s.in(r.file) }

func (r reader) errorf(p Pos, format string, args ...any) { r.rs.errorf(p, format, args...) }

// fields walks a mapping, reporting keys that are not in known and a value
// that is not a mapping. It calls fn for each known key.
func (r reader) fields(n *node, what string, known []string, fn func(key string, v *node)) bool {
	if n.kind != mapNode {
		r.errorf(r.at(n.pos), "%s must be a mapping, not %s", what, n.kindName())
		return false
	}
	for _, e := range n.keys {
		if !contains(known, e.key) {
			msg := sprintf("unknown field %q in %s", e.key, what)
			if s := nearest(e.key, known); s != "" {
				msg += sprintf(" (did you mean %q?)", s)
			} else {
				msg += sprintf(" (known fields: %s)", strings.Join(known, ", "))
			}
			r.errorf(r.at(e.keyPos), "%s", msg)
			continue
		}
		fn(e.key, e.val)
	}
	return true
}

// str reads a string field; a null is an empty string.
func (r reader) str(n *node, what string) string {
	switch n.kind {
	case nullNode:
		return ""
	case scalarNode:
		return strings.TrimSpace(n.str)
	}
	r.errorf(r.at(n.pos), "%s must be a string, not %s", what, n.kindName())
	return ""
}

// list reads a list field; a null is an empty list.
func (r reader) list(n *node, what string) []*node {
	switch n.kind {
	case nullNode:
		return nil
	case listNode:
		return n.items
	}
	r.errorf(r.at(n.pos), "%s must be a list, not %s", what, n.kindName())
	return nil
}

// text reads {en: …, zh: …}. A plain string is taken as English.
func (r reader) text(n *node, what string) Text {
	switch n.kind {
	case nullNode:
		return Text{}
	case scalarNode:
		return Text{En: strings.TrimSpace(n.str)}
	}
	var t Text
	r.fields(n, what, textFields, func(k string, v *node) {
		switch k {
		case "en":
			t.En = r.str(v, what+"."+k)
		case "zh":
			t.Zh = r.str(v, what+"."+k)
		}
	})
	return t
}

// schema names the fields of one syntax's documents.
type schema struct {
	top      []string // top-level fields
	concepts string   // the top-level list of concepts
	concept  []string // fields of a concept
	name     string   // the field of a concept's names
}

var (
	yamlSchema = schema{
		top:      []string{"relations", "categories", "concepts", "edges"},
		concepts: "concepts",
		concept:  []string{"id", "name", "aliases", "category", "summary", "analogy", "refs", "relations"},
		name:     "name",
	}
	// The JSON export is a node-link document: nodes in the shape of
	// 'show --json', whose out and in lists repeat the edges; they are
	// accepted and ignored, the top-level edges being the truth.
	jsonSchema = schema{
		top:      []string{"format", "version", "relations", "categories", "nodes", "edges"},
		concepts: "nodes",
		concept:  []string{"id", "names", "aliases", "category", "summary", "analogy", "refs", "out", "in"},
		name:     "names",
	}
)

func (r reader) top(n *node, s schema) {
	what := "data file (top level)"
	if n.kind == nullNode {
		return
	}
	r.fields(n, what, s.top, func(k string, v *node) {
		switch k {
		case "format":
			if f := r.str(v, k); f != "conceptmap" {
				r.errorf(r.at(v.pos), "format must be \"conceptmap\", not %q: this is not a conceptmap export", f)
			}
			return
		case "version":
			if ver := r.str(v, k); ver != "1" {
				r.errorf(r.at(v.pos), "version %q is not supported; this conceptmap reads version 1", ver)
			}
			return
		}
		items := r.list(v, k)
		switch k { // room for every item at once, rather than growing
		case s.concepts:
			r.rs.concepts = slices.Grow(r.rs.concepts, len(items))
		case "edges":
			r.rs.edges = slices.Grow(r.rs.edges, len(items))
		}
		for _, item := range items {
			switch k {
			case "relations":
				r.relation(item)
			case "categories":
				r.category(item)
			case s.concepts:
				r.concept(item, s)
			case "edges":
				if e, ok := r.edge(item, true); ok {
					r.rs.edges = append(r.rs.edges, e)
				}
			}
		}
	})
}

func (r reader) relation(n *node) {
	sr := srcRelation{r: &RelationType{Pos: r.at(n.pos)}, idPos: r.at(n.pos)}
	r.fields(n, "relation type", relationFields, func(k string, v *node) {
		switch k {
		case "id":
			sr.r.ID, sr.idPos = r.str(v, "id"), r.at(v.pos)
		case "label":
			sr.r.Label = r.text(v, "label")
		case "inverse":
			sr.r.Inverse = r.text(v, "inverse")
		case "first":
			sr.r.First, sr.firstP = Order(r.str(v, "first")), r.at(v.pos)
		case "role":
			sr.r.Role, sr.roleP = Role(r.str(v, "role")), r.at(v.pos)
		case "reach":
			sr.reachS, sr.reachP = r.str(v, "reach"), r.at(v.pos)
		case "style":
			sr.styleP = map[string]Pos{}
			r.fields(v, "style", styleFields, func(k string, v *node) {
				s := r.str(v, "style."+k)
				sr.styleP[k] = r.at(v.pos)
				switch k {
				case "color":
					sr.r.Style.Color = s
				case "line":
					sr.r.Style.Line = s
				case "arrow":
					sr.r.Style.Arrow = s
				}
			})
		}
	})
	r.rs.relations = append(r.rs.relations, sr)
}

func (r reader) category(n *node) {
	c := srcCategory{c: &Category{Pos: r.at(n.pos)}, idPos: r.at(n.pos)}
	r.fields(n, "category", categoryFields, func(k string, v *node) {
		switch k {
		case "id":
			c.c.ID, c.idPos = r.str(v, "id"), r.at(v.pos)
		case "name":
			c.c.Name = r.text(v, "name")
		}
	})
	r.rs.categories = append(r.rs.categories, c)
}

func (r reader) concept(n *node, s schema) {
	p := r.at(n.pos)
	c := srcConcept{c: &Concept{Pos: p}, idPos: p, namePos: p, catPos: p}
	ok := r.fields(n, "concept", s.concept, func(k string, v *node) {
		before := len(r.rs.diags)
		switch k {
		case "id":
			c.c.ID, c.idPos = r.str(v, "id"), r.at(v.pos)
			c.badID = len(r.rs.diags) > before
		case s.name:
			c.c.Name, c.namePos = r.text(v, k), r.at(v.pos)
			c.badName = len(r.rs.diags) > before
		case "aliases":
			for _, a := range r.list(v, "aliases") {
				c.c.Aliases = append(c.c.Aliases, r.str(a, "alias"))
				c.aliasPos = append(c.aliasPos, r.at(a.pos))
			}
		case "category":
			c.c.Category, c.catPos = r.str(v, "category"), r.at(v.pos)
		case "summary":
			c.c.Summary = r.text(v, "summary")
		case "analogy":
			c.c.Analogy = r.text(v, "analogy")
		case "refs":
			for _, item := range r.list(v, "refs") {
				c.c.Refs = append(c.c.Refs, r.ref(item))
			}
		case "relations":
			items := r.list(v, "relations")
			c.edges = slices.Grow(c.edges, len(items))
			for _, item := range items {
				if e, ok := r.edge(item, false); ok {
					c.edges = append(c.edges, e)
				}
			}
		}
	})
	if ok {
		r.rs.concepts = append(r.rs.concepts, c)
	}
}

// ref reads one reference: {title, arxiv, url}.
func (r reader) ref(n *node) Ref {
	var ref Ref
	r.fields(n, "reference", refFields, func(k string, v *node) {
		switch k {
		case "title":
			ref.Title = r.str(v, "title")
		case "arxiv":
			ref.ArXiv = r.str(v, "arxiv")
		case "url":
			ref.URL = r.str(v, "url")
		}
	})
	return ref
}

// edge reads one relation: within a concept (withFrom false) its source is
// the concept; in a top-level edges list it names its source.
func (r reader) edge(n *node, withFrom bool) (srcEdge, bool) {
	p := r.at(n.pos)
	e := srcEdge{e: Edge{Pos: p}, fromPos: p, relPos: p, toPos: p}
	known := edgeFields
	if withFrom {
		known = topEdgeFields
	}
	ok := r.fields(n, "relation", known, func(k string, v *node) {
		switch k {
		case "from":
			e.e.From, e.fromPos = r.str(v, "from"), r.at(v.pos)
		case "relation":
			e.e.Relation, e.relPos = r.str(v, "relation"), r.at(v.pos)
		case "to":
			e.e.To, e.toPos = r.str(v, "to"), r.at(v.pos)
		case "why":
			e.e.Why = r.text(v, "why")
		case "role":
			e.e.Role, e.rolePos = Role(r.str(v, "role")), r.at(v.pos)
		case "reach":
			e.reachS, e.reachP = r.str(v, "reach"), r.at(v.pos)
		}
	})
	if ok && withFrom && e.e.From == "" {
		r.errorf(e.fromPos, "relation has no source concept; add from: with a concept id")
		ok = false
	}
	return e, ok
}
