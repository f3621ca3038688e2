package export

import (
	"regexp"
	"strings"
	"testing"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/internal/rendertest"
)

func TestMermaidText(t *testing.T) {
	for _, tc := range []struct {
		in   []string
		want string
	}{
		{[]string{"plain (text), it's 1.5 - 2/3 + x_y!?"}, "plain (text), it's 1.5 - 2/3 + x_y!?"},
		{[]string{`say "hi"`}, "say #34;hi#34;"},
		{[]string{"#quot; #35;"}, "#35;quot#59; #35;35#59;"},
		{[]string{"<b>&amp;</b>"}, "#60;b#62;#38;amp#59;#60;/b#62;"},
		{[]string{`a\nb`}, "a#92;nb"},
		{[]string{"[x] {y} |z| `m` %% :;"}, "#91;x#93; #123;y#125; #124;z#124; #96;m#96; #37;#37; #58;#59;"},
		{[]string{"two", "lines"}, "two\nlines"},
		{[]string{"中文 «ß» 🙂"}, "中文 «ß» 🙂"},
		{[]string{"ﬂ°°60¶ß"}, "ﬂ\u2060°°60¶\u2060ß"},
		{[]string{"zero\u200bwidth"}, "zero#8203;width"},
		{[]string{"bell\uFFFD"}, "bell\uFFFD"},
	} {
		if got := mermaidText(tc.in); got != tc.want {
			t.Errorf("mermaidText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestMermaidLink(t *testing.T) {
	for _, tc := range []struct{ line, arrow, want string }{
		{"solid", "normal", "-->"},
		{"solid", "diamond", "-->"},
		{"solid", "none", "---"},
		{"solid", "odot", "--o"},
		{"solid", "tee", "--x"},
		{"bold", "vee", "==>"},
		{"bold", "none", "==="},
		{"dashed", "normal", "-.->"},
		{"dotted", "none", "-.-"},
		{"dashed", "odot", "-.-o"},
	} {
		if got := mermaidLink(graph.Style{Line: tc.line, Arrow: tc.arrow}); got != tc.want {
			t.Errorf("mermaidLink(%s, %s) = %s, want %s", tc.line, tc.arrow, got, tc.want)
		}
	}
}

// The chart runs the way that puts what is learned first above (or to
// the left) for most of its ordered edges.
func TestMermaidDirection(t *testing.T) {
	g := fixture(t)
	e := func(rel string) graph.Edge { return graph.Edge{From: "a", Relation: rel, To: "b"} }
	for _, tc := range []struct {
		es      []graph.Edge
		rankdir string
		want    string
	}{
		{nil, "", "TB"},
		{nil, "LR", "LR"},
		{[]graph.Edge{e("requires")}, "", "BT"},
		{[]graph.Edge{e("requires")}, "lr", "RL"},
		{[]graph.Edge{e("part_of")}, "TB", "TB"},
		{[]graph.Edge{e("requires"), e("part_of")}, "TB", "TB"},
		{[]graph.Edge{e("requires"), e("part_of"), e("improves_on")}, "TB", "BT"},
		{[]graph.Edge{e("related_to"), e("related_to")}, "TB", "TB"},
	} {
		if got := mermaidDirection(g, tc.es, tc.rankdir); got != tc.want {
			t.Errorf("mermaidDirection(%v, %q) = %s, want %s", tc.es, tc.rankdir, got, tc.want)
		}
	}
	if got := string(Mermaid(g, g.All(), Options{})); !strings.HasPrefix(got, "flowchart BT\n") {
		t.Errorf("the fixture, mostly requires and improves_on, starts %.20q", got)
	}
}

// Ids that Mermaid reserves never reach the chart: every statement starts
// with a keyword or a generated node id (n0, n1…), and subgraphs are c0,
// c1…. Lines that do not start with an indent continue a quoted label.
func TestMermaidIDs(t *testing.T) {
	g := rendertest.Load(t, "../testdata/hostile.yaml")
	chart := string(Mermaid(g, g.All(), Options{Lang: graph.Both}))
	stmt := regexp.MustCompile(`^  (subgraph c[0-9]+\["|end$|classDef |class |style c[0-9]+ |linkStyle |  n[0-9]+\["|n[0-9]+ [-=.ox>]+(\|"| n[0-9]+$))`)
	for i, l := range strings.Split(strings.TrimSuffix(chart, "\n"), "\n") {
		if i == 0 || !strings.HasPrefix(l, " ") {
			continue
		}
		if !stmt.MatchString(l) {
			t.Errorf("line %d: unexpected statement %q", i+1, l)
		}
	}
}
