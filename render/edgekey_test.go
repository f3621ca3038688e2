package render

import (
	"context"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/conceptmap/conceptmap/graph"
)

func TestLetters(t *testing.T) {
	for n, want := range map[int]string{1: "a", 2: "b", 26: "z", 27: "aa", 52: "az", 53: "ba", 702: "zz", 703: "aaa"} {
		if got := letters(n); got != want {
			t.Errorf("letters(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestEdgeKeyPlan: a plan map, whose steps carry numbers, marks its edges
// with letters, in the key too.
func TestEdgeKeyPlan(t *testing.T) {
	g := fixture(t)
	v, opt := planOptions(t, g, Options{Look: Look{EdgeKey: true}})
	dot := string(DOT(g, v, opt))
	marks := regexp.MustCompile(`(?m)^\tn\d+ -> n\d+ \[label="([a-z]+)"`).FindAllStringSubmatch(dot, -1)
	rows := regexp.MustCompile(`<TR><TD ALIGN="RIGHT" VALIGN="TOP">([a-z]+)</TD>`).FindAllStringSubmatch(dot, -1)
	if len(marks) != len(v.Edges) || len(rows) != len(v.Edges) {
		t.Fatalf("%d edges marked with letters and %d key rows, want %d of each:\n%s", len(marks), len(rows), len(v.Edges), dot)
	}
	for i := range marks {
		if want := letters(i + 1); marks[i][1] != want || rows[i][1] != want {
			t.Errorf("edge %d is marked %q, its key row %q; want %q", i+1, marks[i][1], rows[i][1], want)
		}
	}
}

var (
	edgeNumberRE = regexp.MustCompile(`(?m)^\t(n\d+) -> (n\d+) \[label="(\d+)"`)
	keyRowRE     = regexp.MustCompile(`<TR><TD ALIGN="RIGHT" VALIGN="TOP">(\d+)</TD><TD [^>]*>(.*?)</TD></TR>`)
)

// TestEdgeKey: with EdgeKey, the edges drawn are numbered 1 to n, each
// once, and the key lists every number with the edge's concepts, relation
// and reason, escaped, in the order of the numbers; an edge to a hidden
// concept keeps its number (frames of a talk number alike) but is left
// out of the key.
func TestEdgeKey(t *testing.T) {
	g := fixture(t)
	v := g.All()
	dot := string(DOT(g, v, Options{Look: Look{EdgeKey: true}}))
	nums := edgeNumberRE.FindAllStringSubmatch(dot, -1)
	if len(nums) != len(v.Edges) {
		t.Fatalf("%d numbered edges, want %d", len(nums), len(v.Edges))
	}
	for i, m := range nums {
		if m[3] != strconv.Itoa(i+1) {
			t.Errorf("edge %d is numbered %s", i+1, m[3])
		}
	}
	rows := keyRowRE.FindAllStringSubmatch(dot, -1)
	if len(rows) != len(v.Edges) {
		t.Fatalf("the key has %d rows, want %d:\n%s", len(rows), len(v.Edges), dot)
	}
	want := map[string]bool{
		"Attention requires Softmax: weights are a softmax":          true,
		"Grouped-query attention improves on Multi-head attention":   true,
		"Grouped-query attention is related to Multi-head attention": true,
		// Too long for a line of the key: cut, and escaped, backslashes
		// doubled so that Graphviz draws "\N" and not the node's name.
		`Say &quot;hi&quot; \\N a\\nb &lt;img src=x onerror=alert(1)&gt; &amp; co second line\\ requires…`: true,
	}
	for i, r := range rows {
		if r[1] != strconv.Itoa(i+1) {
			t.Errorf("key row %d is numbered %s", i+1, r[1])
		}
		delete(want, r[2])
	}
	for w := range want {
		t.Errorf("no key row %q", w)
	}

	svg := string(render(t, g, v, Options{Look: Look{EdgeKey: true}}))
	if want := `>Say &quot;hi&quot; \N a\nb &lt;img src=x onerror=alert(1)&gt; &amp; co second line\ requires…</text>`; !strings.Contains(svg, want) {
		t.Errorf("the SVG's key does not draw %s", want)
	}

	hidden := string(DOT(g, v, Options{Look: Look{EdgeKey: true}, Marks: Marks{Hidden: map[string]bool{"gqa": true}}}))
	if got := edgeNumberRE.FindAllStringSubmatch(hidden, -1); !slices.EqualFunc(got, nums, func(a, b []string) bool { return a[3] == b[3] }) {
		t.Errorf("hiding a concept renumbers the edges")
	}
	for _, r := range keyRowRE.FindAllStringSubmatch(hidden, -1) {
		if strings.HasPrefix(r[2], "Grouped-query attention") {
			t.Errorf("the key lists %q, an edge of a hidden concept", r[2])
		}
	}
	if n := len(keyRowRE.FindAllStringSubmatch(hidden, -1)); n != len(v.Edges)-2 {
		t.Errorf("the key lists %d edges with gqa hidden, want %d", n, len(v.Edges)-2)
	}
}

// TestEdgeKeyLanguages: one line per language drawn, Chinese with its own
// colon, and one line when both languages say the same.
func TestEdgeKeyLanguages(t *testing.T) {
	g := fixture(t)
	v := g.Induced([]*graph.Concept{g.Concept("attention"), g.Concept("softmax")}, nil)
	for _, c := range []struct {
		lang graph.Lang
		want string
	}{
		{graph.En, "Attention requires Softmax: weights are a softmax"},
		{graph.Zh, "注意力机制 需要先懂 Softmax 函数：weights are a softmax"},
		{graph.Both, "Attention requires Softmax: weights are a softmax<BR/>注意力机制 需要先懂 Softmax 函数：weights are a softmax"},
	} {
		rows := keyRowRE.FindAllStringSubmatch(string(DOT(g, v, Options{Look: Look{Lang: c.lang, EdgeKey: true}})), -1)
		if len(rows) != 1 || rows[0][2] != c.want {
			t.Errorf("%s: key rows %q, want one: %q", c.lang, rows, c.want)
		}
	}
}

// TestLabellings: the labellings Fit tries, by what the options ask and
// what the view holds.
func TestLabellings(t *testing.T) {
	g := fixture(t)
	all := g.All()
	noWhy := g.Induced([]*graph.Concept{g.Concept("mha"), g.Concept("gqa")}, nil)
	var big graph.View
	for i := range KeyLimit + 1 {
		big.Edges = append(big.Edges, graph.Edge{From: "a", To: "b" + strconv.Itoa(i), Relation: "requires", Why: graph.Text{En: "why"}})
	}
	big.Concepts = []*graph.Concept{{ID: "a"}}
	for i := range KeyLimit + 1 {
		big.Concepts = append(big.Concepts, &graph.Concept{ID: "b" + strconv.Itoa(i)})
	}
	on, key, none := "on on+room", "key key+room", "none"
	cases := []struct {
		name string
		v    graph.View
		look Look
		want string
	}{
		{"auto, few edges with reasons", all, Look{}, on + " " + key + " " + none},
		{"auto, no reasons", noWhy, Look{}, on + " " + none},
		{"auto, no key (an interactive map)", all, Look{NoEdgeKey: true}, on + " " + none},
		{"auto, more edges than KeyLimit", big, Look{}, on + " " + none},
		{"on", all, Look{EdgeLabelsOn: true}, on},
		{"off", all, Look{NoEdgeLabels: true}, none},
		{"key", big, Look{EdgeKey: true}, key},
		{"no edges", graph.View{Concepts: all.Concepts}, Look{EdgeKey: true}, none},
	}
	for _, c := range cases {
		var got []string
		for _, l := range labellings(c.v, Options{Look: c.look}) {
			s := "none"
			switch {
			case l.Labels:
				s = "on"
			case l.Key:
				s = "key"
			}
			if l.Spacious {
				s += "+room"
			}
			got = append(got, s)
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%s: %q, want %q", c.name, strings.Join(got, " "), c.want)
		}
	}
}

// TestFitKeepsKey: a map asked for a key is fitted with it, and its SVG
// draws the numbers and the key beside the legend, apart from the map.
func TestFitKeepsKey(t *testing.T) {
	g := fixture(t)
	opt, err := Fit(context.Background(), g, g.All(), Options{Look: Look{EdgeKey: true, Fit: true}})
	if err != nil {
		t.Fatal(err)
	}
	if !opt.EdgeKey || !opt.NoEdgeLabels {
		t.Errorf("fitted: EdgeKey %v, NoEdgeLabels %v; want a key and no labels", opt.EdgeKey, opt.NoEdgeLabels)
	}
	svg := string(render(t, g, g.All(), opt))
	if n := strings.Count(svg, `class="node key"`); n != 1 {
		t.Errorf("the SVG draws %d keys, want 1", n)
	}
	if !strings.Contains(svg, "<title>key</title>") || !strings.Contains(svg, "<title>cluster_legend</title>") {
		t.Errorf("the SVG lacks the key or the legend")
	}
}

// TestHTMLHasNoKey: the explorer's maps show each edge's reason when it is
// pointed at, so the offline page draws no key, even when asked for one.
func TestHTMLHasNoKey(t *testing.T) {
	g := fixture(t)
	page, err := HTML(context.Background(), g, g.All(), Options{Look: Look{EdgeKey: true, Fit: true}})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(page), "node key") {
		t.Errorf("the offline explorer draws a key")
	}
}
