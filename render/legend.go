package render

import (
	"strconv"

	"github.com/conceptmap/conceptmap/graph"
)

var legendTitle = graph.Text{En: "Legend", Zh: "图例"}

// legend draws, for each relation type in rts, a sample edge in that
// type's style followed by its label: in a row when the map runs top to
// bottom, in a column when it runs left to right. Label nodes and sample
// edges have class "legend".
func (d *dotWriter) legend(rts []*graph.RelationType) {
	d.b.WriteString("\n\tsubgraph cluster_legend {\n")
	d.attrs("\t\t", "graph",
		"label", d.boxed(d.text(legendTitle), legendSize+1),
		"fontsize", num(legendSize+1),
		"style", quote("rounded"),
		"color", quote("#cbd5e0"),
		"penwidth", quote("1"),
		"margin", quote("10"))
	d.attrs("\t\t", "node",
		"shape", "plaintext",
		"style", quote(""),
		"fontsize", num(legendSize),
		"margin", quote("0.05,0"), // a gap between arrowhead and label
		"width", quote("0"),
		"height", quote("0.25"),
		"label", quote(" ")) // never empty: go-graphviz would draw the node name
	labels := make([][]string, len(rts))
	widest := 0.0
	for i, rt := range rts {
		labels[i] = d.text(rt.Label)
		widest = max(widest, d.width(labels[i], legendSize))
	}
	rank := "\t\t{ rank=same;"
	for i, rt := range rts {
		k := strconv.Itoa(i)
		p, q := "legend_p"+k, "legend_q"+k
		w := widest // a column: labels of one width, aligned left
		if d.rankdir == "TB" {
			w = d.width(labels[i], legendSize)
			rank += " " + p + "; " + q + ";"
		} else {
			rank += " " + p + ";"
		}
		d.attrs("\t\t", p, "width", quote("0.4"))
		d.attrs("\t\t", q, "class", quote("legend"), "label", table(labels[i], w))
		d.attrs("\t\t", p+" -> "+q,
			"class", quote("legend"),
			"color", quote(rt.Style.Color),
			"style", quote(lineStyle(rt.Style.Line)),
			"arrowhead", quote(rt.Style.Arrow),
			"tailclip", "false")
	}
	d.b.WriteString(rank + " }\n")
	// Invisible edges keep the samples in vocabulary order. Graphviz
	// stacks a left-to-right rank from the bottom up, hence the reversal.
	for i := 1; i < len(rts); i++ {
		k := strconv.Itoa(i)
		if d.rankdir == "TB" {
			d.attrs("\t\t", "legend_q"+strconv.Itoa(i-1)+" -> legend_p"+k, "style", "invis")
		} else {
			d.attrs("\t\t", "legend_p"+k+" -> legend_p"+strconv.Itoa(i-1), "style", "invis")
		}
	}
	d.b.WriteString("\t}\n")
}
