package render

import (
	"bytes"
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/internal/fonts"
	"github.com/conceptmap/conceptmap/render/internal/view"
)

// DOT returns Graphviz source that draws the view: its concepts grouped by
// category, its relations styled from the relation vocabulary, and a
// legend. The same input always gives the same bytes. Edges whose ends are
// not both in the view are left out.
//
// A map that Fit has fitted has its legend drawn apart when SVG, PNG and
// PDF draw it; its DOT keeps the legend in the graph, as Graphviz draws it.
func DOT(g *graph.Graph, v graph.View, opt Options) []byte {
	opt.fit.legendApart = false
	return mapDOT(g, v, opt)
}

// mapDOT is DOT, without the legend when it is drawn apart.
func mapDOT(g *graph.Graph, v graph.View, opt Options) []byte {
	d := newDotWriter(g, opt)
	d.header()
	if opt.Overview {
		d.overview(v)
		d.b.WriteString("}\n")
		return d.b.Bytes()
	}
	d.concepts(v.Concepts)
	used := d.edges(v.Edges)
	marks := d.marks(v.Concepts)
	if !opt.NoLegend && !opt.fit.legendApart && len(used)+len(marks) > 0 {
		if l := opt.Layout; l == "" || l == "dot" {
			d.legend(used, marks)
		} else {
			d.legendNode(used, marks) // other engines draw no clusters
		}
	}
	if !opt.fit.legendApart {
		d.keyNode()
	}
	d.b.WriteString("}\n")
	return d.b.Bytes()
}

func newDotWriter(g *graph.Graph, opt Options) *dotWriter {
	d := &dotWriter{g: g, opt: opt, names: map[string]string{}, theme: themeOf(opt.Theme), rankdir: "TB"}
	if strings.EqualFold(opt.RankDir, "LR") {
		d.rankdir = "LR"
	}
	return d
}

type dotWriter struct {
	b       bytes.Buffer
	g       *graph.Graph
	opt     Options
	rankdir string
	theme   *theme
	names   map[string]string              // concept id → node name
	unknown map[string]*graph.RelationType // relation types the vocabulary lacks
	looks   map[*graph.RelationType]edgeLook
	extra   []*graph.RelationType     // the unknown types, in the order met
	concept map[string]*graph.Concept // the drawn concepts by id
	keyed   []keyEntry                // the key's entries, with EdgeKey
	// dry makes concepts and edges name the concepts and collect the
	// relation types without writing them: what a legend needs.
	dry bool
}

// text returns t in the chosen language as the lines to draw.
func (d *dotWriter) text(t graph.Text) []string { return view.TextLines(t, d.opt.Lang) }

// width returns how wide the widest of the lines is drawn at the given
// size: as Options.Measure says, or as we estimate.
func (d *dotWriter) width(ls []string, size float64) float64 {
	if d.opt.Measure == nil {
		return fonts.LinesWidth(ls, size)
	}
	w := 0.0
	for _, l := range ls {
		w = max(w, d.opt.Measure(l, size))
	}
	return w
}

// boxed returns an HTML-like label that holds the lines in a cell as wide
// as the widest of them (see table).
func (d *dotWriter) boxed(ls []string, size float64) string {
	return table(ls, d.width(ls, size))
}

// heading returns the label of the title and the caption: the title in
// large type, the caption under it, wrapped, in smaller type.
func (d *dotWriter) heading() string {
	var rows []string
	var widths []float64
	if d.opt.Title != "" {
		ls := lines(d.opt.Title)
		rows = append(rows, `<FONT POINT-SIZE="`+num(titleSize)+`">`+htmlLines(ls)+`</FONT>`)
		widths = append(widths, d.width(ls, titleSize))
	}
	if d.opt.Caption != "" || len(d.opt.CaptionSet) > 0 {
		ls := wrap(lines(d.opt.Caption), 90)
		size := captionSize
		w := d.width(ls, size)
		n := len(ls)
		for _, c := range d.opt.CaptionSet {
			other := wrap(lines(c), 90)
			n, w = max(n, len(other)), max(w, d.width(other, size))
		}
		for len(ls) < n {
			ls = append(ls, " ")
		}
		rows = append(rows, `<FONT POINT-SIZE="`+num(math.Round(size*10)/10)+`">`+htmlLines(ls)+`</FONT>`)
		widths = append(widths, w)
	}
	var b strings.Builder
	b.WriteString(`<<TABLE BORDER="0" CELLBORDER="0" CELLPADDING="2" CELLSPACING="0">`)
	for i, r := range rows {
		b.WriteString(`<TR><TD WIDTH="` + strconv.Itoa(int(widths[i]+1)) + `" ALIGN="LEFT" BALIGN="LEFT">` + r + `</TD></TR>`)
	}
	b.WriteString(`</TABLE>>`)
	return b.String()
}

