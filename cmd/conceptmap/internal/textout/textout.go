// Package textout writes the human text of conceptmap's answers: plans,
// paths, neighbourhoods, search results, concepts, lists and counts, and a
// talk's captions and outline, in the chosen language. Package api holds
// the same answers as JSON. It reads the graph and writes text; it must
// not import the command line, the server or net/http.
package textout

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render"
)

// Writer collects the text of answers about a graph, in a language.
type Writer struct {
	b    bytes.Buffer
	g    *graph.Graph
	lang graph.Lang
}

// New returns a Writer of text about g in lang.
func New(g *graph.Graph, lang graph.Lang) *Writer { return &Writer{g: g, lang: lang} }

// Bytes returns the text written so far.
func (w *Writer) Bytes() []byte { return w.b.Bytes() }

func (w *Writer) line(format string, args ...any) {
	fmt.Fprintf(&w.b, format, args...)
	w.b.WriteByte('\n')
}

// Line writes a line; an empty one separates answers.
func (w *Writer) Line(s string) { w.line("%s", s) }

// name is how text names a concept: in the chosen language.
func (w *Writer) name(c *graph.Concept) string { return c.Name.In(w.lang) }

// label is a concept's name with its id, for lists.
func (w *Writer) label(c *graph.Concept) string {
	return w.name(c) + " [" + c.ID + "]"
}

// tr picks the words of the output's language: Chinese with --lang zh,
// English otherwise (with both, names show both and sentences stay English).
func (w *Writer) tr(en, zh string) string {
	if w.lang == graph.Zh {
		return zh
	}
	return en
}

func (w *Writer) Plan(p *graph.Plan) {
	var names []string
	for _, t := range p.Targets {
		names = append(names, w.name(t))
	}
	if len(p.AlreadyKnown) > 0 {
		var k []string
		for _, c := range p.AlreadyKnown {
			k = append(k, w.name(c))
		}
		w.line(w.tr("Already known: %s", "已经掌握:%s"), strings.Join(k, w.tr(", ", "、")))
	}
	if len(p.Steps) == 0 {
		w.line(w.tr("Nothing to learn: you already know %s.", "无需再学:你已经掌握%s。"), strings.Join(names, w.tr(", ", "、")))
		return
	}
	head := fmt.Sprintf("Learning plan for %s: %s", strings.Join(names, ", "), graph.Plural(len(p.Steps), "step"))
	if w.lang == graph.Zh {
		head = fmt.Sprintf("%s的学习路线:共 %d 步", strings.Join(names, "、"), len(p.Steps))
	}
	if len(p.Known) > 0 {
		var k []string
		for _, c := range p.Known {
			k = append(k, w.name(c))
		}
		head += w.tr(", knowing ", ",已掌握") + strings.Join(k, w.tr(", ", "、"))
	}
	w.line("%s", head)
	w.steps(p.Steps)
	if len(p.Background) > 0 {
		w.line("")
		if w.lang == graph.Zh {
			w.line("背景(可选):%d 个概念值得一看,但上面的步骤并不需要;加 --with-background 可把它们列为步骤", len(p.Background))
		} else {
			w.line("Background (optional): %s worth a look, not needed for the steps above; --with-background makes %s steps",
				graph.Plural(len(p.Background), "concept"), map[bool]string{true: "it", false: "them"}[len(p.Background) == 1])
		}
		w.background(p.Background)
	}
}

// background prints a plan's background, each concept with why it is
// worth a look: the chain of relations that offers it.
func (w *Writer) background(steps []graph.Step) {
	for _, s := range steps {
		w.line("")
		w.line("  - %s", w.label(s.Concept))
		w.line("    %s %s", w.tr("because", "因为"), Chain(w.g, w.lang, s.Concept.ID, s.Because))
		for _, l := range whyLines(s.Because[0].Why, w.lang) {
			w.line("      %s", l)
		}
	}
}

