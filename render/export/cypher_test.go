package export

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/internal/rendertest"
)

// There is no Neo4j here, so the Cypher export is checked by reading it
// back as Cypher does: a scanner that splits the script into statements at
// semicolons outside literals, reads every single-quoted literal with
// Cypher's escapes, and rejects anything the export never writes (block
// comments, double-quoted strings, unknown escapes, raw line breaks in a
// literal). Each statement, with its literals replaced by ?, must match
// one of three shapes, and its literals must be exactly the data.

// cypherStmt is one statement: its text with each literal replaced by ?,
// the literals in order, and its backtick-quoted names.
type cypherStmt struct {
	skeleton string
	literals []string
}

// scanCypher splits a script into statements and collects its comments.
func scanCypher(src string) (stmts []cypherStmt, comments []string, err error) {
	var cur cypherStmt
	var skel strings.Builder
	lineStart := true
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case strings.HasPrefix(src[i:], "//"):
			if !lineStart {
				return nil, nil, fmt.Errorf("offset %d: comment after code", i)
			}
			end := strings.IndexByte(src[i:], '\n')
			if end < 0 {
				end = len(src) - i
			}
			comments = append(comments, src[i:i+end])
			i += end
		case strings.HasPrefix(src[i:], "/*"):
			return nil, nil, fmt.Errorf("offset %d: block comment", i)
		case c == '"':
			return nil, nil, fmt.Errorf("offset %d: double-quoted string", i)
		case c == '\'':
			lit, n, err := unquoteCypher(src[i:])
			if err != nil {
				return nil, nil, fmt.Errorf("offset %d: %v", i, err)
			}
			cur.literals = append(cur.literals, lit)
			skel.WriteByte('?')
			i += n
		case c == '`':
			n := 1
			for {
				j := strings.IndexByte(src[i+n:], '`')
				if j < 0 {
					return nil, nil, fmt.Errorf("offset %d: unterminated name", i)
				}
				n += j + 1
				if !strings.HasPrefix(src[i+n:], "`") {
					break
				}
				n++ // a doubled backtick
			}
			skel.WriteString(src[i : i+n])
			i += n
		case c == ';':
			cur.skeleton = strings.TrimSpace(skel.String())
			stmts = append(stmts, cur)
			cur, skel = cypherStmt{}, strings.Builder{}
			i++
		default:
			if c >= utf8.RuneSelf {
				return nil, nil, fmt.Errorf("offset %d: non-ASCII text outside a literal", i)
			}
			skel.WriteByte(c)
			i++
		}
		lineStart = i > 0 && src[i-1] == '\n'
	}
	if rest := strings.TrimSpace(skel.String()); rest != "" {
		return nil, nil, fmt.Errorf("text after the last statement: %q", rest)
	}
	return stmts, comments, nil
}

// unquoteCypher reads the single-quoted literal at the start of s, as
// Cypher does, and returns its value and its length in s.
func unquoteCypher(s string) (string, int, error) {
	var b strings.Builder
	for i := 1; i < len(s); {
		c := s[i]
		switch c {
		case '\'':
			return b.String(), i + 1, nil
		case '\n', '\r':
			return "", 0, fmt.Errorf("line break in a literal")
		case '\\':
			if i+1 >= len(s) {
				return "", 0, fmt.Errorf("unterminated escape")
			}
			e := s[i+1]
			i += 2
			switch e {
			case '\\', '\'', '"':
				b.WriteByte(e)
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'u', 'U':
				n := 4
				if e == 'U' {
					n = 8
				}
				if i+n > len(s) {
					return "", 0, fmt.Errorf("short \\%c escape", e)
				}
				r, err := strconv.ParseUint(s[i:i+n], 16, 32)
				if err != nil {
					return "", 0, fmt.Errorf("bad \\%c escape %q", e, s[i:i+n])
				}
				b.WriteRune(rune(r))
				i += n
			default:
				return "", 0, fmt.Errorf("unknown escape \\%c", e)
			}
		default:
			b.WriteByte(c)
			i++
		}
	}
	return "", 0, fmt.Errorf("unterminated literal")
}

var (
	cypherConstraint = `CREATE CONSTRAINT concept_id IF NOT EXISTS FOR (c:Concept) REQUIRE c.id IS UNIQUE`
	cypherMerge      = regexp.MustCompile(`^MERGE \(c:Concept \{id: \?\}\) SET c\.name_en = \?, c\.name_zh = \?, c\.category = \?, c\.summary_en = \?, c\.summary_zh = \?, c\.analogy_en = \?, c\.analogy_zh = \?, c\.aliases = \[((\?, )*\?)?\]$`)
	cypherRel        = regexp.MustCompile("^MATCH \\(a:Concept \\{id: \\?\\}\\), \\(b:Concept \\{id: \\?\\}\\) MERGE \\(a\\)-\\[r:([A-Z_][A-Z0-9_]*|`(?:[^`]|``)+`)\\]->\\(b\\) SET r\\.relation = \\?, r\\.why_en = \\?, r\\.why_zh = \\?$")
)

