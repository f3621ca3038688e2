package graph

import (
	"errors"
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

var sprintf = fmt.Sprintf

// readYAML parses one YAML data file into rs.
func (rs *records) readYAML(name string, data []byte) {
	rs.addFile(name, data)
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		p := Pos{File: name, Line: 1, Col: 1}
		msg := err.Error()
		var ye yaml.Error
		if errors.As(err, &ye) {
			msg = ye.GetMessage()
			if tk := ye.GetToken(); tk != nil && tk.Position != nil {
				p.Line, p.Col = tk.Position.Line, tk.Position.Column
			}
		}
		rs.errorf(p, "YAML syntax error: %s", msg)
		return
	}
	y := yamlReader{rs: rs, file: name}
	for _, doc := range f.Docs {
		if doc == nil || doc.Body == nil {
			continue
		}
		y.top(doc.Body)
	}
}

type yamlReader struct {
	rs   *records
	file string
}

func (y *yamlReader) pos(n ast.Node) Pos {
	switch m := n.(type) {
	case *ast.MappingNode:
		if len(m.Values) > 0 {
			return y.pos(m.Values[0])
		}
	case *ast.MappingValueNode:
		return y.pos(m.Key)
	case *ast.TagNode:
		if m.Value != nil {
			return y.pos(m.Value)
		}
	case *ast.AnchorNode:
		if m.Value != nil {
			return y.pos(m.Value)
		}
	}
	tk := n.GetToken()
	if tk == nil || tk.Position == nil {
		return Pos{File: y.file}
	}
	return Pos{File: y.file, Line: tk.Position.Line, Col: tk.Position.Column}
}

func (y *yamlReader) errorf(n ast.Node, format string, args ...any) {
	y.rs.errorf(y.pos(n), format, args...)
}

// unwrap strips tags and anchors. Aliases are refused: they are rare in data
// files and resolving them invites exponential blow-up.
func (y *yamlReader) unwrap(n ast.Node) ast.Node {
	for {
		switch m := n.(type) {
		case *ast.TagNode:
			n = m.Value
		case *ast.AnchorNode:
			n = m.Value
		case *ast.AliasNode:
			y.errorf(n, "YAML aliases are not supported here; write the value out")
			return nil
		default:
			return n
		}
		if n == nil {
			return nil
		}
	}
}

func isNull(n ast.Node) bool {
	if n == nil {
		return true
	}
	_, ok := n.(*ast.NullNode)
	return ok
}

// fields walks a mapping, reporting keys that are not in known, repeated
// keys, and a value that is not a mapping. It calls fn for each known key.
func (y *yamlReader) fields(n ast.Node, what string, known []string, fn func(key string, v ast.Node)) bool {
	n = y.unwrap(n)
	if n == nil {
		return false
	}
	mn, ok := n.(ast.MapNode)
	if !ok {
		y.errorf(n, "%s must be a mapping, not %s", what, kindOf(n))
		return false
	}
	it := mn.MapRange()
	for it.Next() {
		k := it.Key()
		key, ok := y.scalar(k)
		if !ok {
			y.errorf(k, "%s: a key must be a plain word", what)
			continue
		}
		if !contains(known, key) {
			msg := sprintf("unknown field %q in %s", key, what)
			if s := nearest(key, known); s != "" {
				msg += sprintf(" (did you mean %q?)", s)
			} else {
				msg += sprintf(" (known fields: %s)", strings.Join(known, ", "))
			}
			y.errorf(k, "%s", msg)
			continue
		}
		fn(key, it.Value())
	}
	return true
}

// scalar returns a scalar's text as written: "2305.13245" stays a string.
func (y *yamlReader) scalar(n ast.Node) (string, bool) {
	switch m := n.(type) {
	case *ast.StringNode:
		return m.Value, true
	case *ast.LiteralNode:
		if m.Value == nil {
			return "", true
		}
		return m.Value.Value, true
	case *ast.NullNode:
		return "", true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		return n.GetToken().Value, true
	}
	return "", false
}

// str reads a string field; a null is an empty string.
func (y *yamlReader) str(n ast.Node, what string) string {
	n = y.unwrap(n)
	if n == nil {
		return ""
	}
	s, ok := y.scalar(n)
	if !ok {
		y.errorf(n, "%s must be a string, not %s", what, kindOf(n))
		return ""
	}
	return strings.TrimSpace(s)
}

// seq reads a sequence field; a null is an empty sequence.
func (y *yamlReader) seq(n ast.Node, what string) []ast.Node {
	n = y.unwrap(n)
	if isNull(n) {
		return nil
	}
	s, ok := n.(*ast.SequenceNode)
	if !ok {
		y.errorf(n, "%s must be a list, not %s", what, kindOf(n))
		return nil
	}
	return s.Values
}