// wrap breaks lines longer than n runes at spaces, or anywhere in text
// without spaces (Chinese).
func wrap(ls []string, n int) []string {
	var out []string
	for _, l := range ls {
		for len([]rune(l)) > n {
			r := []rune(l)
			cut := n
			for i := n; i > n/2; i-- {
				if r[i] == ' ' {
					cut = i
					break
				}
			}
			out = append(out, strings.TrimRight(string(r[:cut]), " "))
			l = strings.TrimLeft(string(r[cut:]), " ")
		}
		out = append(out, l)
	}
	return out
}

// mark is a legend entry for how a concept is drawn: a sample box and what
// it means.
type mark struct {
	label      graph.Text
	fill, line string
	style, pen string
	sample     string // the text in the sample box
}

// marks returns the legend entries for the ways concepts are drawn in
// this view: numbered steps, known, highlighted and focused concepts.
func (d *dotWriter) marks(cs []*graph.Concept) []mark {
	var steps, known, high, focus bool
	for _, c := range cs {
		if d.opt.Hidden[c.ID] {
			continue
		}
		_, st := d.opt.Steps[c.ID]
		steps = steps || st
		known = known || d.opt.Known[c.ID]
		high = high || d.opt.Highlight[c.ID]
		focus = focus || (d.opt.Focus != nil && d.opt.Focus.Concepts[c.ID])
	}
	h := d.theme.palette[0]
	var ms []mark
	if steps {
		ms = append(ms, mark{label: graph.Text{En: "step of the learning plan, in order", Zh: "学习计划的步骤,按顺序"},
			fill: h.Fill, line: h.Line, style: "rounded,filled", pen: "1.2", sample: "1."})
	}
	if known {
		ms = append(ms, mark{label: graph.Text{En: "already known", Zh: "已掌握"},
			fill: d.theme.known.Fill, line: d.theme.known.Line, style: "rounded,filled,dashed", pen: "1.2"})
	}
	if high {
		ms = append(ms, mark{label: graph.Text{En: "highlighted", Zh: "重点"},
			fill: h.Fill, line: d.theme.highlight, style: "rounded,filled", pen: "4"})
	}
	if focus {
		ms = append(ms, mark{label: graph.Text{En: "on the path", Zh: "路径上"},
			fill: h.Fill, line: h.Line, style: "rounded,filled", pen: "2.5"})
	}
	if d.opt.fit.noClusters && !d.theme.mono {
		// Without their boxes, categories are told by colour (which a
		// theme without colour does not have).
		var shown []*graph.Concept
		for _, c := range cs {
			if !d.opt.Hidden[c.ID] {
				shown = append(shown, c)
			}
		}
		for _, gr := range view.Groups(d.g, shown) {
			h := d.theme.palette[gr.Cat.Rank%len(d.theme.palette)]
			ms = append(ms, mark{label: gr.Cat.Name, fill: h.Fill, line: h.Line, style: "rounded,filled", pen: "1.2"})
		}
	}
	return ms
}

// attrs writes "indent head [k=v, …];" from key, value pairs.
func (d *dotWriter) attrs(indent, head string, kv ...string) {
	d.b.WriteString(indent)
	d.b.WriteString(head)
	d.b.WriteString(" [")
	for i := 0; i < len(kv); i += 2 {
		if i > 0 {
			d.b.WriteString(", ")
		}
		d.b.WriteString(kv[i])
		d.b.WriteByte('=')
		d.b.WriteString(kv[i+1])
	}
	d.b.WriteString("];\n")
}

