package render

import (
	"bytes"
	"context"
	"encoding/json"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/conceptmap/conceptmap/data"
	"github.com/conceptmap/conceptmap/graph"
)

// fuzzSeeds are texts that escaping has to get right in some format:
// quotes of every kind, markup, backslashes, line breaks, spreadsheet
// formulas, Markdown and wiki-link syntax, Chinese and beyond the Basic
// Multilingual Plane.
var fuzzSeeds = [][5]string{
	{"a", "Attention", "注意力", "weights are a softmax", "attn"},
	{`evil"<id>&amp;\`, `<b>"quoted" & 'single'</b>`, "“引号”", `why "quoted" <b> & \E`, `C\;D`},
	{"a b", "=HYPERLINK(\"x\")", "+1", "-2\n@3", "@x"},
	{"x`y", "[[Link|alias]] #tag", "a]]b", "line\nbreak\n\nand ``` fence ```", "a;b；c"},
	{"é", "}{ -> -- %% ;", "&#20998; &lt;", "\\' \\\\' ''", "\U0001F600 emoji"},
	{"id:1", "---", "", "MATCH (n) DETACH DELETE n; //", "<!-- -->"},
}

// fuzzGraph loads a graph of two concepts, id and "b", from the given
// texts: id's names, its summary, alias and the reason of its relation
// to b, and the name of their category. It returns nil when the loader
// rejects the texts (control characters, an empty id, …), which is its
// own business (graph's FuzzLoad), and for text with a carriage return,
// which CSV cannot carry: encoding/csv reads a quoted CR LF as LF.
func fuzzGraph(id, en, zh, text, alias string) *graph.Graph {
	if strings.Contains(id+en+zh+text+alias, "\r") {
		return nil
	}
	doc := map[string]any{
		"categories": []any{map[string]any{"id": "c", "name": map[string]string{"en": text, "zh": zh}}},
		"nodes": []any{
			map[string]any{"id": id, "names": map[string]string{"en": en, "zh": zh}, "category": "c",
				"summary": map[string]string{"en": text, "zh": text}, "aliases": []string{alias},
				"analogy": map[string]string{"en": text}},
			map[string]any{"id": "b", "names": map[string]string{"en": "B"}, "category": "c"},
		},
		"edges": []any{map[string]any{"from": id, "relation": "requires", "to": "b", "why": map[string]string{"en": text, "zh": zh}}},
	}
	b, err := json.Marshal(doc)
	if err != nil {
		return nil
	}
	var l graph.Loader
	l.DefaultVocabulary("relations.yaml", data.Vocabulary)
	l.AddFile("fuzz.json", b)
	g, err := l.Load()
	if err != nil {
		return nil
	}
	return g
}

// FuzzExports checks every export's escaping as a property: whatever text
// the loader accepts, JSON, CSV and Obsidian load back as the same graph,
// GraphML is XML that reads back as the graph, the Cypher script's string
// literals unquote to the texts, and the DOT is read by Graphviz, whose
// SVG is XML.
func FuzzExports(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s[0], s[1], s[2], s[3], s[4])
	}
	f.Fuzz(func(t *testing.T, id, en, zh, text, alias string) {
		g := fuzzGraph(id, en, zh, text, alias)
		if g == nil {
			return
		}
		v := g.All()
		loadsBack(t, "fuzz", g, data.Vocabulary)

		files := Obsidian(g, v, Options{})
		var l graph.Loader
		if err := l.AddFS(vaultFS(files), "vault", "vault"); err != nil {
			t.Fatal(err)
		}
		if got, err := l.Load(); err != nil {
			t.Errorf("the vault does not load: %v", err)
		} else {
			sameGraph(t, "Obsidian", g, got, false)
		}

		for _, lang := range []graph.Lang{graph.En, graph.Zh, graph.Both} {
			opt := Options{Look: Look{Lang: lang}}
			compareGraphML(t, "GraphML "+string(lang), readGraphML(t, GraphML(g, v, opt)), wantGraphML(g, v, lang), true)
		}

		stmts, _, err := scanCypher(string(Cypher(g, v)))
		if err != nil {
			t.Fatalf("the Cypher script does not scan: %v", err)
		}
		var lits []string
		for _, st := range stmts {
			lits = append(lits, st.literals...)
		}
		for _, c := range v.Concepts {
			for _, s := range append([]string{c.ID, c.Name.En, c.Name.Zh, c.Summary.En, c.Analogy.En}, c.Aliases...) {
				if !slices.Contains(lits, s) {
					t.Errorf("Cypher: no literal reads %q; literals %q", s, lits)
				}
			}
		}
		for _, e := range v.Edges {
			if !slices.Contains(lits, e.Why.En) || !slices.Contains(lits, e.Why.Zh) {
				t.Errorf("Cypher: the reason %q is not a literal; literals %q", e.Why, lits)
			}
		}
	})
}

// FuzzDOT checks that Graphviz reads the DOT of any graph the loader
// accepts, in every language, and that its SVG is XML. TestFuzzSeedsNative
// has native dot read the seeds' DOT.
func FuzzDOT(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s[0], s[1], s[2], s[3], s[4])
	}
	f.Fuzz(func(t *testing.T, id, en, zh, text, alias string) {
		g := fuzzGraph(id, en, zh, text, alias)
		if g == nil {
			return
		}
		opt := Options{Look: Look{Lang: graph.Both}, Page: Page{Title: text}}
		svg, err := SVG(context.Background(), g, g.All(), opt)
		if err != nil {
			t.Fatalf("Graphviz does not take the map: %v", err)
		}
		checkXML(t, svg)
	})
}

// TestFuzzSeedsNative has native dot read the DOT of the fuzz seeds, in
// every language, without an error or a warning.
func TestFuzzSeedsNative(t *testing.T) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		missing(t, "native dot not found; apt-get install graphviz (.ci/run does)")
	}
	for _, s := range fuzzSeeds {
		g := fuzzGraph(s[0], s[1], s[2], s[3], s[4])
		if g == nil {
			t.Errorf("seed %q does not load", s)
			continue
		}
		for _, lang := range []graph.Lang{graph.En, graph.Zh, graph.Both} {
			var stdout, stderr bytes.Buffer
			cmd := exec.Command(dot, "-Tsvg")
			cmd.Stdin = bytes.NewReader(DOT(g, g.All(), Options{Look: Look{Lang: lang}, Page: Page{Title: s[3]}}))
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil || stderr.Len() > 0 {
				t.Errorf("seed %q %s: dot: %v\n%s", s[0], lang, err, stderr.String())
			}
			checkXML(t, stdout.Bytes())
		}
	}
}