// text reads {en: …, zh: …}. A plain string is taken as English.
func (y *yamlReader) text(n ast.Node, what string) Text {
	n = y.unwrap(n)
	if isNull(n) {
		return Text{}
	}
	if s, ok := y.scalar(n); ok {
		return Text{En: strings.TrimSpace(s)}
	}
	var t Text
	y.fields(n, what, textFields, func(k string, v ast.Node) {
		switch k {
		case "en":
			t.En = y.str(v, what+"."+k)
		case "zh":
			t.Zh = y.str(v, what+"."+k)
		}
	})
	return t
}

func kindOf(n ast.Node) string {
	switch n.(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case *ast.NullNode:
		return "nothing"
	}
	return "a scalar"
}

func (y *yamlReader) top(n ast.Node) {
	y.fields(n, "data file (top level)", topFields, func(k string, v ast.Node) {
		for _, item := range y.seq(v, k) {
			switch k {
			case "relations":
				y.relation(item)
			case "categories":
				y.category(item)
			case "concepts":
				y.concept(item)
			}
		}
	})
}

func (y *yamlReader) relation(n ast.Node) {
	r := srcRelation{r: &RelationType{Pos: y.pos(n)}, idPos: y.pos(n)}
	y.fields(n, "relation type", relationFields, func(k string, v ast.Node) {
		switch k {
		case "id":
			r.r.ID, r.idPos = y.str(v, "id"), y.pos(v)
		case "label":
			r.r.Label = y.text(v, "label")
		case "inverse":
			r.r.Inverse = y.text(v, "inverse")
		case "first":
			r.r.First, r.firstP = Order(y.str(v, "first")), y.pos(v)
		case "style":
			r.styleP = map[string]Pos{}
			y.fields(v, "style", styleFields, func(k string, v ast.Node) {
				s := y.str(v, "style."+k)
				r.styleP[k] = y.pos(v)
				switch k {
				case "color":
					r.r.Style.Color = s
				case "line":
					r.r.Style.Line = s
				case "arrow":
					r.r.Style.Arrow = s
				}
			})
		}
	})
	y.rs.relations = append(y.rs.relations, r)
}

func (y *yamlReader) category(n ast.Node) {
	c := srcCategory{c: &Category{Pos: y.pos(n)}, idPos: y.pos(n)}
	y.fields(n, "category", categoryFields, func(k string, v ast.Node) {
		switch k {
		case "id":
			c.c.ID, c.idPos = y.str(v, "id"), y.pos(v)
		case "name":
			c.c.Name = y.text(v, "name")
		}
	})
	y.rs.categories = append(y.rs.categories, c)
}

func (y *yamlReader) concept(n ast.Node) {
	p := y.pos(n)
	c := srcConcept{c: &Concept{Pos: p}, idPos: p, namePos: p, catPos: p}
	ok := y.fields(n, "concept", conceptFields, func(k string, v ast.Node) {
		switch k {
		case "id":
			n := len(y.rs.diags)
			c.c.ID, c.idPos = y.str(v, "id"), y.pos(v)
			c.badID = len(y.rs.diags) > n
		case "name":
			n := len(y.rs.diags)
			c.c.Name, c.namePos = y.text(v, "name"), y.pos(v)
			c.badName = len(y.rs.diags) > n
		case "aliases":
			for _, a := range y.seq(v, "aliases") {
				c.c.Aliases = append(c.c.Aliases, y.str(a, "alias"))
				c.aliasPos = append(c.aliasPos, y.pos(a))
			}
		case "category":
			c.c.Category, c.catPos = y.str(v, "category"), y.pos(v)
		case "summary":
			c.c.Summary = y.text(v, "summary")
		case "analogy":
			c.c.Analogy = y.text(v, "analogy")
		case "refs":
			for _, r := range y.seq(v, "refs") {
				var ref Ref
				y.fields(r, "reference", refFields, func(k string, v ast.Node) {
					switch k {
					case "title":
						ref.Title = y.str(v, "title")
					case "arxiv":
						ref.ArXiv = y.str(v, "arxiv")
					case "url":
						ref.URL = y.str(v, "url")
					}
				})
				c.c.Refs = append(c.c.Refs, ref)
			}
		case "relations":
			for _, e := range y.seq(v, "relations") {
				y.edge(&c, e)
			}
		}
	})
	if ok {
		y.rs.concepts = append(y.rs.concepts, c)
	}
}

func (y *yamlReader) edge(c *srcConcept, n ast.Node) {
	p := y.pos(n)
	e := srcEdge{e: Edge{Pos: p}, relPos: p, toPos: p}
	if !y.fields(n, "relation", edgeFields, func(k string, v ast.Node) {
		switch k {
		case "relation":
			e.e.Relation, e.relPos = y.str(v, "relation"), y.pos(v)
		case "to":
			e.e.To, e.toPos = y.str(v, "to"), y.pos(v)
		case "why":
			e.e.Why = y.text(v, "why")
		}
	}) {
		return
	}
	c.edges = append(c.edges, e)
}
