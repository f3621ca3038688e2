package graph

import (
	"bytes"
	"encoding/json"
	"strings"
)

// SchemaURL is where the JSON Schema of the data format is published, for
// editors that fetch it: the copy in the repository, docs/conceptmap.schema.json.
const SchemaURL = "https://raw.githubusercontent.com/conceptmap/conceptmap/main/docs/conceptmap.schema.json"

// JSONSchema returns a JSON Schema (draft 2020-12) of the YAML and JSON
// data files, for editors: YAML files with the line
//
//	# yaml-language-server: $schema=conceptmap.schema.json
//
// get completion and checks as they are typed. It is made from the field
// lists that the loader reads with, so it names exactly the fields the
// loader knows; each field's description is in fieldDocs. The loader
// checks more than a schema can (unknown concepts, cycles), and accepts
// any scalar where a string is meant, as YAML reads 2305.13245 as a
// number.
func JSONSchema() []byte {
	b, _ := buildSchema()
	return b
}

// buildSchema returns the schema and the fieldDocs entries it used.
func buildSchema() ([]byte, map[string]bool) {
	s := schemaBuilder{used: map[string]bool{}}
	relation := s.object("relation type", relationFields, []string{"id", "label", "first"})
	style := s.object("style", styleFields, nil)
	style["description"] = fieldDocs["relation type.style"].doc
	relation["properties"].(obj)["style"] = style
	defs := obj{
		"scalar":       obj{"type": []string{"string", "number", "boolean", "null"}},
		"text":         s.text(),
		"relationType": relation,
		"category":     s.object("category", categoryFields, []string{"id"}),
		"ref":          s.object("ref", refFields, []string{"title"}),
		"relation":     s.object("relation", edgeFields, []string{"relation", "to"}),
		"edge":         s.object("edge", topEdgeFields, []string{"from", "relation", "to"}),
		"concept":      s.object("concept", yamlSchema.concept, []string{"id", "name"}),
		"node":         s.object("node", jsonSchema.concept, []string{"id", "names"}),
		"dataFile":     s.object("data file", yamlSchema.top, nil),
		"export":       s.object("export", jsonSchema.top, []string{"format", "version"}),
	}
	doc := obj{
		"$schema":     "https://json-schema.org/draft/2020-12/schema",
		"$id":         SchemaURL,
		"title":       "conceptmap data file",
		"description": "A conceptmap data file: YAML with any of relations, categories, concepts and edges, or the JSON document that 'conceptmap export --format json' writes.",
		"anyOf":       []obj{{"$ref": "#/$defs/dataFile"}, {"$ref": "#/$defs/export"}},
		"$defs":       defs,
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(doc) // maps of strings and lists always encode
	return b.Bytes(), s.used
}

type obj = map[string]any

type schemaBuilder struct {
	used map[string]bool // the fieldDocs entries used
}

// object is the schema of a mapping of the given fields, no others.
func (s schemaBuilder) object(kind string, fields, required []string) obj {
	props := obj{}
	for _, f := range fields {
		key := kind + "." + f
		d, ok := fieldDocs[key]
		if !ok {
			panic("graph: fieldDocs has no entry " + key) // TestSchemaInStep fails first
		}
		s.used[key] = true
		p := obj{"description": d.doc}
		for k, v := range d.schema {
			p[k] = v
		}
		props[f] = p
	}
	o := obj{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		o["required"] = required
	}
	return o
}

// text is a Text: a string (English) or {en, zh}.
func (s schemaBuilder) text() obj {
	langs := obj{}
	for _, f := range textFields {
		langs[f] = obj{"$ref": "#/$defs/scalar", "description": map[string]string{"en": "in English", "zh": "in Chinese"}[f]}
	}
	return obj{"anyOf": []obj{
		{"$ref": "#/$defs/scalar"},
		{"type": "object", "properties": langs, "additionalProperties": false},
	}}
}

// fieldDoc is what the schema says of one field.
type fieldDoc struct {
	doc    string
	schema obj
}

func ref(name string) obj              { return obj{"$ref": "#/$defs/" + name} }
func listOf(name string) obj           { return obj{"type": []string{"array", "null"}, "items": ref(name)} }
func enumOf(vals []string) obj         { return obj{"enum": vals} }
func pattern(p string) obj             { return obj{"type": "string", "pattern": p} }
func scalarList() obj                  { return obj{"type": []string{"array", "null"}, "items": ref("scalar")} }
func constant(v any) obj               { return obj{"const": v} }
func withDoc(d string, s obj) fieldDoc { return fieldDoc{d, s} }

// fieldDocs describes every field the loader reads, keyed by the kind of
// mapping and the field: "concept.summary".
var fieldDocs = map[string]fieldDoc{
	"data file.relations":  withDoc("The relation vocabulary. When no file declares one, the bundled vocabulary is used.", listOf("relationType")),
	"data file.categories": withDoc("Categories, in the order plans learn them among equals.", listOf("category")),
	"data file.concepts":   withDoc("The concepts.", listOf("concept")),
	"data file.edges":      withDoc("Relations kept apart from their concepts.", listOf("edge")),

	"export.format":     withDoc(`Always "conceptmap".`, constant("conceptmap")),
	"export.version":    withDoc("The version of the document: 1.", obj{"enum": []any{1, "1"}}),
	"export.relations":  withDoc("The relation vocabulary.", listOf("relationType")),
	"export.categories": withDoc("Categories, in order.", listOf("category")),
	"export.nodes":      withDoc("The concepts, in the shape of 'show --json'.", listOf("node")),
	"export.edges":      withDoc("The relations; they are the truth, and a node's out and in repeat them.", listOf("edge")),

	"relation type.id":      withDoc("The relation type's id, snake_case: improves_on.", pattern(relIDPattern.String())),
	"relation type.label":   withDoc("Read from source to target: {en: improves on, zh: 改进自}.", ref("text")),
	"relation type.inverse": withDoc("Read from target to source: {en: is improved by, zh: 被改进为}.", ref("text")),
	"relation type.first":   withDoc("Which end is learned first: source, target or none.", enumOf(orders)),
	"relation type.role":    withDoc("What the end learned first is to a learner of the other: prerequisite (required), background (worth a look) or none. Default: prerequisite, or none for first: none.", enumOf(roles)),
	"relation type.reach":   withDoc("How many links from a plan's targets the relation still pulls: 1 or more, or all (the default).", reachSchema()),
	"relation type.style":   withDoc("How maps draw the relation.", nil),
	"style.color":           withDoc(`A colour: #rrggbb or a CSS colour name such as steelblue.`, ref("scalar")),
	"style.line":            withDoc("The line: "+strings.Join(LineStyles, ", ")+".", enumOf(LineStyles)),
	"style.arrow":           withDoc("A Graphviz arrowhead: normal, vee, empty, diamond, odot, none…", pattern(arrowPattern.String())),

	"category.id":   withDoc("The category's id, which concepts name.", ref("scalar")),
	"category.name": withDoc("The category's name.", ref("text")),

	"ref.title": withDoc("The title of the paper or page.", ref("scalar")),
	"ref.arxiv": withDoc(`An arXiv id, quoted: "2305.13245".`, ref("scalar")),
	"ref.url":   withDoc("A link.", ref("scalar")),

	"relation.relation": withDoc("The relation type's id.", ref("scalar")),
	"relation.to":       withDoc("The target concept: an id, a name or an alias.", ref("scalar")),
	"relation.why":      withDoc("Why the relation holds, in a sentence.", ref("text")),
	"relation.role":     withDoc("This relation's own role, overriding its type's: prerequisite, background or none.", enumOf(roles)),
	"relation.reach":    withDoc("This relation's own reach, overriding its type's: 1 or more, or all.", reachSchema()),
	"edge.from":         withDoc("The source concept: an id, a name or an alias.", ref("scalar")),
	"edge.relation":     withDoc("The relation type's id.", ref("scalar")),
	"edge.to":           withDoc("The target concept: an id, a name or an alias.", ref("scalar")),
	"edge.why":          withDoc("Why the relation holds, in a sentence.", ref("text")),
	"edge.role":         withDoc("This relation's own role, overriding its type's: prerequisite, background or none.", enumOf(roles)),
	"edge.reach":        withDoc("This relation's own reach, overriding its type's: 1 or more, or all.", reachSchema()),

	"concept.id":        withDoc("A short unique id, such as gqa; no commas.", ref("scalar")),
	"concept.name":      withDoc("The concept's name: {en: Grouped-Query Attention, zh: 分组查询注意力}.", ref("text")),
	"concept.aliases":   withDoc("Other names, such as abbreviations: [GQA].", scalarList()),
	"concept.category":  withDoc("The category's id.", ref("scalar")),
	"concept.summary":   withDoc("What the concept is, in a sentence or two.", ref("text")),
	"concept.analogy":   withDoc("An everyday picture of it.", ref("text")),
	"concept.refs":      withDoc("Papers and pages about it.", listOf("ref")),
	"concept.relations": withDoc("Its relations to other concepts.", listOf("relation")),

	"node.id":       withDoc("The concept's id.", ref("scalar")),
	"node.names":    withDoc("The concept's names.", ref("text")),
	"node.aliases":  withDoc("Other names.", scalarList()),
	"node.category": withDoc("The category's id.", ref("scalar")),
	"node.summary":  withDoc("What the concept is.", ref("text")),
	"node.analogy":  withDoc("An everyday picture of it.", ref("text")),
	"node.refs":     withDoc("Papers and pages about it.", listOf("ref")),
	"node.out":      withDoc("Its relations out, as the edges repeat them; not read.", nil),
	"node.in":       withDoc("Its relations in, as the edges repeat them; not read.", nil),
}

// reachSchema accepts a reach: a whole number of links, 1 or more, as a
// number or a string, or "all".
func reachSchema() obj {
	return obj{"anyOf": []obj{{"type": "integer", "minimum": 1}, {"type": "string", "pattern": "^([1-9][0-9]*|all)$"}}}
}
