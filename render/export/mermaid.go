package export

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/internal/view"
)

// Mermaid returns a Mermaid flowchart of the view, for Markdown (GitHub,
// GitLab, Notion, Obsidian) and slides (Marp, Slidev): one subgraph per
// category, titled with its name, holding its concepts; one edge per
// relation, labelled from the vocabulary unless opt.NoEdgeLabels; classes
// that fill concepts with their category's colours and give targets a
// thick border; and a linkStyle per relation type with its colour and
// line. opt.Lang, Steps, Targets and NoEdgeLabels work as in render's
// DOT. It has no title and no legend: Mermaid draws no legend, and
// mermaid.js shows a title with < or & escaped twice.
//
// Edges run from source to target as written, and Mermaid lays each out in
// its direction: it cannot turn one round as DOT does to put what is
// learned first above. So the chart runs the way that puts it above for
// most ordered relations of the view: top to bottom (or left to right,
// with RankDir "LR") when more of them point from what is learned first
// (first: source), bottom to top (or right to left) when more point at it
// (first: target, as "requires" and "improves on" do).
//
// Node and subgraph ids are generated (n0, n1… in id order; c0, c1… by
// category rank), so concept ids that Mermaid reserves, such as end or
// graph, cannot break the chart. Every text is quoted, with everything
// but letters, digits, spaces and a few safe punctuation marks written as
// Mermaid entity codes (#34; for ", #35; for #); see mermaidText. The
// same input always gives the same bytes.
func Mermaid(g *graph.Graph, v graph.View, opt Options) []byte {
	m := &mermaidWriter{opt: opt, ids: map[string]string{}}
	es := view.Edges(v)
	m.b.WriteString("flowchart " + mermaidDirection(g, es, opt.RankDir) + "\n")
	cs := view.Concepts(v)
	for i, c := range cs {
		m.ids[c.ID] = "n" + strconv.Itoa(i)
	}
	gs := view.Groups(g, cs)
	for _, gr := range gs {
		m.b.WriteString("  subgraph c" + strconv.Itoa(gr.Cat.Rank) + `["` + mermaidText(view.TextLines(gr.Cat.Name, opt.Lang)) + "\"]\n")
		for _, c := range gr.Members {
			ls := view.TextLines(c.Name, opt.Lang)
			if n, ok := opt.Steps[c.ID]; ok {
				ls[0] = strconv.Itoa(n) + ". " + ls[0]
			}
			m.b.WriteString("    " + m.ids[c.ID] + `["` + mermaidText(ls) + "\"]\n")
		}
		m.b.WriteString("  end\n")
	}
	links := m.edges(g, es)
	m.styles(gs, links)
	return m.b.Bytes()
}

// mermaidDirection returns the direction of the chart for rankdir (TB or
// LR): reversed when more of the ordered edges point at the end that is
// learned first.
func mermaidDirection(g *graph.Graph, es []graph.Edge, rankdir string) string {
	n := 0
	for _, e := range es {
		switch view.RelationOf(g, e.Relation).First {
		case graph.FirstTarget:
			n++
		case graph.FirstSource:
			n--
		}
	}
	lr := strings.EqualFold(rankdir, "LR")
	switch {
	case lr && n > 0:
		return "RL"
	case lr:
		return "LR"
	case n > 0:
		return "BT"
	}
	return "TB"
}

type mermaidWriter struct {
	b   bytes.Buffer
	opt Options
	ids map[string]string // concept id → node id
}

// edges writes one link per edge and returns, for each relation type in
// order of first use, the indexes of its links.
func (m *mermaidWriter) edges(g *graph.Graph, es []graph.Edge) []typeLinks {
	var out []typeLinks
	at := map[string]int{}
	for i, e := range es {
		rt := view.RelationOf(g, e.Relation)
		link := mermaidLink(rt.Style)
		if !m.opt.NoEdgeLabels {
			link += `|"` + mermaidText(view.TextLines(rt.Label, m.opt.Lang)) + `"|`
		}
		m.b.WriteString("  " + m.ids[e.From] + " " + link + " " + m.ids[e.To] + "\n")
		j, ok := at[rt.ID]
		if !ok {
			j = len(out)
			at[rt.ID] = j
			out = append(out, typeLinks{rt: rt})
		}
		out[j].links = append(out[j].links, strconv.Itoa(i))
	}
	return out
}

