package render

import (
	"slices"
	"strconv"

	"github.com/conceptmap/conceptmap/graph"
)

// edgeLook is how a relation type's edges are drawn in a theme: colour,
// Graphviz line style, pen width (0: the map's default) and arrowhead.
type edgeLook struct {
	color, style, arrow string
	pen                 float64
}

// edgeLooks returns the look of every relation type of the vocabulary and
// of the extra types given, in that order. Themes with colour draw each
// type as the vocabulary says. The print theme has no colour to tell types
// apart, so it gives each type its own pair of line style and pen width,
// and its own arrowhead: the vocabulary's where no earlier type has taken
// it, else the next free one.
func (t *theme) edgeLooks(vocab []*graph.RelationType) map[*graph.RelationType]edgeLook {
	looks := make(map[*graph.RelationType]edgeLook, len(vocab))
	if !t.mono {
		for _, rt := range vocab {
			looks[rt] = edgeLook{color: t.edge(rt.Style.Color), style: lineStyle(rt.Style.Line), arrow: rt.Style.Arrow}
		}
		return looks
	}
	type line struct {
		style string
		pen   float64
	}
	var lines []line
	for _, pen := range printPens {
		for _, s := range []string{"solid", "dashed", "dotted"} {
			lines = append(lines, line{s, pen})
		}
	}
	takenLine := map[line]bool{}
	takenArrow := map[string]bool{}
	for _, rt := range vocab {
		want := line{lineStyle(rt.Style.Line), printPens[0]}
		if rt.Style.Line == "bold" {
			want = line{"solid", printPens[1]}
		}
		start := max(0, slices.Index(lines, want))
		l := want
		for k := range lines {
			if c := lines[(start+k)%len(lines)]; !takenLine[c] {
				l = c
				break
			}
		}
		takenLine[l] = true
		arrow := rt.Style.Arrow
		if arrow == "" {
			arrow = "normal"
		}
		if takenArrow[arrow] {
			from := max(0, slices.Index(printArrows, arrow))
			for k := range printArrows {
				if c := printArrows[(from+k)%len(printArrows)]; !takenArrow[c] {
					arrow = c
					break
				}
			}
		}
		takenArrow[arrow] = true
		looks[rt] = edgeLook{color: t.edge(rt.Style.Color), style: l.style, arrow: arrow, pen: l.pen}
	}
	return looks
}

// printPens are the three weights the print theme draws lines with, in
// points.
var printPens = []float64{1.2, 2.4, 3.6}

// printArrows are the arrowheads the print theme gives out, in order,
// when the vocabulary's is taken.
var printArrows = []string{"normal", "vee", "empty", "diamond", "odot", "dot", "box", "tee", "inv", "odiamond", "obox", "onormal", "crow", "icurve", "curve", "none"}

// look returns the look of a relation type, working out the looks of the
// whole vocabulary (and of any type it lacks) on first use.
func (d *dotWriter) look(rt *graph.RelationType) edgeLook {
	if l, ok := d.looks[rt]; ok {
		return l
	}
	vocab := d.g.Relations()
	vocab = append(vocab, d.extra...)
	if !slices.Contains(vocab, rt) {
		d.extra = append(d.extra, rt)
		vocab = append(vocab, rt)
	}
	d.looks = d.theme.edgeLooks(vocab)
	return d.looks[rt]
}

// pen formats a pen width.
func pen(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
