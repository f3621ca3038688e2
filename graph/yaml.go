package graph

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

var sprintf = fmt.Sprintf

// utf8BOM is the byte-order mark that some editors put at the start of a
// UTF-8 file.
var utf8BOM = []byte("\xef\xbb\xbf")

// readYAML parses one YAML data file into rs.
func (rs *records) readYAML(name string, data []byte) {
	data = bytes.TrimPrefix(data, utf8BOM) // an editor's byte-order mark
	rs.addFile(name, data)
	for _, n := range rs.parseYAML(name, data) {
		reader{rs, name}.top(n, yamlSchema)
	}
}

// parseYAML turns each document of a YAML text into a node tree, reporting
// syntax errors at their place in file name. Markdown frontmatter is
// parsed here too, its lines numbered as in its note. A text in the plain
// shape of data files is read by fastYAML; any other, and every text with
// an error, by the YAML parser.
func (rs *records) parseYAML(name string, data []byte) []*node {
	if line, col, deep := yamlTooDeep(data, maxYAMLDepth); deep {
		rs.errorf(Pos{File: name, Line: line, Col: col}, "the data nests more than %d levels deep here, where a data file needs about six; look for brackets that are not closed or indentation that runs away", maxYAMLDepth)
		return nil
	}
	if n, ok := fastYAML(data); ok {
		return []*node{n}
	}
	return rs.parseAnyYAML(name, data)
}

// parseAnyYAML parses YAML of any shape with the YAML parser.
func (rs *records) parseAnyYAML(name string, data []byte) []*node {
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
		return nil
	}
	y := yamlTree{rs: rs, file: name}
	var out []*node
	for _, doc := range f.Docs {
		if doc == nil || doc.Body == nil {
			continue
		}
		if n := y.node(doc.Body); n != nil {
			out = append(out, n)
		}
	}
	return out
}

// yamlTree turns a YAML syntax tree into a node tree.
type yamlTree struct {
	rs   *records
	file string
}

func (y yamlTree) pos(n ast.Node) Pos {
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

// node converts n, or returns nil after reporting why it cannot. Tags and
// anchors are looked through; aliases are refused, as they are rare in
// data files and resolving them invites exponential blow-up.
func (y yamlTree) node(n ast.Node) *node {
	if n == nil {
		return &node{kind: nullNode}
	}
	p := y.pos(n)
	at := spotOf(p)
	switch m := n.(type) {
	case *ast.TagNode:
		return y.node(m.Value)
	case *ast.AnchorNode:
		return y.node(m.Value)
	case *ast.AliasNode:
		y.rs.errorf(p, "YAML aliases are not supported here; write the value out")
		return nil
	case *ast.NullNode:
		return &node{kind: nullNode, pos: at}
	case *ast.StringNode:
		return &node{kind: scalarNode, pos: at, str: m.Value}
	case *ast.LiteralNode:
		s := ""
		if m.Value != nil {
			s = m.Value.Value
		}
		return &node{kind: scalarNode, pos: at, str: s}
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		// Keep the text as written: arxiv: 2305.13245 stays a string.
		return &node{kind: scalarNode, pos: at, str: n.GetToken().Value}
	case *ast.SequenceNode:
		out := &node{kind: listNode, pos: at}
		for _, v := range m.Values {
			if c := y.node(v); c != nil {
				out.items = append(out.items, c)
			}
		}
		return out
	case ast.MapNode:
		out := &node{kind: mapNode, pos: at}
		it := m.MapRange()
		for it.Next() {
			k := it.Key()
			key, ok := y.node(k), true
			if key == nil || key.kind != scalarNode {
				y.rs.errorf(y.pos(k), "a key must be a plain word")
				ok = false
			}
			v := y.node(it.Value())
			if ok && v != nil {
				out.keys = append(out.keys, &entry{key: key.str, keyPos: key.pos, val: v})
			}
		}
		return out
	}
	y.rs.errorf(p, "unexpected YAML %s here", n.Type())
	return nil
}
