package graph

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"testing"
)

// relationsCSV writes a relations CSV of n concepts named by id alone,
// with about 2.5 relations each towards earlier concepts, as
// docs/bench/relations_networkx.py does for the comparison with networkx.
func relationsCSV(n int) []byte {
	r := rand.New(rand.NewPCG(42, 1))
	rels := []string{"requires", "improves_on", "uses", "refines", "is_a", "related_to"}
	var b bytes.Buffer
	b.WriteString("from,relation,to,why\n")
	for i := 1; i < n; i++ {
		seen := map[int]bool{}
		for k := range max(1, r.IntN(6)) {
			j := r.IntN(i)
			if seen[j] && k > 0 {
				continue
			}
			seen[j] = true
			fmt.Fprintf(&b, "c%06d,%s,c%06d,c%06d builds on c%06d\n", i, rels[r.IntN(len(rels))], j, i, j)
		}
	}
	return b.Bytes()
}

func BenchmarkLoadRelationsCSV(b *testing.B) {
	vocab, err := os.ReadFile("../data/relations.yaml")
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			data := relationsCSV(n)
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				var l Loader
				l.AddFile("relations.csv", data)
				l.DefaultVocabulary("relations.yaml", vocab)
				g, err := l.Load()
				if err != nil {
					b.Fatal(err)
				}
				if len(g.Concepts()) != n {
					b.Fatalf("%d concepts, want %d", len(g.Concepts()), n)
				}
			}
		})
	}
}

// conceptsYAML writes a concepts file of n concepts in the bundled data's
// shape: names in both languages, a summary and relations with reasons.
func conceptsYAML(n int) []byte {
	r := rand.New(rand.NewPCG(42, 2))
	rels := []string{"requires", "improves_on", "uses", "refines", "is_a", "related_to"}
	var b bytes.Buffer
	b.WriteString("concepts:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - id: c%06d\n    name: {en: \"Concept %d\", zh: \"概念%d\"}\n    category: other\n", i, i, i)
		fmt.Fprintf(&b, "    summary:\n      en: \"What concept %d is, in a sentence.\"\n      zh: \"概念%d是什么。\"\n", i, i)
		if i == 0 {
			continue
		}
		b.WriteString("    relations:\n")
		seen := map[int]bool{}
		for k := range max(1, r.IntN(6)) {
			j := r.IntN(i)
			if seen[j] && k > 0 {
				continue
			}
			seen[j] = true
			fmt.Fprintf(&b, "      - relation: %s\n        to: c%06d\n        why: {en: \"It builds on c%06d.\", zh: \"它建立在 c%06d 之上。\"}\n", rels[r.IntN(len(rels))], j, j, j)
		}
	}
	return b.Bytes()
}

func BenchmarkLoadYAML(b *testing.B) {
	vocab, err := os.ReadFile("../data/relations.yaml")
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			data := conceptsYAML(n)
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				var l Loader
				l.AddFile("concepts.yaml", data)
				l.DefaultVocabulary("relations.yaml", vocab)
				g, err := l.Load()
				if err != nil {
					b.Fatal(err)
				}
				if len(g.Concepts()) != n {
					b.Fatalf("%d concepts, want %d", len(g.Concepts()), n)
				}
			}
		})
	}
}
