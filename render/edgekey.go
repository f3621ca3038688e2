package render

import (
	"context"
	"strconv"
	"strings"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/internal/edgekey"
	"github.com/conceptmap/conceptmap/render/internal/engine"
	"github.com/conceptmap/conceptmap/render/internal/fitsearch"
	"github.com/conceptmap/conceptmap/render/internal/view"
)

// A map with Options.EdgeKey numbers its edges and explains the numbers
// in a key: a table beside the legend, one entry per number. A plan map,
// whose steps carry numbers, marks its edges with letters instead.

var keyTitle = graph.Text{En: "Key", Zh: "编号说明"}

// keyEntry is one numbered edge of the key: its mark and its lines.
type keyEntry struct {
	mark  string
	lines []string
}

// keyNumber records the key's entry for the n-th edge of the map and
// returns the edge's label: its mark.
func (d *dotWriter) keyNumber(n int, e graph.Edge, rt *graph.RelationType, hidden bool) string {
	mark := strconv.Itoa(n)
	if len(d.opt.Steps) > 0 {
		mark = letters(n)
	}
	if !hidden {
		d.keyed = append(d.keyed, keyEntry{mark, d.keyLines(e, rt)})
	}
	return quote(mark)
}

// letters names the n-th edge (from 1) a, b, …, z, aa, ab, …
func letters(n int) string {
	var b []byte
	for ; n > 0; n = (n - 1) / 26 {
		b = append([]byte{byte('a' + (n-1)%26)}, b...)
	}
	return string(b)
}

// keyLines returns an edge's lines in the key, one per language drawn:
// "From relation To: why", cut to the key's width.
func (d *dotWriter) keyLines(e graph.Edge, rt *graph.RelationType) []string {
	langs := []graph.Lang{d.opt.Lang}
	if d.opt.Lang == graph.Both {
		langs = []graph.Lang{graph.En, graph.Zh}
	}
	name := func(id string, lang graph.Lang) string {
		if c := d.concept[id]; c != nil {
			return strings.Join(lines(c.Name.In(lang)), " ")
		}
		return id
	}
	var out []string
	for _, lang := range langs {
		s := name(e.From, lang) + " " + rt.Label.In(lang) + " " + name(e.To, lang)
		if why := strings.Join(lines(e.Why.In(lang)), " "); why != "" {
			colon := ": "
			if lang == graph.Zh {
				colon = "："
			}
			s += colon + why
		}
		s = edgekey.Cut(s, edgekey.Width, func(s string) float64 { return d.width([]string{s}, legendSize) })
		if len(out) == 0 || out[len(out)-1] != s {
			out = append(out, s)
		}
	}
	return out
}

// keyNode draws the key as one node holding a table: its title, then each
// number and its lines. It draws nothing when no numbered edge is shown.
func (d *dotWriter) keyNode() {
	if len(d.keyed) == 0 {
		return
	}
	var b strings.Builder
	b.WriteString(`<<TABLE BORDER="1" COLOR="` + html(d.theme.legendLine) + `" CELLBORDER="0" CELLPADDING="2" CELLSPACING="0" STYLE="ROUNDED">`)
	b.WriteString(`<TR><TD COLSPAN="2">` + htmlLines(d.text(keyTitle)) + `</TD></TR>`)
	for _, k := range d.keyed {
		b.WriteString(`<TR><TD ALIGN="RIGHT" VALIGN="TOP">` + k.mark + `</TD>` +
			`<TD ALIGN="LEFT" BALIGN="LEFT" WIDTH="` + strconv.Itoa(int(d.width(k.lines, legendSize))+4) + `">` + htmlLines(k.lines) + `</TD></TR>`)
	}
	b.WriteString(`</TABLE>>`)
	d.b.WriteByte('\n')
	d.attrs("\t", "key", "shape", "plaintext", "style", quote(""), "class", quote("key"),
		"fontsize", num(legendSize), "fontcolor", quote(d.theme.text), "label", b.String())
}

// keyCounts returns how many of a view's edges a map draws, and how many
// of those have a reason: what edgekey.Serves judges.
func keyCounts(v graph.View, hidden map[string]bool) (edges, reasons int) {
	for _, e := range view.Edges(v) {
		if hidden[e.From] || hidden[e.To] {
			continue
		}
		edges++
		if e.Why.En != "" || e.Why.Zh != "" {
			reasons++
		}
	}
	return edges, reasons
}

// labellings returns the labellings Fit tries, richest first: the labels,
// then with more room; a numbered key when EdgeKey asks for one, or when
// the choice is open and edgekey.Serves says it serves the view; then
// colour and the legend alone.
func labellings(v graph.View, opt Options) []fitsearch.Labelling {
	on := []fitsearch.Labelling{{Labels: true}, {Labels: true, Spacious: true}}
	key := []fitsearch.Labelling{{Key: true}, {Key: true, Spacious: true}}
	none := []fitsearch.Labelling{{}}
	edges, reasons := keyCounts(v, opt.Hidden)
	switch {
	case len(v.Edges) == 0:
		return none
	case opt.EdgeKey:
		return key
	case opt.NoEdgeLabels:
		return none
	case opt.EdgeLabelsOn:
		return on
	case !opt.NoEdgeKey && edgekey.Serves(edges, reasons):
		return append(append(on, key...), none...)
	}
	return append(on, none...)
}

// keyDOT returns the DOT of the view's key alone, or nil when the map
// numbers no edge it shows.
func keyDOT(g *graph.Graph, v graph.View, opt Options) []byte {
	if !opt.EdgeKey || opt.Overview {
		return nil
	}
	d := newDotWriter(g, opt)
	d.concepts(v.Concepts)
	d.edges(v.Edges)
	if len(d.keyed) == 0 {
		return nil
	}
	d.b.Reset()
	d.apartHeader("key")
	d.keyNode()
	d.b.WriteString("}\n")
	return d.b.Bytes()
}

// legendLayout lays out the legend of a fitted map, with its key beside
// it, as legendSVG does, or returns nil when it has neither.
func (r Renderer) legendLayout(ctx context.Context, g *graph.Graph, v graph.View, opt Options) (*engine.Layout, error) {
	var ls []*engine.Layout
	for _, dot := range [][]byte{legendDOT(g, v, opt), keyDOT(g, v, opt)} {
		if dot == nil {
			continue
		}
		l, err := r.xdot(ctx, dot)
		if err != nil {
			return nil, err
		}
		ls = append(ls, l)
	}
	switch len(ls) {
	case 0:
		return nil, nil
	case 1:
		return ls[0], nil
	}
	lw, lh := ls[0].Size()
	kw, kh := ls[1].Size()
	mergeLayout(ls[0], ls[1], beside(lw, lh, kw, kh), 1)
	return ls[0], nil
}

// keyGap is the room between the legend and the key beside it, in points.
const keyGap = 6

// beside places a key of kw by kh points at the right of a legend of lw
// by lh, their tops aligned: the legend is narrow and the key wide, so
// the two make a block nearer square than one above the other.
func beside(lw, lh, kw, kh float64) placement {
	return placement{X: lw + keyGap, Y: 0, GrowX: kw + keyGap, GrowY: max(0, kh-lh)}
}
