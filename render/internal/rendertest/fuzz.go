package rendertest

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/conceptmap/conceptmap/data"
	"github.com/conceptmap/conceptmap/graph"
)

// FuzzSeeds are texts that escaping has to get right in some format:
// quotes of every kind, markup, backslashes, line breaks, spreadsheet
// formulas, Markdown and wiki-link syntax, Chinese and beyond the Basic
// Multilingual Plane.
var FuzzSeeds = [][5]string{
	{"a", "Attention", "注意力", "weights are a softmax", "attn"},
	{`evil"<id>&amp;\`, `<b>"quoted" & 'single'</b>`, "“引号”", `why "quoted" <b> & \E`, `C\;D`},
	{"a b", "=HYPERLINK(\"x\")", "+1", "-2\n@3", "@x"},
	{"x`y", "[[Link|alias]] #tag", "a]]b", "line\nbreak\n\nand ``` fence ```", "a;b；c"},
	{"é", "}{ -> -- %% ;", "&#20998; &lt;", "\\' \\\\' ''", "\U0001F600 emoji"},
	{"id:1", "---", "", "MATCH (n) DETACH DELETE n; //", "<!-- -->"},
}

// FuzzGraph loads a graph of two concepts, id and "b", from the given
// texts: id's names, its summary, alias and the reason of its relation
// to b, and the name of their category. It returns nil when the loader
// rejects the texts (control characters, an empty id, …), which is its
// own business (graph's FuzzLoad), and for text with a carriage return,
// which CSV cannot carry: encoding/csv reads a quoted CR LF as LF.
func FuzzGraph(id, en, zh, text, alias string) *graph.Graph {
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

// Fuzz seeds f with FuzzSeeds and runs check on the graph of every input
// that FuzzGraph loads, with the input's text.
func Fuzz(f *testing.F, check func(t *testing.T, g *graph.Graph, text string)) {
	for _, s := range FuzzSeeds {
		f.Add(s[0], s[1], s[2], s[3], s[4])
	}
	f.Fuzz(func(t *testing.T, id, en, zh, text, alias string) {
		if g := FuzzGraph(id, en, zh, text, alias); g != nil {
			check(t, g, text)
		}
	})
}