func (d *dotWriter) header() {
	d.b.WriteString("digraph conceptmap {\n")
	bg := d.theme.bg
	if d.opt.Transparent {
		bg = "transparent"
	}
	kv := []string{
		"rankdir", d.rankdir,
		"fontname", quote(font),
		"fontcolor", quote(d.theme.text),
		"bgcolor", quote(bg),
		"pad", quote("0.3"),
		"nodesep", quote("0.3"),
		"ranksep", quote("0.5"),
	}
	if d.opt.fit.spacious {
		kv[len(kv)-3], kv[len(kv)-1] = quote("0.7"), quote("1")
	}
	if l := d.opt.Layout; l != "" && l != "dot" {
		// overlap=false asks for prism, which needs a triangulation
		// library that the embedded Graphviz lacks: it fails, and leaves
		// the WebAssembly in a state where later layouts fail too.
		// Scaling removes overlaps with what it has.
		kv = append(kv, "layout", l, "overlap", quote("scale"), "splines", quote("true"), "sep", quote("+8"))
	}
	if d.opt.fit.compress {
		kv = append(kv, "ratio", quote("compress"), "size", quote(compressSize(d.opt)))
	}
	if (d.opt.Title != "" || d.opt.Caption != "" || len(d.opt.CaptionSet) > 0) && !headOnPage(d.opt) {
		kv = append(kv,
			"labelloc", quote("t"),
			"fontsize", num(titleSize),
			"label", d.heading())
	}
	d.attrs("\t", "graph", kv...)
	d.attrs("\t", "node",
		"shape", "box",
		"style", quote("rounded,filled"),
		"fontname", quote(font),
		"fontsize", num(nodeSize),
		"fontcolor", quote(d.theme.text),
		"margin", quote(strconv.FormatFloat(padX/72, 'f', 4, 64)+","+strconv.FormatFloat(padY/72, 'f', 4, 64)),
		"height", quote("0.4"),
		"penwidth", quote("1.2"))
	d.attrs("\t", "edge",
		"fontname", quote(font),
		"fontsize", num(edgeSize),
		"fontcolor", quote(d.theme.edgeText),
		"penwidth", quote("1.3"),
		"arrowsize", quote("0.8"))
}

// concepts writes one cluster per category, in category order, each with
// its concepts sorted by id.
func (d *dotWriter) concepts(cs []*graph.Concept) {
	cs = view.Concepts(graph.View{Concepts: cs})
	d.concept = make(map[string]*graph.Concept, len(cs))
	for i, c := range cs {
		d.names[c.ID] = "n" + strconv.Itoa(i)
		d.concept[c.ID] = c
	}
	if d.dry {
		return
	}
	for _, gr := range view.Groups(d.g, cs) {
		cat, members := gr.Cat, gr.Members
		h := d.theme.palette[cat.Rank%len(d.theme.palette)]
		if d.opt.fit.noClusters {
			// Categories told by their colour alone, which the legend
			// explains.
			d.b.WriteString("\n\tsubgraph category_" + strconv.Itoa(cat.Rank) + " {\n")
		} else {
			d.b.WriteString("\n\tsubgraph cluster_" + strconv.Itoa(cat.Rank) + " {\n")
			style := "rounded"
			if d.allHidden(members) {
				style = "invis" // a frame of a talk draws no empty box
			}
			d.attrs("\t\t", "graph",
				"label", d.boxed(d.text(cat.Name), groupSize),
				"fontsize", num(groupSize),
				"style", quote(style),
				"color", quote(h.Line),
				"penwidth", quote("1.2"),
				"margin", quote("12"))
		}
		for _, c := range members {
			d.node(c, h)
		}
		d.b.WriteString("\t}\n")
	}
}

// allHidden says whether every concept of cs is hidden.
func (d *dotWriter) allHidden(cs []*graph.Concept) bool {
	for _, c := range cs {
		if !d.opt.Hidden[c.ID] {
			return false
		}
	}
	return true
}

func (d *dotWriter) node(c *graph.Concept, h hue) {
	ls := d.text(c.Name)
	if n, ok := d.opt.Steps[c.ID]; ok {
		ls[0] = strconv.Itoa(n) + ". " + ls[0]
	}
	fill, line, text := h.Fill, h.Line, d.theme.text
	var class []string
	if d.opt.Known[c.ID] {
		fill, line, text = d.theme.known.Fill, d.theme.known.Line, d.theme.knownText
		class = append(class, "known")
	}
	if d.opt.Focus != nil && !d.opt.Focus.Concepts[c.ID] {
		fill, line, text = d.theme.fade(fill), d.theme.fade(line), d.theme.fade(text)
		class = append(class, "faded")
	}
	kv := []string{
		"id", quote(c.ID),
		"label", quote(strings.Join(ls, "\n")),
		"width", quote(inches(d.width(ls, nodeSize) + 2*padX)),
		"fillcolor", quote(fill),
		"color", quote(line),
	}
	if text != d.theme.text {
		kv = append(kv, "fontcolor", quote(text))
	}
	if tip := strings.Join(d.text(c.Summary), "\n"); tip != "" {
		kv = append(kv, "tooltip", quoteTip(tip))
	}
	pen := ""
	switch {
	case d.opt.Highlight[c.ID]:
		class = append(class, "highlight")
		kv = append(kv, "color", quote(d.theme.highlight))
		pen = "4"
	case d.opt.Focus != nil && d.opt.Focus.Concepts[c.ID]:
		class = append(class, "focus")
		pen = "2.5"
	}
	if d.opt.Targets[c.ID] {
		class = append(class, "target")
		pen = cmp.Or(pen, "3")
	}
	if d.opt.Known[c.ID] {
		kv = append(kv, "style", quote("rounded,filled,dashed"))
	}
	if d.opt.Hidden[c.ID] {
		kv = append(kv, "style", "invis")
		class = append(class, "hidden")
	}
	if pen != "" {
		kv = append(kv, "penwidth", quote(pen))
	}
	if len(class) > 0 {
		kv = append(kv, "class", quote(strings.Join(class, " ")))
	}
	d.attrs("\t\t", d.names[c.ID], kv...)
}