type typeLinks struct {
	rt    *graph.RelationType
	links []string // link indexes
}

// styles writes the classes of concepts and the styles of subgraphs and
// links.
func (m *mermaidWriter) styles(gs []view.Group, links []typeLinks) {
	for _, gr := range gs {
		h := view.Palette[gr.Cat.Rank%len(view.Palette)]
		c := strconv.Itoa(gr.Cat.Rank)
		m.b.WriteString("  classDef cat" + c + " fill:" + h.Fill + ",stroke:" + h.Line + ",color:" + view.TextColor + "\n")
		ids := make([]string, len(gr.Members))
		for i, cn := range gr.Members {
			ids[i] = m.ids[cn.ID]
		}
		m.b.WriteString("  class " + strings.Join(ids, ",") + " cat" + c + "\n")
		m.b.WriteString("  style c" + c + " fill:#ffffff,stroke:" + h.Line + ",color:" + view.TextColor + "\n")
	}
	var targets []string
	for _, gr := range gs {
		for _, c := range gr.Members {
			if m.opt.Targets[c.ID] {
				targets = append(targets, m.ids[c.ID])
			}
		}
	}
	if len(targets) > 0 {
		m.b.WriteString("  classDef target stroke-width:3px\n")
		m.b.WriteString("  class " + strings.Join(targets, ",") + " target\n")
	}
	for _, tl := range links {
		s := tl.rt.Style
		style := "stroke:" + s.Color + ",color:" + view.EdgeText
		switch s.Line {
		case "bold":
			style += ",stroke-width:2.5px"
		case "dashed":
			style += ",stroke-dasharray:6 4"
		case "dotted":
			style += ",stroke-dasharray:2 3"
		}
		m.b.WriteString("  linkStyle " + strings.Join(tl.links, ",") + " " + style + "\n")
	}
}

// mermaidLink returns the link between two nodes for a relation's style:
// its line (dotted and dashed lines are Mermaid's dotted link, bold its
// thick one) and its arrowhead (Mermaid has an arrow, a circle, a cross
// and none; other Graphviz arrowheads become the arrow).
func mermaidLink(s graph.Style) string {
	var l string
	switch s.Line {
	case "dotted", "dashed":
		l = "-.-"
	case "bold":
		l = "=="
	default:
		l = "--"
	}
	switch s.Arrow {
	case "none":
		if l != "-.-" {
			l += l[:1] // --- and ===
		}
	case "dot", "odot":
		l += "o"
	case "tee":
		l += "x"
	default:
		l += ">"
	}
	return l
}

// mermaidSafe holds the ASCII characters that Mermaid takes as they are in
// a quoted text. Anything else would need care: " ends the text, # starts
// an entity code, < and & are markup, ` makes a Markdown string, : and ;
// take part in the rewriting Mermaid does before parsing, % starts a
// comment line, and \ followed by n may become a line break.
const mermaidSafe = " .,-_()'/!?+"

// mermaidText returns lines as the inside of a quoted Mermaid text.
//
// Every ASCII character that is not a letter, a digit or in mermaidSafe is
// written as an entity code #NNN;, which Mermaid turns into the HTML
// character reference &#NNN;, as are control and format characters; other
// characters stay as they are. Lines are joined with a line break, which
// Mermaid draws as one (<br> would do too, but then Mermaid also reads a
// backslash and n as a line break).
//
// Mermaid marks entity codes with ﬂ°°, ﬂ° and ¶ß while it parses, and
// looks for them again in the SVG it has made, so text that holds ﬂ° or ¶ß
// would come out changed; a word joiner (U+2060), which shows nothing, is
// put between the two characters.
func mermaidText(ls []string) string {
	var b strings.Builder
	for i, l := range ls {
		if i > 0 {
			b.WriteByte('\n')
		}
		prev := rune(0)
		for _, r := range l {
			switch {
			case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune(mermaidSafe, r)):
				b.WriteRune(r)
			case r >= utf8.RuneSelf && unicode.IsGraphic(r):
				if prev == 'ﬂ' && r == '°' || prev == '¶' && r == 'ß' {
					b.WriteRune('\u2060')
				}
				b.WriteRune(r)
			default:
				b.WriteByte('#')
				b.WriteString(strconv.Itoa(int(r)))
				b.WriteByte(';')
			}
			prev = r
		}
	}
	return b.String()
}
