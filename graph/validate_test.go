package graph

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// vocab is a small valid vocabulary that broken inputs can lean on.
const vocab = `relations:
  - id: requires
    label: {en: requires, zh: 需要}
    first: target
  - id: part_of
    label: {en: is part of}
    first: source
  - id: related_to
    label: {en: is related to}
    first: none
`

// TestValidationMessages pins every message the loader gives. Each case is
// a set of files; its golden file testdata/errors/NAME.txt holds the exact
// report.
func TestValidationMessages(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
	}{
		{"syntax", map[string]string{"a.yaml": "concepts:\n  - id: a\n    name: {en: A\n"}},
		{"syntax_tab", map[string]string{"a.yaml": "concepts:\n\t- id: a\n"}},
		{"yaml_duplicate_key", map[string]string{"a.yaml": vocab + "concepts:\n  - id: a\n    name: {en: A}\n    id: b\n"}},
		{"text_hygiene", map[string]string{"a.yaml": vocab + "concepts:\n" +
			"  - id: \"gqa\\u202e\"\n    name: {en: GQA}\n" +
			"  - id: b\n    name: {en: \"B\\uFFFE\", zh: \"乙\\u0085\"}\n    aliases: [\"b\\u200b\", ok]\n    summary: \"ring \\a\"\n" +
			"  - id: c\n    name: C\n    summary: {zh: \"\\U0010FFFF\"}\n    relations:\n      - {relation: requires, to: b, why: \"\\x1b[2J\"}\n",
			"b.csv":  "id,name_en\nd,D\u2066\n",
			"c.json": `{"nodes": [{"id": "e\u0000", "names": {"en": "E"}}, {"id": "f", "names": {"zh": "丙\u0085丁"}}]}`,
		}},
		{"not_utf8", map[string]string{
			"a.yaml": vocab + "concepts:\n  - id: a\n    name: {en: \"caf\xe9\"}\n",
			"b.json": "{\"nodes\": [\n  {\"id\": \"\xb1\xbb\"}]}",
		}},
		{"unknown_fields", map[string]string{"a.yaml": vocab + `concepts:
  - id: a
    name: {en: A, zh: 甲, fr: Ah}
    sumary: {en: typo}
    relations:
      - {relation: requires, to: b, because: x}
  - id: b
    name: {en: B}
    colour: red
conceptz: []
`}},
		{"duplicate_ids", map[string]string{
			"a.yaml": vocab + "concepts:\n  - id: a\n    name: {en: A}\n",
			"b.yaml": "concepts:\n  - id: a\n    name: {en: Another A}\n",
		}},
		{"unknown_references", map[string]string{"a.yaml": vocab + `concepts:
  - id: attention
    name: {en: Attention}
  - id: mha
    name: {en: Multi-head attention}
    aliases: [MHA]
    relations:
      - {relation: requires, to: attentoin}
      - {relation: improves_on, to: attention}
      - {relation: require, to: attention}
      - {relation: requires, to: quantum}
  - id: gqa
    name: {en: GQA}
    relations:
      - {relation: requires, to: mha2}
`}},
		{"empty", map[string]string{"a.yaml": vocab + `concepts:
  - id: ""
    name: {en: Nameless}
  - id: b
  - id: c
    name: {en: C}
    aliases: [""]
    relations:
      - {relation: "", to: b}
      - {relation: requires}
`}},
		{"self_link", map[string]string{"a.yaml": vocab + `concepts:
  - id: a
    name: {en: A}
    relations:
      - {relation: related_to, to: A}
`}},
		{"colliding_aliases", map[string]string{"a.yaml": vocab + `concepts:
  - id: mha
    name: {en: Multi-head attention, zh: 多头注意力}
    aliases: [MHA]
  - id: mqa
    name: {en: Multi-query attention, zh: 多头注意力}
    aliases: [mha, MQA]
`}},
		{"cycle", map[string]string{"a.yaml": vocab + `concepts:
  - id: lstm
    name: {en: LSTM}
    relations:
      - {relation: requires, to: rnn}
  - id: rnn
    name: {en: RNN}
    relations:
      - {relation: requires, to: transformer}
  - id: transformer
    name: {en: Transformer}
    relations:
      - {relation: requires, to: lstm}
      - {relation: related_to, to: rnn}
  - id: ffn
    name: {en: FFN}
    relations:
      - {relation: part_of, to: block}
      - {relation: requires, to: block}
  - id: block
    name: {en: Block}
`}},
		{"comma_id", map[string]string{"a.yaml": vocab + "concepts:\n  - id: a,b\n    name: {en: A and B}\n"}},
		{"cycle_and_more", map[string]string{"a.yaml": vocab + `concepts:
  - id: a
    name: {en: A}
    sumary: typo
    relations:
      - {relation: requires, to: b}
  - id: b
    name: {en: B}
    relations:
      - {relation: requires, to: a}
      - {relation: requires, to: c}
`}},
		{"duplicate_relation", map[string]string{"a.yaml": vocab + `concepts:
  - id: a
    name: {en: A}
    relations:
      - {relation: requires, to: b}
      - {relation: requires, to: B}
  - id: b
    name: {en: B}
`}},
		{"bad_vocabulary", map[string]string{"a.yaml": `relations:
  - id: Improves-On
    label: {en: improves on}
    first: target
  - id: uses
    first: before
    style: {line: wavy, arrow: "->", width: 2, color: "rgb(1,2,3)"}
  - label: {en: nameless}
    first: none
  - id: uses
    label: {en: uses again}
    first: target
  - id: mentions
    label: {en: mentions}
    style: {color: steelbleu}
  - id: cites
    label: {en: cites}
    first: none
    style: {color: SteelBlue}
concepts:
  - id: a
    name: {en: A}
`}},
		{"roles", map[string]string{"a.yaml": `relations:
  - id: requires
    label: {en: requires}
    first: target
    role: needed
  - id: replaces
    label: {en: replaces}
    first: target
    role: background
    reach: 0
  - id: related_to
    label: {en: is related to}
    first: none
    role: background
    reach: some
concepts:
  - id: a
    name: {en: A}
    relations:
      - {relation: replaces, to: b, role: required}
      - {relation: related_to, to: c, role: prerequisite}
      - {relation: replaces, to: c, reach: -2}
  - id: b
    name: {en: B}
    relations:
      - {relation: replaces, to: c, role: none, reach: all}
  - id: c
    name: {en: C}
`,
			// A relations CSV's role and reach columns, checked as the
			// YAML fields are.
			"r.csv": "from,relation,to,role,reach\nc,replaces,a,background,2\nc,replaces,b,needed,\nb,related_to,a,background,0\n",
		}},
		{"categories", map[string]string{"a.yaml": vocab + `categories:
  - id: basics
    name: {en: Basics}
  - id: basics
  - name: {en: No id}
concepts:
  - id: a
    name: {en: A}
    category: basic
  - id: b
    name: {en: B}
    category: advanced
`}},
		{"types", map[string]string{"a.yaml": vocab + `concepts:
  - id: [a, b]
    name: {en: A}
  - id: c
    name: [C]
    aliases: C
    relations: {relation: requires, to: a}
  - just a string
`}},
		{"no_concepts", map[string]string{"a.yaml": vocab}},
		{"top_level_list", map[string]string{"a.yaml": "- id: a\n"}},
		{"alias_node", map[string]string{"a.yaml": vocab + "concepts:\n  - &x {id: a, name: {en: A}}\n  - *x\n"}},
		{"unknown_format", map[string]string{"a.txt": "hello"}},
		{"json_syntax", map[string]string{"a.json": "{\n  \"nodes\": [\n    {\"id\": \"a\",}\n  ]\n}\n"}},
		{"json_unclosed", map[string]string{"a.json": "{\"nodes\": [{\"id\": \"a\"}"}},
		{"json_schema", map[string]string{"a.json": `{
  "format": "conceptmap",
  "version": 2,
  "nodes": [
    {"id": "a", "names": {"en": "A", "zh": "甲"}, "sumary": {"en": "typo"}, "out": [], "in": []},
    {"id": "b", "names": ["B"]}
  ],
  "edges": [
    {"from": "a", "relation": "requires", "to": "c"},
    {"relation": "requires", "to": "a"}
  ]
}
`}},
		{"json_duplicate_key", map[string]string{"a.json": "{\"nodes\": [{\"id\": \"b\", \"id\": \"b2\"}]}"}},
		{"csv_header", map[string]string{
			"relations.csv": "from,relation,too,because\n",
			"concepts.csv":  "id,name_en,name_en\n",
			"other.csv":     "a,b,c\n",
			"empty.csv":     "",
		}},
		{"csv_rows", map[string]string{
			"concepts.csv":  "id,name_en,name_zh,category\nattention,Attention,注意力,\nmha,\"Multi-head\nattention\",多头注意力,\n,,,\n",
			"relations.csv": "from,relation,to,why\nmha,requires,attention,x,extra\nmha,requirs,attention\n,requires,mha\nmha,uses,atention\nmha,\"bad\"quote,x\n",
		}},
		// A byte-order mark, as spreadsheets write: not quoted, and no
		// column off.
		{"csv_bom", map[string]string{
			"concepts.csv":  "\ufeffid,name_en,categry\na,A,x\n",
			"relations.csv": "\ufefffrom,relation,to\r\na,requires,b\r\na,requirs,b\r\n",
		}},
		{"csv_concepts", map[string]string{
			"concepts.csv": "id,name_en,name_zh,category,category_en,category_zh,refs\n" +
				"a,,,core,Core,核心,\n" + // no name
				"b,B,乙,core,Core models,核心,\n" + // another name for core
				"c,C,,,Lost,,\n" + // a category name without an id
				"d,D,,core,,,\"Paper <https://x\"\n" +
				"e,E,,core,,,Paper <https://x> more\n" +
				"f,F,,core,,,Paper <https://x> <arXiv:1>\n",
			"names.csv": "id,category\nz,core\n",
		}},
		// Categories declared in YAML: a CSV category given as an id alone
		// must be one of them.
		{"csv_categories", map[string]string{
			"a.yaml":       "categories:\n  - {id: basics, name: {en: Basics}}\nconcepts:\n  - {id: a, name: A, category: basics}\n",
			"concepts.csv": "id,name_en,category,category_en\nb,B,basic,\nc,C,advanced,\nd,D,named,Named\n",
		}},
		// GraphML: syntax, structure and relations, at their elements.
		{"graphml", map[string]string{
			"syntax.graphml": "<graphml>\n  <graph>\n    <node id=\"a\">\n  </graph>\n</graphml>\n",
			"other.graphml":  "<svg/>\n",
			"edges.graphml": `<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="l" for="all" attr.name="label"/>
  <graph edgedefault="directed">
    <node id="a"><data key="l">A</data></node>
    <node id="b"><data key="l">B</data></node>
    <node id="a"/>
    <edge source="a" target="c"><data key="l">requires</data></edge>
    <edge source="a" target="b"><data key="l">requirs</data></edge>
    <edge source="a" target="b"><data key="l">explains</data></edge>
    <edge source="b" target="a"/>
  </graph>
</graphml>
`,
		}},
		// Markdown notes: every problem at its line and column.
		{"notes", map[string]string{
			"Unclosed.md": "---\naliases: [U]\n# Unclosed\n",
			"Syntax.md":   "---\naliases: [S\n---\n# Syntax\n",
			"List.md":     "---\n- a\n---\n",
			"A.md": "# A\n\n- requires:: [[Nowhere]] why\n- requries:: [[B]]\n- requires:: B, in words\n" +
				"requires:: [[#Heading]]\nauthor:: [[Someone]]\n",
			"B.md":         "---\nrequires: \"[[Attentoin]]\"\nrelatd_to: [[A]]\n---\n",
			"Attention.md": "# Attention\n",
			"C,D.md":       "---\nid: \"\"\n---\n",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var l Loader
			l.DefaultVocabulary("vocab.yaml", []byte(vocab))
			for _, name := range sortedKeys(tc.files) {
				l.AddFile(name, []byte(tc.files[name]))
			}
			g, err := l.Load()
			if err == nil {
				t.Fatalf("load succeeded")
			}
			if g != nil {
				t.Errorf("a failed load returned a graph")
			}
			golden(t, filepath.Join("testdata", "errors", tc.name+".txt"), err.Error()+"\n")
		})
	}
}

func sortedKeys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	for i := range ks {
		for j := i + 1; j < len(ks); j++ {
			if ks[j] < ks[i] {
				ks[i], ks[j] = ks[j], ks[i]
			}
		}
	}
	return ks
}

// golden compares got with the file at path, or rewrites it with -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./graph -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run with -update to accept):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestValidLoadIsQuiet(t *testing.T) {
	g := fixture(t)
	if len(g.Concepts()) != 12 || !strings.HasPrefix(g.Concept("nn").Pos.String(), "fixture.yaml:") {
		t.Errorf("fixture: %d concepts, nn at %s", len(g.Concepts()), g.Concept("nn").Pos)
	}
}
