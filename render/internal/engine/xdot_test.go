package engine

import (
	"reflect"
	"testing"
)

func TestParseXDot(t *testing.T) {
	// As Graphviz writes it: byte counts, backslashes escaped, UTF-8.
	src := `c 7 -#000000 C 9 -#dbeafe80 S 15 -setlinewidth(2) b 4 1 2 3 4 5 6 7 8 F 14 11 -Times-Roman ` +
		`T 10.5 -3 0 20 15 -x\\N y\\\\z "q" \\l t 1 T 1 2 -1 3 9 -注意力 e 1 2 3 4 P 3 0 0 1 1 2 0 L 2 0 0 1 1 I 1 2 3 4 5 -a.png `
	ops, err := parseXDot(src)
	if err != nil {
		t.Fatal(err)
	}
	want := []Op{
		{Op: 'c', Str: "#000000"},
		{Op: 'C', Str: "#dbeafe80"},
		{Op: 'S', Str: "setlinewidth(2)"},
		{Op: 'b', Points: [][2]float64{{1, 2}, {3, 4}, {5, 6}, {7, 8}}},
		{Op: 'F', Size: 14, Str: "Times-Roman"},
		{Op: 'T', Pt: [2]float64{10.5, -3}, Align: 0, Width: 20, Str: `x\N y\\z "q" \l`},
		{Op: 't', Flags: 1},
		{Op: 'T', Pt: [2]float64{1, 2}, Align: -1, Width: 3, Str: "注意力"},
		{Op: 'e', Rect: [4]float64{1, 2, 3, 4}},
		{Op: 'P', Points: [][2]float64{{0, 0}, {1, 1}, {2, 0}}},
		{Op: 'L', Points: [][2]float64{{0, 0}, {1, 1}}},
		{Op: 'I', Rect: [4]float64{1, 2, 3, 4}, Str: "a.png"},
	}
	if !reflect.DeepEqual(ops, want) {
		t.Errorf("got\n%+v\nwant\n%+v", ops, want)
	}
	for _, bad := range []string{"Z 1", "c 9 -#00", "P 2 1 2 3", "T 1 2 x 3 1 -a", "c 3 #000"} {
		if ops, err := parseXDot(bad); err == nil {
			t.Errorf("%q: no error, got %+v", bad, ops)
		}
	}
}

func TestParseDOTOutput(t *testing.T) {
	src := "digraph conceptmap {\n" +
		"\tgraph [_draw_=\"c 9 -#fffffe00 \",\n\t\tbb=\"0,0,10,20\",\n\t\tpad=0.3\n\t];\n" +
		"\tnode [label=\"\\N\"];\n" +
		"\tsubgraph cluster_0 {\n\t\tgraph [_ldraw_=\"T 1 2 0 3 4 -a\\\\\\\"b \\\n\",\n\t\t\tlabel=<<TABLE><TR><TD>x &amp; y</TD></TR></TABLE>>];\n" +
		"\t\tn0\t[label=\"A \\\"q\\\"\", pos=\"1,2\"];\n\t}\n" +
		"\t\"odd name\" -> n0:p [color=\"#123456\"];\n" +
		"\t{ rank=same; n0; }\n}\n"
	stmts, err := parseDOTOutput(src)
	if err != nil {
		t.Fatal(err)
	}
	want := []dotStmt{
		{kind: "graph", attrs: map[string]string{"_draw_": "c 9 -#fffffe00 ", "bb": "0,0,10,20", "pad": "0.3"}},
		{kind: "graph", sub: "cluster_0", attrs: map[string]string{"_ldraw_": `T 1 2 0 3 4 -a\\"b `, "label": "<TABLE><TR><TD>x &amp; y</TD></TR></TABLE>"}},
		{kind: "node", sub: "cluster_0", name: "n0", attrs: map[string]string{"label": `A "q"`, "pos": "1,2"}},
		{kind: "edge", name: "odd name -> n0:p", attrs: map[string]string{"color": "#123456"}},
		{kind: "graph", attrs: map[string]string{"rank": "same"}},
		{kind: "node", name: "n0", attrs: map[string]string{}},
	}
	if !reflect.DeepEqual(stmts, want) {
		t.Errorf("got\n%+v\nwant\n%+v", stmts, want)
	}
	for _, bad := range []string{"digraph { a [label=\"x] }", "digraph { a [label=<x] }", "digraph { a [x=1"} {
		if _, err := parseDOTOutput(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// TestLayoutTexts checks the layout against Graphviz's own SVG of the same