// steps prints numbered plan steps, each with the chain of relations
// that pulls it in, from the step to a target, and the reason of its
// nearest link.
func (w *Writer) steps(steps []graph.Step) {
	width := len(fmt.Sprint(len(steps)))
	indent := strings.Repeat(" ", width+2)
	for i, s := range steps {
		mark := ""
		switch {
		case s.Target:
			mark = w.tr("  (target)", "  (目标)")
		case s.Background:
			mark = w.tr("  (background)", "  (背景)")
		}
		w.line("")
		w.line("%*d. %s%s", width, i+1, w.label(s.Concept), mark)
		if len(s.Because) == 0 {
			continue
		}
		w.line("%s%s %s", indent, w.tr("because", "因为"), Chain(w.g, w.lang, s.Concept.ID, s.Because))
		for _, l := range whyLines(s.Because[0].Why, w.lang) {
			w.line("%s  %s", indent, l)
		}
	}
}

func (w *Writer) Order(cmd string, c *graph.Concept, steps []graph.Step) {
	if len(steps) == 0 {
		if cmd == "prereqs" {
			w.line(w.tr("%s needs nothing first.", "%s无需先学其他概念。"), w.name(c))
		} else {
			w.line(w.tr("Nothing builds on %s.", "没有概念建立在%s之上。"), w.name(c))
		}
		return
	}
	if cmd == "prereqs" {
		if w.lang == graph.Zh {
			w.line("要学%s,先按顺序学这 %d 个概念:", w.name(c), len(steps))
		} else {
			w.line("To learn %s, first learn %s, in this order:", w.name(c), graph.Plural(len(steps), "concept"))
		}
		w.steps(steps)
		return
	}
	if w.lang == graph.Zh {
		w.line("%s通向 %d 个概念,按学习顺序:", w.name(c), len(steps))
	} else {
		w.line("%s leads to %s, in learning order:", w.name(c), graph.Plural(len(steps), "concept"))
	}
	w.unlocks(c, steps)
}

// unlocks prints steps whose chains run from c to the step.
func (w *Writer) unlocks(c *graph.Concept, steps []graph.Step) {
	width := len(fmt.Sprint(len(steps)))
	indent := strings.Repeat(" ", width+2)
	for i, s := range steps {
		w.line("")
		w.line("%*d. %s", width, i+1, w.label(s.Concept))
		w.line("%s%s %s", indent, w.tr("because", "因为"), Chain(w.g, w.lang, c.ID, s.Because))
		for _, l := range whyLines(s.Because[len(s.Because)-1].Why, w.lang) {
			w.line("%s  %s", indent, l)
		}
	}
}

func (w *Writer) Path(from, to *graph.Concept, hops []graph.Hop) {
	if len(hops) == 0 {
		w.line(w.tr("%s and %s are the same concept.", "%s 和 %s 是同一个概念。"), w.name(from), w.name(to))
		return
	}
	edges := make([]*graph.Edge, len(hops))
	for i := range hops {
		edges[i] = &hops[i].Edge
	}
	w.line("%s", Chain(w.g, w.lang, from.ID, edges))
	w.line("")
	cur := from.ID
	for i, h := range hops {
		rel, next := hop(w.g, w.lang, h.Edge, h.Forward)
		w.line("%d. %s%s%s", i+1, w.name(w.g.Concept(cur)), rel, w.name(w.g.Concept(next)))
		for _, l := range whyLines(h.Why, w.lang) {
			w.line("   %s", l)
		}
		cur = next
	}
}

func (w *Writer) Neighbors(c *graph.Concept, opt graph.NeighborOptions, ns []graph.Neighbor) {
	if len(ns) == 0 {
		w.line(w.tr("%s has no neighbours with these filters.", "按这些条件,%s 没有相邻的概念。"), w.name(c))
		return
	}
	if w.lang == graph.Zh {
		w.line("%s 的 %d 步以内(%s):", w.label(c), opt.Depth, map[graph.Direction]string{"out": "向外", "in": "向内", "both": "双向"}[opt.Direction])
	} else {
		w.line("%s within %s (%s):", w.label(c), graph.Plural(opt.Depth, "hop"), string(opt.Direction))
	}
	depth := 0
	for _, n := range ns {
		if n.Depth != depth {
			depth = n.Depth
			w.line("")
			w.line(w.tr("depth %d:", "第 %d 层:"), depth)
		}
		rel, _ := hop(w.g, w.lang, n.Via.Edge, n.Via.Forward)
		from := n.Via.From
		if !n.Via.Forward {
			from = n.Via.To
		}
		w.line("  %s   (%s%s%s)", w.label(n.Concept), w.name(w.g.Concept(from)), rel, w.name(n.Concept))
	}
}

