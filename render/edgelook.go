package render

import (
	"slices"
	"strconv"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/internal/printlook"
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
// and its own arrowhead (see printlook.Assign).
func (t *theme) edgeLooks(vocab []*graph.RelationType) map[*graph.RelationType]edgeLook {
	looks := make(map[*graph.RelationType]edgeLook, len(vocab))
	lines, arrows := make([]string, len(vocab)), make([]string, len(vocab))
	for i, rt := range vocab {
		lines[i], arrows[i] = lineStyle(rt.Style.Line), rt.Style.Arrow
	}
	var mono []printlook.Look
	if t.mono {
		mono = printlook.Assign(lines, arrows)
	}
	for i, rt := range vocab {
		lk := edgeLook{color: t.edge(rt.Style.Color), style: lines[i], arrow: arrows[i]}
		if mono != nil {
			lk.style, lk.arrow, lk.pen = mono[i].Style, mono[i].Arrow, mono[i].Pen
		}
		looks[rt] = lk
	}
	return looks
}

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