func TestCypherRoundTrip(t *testing.T) {
	for _, eg := range exportGraphs(t) {
		t.Run(eg.name, func(t *testing.T) {
			g := eg.g
			v := g.All()
			script := string(Cypher(g, v))
			stmts, comments, err := scanCypher(script)
			if err != nil {
				t.Fatalf("the script does not scan: %v\n%s", err, script)
			}
			want := fmt.Sprintf("// conceptmap export: %s, %s. Run with: cypher-shell -f FILE", graph.Plural(len(v.Concepts), "concept"), graph.Plural(len(v.Edges), "relation"))
			if !slices.Equal(comments, []string{want}) {
				t.Errorf("comments %q, want only %q", comments, want)
			}
			if len(stmts) != 1+len(v.Concepts)+len(v.Edges) {
				t.Fatalf("%d statements, want %d", len(stmts), 1+len(v.Concepts)+len(v.Edges))
			}
			if stmts[0].skeleton != cypherConstraint || len(stmts[0].literals) != 0 {
				t.Errorf("first statement %q", stmts[0].skeleton)
			}
			for i, c := range v.Concepts {
				st := stmts[1+i]
				if !cypherMerge.MatchString(st.skeleton) {
					t.Errorf("concept %q: statement %q", c.ID, st.skeleton)
					continue
				}
				want := append([]string{c.ID, c.Name.En, c.Name.Zh, c.Category, c.Summary.En, c.Summary.Zh, c.Analogy.En, c.Analogy.Zh}, c.Aliases...)
				if !slices.Equal(st.literals, want) {
					t.Errorf("concept %q: literals\n got %q\nwant %q", c.ID, st.literals, want)
				}
			}
			for i, e := range v.Edges {
				st := stmts[1+len(v.Concepts)+i]
				m := cypherRel.FindStringSubmatch(st.skeleton)
				if m == nil {
					t.Errorf("edge %d: statement %q", i, st.skeleton)
					continue
				}
				if typ := strings.Trim(m[1], "`"); typ != strings.ToUpper(e.Relation) {
					t.Errorf("edge %d: type %s, want %s", i, m[1], strings.ToUpper(e.Relation))
				}
				want := []string{e.From, e.To, e.Relation, e.Why.En, e.Why.Zh}
				if !slices.Equal(st.literals, want) {
					t.Errorf("edge %d: literals\n got %q\nwant %q", i, st.literals, want)
				}
			}
		})
	}
}

func TestCypherString(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain", `'plain'`},
		{"it's", `'it\'s'`},
		{`say "hi"`, `'say "hi"'`},
		{`back\slash\`, `'back\\slash\\'`},
		{"two\nlines\r\n", `'two\nlines\r\n'`},
		{"tab\there", `'tab\there'`},
		{"bell\a nul\x00 esc\x1b del\x7f", `'bell\u0007 nul\u0000 esc\u001B del\u007F'`},
		{"c1\u0085 ls\u2028 ps\u2029", `'c1\u0085 ls\u2028 ps\u2029'`},
		{"*/ // /* `x` ;", "'*/ // /* `x` ;'"},
		{"中文 🙂", `'中文 🙂'`},
		{"bad\xffutf8", "'bad\uFFFDutf8'"},
	} {
		got := cypherString(tc.in)
		if got != tc.want {
			t.Errorf("cypherString(%q) = %s, want %s", tc.in, got, tc.want)
		}
		back, n, err := unquoteCypher(got)
		if err != nil || n != len(got) || back != strings.ToValidUTF8(tc.in, "\uFFFD") {
			t.Errorf("unquoteCypher(%s) = %q, %d, %v", got, back, n, err)
		}
	}
}

func TestCypherType(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"requires", "REQUIRES"},
		{"part_of", "PART_OF"},
		{"is_a2", "IS_A2"},
		{"match", "`MATCH`"},
		{"end", "`END`"},
		{"set", "`SET`"},
		{"has space", "`HAS SPACE`"},
		{"back`tick", "`BACK``TICK`"},
		{"2x", "`2X`"},
	} {
		if got := cypherType(tc.in); got != tc.want {
			t.Errorf("cypherType(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

// TestCypherHostileLeaksNothing checks the hostile graph's script for the
// texts that would end a literal or a statement early, or start a
// comment, outside a literal: the scan above would fail on them, and here
// each hostile text is also found whole inside some literal.
func TestCypherHostileLeaksNothing(t *testing.T) {
	g := rendertest.Load(t, "../testdata/hostile.yaml")
	stmts, _, err := scanCypher(string(Cypher(g, g.All())))
	if err != nil {
		t.Fatal(err)
	}
	var lits []string
	for _, st := range stmts {
		lits = append(lits, st.literals...)
		for _, bad := range []string{"*/", "//", "DROP", "DELETE", "DETACH"} {
			if strings.Contains(st.skeleton, bad) {
				t.Errorf("%q outside a literal in %q", bad, st.skeleton)
			}
		}
	}
	for _, c := range g.Concepts() {
		for _, s := range []string{c.ID, c.Name.En, c.Name.Zh, c.Summary.En, c.Analogy.En} {
			if s != "" && !slices.Contains(lits, s) {
				t.Errorf("%q is not a literal of the script", s)
			}
		}
	}
}