func (w *Writer) Search(q string, ms []graph.Match) {
	if len(ms) == 0 {
		w.line(w.tr("No concept matches %q.", "没有与 %q 匹配的概念。"), q)
		return
	}
	for _, m := range ms {
		w.line("%3d  %s", m.Score, w.label(m.Concept))
	}
}

func (w *Writer) Show(c *graph.Concept) {
	w.line("%s", w.label(c))
	if cat := w.g.Category(c.Category); cat != nil {
		w.line(w.tr("Category: %s", "类别:%s"), cat.Name.In(w.lang))
	}
	if len(c.Aliases) > 0 {
		w.line(w.tr("Aliases:  %s", "别名:%s"), strings.Join(c.Aliases, ", "))
	}
	para := func(title string, t graph.Text) {
		ls := whyLines(t, w.lang)
		if len(ls) == 0 {
			return
		}
		w.line("")
		w.line("%s:", title)
		for _, l := range ls {
			w.line("  %s", l)
		}
	}
	para(w.tr("Summary", "简介"), c.Summary)
	para(w.tr("Analogy", "类比"), c.Analogy)
	if len(c.Refs) > 0 {
		w.line("")
		w.line("%s", w.tr("References:", "参考文献:"))
		for _, r := range c.Refs {
			w.line("  - %s  %s", r.Title, r.Link())
		}
	}
	rels := func(title string, es []graph.Edge, forward bool) {
		if len(es) == 0 {
			return
		}
		w.line("")
		w.line("%s:", title)
		for _, e := range es {
			rel, next := hop(w.g, w.lang, e, forward)
			w.line("  %s%s", strings.TrimLeft(rel, " "), w.label(w.g.Concept(next)))
			for _, l := range whyLines(e.Why, w.lang) {
				w.line("      %s", l)
			}
		}
	}
	rels(w.tr("Relations out", "指向其他概念的关系"), w.g.Out(c.ID), true)
	rels(w.tr("Relations in", "指向它的关系"), w.g.In(c.ID), false)
}

func (w *Writer) List(cs []*graph.Concept) {
	byCat := map[string][]*graph.Concept{}
	for _, c := range cs {
		byCat[c.Category] = append(byCat[c.Category], c)
	}
	first := true
	for _, cat := range w.g.Categories() {
		list := byCat[cat.ID]
		if len(list) == 0 {
			continue
		}
		if !first {
			w.line("")
		}
		first = false
		w.line("%s (%d)", cat.Name.In(w.lang), len(list))
		for _, c := range list {
			w.line("  %-24s %s", c.ID, w.name(c))
		}
	}
}

func (w *Writer) Stats(s graph.Stats) {
	if w.lang == graph.Zh {
		w.line("%d 个概念,%d 条关系,%d 种关系类型,%d 个分类", s.Concepts, s.Relations, len(w.g.Relations()), len(w.g.Categories()))
	} else {
		w.line("%s, %s, %s, %s",
			graph.Plural(s.Concepts, "concept"), graph.Plural(s.Relations, "relation"),
			graph.Plural(len(w.g.Relations()), "relation type"), graph.Plural(len(w.g.Categories()), "category"))
	}
	var chain []string
	for _, c := range s.LongestChain {
		chain = append(chain, w.name(c))
	}
	if w.lang == graph.Zh {
		w.line("最长的前置知识链:%d 个概念", s.LongestPath)
	} else {
		w.line("Longest chain of prerequisites: %s", graph.Plural(s.LongestPath, "concept"))
	}
	if len(chain) > 1 {
		w.line("  %s", strings.Join(chain, " → "))
	}
	w.line("")
	w.Line(w.tr("Concepts per category:", "各分类的概念数:"))
	for _, c := range s.Categories {
		w.line("  %4d  %s", c.Count, w.g.Category(c.ID).Name.In(w.lang))
	}
	w.line("")
	w.Line(w.tr("Relations per type:", "各类型的关系数:"))
	for _, c := range s.Types {
		label := w.g.Relation(c.ID).Label.In(textLang(w.lang))
		if label == c.ID || label == "" {
			w.line("  %4d  %s", c.Count, c.ID)
		} else {
			w.line("  %4d  %s (%s)", c.Count, label, c.ID)
		}
	}
	w.line("")
	w.Line(w.tr("Most connected:", "关联最多的概念:"))
	for _, d := range s.Connected {
		w.line("  %4d  %s", d.Degree, w.label(d.Concept))
	}
	list := func(title string, cs []*graph.Concept) {
		w.line("")
		w.line(w.tr("%s (%d):", "%s(%d):"), title, len(cs))
		for _, c := range cs {
			w.line("  %s", w.label(c))
		}
	}
	list(w.tr("Roots: need nothing first", "起点:无需先学其他概念"), s.Roots)
	list(w.tr("Leaves: nothing builds on them", "终点:没有概念以它为前置"), s.Leaves)
	if len(s.Isolated) > 0 {
		list(w.tr("Outside the learning order", "不在学习顺序中"), s.Isolated)
	}
}

