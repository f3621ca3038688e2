package graph

import (
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
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

	// 40 KB of brackets is refused with next to no memory.
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	l = Loader{}
	l.AddFile("deep.yaml", []byte(strings.Repeat("[", 40000)))
	if err := loadErr(t, &l); !strings.Contains(err, "nests more than 100 levels deep") {
		t.Errorf("40,000 brackets: %s", err)
	}
	runtime.ReadMemStats(&after)
	if mb := float64(after.TotalAlloc-before.TotalAlloc) / 1e6; mb > 20 {
		t.Errorf("40,000 brackets: %.0f MB allocated to refuse them", mb)
	}
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
		if name == "minified" && (last.pos.line != 1 || int(last.pos.col) != strings.LastIndex(string(data[:strings.Index(string(data), `"nodes"`)]), `"c9999"`)+1) {
			t.Errorf("minified: the last edge's target at %v", last.pos)
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

// A report quotes a window of a long line around the column, escapes what
// a terminal would act on, and shows a bounded number of problems a file.
func TestReportBounds(t *testing.T) {
	long := strings.Repeat("x", 1000)
	var rows strings.Builder
	rows.WriteString("from,relation,to\n")
	rows.WriteString("\x1b]0;owned\x07\x1b[31m,nonsense,b\n")
	for i := range 24 {
		fmt.Fprintf(&rows, "a%d,nonsense,b%d\n", i, i)
	}
	var l Loader
	l.DefaultVocabulary("vocab.yaml", []byte(vocab))
	l.AddFile("a.yaml", []byte("concepts:\n  - {id: a, name: A, summary: \""+long+"\", "+strings.Repeat("y", 2000)+": 2}\n"))
	l.AddFile("b.csv", []byte(rows.String()))
	got := loadErr(t, &l)
	golden(t, filepath.Join("testdata", "errors", "report_bounds.txt"), got)
	if strings.Contains(got, "\x1b") || strings.Contains(got, "\x07") {
		t.Errorf("the report carries raw escapes")
	}
	var le *LoadError
	if _, err := l.Load(); !errorsAs(err, &le) || len(le.Diags) != 27 || strings.Count(le.Report(0), "unknown relation type") != 25 {
		t.Errorf("the error holds every problem, and Report(0) shows them all")
	}
}

func TestExcerpt(t *testing.T) {
	for _, tc := range []struct {
		line      string
		col       int
		text, pad string
	}{
		{"short", 3, "short", "  "},
		{"a\tb", 3, "a\tb", " \t"},
		{"中文x", 3, "中文x", "    "},
		{"a\x1bb", 3, `a\x1bb`, "     "},
		{strings.Repeat("a", 100) + "^" + strings.Repeat("b", 300), 101, "…" + strings.Repeat("a", 80) + "^" + strings.Repeat("b", 79) + "…", strings.Repeat(" ", 81)},
		{strings.Repeat("a", 300), 0, strings.Repeat("a", 160) + "…", ""},
		{strings.Repeat("a", 300), 300, "…" + strings.Repeat("a", 160), strings.Repeat(" ", 160)},
	} {
		text, pad, _ := excerpt(tc.line, tc.col)
		if text != tc.text || pad != tc.pad {
			t.Errorf("excerpt(%.20q, %d) = %q, %q; want %q, %q", tc.line, tc.col, text, pad, tc.text, tc.pad)
		}
	}
}

func TestPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"plain 中文\ttab\nline":  "plain 中文\ttab\nline",
		"\x1b[31mred":          `\x1b[31mred`,
		"\x1b]8;;http://x\x07": `\x1b]8;;http://x\x07`,
		"\u009b31m":            `\x9b31m`,
		"abc\u202edef":         `abc\u202edef`,
		"bad\xffbyte\r":        `bad\xffbyte\x0d`,
	} {
		if got := Printable(in); got != want {
			t.Errorf("Printable(%q) = %q, want %q", in, got, want)
		}
	}
}

func errorsAs(err error, le **LoadError) bool { return errors.As(err, le) }
