package graph

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// Nesting beyond any data file's needs is refused before the YAML parser,
// which recurses once per level, sees it.
func TestYAMLDepth(t *testing.T) {
	deepIndent := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(strings.Repeat(" ", i) + "a:\n")
		}
		return b.String()
	}
	for _, tc := range []struct {
		name, src string
		line, col int // 0: not too deep
	}{
		{"flow", strings.Repeat("[", 40000) + strings.Repeat("]", 40000), 1, 100},
		{"flow maps", "concepts: " + strings.Repeat("{a: ", 200), 1, 11 + 99*4},
		{"dashes", strings.Repeat("- ", 200) + "x", 1, 199},
		{"indentation", deepIndent(150), 101, 101},
		{"mixed", "concepts:\n  - id: a\n    refs: " + strings.Repeat("[", 98), 3, 11 + 97},
		{"anchors and tags", "a: &x !!seq " + strings.Repeat("[", 100), 1, 13 + 99},
		{"just under", "a: " + strings.Repeat("[", 99) + strings.Repeat("]", 99), 0, 0},
		{"brackets in text", "a: \"" + strings.Repeat("[", 500) + "\"\nb: '" + strings.Repeat("{", 500) + "'\nc: x" + strings.Repeat("[", 500) + "\n# " + strings.Repeat("[", 500) + "\nd: |\n  " + strings.Repeat("[", 500) + "\n   " + strings.Repeat("{", 500) + "\ne: [don't, " + strings.Repeat("[", 90) + "\n", 0, 0},
		{"quoted over lines", "a: \"x\n  " + strings.Repeat("[", 500) + "\"\nb: " + strings.Repeat("[", 150), 3, 103},
	} {
		line, col, deep := yamlTooDeep([]byte(tc.src), maxYAMLDepth)
		if !deep {
			line, col = 0, 0
		}
		if line != tc.line || col != tc.col {
			t.Errorf("%s: too deep at %d:%d, want %d:%d", tc.name, line, col, tc.line, tc.col)
		}
	}
	// The bundled style of data is far from the limit.
	if _, _, deep := yamlTooDeep([]byte(vocab+"concepts:\n  - id: a\n    name: {en: A}\n    refs:\n      - {title: T, url: \"http://x\"}\n    relations:\n      - {relation: requires, to: b}\n"), 8); deep {
		t.Errorf("ordinary data counted deeper than 8")
	}
	var l Loader
	l.AddFile("deep.yaml", []byte("concepts:\n  - id: a\n    name: "+strings.Repeat("{a: ", 40000)))
	golden(t, filepath.Join("testdata", "errors", "yaml_deep.txt"), loadErr(t, &l))
}

// A byte-order mark at the start of a YAML or JSON file is skipped.
func TestByteOrderMark(t *testing.T) {
	var l Loader
	l.AddFile("a.yaml", []byte("\ufeff"+vocab+"concepts:\n  - {id: a, name: A}\n"))
	l.AddFile("b.json", []byte("\ufeff"+`{"nodes": [{"id": "b", "names": {"en": "B"}}], "edges": [{"from": "b", "relation": "requires", "to": "a"}]}`))
	g, err := l.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Concepts()) != 2 || len(g.Edges()) != 1 {
		t.Errorf("%d concepts, %d relations; want 2 and 1", len(g.Concepts()), len(g.Edges()))
	}
}

// Positions in JSON are counted on from the last token, not from the
// start of the line: a minified file of 20,000 concepts, all on one line
// of about 2 MB, is read with each byte counted about once, as an
// indented one is. Counting from the line start would count about 20
// billion bytes.
func TestJSONPositionsLinear(t *testing.T) {
	doc := map[string]any{"format": "conceptmap", "version": "1"}
	var nodes, edges []map[string]any
	for i := range 20000 {
		nodes = append(nodes, map[string]any{"id": fmt.Sprintf("c%d", i), "names": map[string]string{"en": fmt.Sprintf("Concept %d", i), "zh": fmt.Sprintf("概念%d", i)}})
		if i > 0 {
			edges = append(edges, map[string]any{"from": fmt.Sprintf("c%d", i), "relation": "requires", "to": fmt.Sprintf("c%d", i/2)})
		}
	}
	doc["nodes"], doc["edges"] = nodes, edges
	minified, _ := json.Marshal(doc)
	indented, _ := json.MarshalIndent(doc, "", "  ")
	for name, data := range map[string][]byte{"minified": minified, "indented": indented} {
		p := newJSONTree(name, data)
		n, err := p.value(0)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if p.ps.counted > int64(len(data)) {
			t.Errorf("%s: %d bytes counted for positions in a file of %d", name, p.ps.counted, len(data))
		}
		last := n.keys[0].val.items[19998].keys[2].val // edges come first: keys are sorted
		if name == "minified" && (last.pos.Line != 1 || last.pos.Col != strings.LastIndex(string(data[:strings.Index(string(data), `"nodes"`)]), `"c9999"`)+1) {
			t.Errorf("minified: the last edge's target at %s", last.pos)
		}
	}
	// The whole load of the minified file succeeds.
	var l Loader
	l.DefaultVocabulary("vocab.yaml", []byte(vocab))
	l.AddFile("min.json", minified)
	if g, err := l.Load(); err != nil || len(g.Concepts()) != 20000 {
		t.Fatalf("minified load: %v", err)
	}
}