// Known lists what the known file holds.
func (w *Writer) Known(g *graph.Graph, path string, ids []string) {
	if len(ids) == 0 {
		w.line("You know nothing yet, as far as %s says.", path)
		return
	}
	w.line("You know %s (kept in %s):", graph.Plural(len(ids), "concept"), path)
	for _, id := range ids {
		if c := g.Concept(id); c != nil {
			w.line("  %s", w.label(c))
		} else {
			w.line("  %s (not in these data)", id)
		}
	}
}

// Relations lists the relation vocabulary, each type read as "A label B"
// with its learning rule.
func (w *Writer) Relations(rs []*graph.RelationType) {
	w.line("Relation types: how \"A relation B\" reads, and which end a learner meets first")
	for _, r := range rs {
		w.line("")
		w.line("  %s: A %s B (B %s A)", r.ID, r.Label.In(textLang(w.lang)), r.Inverse.In(textLang(w.lang)))
		w.line("    %s", strings.NewReplacer("its target", "B", "its source", "A").Replace(r.Rule()))
	}
	w.line("")
	w.line("A prerequisite is taught by every plan that needs it; background is listed apart,")
	w.line("under \"Background (optional)\"; a reach limits how far from a plan's targets a type pulls.")
}

// StepCaption says which step a frame shows and why it is in the plan.
func (w *Writer) StepCaption(i, n int, s graph.Step) string {
	head := fmt.Sprintf("Step %d of %d: %s", i+1, n, s.Concept.Name.In(w.lang))
	if w.lang == graph.Zh {
		head = fmt.Sprintf("第 %d 步(共 %d 步):%s", i+1, n, s.Concept.Name.In(w.lang))
	}
	if len(s.Because) == 0 {
		return head
	}
	lines := append([]string{head}, ChainLines(w.g, w.lang, s.Concept.ID, s.Because, captionWidth)...)
	if why := s.Because[0].Why.In(textLang(w.lang)); why != "" {
		lines = append(lines, why)
	}
	return strings.Join(lines, "\n")
}

// Outline writes the plan as Markdown: a title slide, then one slide per
// step with its frame, the chain that explains it and the reason. Marp,
// Slidev and reveal.js split slides at "---"; a screen reader reads the
// same text, and each frame's alt text names its step.
func (w *Writer) Outline(p *graph.Plan, format string, width int) []byte {
	var b strings.Builder
	var targets []string
	for _, s := range p.Steps {
		if s.Target {
			targets = append(targets, s.Concept.Name.In(w.lang))
		}
	}
	fmt.Fprintf(&b, "# %s\n\n", render.PlanTitle(w.lang, targets))
	fmt.Fprintf(&b, "%s", graph.Plural(len(p.Steps), "step"))
	if len(p.Known) > 0 {
		var names []string
		for _, c := range p.Known {
			names = append(names, c.Name.In(w.lang))
		}
		fmt.Fprintf(&b, ", for a learner who knows %s", strings.Join(names, ", "))
	}
	b.WriteString(".\n")
	if format == "pdf" {
		b.WriteString("\nThe frames are the pages of slides.pdf, in this order.\n")
	}
	for i, s := range p.Steps {
		name := s.Concept.Name.In(w.lang)
		fmt.Fprintf(&b, "\n---\n\n## %d. %s\n\n", i+1, name)
		if format != "pdf" {
			fmt.Fprintf(&b, "![Step %d of %d: %s](step-%0*d.%s)\n\n", i+1, len(p.Steps), name, width, i+1, format)
		}
		if sum := s.Concept.Summary.In(textLang(w.lang)); sum != "" {
			b.WriteString(sum + "\n\n")
		}
		if len(s.Because) == 0 {
			b.WriteString("The goal of this plan.\n")
			continue
		}
		fmt.Fprintf(&b, "Why now: %s\n", Chain(w.g, w.lang, s.Concept.ID, s.Because))
		for _, l := range whyLines(s.Because[0].Why, w.lang) {
			fmt.Fprintf(&b, "\n> %s\n", l)
		}
	}
	return []byte(b.String())
}

