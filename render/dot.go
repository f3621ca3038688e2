package render

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/conceptmap/conceptmap/graph"
)

// Options says how to draw a view. The zero value draws English names, top
// to bottom, with a legend.
type Options struct {
	// Lang picks the names drawn: graph.En (the default), graph.Zh, or
	// graph.Both for English then Chinese on separate lines.
	Lang graph.Lang
	// Title, if not empty, is drawn above the map.
	Title string
	// RankDir is "TB" (the default: what is learned first at the top) or
	// "LR" (first at the left). Any other value means TB.
	RankDir string
	// NoLegend leaves out the legend of relation types.
	NoLegend bool
	// Steps maps concept ids to plan step numbers, drawn before the name
	// ("3. Softmax").
	Steps map[string]int
	// Targets marks concept ids to draw emphasised, with a thick border.
	Targets map[string]bool
	// NoEdgeLabels leaves the relation labels off the edges; colours and
	// line styles, explained by the legend, still tell the types apart.
	// Large maps read better without them.
	NoEdgeLabels bool
	// Measure, if set, returns how wide a line of text is drawn at a font
	// size, both in points, and boxes are sized to it instead of to
	// render's estimate. PNG and PDF set it to their font's Width.
	Measure func(text string, size float64) float64
}

// EdgeLabelLimit is the number of edges above which callers may want
// NoEdgeLabels: past it, labels crowd a map more than they help.
const EdgeLabelLimit = 60

// MarkPlan sets Steps and Targets from a plan: each step's number, counting
// from 1, and the plan's targets.
func (o *Options) MarkPlan(p *graph.Plan) {
	o.Steps = make(map[string]int, len(p.Steps))
	o.Targets = map[string]bool{}
	for i, s := range p.Steps {
		o.Steps[s.Concept.ID] = i + 1
		if s.Target {
			o.Targets[s.Concept.ID] = true
		}
	}
}

// DOT returns Graphviz source that draws the view: its concepts grouped by
// category, its relations styled from the relation vocabulary, and a
// legend. The same input always gives the same bytes. Edges whose ends are
// not both in the view are left out.
func DOT(g *graph.Graph, v graph.View, opt Options) []byte {
	d := &dotWriter{g: g, opt: opt, names: map[string]string{}}
	if strings.EqualFold(opt.RankDir, "LR") {
		d.rankdir = "LR"
	} else {
		d.rankdir = "TB"
	}
	d.header()
	d.concepts(v.Concepts)
	used := d.edges(v.Edges)
	if !opt.NoLegend && len(used) > 0 {
		d.legend(used)
	}
	d.b.WriteString("}\n")
	return d.b.Bytes()
}

type dotWriter struct {
	b       bytes.Buffer
	g       *graph.Graph
	opt     Options
	rankdir string
	names   map[string]string              // concept id → node name
	unknown map[string]*graph.RelationType // relation types the vocabulary lacks
}

// text returns t in the chosen language as the lines to draw.
func (d *dotWriter) text(t graph.Text) []string {
	if d.opt.Lang == graph.Both && t.En != "" && t.Zh != "" && t.En != t.Zh {
		return append(lines(t.En), lines(t.Zh)...)
	}
	return lines(t.In(d.opt.Lang))
}