// edges writes one edge per relation whose ends are both drawn and returns
// the relation types used, in vocabulary order.
func (d *dotWriter) edges(es []graph.Edge) []*graph.RelationType {
	es = slices.Clone(es)
	slices.SortStableFunc(es, func(a, b graph.Edge) int {
		return cmp.Or(strings.Compare(a.From, b.From), strings.Compare(a.To, b.To), strings.Compare(a.Relation, b.Relation))
	})
	used := map[*graph.RelationType]bool{}
	first := true
	n := 0 // the edges drawn, hidden ones too: a key numbers frames alike
	for _, e := range es {
		from, ok1 := d.names[e.From]
		to, ok2 := d.names[e.To]
		if !ok1 || !ok2 {
			continue
		}
		if first {
			d.b.WriteByte('\n')
			first = false
		}
		n++
		rt := d.relation(e.Relation)
		hidden := d.opt.Hidden[e.From] || d.opt.Hidden[e.To]
		if !hidden {
			used[rt] = true
		}
		lk := d.look(rt)
		if d.dry {
			continue
		}
		color, style, pw := lk.color, lk.style, ""
		if lk.pen > 0 {
			pw = pen(lk.pen)
		}
		if f := d.opt.Focus; f != nil {
			if f.Edges[e.Key()] {
				pw = pen(max(3, lk.pen+1))
			} else {
				color = d.theme.fade(color)
			}
		}
		if hidden {
			style = "invis"
		}
		kv := []string{
			"color", quote(color),
			"style", quote(style),
		}
		if pw != "" {
			kv = append(kv, "penwidth", quote(pw))
		}
		labelled := true
		switch {
		case d.opt.EdgeKey:
			kv = append([]string{"label", d.keyNumber(n, e, rt, hidden)}, kv...)
		case !d.opt.NoEdgeLabels:
			kv = append([]string{"label", d.boxed(d.text(rt.Label), edgeSize)}, kv...)
		default:
			labelled = false
		}
		if tip := strings.Join(d.text(e.Why), "\n"); tip != "" {
			kv = append(kv, "tooltip", quoteTip(tip))
			// A label's own tooltip only where there is a label: on a
			// map without them it would be a quarter of the DOT that
			// Graphviz reads for nothing.
			if labelled {
				kv = append(kv, "labeltooltip", quoteTip(tip))
			}
		}
		// Lay the end learned first out first (above, or to the left),
		// keeping the arrow at the target.
		head := from + " -> " + to
		switch rt.First {
		case graph.FirstTarget:
			head = to + " -> " + from
			kv = append(kv, "dir", "back", "arrowtail", quote(lk.arrow))
		case graph.FirstNone:
			kv = append(kv, "constraint", "false", "arrowhead", quote(lk.arrow))
		default:
			kv = append(kv, "arrowhead", quote(lk.arrow))
		}
		d.attrs("\t", head, kv...)
	}
	var out []*graph.RelationType
	for _, rt := range d.g.Relations() {
		if used[rt] {
			out = append(out, rt)
			delete(used, rt)
		}
	}
	// Relation types the vocabulary lacks, from a view built by hand.
	var rest []*graph.RelationType
	for rt := range used {
		rest = append(rest, rt)
	}
	slices.SortFunc(rest, func(a, b *graph.RelationType) int { return strings.Compare(a.ID, b.ID) })
	return append(out, rest...)
}

// relation returns the relation type with the given id, making a plain one
// up, once, for an id that the vocabulary lacks: the legend tells types
// apart by pointer.
func (d *dotWriter) relation(id string) *graph.RelationType {
	if rt := d.g.Relation(id); rt != nil {
		return rt
	}
	if d.unknown == nil {
		d.unknown = map[string]*graph.RelationType{}
	}
	if d.unknown[id] == nil {
		d.unknown[id] = view.RelationOf(d.g, id)
	}
	return d.unknown[id]
}

// lineStyle is the Graphviz edge style of a relation's line: Graphviz
// names each of graph.LineStyles as the vocabulary does. Another line
// draws solid.
func lineStyle(line string) string {
	if slices.Contains(graph.LineStyles, line) {
		return line
	}
	return "solid"
}

// num formats a font size.
func num(x float64) string {
	return strconv.FormatFloat(x, 'f', -1, 64)
}
