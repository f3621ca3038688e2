package graph

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"slices"
	"strings"
)

// GraphML files load as concepts and relations: those that 'conceptmap
// export --format graphml' writes, and those of yEd, Gephi and other
// tools, which carry a label and little else.
//
// A node is a concept. Its attributes (by attr.name, in any case, blanks
// ignored) are conceptmap's own (name_en, name_zh, category, summary_en,
// summary_zh, analogy_en, analogy_zh, aliases), or else label (or name,
// or the text of a yEd y:NodeLabel) as its name, in the language of its
// script, and description as its summary. The concept id is the node id,
// unless the node carries only a label and its id is one that tools
// generate (n0, 12, n0::n3): then the id is made from the label as a
// note's is from its file name. A yEd group node is no concept: its label
// is the category of the nodes inside it.
//
// An edge is a relation from source to target. Its type is its relation
// attribute, or else its label (label, Edge Label, or a yEd
// y:EdgeLabel): a relation id, or a label or inverse label in either
// language, the inverse swapping the ends. An edge with none takes
// Loader.LinkRelation, or is an error. why_en and why_zh (or description)
// are its why.

// xmlNode is an element of an XML document, with where it starts.
type xmlNode struct {
	name  string // local name
	attr  map[string]string
	pos   Pos
	text  strings.Builder
	kids  []*xmlNode
	depth int
}

func (n *xmlNode) child(name string) *xmlNode {
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

// find returns the first element called name under n, depth first.
func (n *xmlNode) find(name string) *xmlNode {
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
		if f := k.find(name); f != nil {
			return f
		}
	}
	return nil
}

// parseXML reads an XML document into a tree, with positions.
func parseXML(name string, data []byte) (*xmlNode, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	ps := newPositions(name, data)
	root := &xmlNode{}
	stack := []*xmlNode{root}
	for {
		off := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			msg := err.Error()
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				msg = se.Msg
			}
			return nil, &posError{ps.pos(d.InputOffset()), "XML syntax error: " + msg}
		}
		top := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) > maxDepth {
				return nil, &posError{ps.pos(off), "elements are nested too deeply"}
			}
			n := &xmlNode{name: t.Name.Local, attr: map[string]string{}, pos: ps.pos(off), depth: len(stack)}
			for _, a := range t.Attr {
				n.attr[a.Name.Local] = a.Value
			}
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top.text.Write(t)
		}
	}
	return root, nil
}

type posError struct {
	pos Pos
	msg string
}

func (e *posError) Error() string { return e.msg }

// gmlValue is an attribute value of a node or edge, and where it is.
type gmlValue struct {
	s   string
	pos Pos
}

type gmlKey struct {
	name, domain, yfiles, def string
}

// gmlAttrs are the attributes that nodes and edges are read for.
var gmlAttrs = []string{"name_en", "name_zh", "label", "name", "category", "summary_en", "summary_zh",
	"description", "analogy_en", "analogy_zh", "aliases", "relation", "edgelabel", "why_en", "why_zh", "role", "reach"}

// generatedID matches node ids that tools make up: n0, 12, n0::n3.
var generatedID = regexp.MustCompile(`^(n?\d+)(::n?\d+)*$`)

func (rs *records) readGraphML(name string, data []byte) {
	rs.addFile(name, data)
	root, err := parseXML(name, data)
	if err != nil {
		var pe *posError
		if errors.As(err, &pe) {
			rs.errorf(pe.pos, "%s", pe.msg)
		}
		return
	}
	doc := root.child("graphml")
	if doc == nil {
		rs.errorf(Pos{File: name, Line: 1, Col: 1}, "this is not GraphML: it has no <graphml> element")
		return
	}
	keyDefs := map[string]gmlKey{}
	for _, k := range doc.kids {
		if k.name == "key" {
			def := ""
			if d := k.child("default"); d != nil {
				def = strings.TrimSpace(d.text.String())
			}
			keyDefs[k.attr["id"]] = gmlKey{name: normKey(k.attr["attr.name"]), domain: k.attr["for"], yfiles: k.attr["yfiles.type"], def: def}
		}
	}
	g := gmlGraph{rs: rs, file: name, keys: keyDefs, ids: map[string]string{}, defaults: map[string][]gmlKey{}}
	for _, id := range keys(keyDefs) {
		if k := keyDefs[id]; k.def != "" && slices.Contains(gmlAttrs, k.name) {
			for _, kind := range []string{"node", "edge"} {
				if k.domain == kind || k.domain == "all" {
					g.defaults[kind] = append(g.defaults[kind], k)
				}
			}
		}
	}
	for _, k := range doc.kids {
		if k.name == "graph" {
			g.graph(k, "")
		}
	}
	for _, e := range g.edges {
		g.edge(e)
	}
}

// normKey is the form in which attribute names are compared: lower case,
// without blanks.
func normKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), ""))
}

