package export

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/internal/view"
)

// Cypher returns the view as a Cypher script for Neo4j (cypher-shell -f
// FILE, or the Browser): a uniqueness constraint on :Concept(id), one
// MERGE per concept that sets its properties (name_en, name_zh, category,
// summary_en, summary_zh, analogy_en, analogy_zh, and aliases as a list),
// and one MERGE per relation, of the relationship type named by the
// vocabulary id in upper case (improves_on: IMPROVES_ON), that sets
// relation, why_en and why_zh. Running it twice changes nothing.
//
// Every text is a single-quoted string literal, escaped so that it reads
// back exactly: backslash, quote, line breaks and tabs as \\, \', \n, \r
// and \t, other control characters as \uXXXX; invalid UTF-8 becomes
// U+FFFD. No text from the data goes into a comment or an identifier but
// relationship types, which are quoted with backticks where needed.
func Cypher(g *graph.Graph, v graph.View) []byte {
	cs := view.Concepts(v)
	es := view.Edges(v)
	var b bytes.Buffer
	fmt.Fprintf(&b, "// conceptmap export: %s, %s. Run with: cypher-shell -f FILE\n", graph.Plural(len(cs), "concept"), graph.Plural(len(es), "relation"))
	b.WriteString("CREATE CONSTRAINT concept_id IF NOT EXISTS FOR (c:Concept) REQUIRE c.id IS UNIQUE;\n")
	for _, c := range cs {
		b.WriteString("MERGE (c:Concept {id: " + cypherString(c.ID) + "}) SET")
		for i, p := range []struct{ k, v string }{
			{"name_en", c.Name.En}, {"name_zh", c.Name.Zh}, {"category", c.Category},
			{"summary_en", c.Summary.En}, {"summary_zh", c.Summary.Zh},
			{"analogy_en", c.Analogy.En}, {"analogy_zh", c.Analogy.Zh},
		} {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(" c." + p.k + " = " + cypherString(p.v))
		}
		b.WriteString(", c.aliases = [")
		for i, a := range c.Aliases {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(cypherString(a))
		}
		b.WriteString("];\n")
	}
	for _, e := range es {
		b.WriteString("MATCH (a:Concept {id: " + cypherString(e.From) + "}), (b:Concept {id: " + cypherString(e.To) + "}) ")
		b.WriteString("MERGE (a)-[r:" + cypherType(e.Relation) + "]->(b) ")
		b.WriteString("SET r.relation = " + cypherString(e.Relation) + ", r.why_en = " + cypherString(e.Why.En) + ", r.why_zh = " + cypherString(e.Why.Zh) + ";\n")
	}
	return b.Bytes()
}

// cypherString returns s as a single-quoted Cypher string literal.
func cypherString(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('\'')
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\'':
			b.WriteString(`\'`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r == '\u2028' || r == '\u2029':
			fmt.Fprintf(&b, `\u%04X`, r)
		default: // invalid UTF-8 ranges as U+FFFD
			b.WriteRune(r)
		}
	}
	b.WriteByte('\'')
	return b.String()
}

var cypherName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// cypherKeywords are the words Cypher reserves, in upper case; a
// relationship type that is one is quoted.
var cypherKeywords = map[string]bool{}

func init() {
	for _, k := range strings.Fields(`ALL AND ANY AS ASC ASCENDING BY CALL CASE COLLECT CONSTRAINT
		CONTAINS COUNT CREATE CSV DELETE DESC DESCENDING DETACH DISTINCT DO DROP ELSE END ENDS
		EXISTS EXTRACT FALSE FILTER FOR FOREACH FROM IN INDEX IS LIMIT LOAD MANDATORY MATCH MERGE
		NODE NONE NOT NULL OF ON OPTIONAL OR ORDER REMOVE REQUIRE RETURN SCALAR SET SINGLE SKIP
		STARTS THEN TRUE UNION UNIQUE UNWIND USE WHEN WHERE WITH XOR YIELD`) {
		cypherKeywords[k] = true
	}
}

// cypherType returns the relationship type for a relation id: the id in
// upper case, quoted with backticks unless it is a plain name that Cypher
// does not reserve.
func cypherType(id string) string {
	t := strings.ToUpper(strings.ToValidUTF8(id, string(utf8.RuneError)))
	if cypherName.MatchString(t) && !cypherKeywords[t] {
		return t
	}
	return "`" + strings.ReplaceAll(t, "`", "``") + "`"
}