// width returns how wide the widest of the lines is drawn at the given
// size: as Options.Measure says, or as we estimate.
func (d *dotWriter) width(ls []string, size float64) float64 {
	if d.opt.Measure == nil {
		return linesWidth(ls, size)
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
	kv := []string{
		"rankdir", d.rankdir,
		"fontname", quote(font),
		"fontcolor", quote(textColor),
		"bgcolor", quote("white"),
		"pad", quote("0.3"),
		"nodesep", quote("0.3"),
		"ranksep", quote("0.5"),
	}
	if d.opt.Title != "" {
		kv = append(kv,
			"labelloc", quote("t"),
			"fontsize", num(titleSize),
			"label", d.boxed(lines(d.opt.Title), titleSize))
	}
	d.attrs("\t", "graph", kv...)
	d.attrs("\t", "node",
		"shape", "box",
		"style", quote("rounded,filled"),
		"fontname", quote(font),
		"fontsize", num(nodeSize),
		"fontcolor", quote(textColor),
		"margin", quote(strconv.FormatFloat(padX/72, 'f', 4, 64)+","+strconv.FormatFloat(padY/72, 'f', 4, 64)),
		"height", quote("0.4"),
		"penwidth", quote("1.2"))
	d.attrs("\t", "edge",
		"fontname", quote(font),
		"fontsize", num(edgeSize),
		"fontcolor", quote(edgeText),
		"penwidth", quote("1.3"),
		"arrowsize", quote("0.8"))
}

// concepts writes one cluster per category, in category order, each with
// its concepts sorted by id.
func (d *dotWriter) concepts(cs []*graph.Concept) {
	cs = slices.Clone(cs)
	slices.SortStableFunc(cs, func(a, b *graph.Concept) int { return strings.Compare(a.ID, b.ID) })
	cs = slices.CompactFunc(cs, func(a, b *graph.Concept) bool { return a.ID == b.ID })
	for i, c := range cs {
		d.names[c.ID] = "n" + strconv.Itoa(i)
	}
	byCat := map[string][]*graph.Concept{}
	for _, c := range cs {
		byCat[c.Category] = append(byCat[c.Category], c)
	}
	cats := slices.Clone(d.g.Categories())
	// A view built by hand may name categories the graph lacks.
	var extra []string
	for id := range byCat {
		if d.g.Category(id) == nil {
			extra = append(extra, id)
		}
	}
	slices.Sort(extra)
	for _, id := range extra {
		cats = append(cats, &graph.Category{ID: id, Name: graph.Text{En: id}, Rank: len(cats)})
	}
	for _, cat := range cats {
		members := byCat[cat.ID]
		if len(members) == 0 {
			continue
		}
		h := palette[cat.Rank%len(palette)]
		d.b.WriteString("\n\tsubgraph cluster_" + strconv.Itoa(cat.Rank) + " {\n")
		d.attrs("\t\t", "graph",
			"label", d.boxed(d.text(cat.Name), groupSize),
			"fontsize", num(groupSize),
			"style", quote("rounded"),
			"color", quote(h.line),
			"penwidth", quote("1.2"),
			"margin", quote("12"))
		for _, c := range members {
			d.node(c, h)
		}
		d.b.WriteString("\t}\n")
	}
}

func (d *dotWriter) node(c *graph.Concept, h hue) {
	ls := d.text(c.Name)
	if n, ok := d.opt.Steps[c.ID]; ok {
		ls[0] = strconv.Itoa(n) + ". " + ls[0]
	}
	kv := []string{
		"id", quote(c.ID),
		"label", quote(strings.Join(ls, "\n")),
		"width", quote(inches(d.width(ls, nodeSize) + 2*padX)),
		"fillcolor", quote(h.fill),
		"color", quote(h.line),
	}
	if tip := strings.Join(d.text(c.Summary), "\n"); tip != "" {
		kv = append(kv, "tooltip", quoteTip(tip))
	}
	if d.opt.Targets[c.ID] {
		kv = append(kv, "class", quote("target"), "penwidth", quote("3"))
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
		rt := d.relation(e.Relation)
		used[rt] = true
		kv := []string{
			"color", quote(rt.Style.Color),
			"style", quote(lineStyle(rt.Style.Line)),
		}
		if !d.opt.NoEdgeLabels {
			kv = append([]string{"label", d.boxed(d.text(rt.Label), edgeSize)}, kv...)
		}
		if tip := strings.Join(d.text(e.Why), "\n"); tip != "" {
			kv = append(kv, "tooltip", quoteTip(tip), "labeltooltip", quoteTip(tip))
		}
		// Lay the end learned first out first (above, or to the left),
		// keeping the arrow at the target.
		head := from + " -> " + to
		switch rt.First {
		case graph.FirstTarget:
			head = to + " -> " + from
			kv = append(kv, "dir", "back", "arrowtail", quote(rt.Style.Arrow))
		case graph.FirstNone:
			kv = append(kv, "constraint", "false", "arrowhead", quote(rt.Style.Arrow))
		default:
			kv = append(kv, "arrowhead", quote(rt.Style.Arrow))
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
// up for an id that the vocabulary lacks.
func (d *dotWriter) relation(id string) *graph.RelationType {
	if rt := d.g.Relation(id); rt != nil {
		return rt
	}
	if d.unknown == nil {
		d.unknown = map[string]*graph.RelationType{}
	}
	rt := d.unknown[id]
	if rt == nil {
		rt = &graph.RelationType{ID: id, Label: graph.Text{En: id}, First: graph.FirstNone,
			Style: graph.Style{Color: "#4a5568", Line: "solid", Arrow: "normal"}}
		d.unknown[id] = rt
	}
	return rt
}

func lineStyle(line string) string {
	if s, ok := lineStyles[line]; ok {
		return s
	}
	return "solid"
}

// num formats a font size.
func num(x float64) string {
	return strconv.FormatFloat(x, 'f', -1, 64)
}