// hop reads one edge of a chain from the concept at → the other end,
// using the vocabulary's label or, against the edge, its inverse:
// "Transformer —replaces→ LSTM" or "LSTM —is replaced by→ Transformer".
func hop(g *graph.Graph, lang graph.Lang, e graph.Edge, forward bool) (rel, next string) {
	r := g.Relation(e.Relation)
	label := r.Label
	next = e.To
	if !forward {
		label, next = r.Inverse, e.From
	}
	return " —" + label.In(textLang(lang)) + "→ ", next
}

// chain reads a sequence of edges, starting at concept start, as
// "A —rel→ B —rel→ C". With both languages it names concepts in English
// only, to keep long chains readable.
func Chain(g *graph.Graph, lang graph.Lang, start string, edges []*graph.Edge) string {
	var b strings.Builder
	cur := start
	lang = textLang(lang)
	b.WriteString(g.Concept(cur).Name.In(lang))
	for _, e := range edges {
		rel, next := hop(g, lang, *e, e.From == cur)
		b.WriteString(rel)
		b.WriteString(g.Concept(next).Name.In(lang))
		cur = next
	}
	return b.String()
}

// captionWidth is how many characters a line of a frame's caption holds.
const captionWidth = 80

// ChainLines is Chain broken into lines of about width characters,
// between links and never inside a name: each line after the first starts
// with a link, "—rel→ B".
func ChainLines(g *graph.Graph, lang graph.Lang, start string, edges []*graph.Edge, width int) []string {
	cur := start
	tl := textLang(lang)
	line := g.Concept(cur).Name.In(tl)
	var out []string
	for _, e := range edges {
		rel, next := hop(g, lang, *e, e.From == cur)
		piece := strings.TrimLeft(rel, " ") + g.Concept(next).Name.In(tl)
		if len([]rune(line))+1+len([]rune(piece)) > width {
			out = append(out, line)
			line = piece
		} else {
			line += " " + piece
		}
		cur = next
	}
	return append(out, line)
}

// textLang is the language for running text (labels, reasons): with
// "both", names show both but sentences stay in English.
func textLang(l graph.Lang) graph.Lang {
	if l == graph.Both {
		return graph.En
	}
	return l
}

// why returns a relation's reason in the chosen language; with "both",
// the two languages on separate lines.
func whyLines(t graph.Text, lang graph.Lang) []string {
	if lang != graph.Both {
		if s := t.In(lang); s != "" {
			return []string{s}
		}
		return nil
	}
	var out []string
	for _, s := range []string{t.En, t.Zh} {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// outlineStamp begins the last line of an outline as slides writes it,
// which holds a digest of the text before it: an outline whose text no
// longer matches its digest was edited.
const outlineStamp = "<!-- conceptmap slides wrote this outline; it keeps your edits unless run with --force. sha256:"

// Stamp ends an outline with its stamp.
func Stamp(outline []byte) []byte {
	sum := sha256.Sum256(outline)
	return append(outline, []byte("\n"+outlineStamp+hex.EncodeToString(sum[:])+" -->\n")...)
}

// Edited says whether an outline differs from what slides wrote: its text
// does not match its stamp, or it has none.
func Edited(b []byte) bool {
	i := bytes.LastIndex(b, []byte("\n"+outlineStamp))
	if i < 0 {
		return true
	}
	rest := strings.TrimSuffix(strings.TrimSpace(string(b[i+1+len(outlineStamp):])), "-->")
	sum := sha256.Sum256(b[:i])
	return strings.TrimSpace(rest) != hex.EncodeToString(sum[:])
}
