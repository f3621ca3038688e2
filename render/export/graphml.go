package export

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/internal/view"
)

// GraphML returns the view as a GraphML document, for Gephi, yEd, Cytoscape
// desktop and networkx. Each concept is a node whose id is the concept id,
// with the attributes label (its name in opt.Lang, which Gephi shows),
// name_en, name_zh, category, summary_en, summary_zh, analogy_en,
// analogy_zh and aliases (joined with "; ", each ';' and '；' in an alias
// escaped with a backslash, as graph.JoinAliases writes them). Each relation is a directed
// edge with relation (the type's id), label_en, label_zh, why_en and
// why_zh. Empty values are left out. Nodes come in id order and edges in
// the order of the view; the same input always gives the same bytes.
//
// Text is written exactly as it is, escaped for XML, except for control
// characters and invalid UTF-8, which XML cannot hold: they become U+FFFD.
// GraphML types node ids as XML name tokens; ids with spaces or markup
// give a document that Gephi, yEd and networkx read but a schema
// validator rejects.
func GraphML(g *graph.Graph, v graph.View, opt Options) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
`)
	for _, k := range graphmlNodeKeys {
		b.WriteString(`  <key id="` + k + `" for="node" attr.name="` + k + `" attr.type="string"/>` + "\n")
	}
	for _, k := range graphmlEdgeKeys {
		b.WriteString(`  <key id="` + k + `" for="edge" attr.name="` + k + `" attr.type="string"/>` + "\n")
	}
	b.WriteString(`  <graph id="conceptmap" edgedefault="directed">` + "\n")
	data := func(key, val string) {
		if val != "" {
			b.WriteString(`      <data key="` + key + `">` + xmlText(val) + "</data>\n")
		}
	}
	for _, c := range view.Concepts(v) {
		b.WriteString(`    <node id="` + xmlText(c.ID) + `">` + "\n")
		data("label", c.Name.In(opt.Lang)) // both: "English (中文)"
		data("name_en", c.Name.En)
		data("name_zh", c.Name.Zh)
		data("category", c.Category)
		data("summary_en", c.Summary.En)
		data("summary_zh", c.Summary.Zh)
		data("analogy_en", c.Analogy.En)
		data("analogy_zh", c.Analogy.Zh)
		data("aliases", graph.JoinAliases(c.Aliases, "; "))
		b.WriteString("    </node>\n")
	}
	for i, e := range view.Edges(v) {
		rt := view.RelationOf(g, e.Relation)
		b.WriteString(`    <edge id="e` + strconv.Itoa(i) + `" source="` + xmlText(e.From) + `" target="` + xmlText(e.To) + `">` + "\n")
		data("relation", e.Relation)
		data("label_en", rt.Label.En)
		data("label_zh", rt.Label.Zh)
		data("why_en", e.Why.En)
		data("why_zh", e.Why.Zh)
		data("role", string(e.Role))
		data("reach", reachText(e.Reach))
		b.WriteString("    </edge>\n")
	}
	b.WriteString("  </graph>\n</graphml>\n")
	return b.Bytes()
}

// The GraphML attributes of nodes and of edges, in the order they are
// declared and written.
var (
	graphmlNodeKeys = []string{"label", "name_en", "name_zh", "category", "summary_en", "summary_zh", "analogy_en", "analogy_zh", "aliases"}
	graphmlEdgeKeys = []string{"relation", "label_en", "label_zh", "why_en", "why_zh", "role", "reach"}
)

// xmlText escapes s for XML text or a double-quoted attribute. Line
// breaks and tabs are written as character references, so that they
// survive in attributes too; control characters and invalid UTF-8 become
// U+FFFD.
func xmlText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&apos;")
		case r == '\n':
			b.WriteString("&#xA;")
		case r == '\r':
			b.WriteString("&#xD;")
		case r == '\t':
			b.WriteString("&#x9;")
		case r < 0x20, r == 0xFFFE, r == 0xFFFF: // invalid UTF-8 ranges as U+FFFD
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
