package render

import (
	"cmp"
	"strconv"
	"strings"

	"github.com/conceptmap/conceptmap/graph"
)

var legendTitle = graph.Text{En: "Legend", Zh: "图例"}

// legendColumns is how many entries a legend row holds in a top-to-bottom
// map.
const legendColumns = 4

// legend draws, for each relation type in rts, a sample edge in that
// type's style followed by its label: in a row when the map runs top to
// bottom, in a column when it runs left to right. Label nodes and sample
// edges have class "legend".
func (d *dotWriter) legend(rts []*graph.RelationType, marks []mark) {
	d.b.WriteString("\n")
	d.legendBox("10")
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
	var heads, tails []string // each entry's first and last node
	for i, rt := range rts {
		k := strconv.Itoa(i)
		p, q := "legend_p"+k, "legend_q"+k
		w := widest // a column: labels of one width, aligned left
		if d.rankdir == "TB" {
			w = d.width(labels[i], legendSize)
		}
		d.attrs("\t\t", p, "width", quote("0.4"))
		d.attrs("\t\t", q, "class", quote("legend"), "label", table(labels[i], w))
		lk := d.look(rt)
		kv := []string{"class", quote("legend"),
			"color", quote(lk.color),
			"style", quote(lk.style),
			"arrowhead", quote(lk.arrow),
			"tailclip", "false"}
		if lk.pen > 0 {
			kv = append(kv, "penwidth", quote(pen(lk.pen)))
		}
		d.attrs("\t\t", p+" -> "+q, kv...)
		heads, tails = append(heads, p), append(tails, q)
	}
	// How concepts are drawn: a sample box and its meaning.
	for i, m := range marks {
		k := strconv.Itoa(i)
		p, q := "legend_m"+k, "legend_n"+k
		ls := d.text(m.label)
		d.attrs("\t\t", p, "shape", "box", "style", quote(m.style), "fillcolor", quote(m.fill),
			"color", quote(m.line), "penwidth", quote(m.pen), "label", quote(cmp.Or(m.sample, " ")),
			"width", quote("0.4"), "height", quote("0.25"), "fontsize", num(legendSize))
		d.attrs("\t\t", q, "class", quote("legend"), "label", table(ls, d.width(ls, legendSize)))
		d.attrs("\t\t", p+" -> "+q, "style", "invis")
		heads, tails = append(heads, p), append(tails, q)
	}
	if d.rankdir != "TB" {
		// A column: every sample in one rank, which Graphviz stacks from
		// the bottom up, hence the reversed invisible edges that keep the
		// vocabulary's order.
		d.b.WriteString("\t\t{ rank=same; " + strings.Join(heads, "; ") + "; }\n")
		for i := 1; i < len(heads); i++ {
			d.attrs("\t\t", heads[i]+" -> "+heads[i-1], "style", "invis")
		}
		d.b.WriteString("\t}\n")
		return
	}
	// Rows of legendColumns entries, so that a long legend does not make
	// the map as wide as itself: each row one rank, kept in order by
	// invisible edges, each row under the one before.
	for start := 0; start < len(heads); start += legendColumns {
		end := min(start+legendColumns, len(heads))
		row := "\t\t{ rank=same;"
		for i := start; i < end; i++ {
			row += " " + heads[i] + "; " + tails[i] + ";"
			if i > start {
				d.attrs("\t\t", tails[i-1]+" -> "+heads[i], "style", "invis")
			}
		}
		d.b.WriteString(row + " }\n")
		if start > 0 {
			d.attrs("\t\t", heads[start-legendColumns]+" -> "+heads[start], "style", "invis")
		}
	}
	d.b.WriteString("\t}\n")
}

// legendNode draws the legend as one node holding a table, for layout
// engines that draw no clusters: a line in each relation type's colour
// (solid, or dashed as "╌ ╌") and its label, then the marks.
func (d *dotWriter) legendNode(rts []*graph.RelationType, marks []mark) {
	var b strings.Builder
	b.WriteString(`<<TABLE BORDER="1" COLOR="` + html(d.theme.legendLine) + `" CELLBORDER="0" CELLPADDING="3" CELLSPACING="0" STYLE="ROUNDED">`)
	b.WriteString(`<TR><TD COLSPAN="2">` + htmlLines(d.text(legendTitle)) + `</TD></TR>`)
	for _, rt := range rts {
		lk := d.look(rt)
		sample := "━━━━"
		switch lk.style {
		case "dashed":
			sample = "╍╍╍╍"
		case "dotted":
			sample = "┅┅┅┅"
		}
		ls := d.text(rt.Label)
		b.WriteString(`<TR><TD><FONT COLOR="` + html(lk.color) + `">` + sample + `</FONT></TD>` +
			`<TD ALIGN="LEFT" BALIGN="LEFT" WIDTH="` + strconv.Itoa(int(d.width(ls, legendSize))+8) + `">` + htmlLines(ls) + `</TD></TR>`)
	}
	for _, m := range marks {
		ls := d.text(m.label)
		b.WriteString(`<TR><TD BGCOLOR="` + html(m.fill) + `" BORDER="1" COLOR="` + html(m.line) + `">` + html(cmp.Or(m.sample, " ")) + `</TD>` +
			`<TD ALIGN="LEFT" BALIGN="LEFT" WIDTH="` + strconv.Itoa(int(d.width(ls, legendSize))+8) + `">` + htmlLines(ls) + `</TD></TR>`)
	}
	b.WriteString(`</TABLE>>`)
	d.b.WriteByte('\n')
	d.attrs("\t", "legend", "shape", "plaintext", "style", quote(""), "class", quote("legend"),
		"fontsize", num(legendSize), "label", b.String())
}

// legendBox opens the legend's cluster: its titled, rounded box with
// margin points inside (the caller closes it).
func (d *dotWriter) legendBox(margin string) {
	d.b.WriteString("\tsubgraph cluster_legend {\n")
	d.attrs("\t\t", "graph",
		"label", d.boxed(d.text(legendTitle), legendSize+1),
		"fontsize", num(legendSize+1),
		"style", quote("rounded"),
		"color", quote(d.theme.legendLine),
		"penwidth", quote("1"),
		"margin", quote(margin))
}