type gmlGraph struct {
	rs    *records
	file  string
	keys  map[string]gmlKey
	ids   map[string]string // node id → concept id
	edges []*xmlNode
	// defaults are the keys with a default value, by domain, in id order.
	defaults map[string][]gmlKey
}

// values returns the data of a node or edge by attribute name, with the
// label of its yEd graphics under "graphics", and the keys' defaults.
func (g *gmlGraph) values(n *xmlNode, kind, graphics, label string) map[string]gmlValue {
	out := map[string]gmlValue{}
	for _, k := range g.defaults[kind] {
		out[k.name] = gmlValue{k.def, n.pos}
	}
	for _, d := range n.kids {
		if d.name != "data" {
			continue
		}
		k, ok := g.keys[d.attr["key"]]
		if !ok {
			k = gmlKey{name: normKey(d.attr["key"])}
		}
		if k.yfiles == graphics {
			if l := d.find(label); l != nil {
				out["graphics"] = gmlValue{strings.TrimSpace(l.text.String()), l.pos}
			}
			continue
		}
		if k.name != "" {
			out[k.name] = gmlValue{strings.TrimSpace(d.text.String()), d.pos}
		}
	}
	return out
}

// first returns the first of the named values that is not empty.
func first(vs map[string]gmlValue, names ...string) gmlValue {
	for _, n := range names {
		if v := vs[n]; v.s != "" {
			return v
		}
	}
	return gmlValue{}
}

// graph reads the nodes of a graph element; group is the label of the yEd
// group that holds it.
func (g *gmlGraph) graph(n *xmlNode, group string) {
	for _, k := range n.kids {
		switch k.name {
		case "node":
			vs := g.values(k, "node", "nodegraphics", "NodeLabel")
			label := first(vs, "label", "name", "graphics")
			if sub := k.child("graph"); sub != nil {
				g.graph(sub, cmp.Or(label.s, group))
				continue
			}
			g.node(k, vs, label, group)
		case "edge":
			g.edges = append(g.edges, k)
		}
	}
}

func (g *gmlGraph) node(n *xmlNode, vs map[string]gmlValue, label gmlValue, group string) {
	p := n.pos
	id := strings.TrimSpace(n.attr["id"])
	c := &Concept{ID: id, Pos: p}
	sc := srcConcept{c: c, idPos: p, namePos: p, catPos: p}
	own := vs["name_en"].s != "" || vs["name_zh"].s != ""
	switch {
	case own:
		c.Name = Text{En: vs["name_en"].s, Zh: vs["name_zh"].s}
		sc.namePos = first(vs, "name_en", "name_zh").pos
	case label.s != "":
		c.Name, sc.namePos = scriptText(label.s), label.pos
		if id == "" || generatedID.MatchString(id) {
			c.ID = noteID(label.s)
		}
	default:
		c.Name = Text{En: id}
	}
	if v := vs["category"]; v.s != "" {
		c.Category, sc.catPos = v.s, v.pos
	} else {
		c.Category, sc.folderCat = group, group != ""
	}
	c.Summary = Text{En: vs["summary_en"].s, Zh: vs["summary_zh"].s}
	if c.Summary.IsZero() {
		c.Summary = scriptText(vs["description"].s)
	}
	c.Analogy = Text{En: vs["analogy_en"].s, Zh: vs["analogy_zh"].s}
	if a := vs["aliases"]; a.s != "" {
		for _, s := range SplitCSVAliases(a.s) {
			c.Aliases = append(c.Aliases, s)
			sc.aliasPos = append(sc.aliasPos, a.pos)
		}
	}
	if id == "" {
		g.rs.errorf(p, "the node has no id")
		return
	}
	if _, dup := g.ids[id]; dup {
		g.rs.errorf(p, "duplicate node id %q", id)
		return
	}
	g.ids[id] = c.ID
	g.rs.concepts = append(g.rs.concepts, sc)
}

func (g *gmlGraph) edge(n *xmlNode) {
	vs := g.values(n, "edge", "edgegraphics", "EdgeLabel")
	ends := [2]string{}
	for i, a := range []string{"source", "target"} {
		id := n.attr[a]
		c, ok := g.ids[id]
		if !ok {
			g.rs.errorf(n.pos, "edge %s %q is no node of this file", a, id)
			return
		}
		ends[i] = c
	}
	rel := first(vs, "relation", "label", "edgelabel", "graphics")
	if rel.pos.Line == 0 {
		rel.pos = n.pos
	}
	why := Text{En: vs["why_en"].s, Zh: vs["why_zh"].s}
	if why.IsZero() {
		why = scriptText(vs["description"].s)
	}
	g.rs.notes.fields = append(g.rs.notes.fields, noteField{
		from: ends[0], key: rel.s, pos: rel.pos, strict: true,
		links: []noteLink{{target: ends[1], pos: n.pos, why: why,
			role: Role(vs["role"].s), rolePos: vs["role"].pos, reach: vs["reach"].s, reachAt: vs["reach"].pos}},
	})
}
