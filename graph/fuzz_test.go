package graph

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoad feeds the loader arbitrary bytes, seeded with the fixture and
// broken files. Whatever the input, it must not panic or hang, and it
// returns either a graph or a *LoadError with positions, never both.
func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.yaml")
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
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
		f.Add([]byte(s))
	}
	vocab, err := os.ReadFile("../data/relations.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var l Loader
		l.DefaultVocabulary("vocab.yaml", vocab)
		l.AddFile("fuzz.yaml", data)
		g, err := l.Load()
		if (g == nil) == (err == nil) {
			t.Fatalf("graph %v with error %v", g != nil, err)
		}
		var le *LoadError
		if err != nil && (!errors.As(err, &le) || len(le.Diags) == 0) {
			t.Fatalf("error without diagnostics: %v", err)
		}
		if g != nil {
			for _, c := range g.Concepts() {
				g.Plan([]*Concept{c}, nil)
				g.Unlocks(c)
			}
		}
	})
}
