package graph

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzLoad feeds the loader arbitrary bytes as YAML, JSON, CSV, Markdown or GraphML, seeded
// with the fixture and broken files. Whatever the input, it must not panic or hang, and it
// returns either a graph or a *LoadError with positions, never both.
func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.yaml")
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, uint8(0))
	}
	for _, s := range []string{
		"",
		"concepts:\n  - id: a\n    name: {en: A\n",
		"concepts:\n  - &x {id: a}\n  - *x\n",
		"concepts: [{id: a, name: A, relations: [{relation: requires, to: a}]}]",
		"concepts: [{id: a, name: A, relations: [{relation: requires, to: b}]}, {id: b, name: B, relations: [{relation: requires, to: a}]}]",
		"relations: [{id: r, label: r, first: source}]\nconcepts: [{id: a, name: {en: A}, relations: [{relation: r, to: b}]}, {id: b, name: B}]",
		"!!map {concepts: !!seq [ {id: !!str 1, name: ~} ]}",
		"concepts:\n  - id: a\n    name: |\n      multi\n      line\n",
		"---\nconcepts: []\n---\nconcepts: [{id: b, name: B}]\n",
	} {
		f.Add([]byte(s), uint8(0))
	}
	for _, s := range []string{
		`{"format":"conceptmap","version":1,"nodes":[{"id":"a","names":{"en":"A"}}],"edges":[]}`,
		`{"nodes":[{"id":"a","names":{"en":"A"}},{"id":"b","names":{"en":"B"}}],"edges":[{"from":"a","relation":"requires","to":"b"}]}`,
		`{"nodes": [{"id": "a",}]}`,
		`[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[`,
	} {
		f.Add([]byte(s), uint8(1))
	}
	for _, s := range []string{
		"from,relation,to,why\na,requires,b,x\nb,requires,c,\n",
		"id,name_en,name_zh\na,A,甲\n",
		"from,relation,to\na,\"b\"x,c\n",
		"\xef\xbb\xbfid\n\n\n",
		"from,relation,to,why\n'=a,is improved by,''+b,\"-x\"\n",
		"from\trelation\tto\na\t被改进为\tb\n",
		"from,relation,to\n\xd1\xad\xbb\xb7,\xb1\xbb\xb8\xc4\xbd\xf8\xce\xaa,LSTM\n",
		"\xff\xfef\x00r\x00o\x00m\x00,\x00t\x00o\x00\n\x00",
		"\xfe\xff\x00f\x00r\x00o\x00m",
		"from,relation,to\nArithmetic,requires,Arithmetik\n",
	} {
		f.Add([]byte(s), uint8(2))
	}
	notes, _ := filepath.Glob("testdata/vault/*/*.md")
	for _, s := range notes {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, uint8(3))
	}
	for _, s := range []string{
		"---\naliases: [A\n---\n",
		"---\n",
		"- requires:: [[A|b]] [[#x]] [[]] ![[c]]\n  - zh: \"\\u00\"\n",
		"```\nrequires:: [[A]]\n",
		"---\nrequires: [[A]]\npart_of: [\"[[B]] why\", [[C]]]\n---\n# T #\n",
	} {
		f.Add([]byte(s), uint8(3))
	}
	graphml, _ := filepath.Glob("testdata/graphml/*.graphml")
	for _, s := range graphml {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, uint8(4))
	}
	for _, s := range []string{
		"<graphml><graph><node id=\"a\"><graph><node id=\"a\"/></graph></node><edge source=\"a\" target=\"a\"/></graph></graphml>",
		"<graphml><key id=\"k\" for=\"node\" attr.name=\"label\"><default>x</default></key><graph><node id=\"1\"/><node id=\"2\"/></graph></graphml>",
		"<graphml><graph><node",
	} {
		f.Add([]byte(s), uint8(4))
	}
	for _, s := range []string{
		"\xef\xbb\xbfconcepts: [{id: a, name: A}]",
		"concepts:\n  - id: \"a\\u202e\"\n    name: \"\\x1b[2J\"\n",
		"a: \"x\n  [[[\"\nb: |\n  {{{\n- - - [ { ",
	} {
		f.Add([]byte(s), uint8(0))
	}
	vocab, err := os.ReadFile("../data/relations.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte, format uint8) {
		var l Loader
		if format%5 >= 3 { // notes and GraphML take the vocabulary's related_to for untyped links
			l.LinkRelation = "related_to"
		}
		l.DefaultVocabulary("vocab.yaml", vocab)
		l.AddFile("fuzz"+[]string{".yaml", ".json", ".csv", ".md", ".graphml"}[format%5], data)
		g, err := l.Load()
		if (g == nil) == (err == nil) {
			t.Fatalf("graph %v with error %v", g != nil, err)
		}
		var le *LoadError
		if err != nil && (!errors.As(err, &le) || len(le.Diags) == 0) {
			t.Fatalf("error without diagnostics: %v", err)
		}
		if err != nil && strings.ContainsAny(err.Error(), "\x1b\x07\u009b\u202e") {
			t.Fatalf("the report carries raw control characters: %q", err.Error())
		}
		if g != nil {
			for _, c := range g.Concepts() {
				g.Plan([]*Concept{c}, nil)
				g.Unlocks(c)
			}
		}
	})
}

// FuzzSearch searches the fixture for any query, with any limit: it must
// not panic, returns at most limit matches (all if limit <= 0), each a
// concept of the graph at most once, scored 1 to 100, best first, and the
// same results every time.
func FuzzSearch(f *testing.F) {
	g, err := Load(os.DirFS("testdata"), "fixture.yaml")
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"", "gqa", "GQA", "attention", "multi head", "注意力", "atention", " ", "a a a a a a", "\x00\xff", "\u202e", strings.Repeat("x ", 100)} {
		f.Add(s, 5)
	}
	f.Add("att", 0)
	f.Add("att", -3)
	f.Fuzz(func(t *testing.T, q string, limit int) {
		ms := g.Search(q, limit)
		if limit > 0 && len(ms) > limit {
			t.Fatalf("%d matches over the limit %d", len(ms), limit)
		}
		seen := map[string]bool{}
		for i, m := range ms {
			if m.Concept == nil || g.Concept(m.Concept.ID) != m.Concept {
				t.Fatalf("match %d is not a concept of the graph", i)
			}
			if seen[m.Concept.ID] {
				t.Fatalf("%s matches twice", m.Concept.ID)
			}
			seen[m.Concept.ID] = true
			if m.Score < 1 || m.Score > 100 {
				t.Fatalf("%s scores %d", m.Concept.ID, m.Score)
			}
			if i > 0 && m.Score > ms[i-1].Score {
				t.Fatalf("%s (%d) after %s (%d)", m.Concept.ID, m.Score, ms[i-1].Concept.ID, ms[i-1].Score)
			}
		}
		again := g.Search(q, limit)
		if len(again) != len(ms) {
			t.Fatalf("%d matches, then %d", len(ms), len(again))
		}
		for i := range ms {
			if again[i] != ms[i] {
				t.Fatalf("match %d: %v, then %v", i, ms[i], again[i])
			}
		}
	})
}
