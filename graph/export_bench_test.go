package graph

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The comparison script (docs/bench/compare.sh) runs networkx on the very
// graphs BenchmarkPlan uses. It asks this test to write them out:
//
//	go test ./graph -run '^TestWriteGenerated$' -gen-n 100000 -gen-out /tmp/g100k.tsv
//
// and docs/bench/plan_networkx.py reads the file.
var (
	genOut = flag.String("gen-out", "", "TestWriteGenerated: write the learning order of generate(n, 3, 42) to `PATH`")
	genN   = flag.Int("gen-n", 10_000, "TestWriteGenerated: how many concepts to generate")
)

// writeLearningOrder writes the target line "# target ID" and then one
// line "FIRST\tTHEN" per edge that sets a learning order, in edge order.
// It returns how many edges it wrote.
func writeLearningOrder(w io.Writer, g *Graph, target *Concept) (int, error) {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# target %s\n", target.ID)
	n := 0
	for i := range g.from {
		first, then, ok := g.order(int32(i))
		if !ok {
			continue
		}
		fmt.Fprintf(bw, "%s\t%s\n", g.concepts[first].ID, g.concepts[then].ID)
		n++
	}
	return n, bw.Flush()
}

// TestWriteGenerated writes the benchmark graph of -gen-n concepts to
// -gen-out. Without -gen-out it writes a graph of 200 concepts to a
// temporary file, reads it back, and checks it against the graph: one line
// per ordered edge, and for every concept, its ancestors in the file, plus
// itself, are exactly the steps of its plan, as networkx will count them.
func TestWriteGenerated(t *testing.T) {
	n, path := *genN, *genOut
	if path == "" {
		n, path = 200, filepath.Join(t.TempDir(), "generated.tsv")
	}
	g := generate(t, n, 3, 42)
	target := g.Concepts()[n-1]
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	wrote, err := writeLearningOrder(f, g, target)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	if *genOut != "" {
		t.Logf("wrote %s: %d concepts, %d ordered edges, target %s", path, n, wrote, target.ID)
		return
	}

	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if want := "# target " + target.ID; lines[0] != want {
		t.Errorf("first line = %q, want %q", lines[0], want)
	}
	ordered := 0
	for i := range g.from {
		if _, _, ok := g.order(int32(i)); ok {
			ordered++
		}
	}
	if got := len(lines) - 1; got != ordered || wrote != ordered {
		t.Errorf("wrote %d edge lines (reported %d), want one per ordered edge: %d", got, wrote, ordered)
	}
	if ordered == len(g.from) {
		t.Errorf("every one of %d edges is ordered; the generator should make some related_to edges", ordered)
	}

	// An independent count, for every concept: it and everything that
	// reaches it through the file's edges, found without the graph's
	// index, are exactly the steps of its plan.
	before := map[string][]string{}
	for _, l := range lines[1:] {
		first, then, ok := strings.Cut(l, "\t")
		if !ok || g.Concept(first) == nil || g.Concept(then) == nil {
			t.Fatalf("bad line %q", l)
		}
		before[then] = append(before[then], first)
	}
	longest := 0
	for _, c := range g.Concepts() {
		seen := map[string]bool{c.ID: true}
		stack := []string{c.ID}
		for len(stack) > 0 {
			v := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, u := range before[v] {
				if !seen[u] {
					seen[u] = true
					stack = append(stack, u)
				}
			}
		}
		steps := g.Plan([]*Concept{c}, nil).Steps
		if len(seen) != len(steps) {
			t.Errorf("%s: the file gives %d ancestors, the plan %d steps", c.ID, len(seen)-1, len(steps))
		}
		for _, s := range steps {
			if !seen[s.Concept.ID] {
				t.Errorf("%s: plan step %s is not an ancestor in the file", c.ID, s.Concept.ID)
			}
		}
		longest = max(longest, len(steps))
	}
	if longest < 20 {
		t.Errorf("the longest plan has %d steps; too few for the check to mean much", longest)
	}
}
