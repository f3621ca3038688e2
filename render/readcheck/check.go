package readcheck

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Measure returns how wide a line of text is drawn at a font size, both in
// the SVG's units.
type Measure func(s string, size float64) float64

// Report is what a reader meets on the page. Sizes are in points as
// printed.
type Report struct {
	// PageW and PageH are the page's size: the SVG's width and height.
	PageW, PageH float64
	// W and H are the drawing's size on the page, without the margin a
	// page adds around it; Aspect is W/H.
	W, H, Aspect float64
	// Fill is the share of the page the drawing covers.
	Fill float64
	// Names, EdgeLabels, Titles (category names) and Heading (title and
	// caption) are the sizes their texts print at.
	Names, EdgeLabels, Titles, Heading, LegendText Sizes
	// Overlaps lists texts whose boxes meet, or a text on a shape that is
	// not its own: "a / b".
	Overlaps []string
	// Through lists edges whose line passes through another edge's label:
	// "edge / label".
	Through []string
	// ThroughTitles lists edges through a category's title, the map's
	// title or the legend's texts.
	ThroughTitles []string
	// OffPage lists texts that reach beyond the page, by what they say.
	OffPage []string
	// Legend is the legend's share of the drawing's area.
	Legend float64
	// Key is the share of the drawing's area taken by the key that
	// explains numbered edges, apart from the legend's.
	Key float64
}

// Sizes summarises the print sizes of a kind of text.
type Sizes struct {
	N                int
	Min, Median, Max float64
}

func sizes(xs []float64) Sizes {
	if len(xs) == 0 {
		return Sizes{}
	}
	slices.Sort(xs)
	med := xs[len(xs)/2]
	if len(xs)%2 == 0 {
		med = (xs[len(xs)/2-1] + xs[len(xs)/2]) / 2
	}
	return Sizes{N: len(xs), Min: xs[0], Median: med, Max: xs[len(xs)-1]}
}

// slack is how far two boxes may reach into each other, in points on the
// page, before they count as touching: a rounding error, not a collision.
const slack = 0.5

// Check reads an SVG and reports on it, measuring text with measure.
func Check(svg []byte, measure Measure) (*Report, error) {
	dr, err := parse(svg, measure)
	if err != nil {
		return nil, err
	}
	r := &Report{PageW: dr.pageW, PageH: dr.pageH, W: dr.drawn.w(), H: dr.drawn.h()}
	if r.H > 0 {
		r.Aspect = r.W / r.H
	}
	if dr.pageW > 0 && dr.pageH > 0 {
		r.Fill = dr.drawn.area() / (dr.pageW * dr.pageH)
	}
	var names, edges, titles, heading, legend []float64
	legendBox, legendCluster, keyBox := noBox, noBox, noBox
	for _, e := range dr.elems {
		for _, t := range e.texts {
			switch e.kind {
			case Node:
				names = append(names, t.size)
			case Edge:
				edges = append(edges, t.size)
			case Cluster:
				titles = append(titles, t.size)
			case Heading:
				heading = append(heading, t.size)
			case Legend:
				legend = append(legend, t.size)
			}
		}
		if e.kind == Key {
			keyBox = keyBox.union(e.shape).union(e.label)
		}
		if e.kind == Legend {
			legendBox = legendBox.union(e.shape).union(e.label)
			if e.name == "cluster_legend" || e.name == "legend" {
				legendCluster = e.shape
			}
		}
	}
	r.Names, r.EdgeLabels, r.Titles, r.Heading, r.LegendText = sizes(names), sizes(edges), sizes(titles), sizes(heading), sizes(legend)
	if !legendCluster.empty() {
		legendBox = legendCluster
	}
	if a := dr.drawn.area(); a > 0 {
		r.Legend = legendBox.area() / a
		r.Key = keyBox.area() / a
	}

	// Texts beyond the page.
	if dr.pageW > 0 && dr.pageH > 0 {
		for _, e := range dr.elems {
			for _, t := range e.texts {
				if t.b.x0 < -slack || t.b.y0 < -slack || t.b.x1 > dr.pageW+slack || t.b.y1 > dr.pageH+slack {
					r.OffPage = append(r.OffPage, e.kind.String()+" "+strconv.Quote(t.s))
				}
			}
		}
	}
	// Texts against texts, and texts against shapes that are not theirs.
	for i, a := range dr.elems {
		for _, b := range dr.elems[i+1:] {
			if meets(a.label, b.label) {
				r.Overlaps = append(r.Overlaps, a.String()+" / "+b.String())
			}
		}
		for _, b := range dr.elems {
			if a == b || !solid(b) {
				continue
			}
			if a.kind == Node && b.kind == Node {
				// Two concepts: their boxes must not meet either.
				if a.id < b.id && meets(a.shape, b.shape) {
					r.Overlaps = append(r.Overlaps, a.String()+" / "+b.String())
				}
				continue
			}
			if meets(a.label, b.shape) {
				r.Overlaps = append(r.Overlaps, a.String()+" / "+b.String())
			}
		}
	}
	// Edges through labels.
	for _, a := range dr.elems {
		if a.kind != Edge {
			continue
		}
		reach := noBox // of the edge's lines: what lies beyond, they miss
		for _, l := range a.lines {
			for _, p := range l {
				reach = reach.add(p)
			}
		}
		for _, b := range dr.elems {
			if a == b || b.label.empty() || b.kind == Node {
				continue
			}
			if in := b.label.inset(slack); reach.x1 < in.x0 || in.x1 < reach.x0 || reach.y1 < in.y0 || in.y1 < reach.y0 {
				continue
			}
			if !crosses(a.lines, b.label) {
				continue
			}
			if b.kind == Edge {
				r.Through = append(r.Through, a.String()+" / "+b.String())
			} else {
				r.ThroughTitles = append(r.ThroughTitles, a.String()+" / "+b.String())
			}
		}
	}
	slices.Sort(r.Overlaps)
	slices.Sort(r.Through)
	slices.Sort(r.ThroughTitles)
	return r, nil
}

// meets says whether two boxes reach into each other by more than slack.
func meets(a, b box) bool {
	return a.inset(slack / 2).meets(b.inset(slack / 2))
}

// crosses says whether a polyline passes through the box, shrunk by slack.
func crosses(lines [][]pt, b box) bool {
	b = b.inset(slack)
	if b.empty() {
		return false
	}
	for _, l := range lines {
		for i := 1; i < len(l); i++ {
			if segmentMeets(l[i-1], l[i], b) {
				return true
			}
		}
	}
	return false
}

// segmentMeets says whether the segment from p to q meets the box, by
// clipping it to the box (Liang–Barsky).
func segmentMeets(p, q pt, b box) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := q.x-p.x, q.y-p.y
	for _, c := range [4][2]float64{{-dx, p.x - b.x0}, {dx, b.x1 - p.x}, {-dy, p.y - b.y0}, {dy, b.y1 - p.y}} {
		pp, qq := c[0], c[1]
		if pp == 0 {
			if qq < 0 {
				return false
			}
			continue
		}
		t := qq / pp
		if pp < 0 {
			t0 = max(t0, t)
		} else {
			t1 = min(t1, t)
		}
		if t0 > t1 {
			return false
		}
	}
	return true
}

// String names an element: its kind, and its first text or its id.
func (e *element) String() string {
	if len(e.texts) > 0 {
		return e.kind.String() + " " + fmt.Sprintf("%q", e.texts[0].s)
	}
	return e.kind.String() + " " + e.id
}

// Figures is the report in one line: page, aspect, fill, the median size
// of names and of edge labels, overlaps, edges through labels and the
// legend's share, and the key's when there is one.
func (r *Report) Figures() string {
	s := fmt.Sprintf("page %.0fx%.0f aspect %.2f fill %.0f%% names %.1fpt (min %.1f) edge labels %.1fpt overlaps %d through labels %d through titles %d legend %.0f%%",
		r.PageW, r.PageH, r.Aspect, 100*r.Fill, r.Names.Median, r.Names.Min, r.EdgeLabels.Median,
		len(r.Overlaps), len(r.Through), len(r.ThroughTitles), 100*r.Legend)
	if r.Key > 0 {
		s += fmt.Sprintf(" key %.0f%%", 100*r.Key)
	}
	return s
}

// Limits are what a map must meet to read; a zero field is not checked.
type Limits struct {
	MinName       float64 // the median concept name's size, in points
	MinHeading    float64 // the smallest title or caption line's size, in points
	OnPage        bool    // every text inside the page
	MaxAspect     float64 // the drawing's aspect, either way: w/h and h/w
	MaxLegend     float64 // the legend's share of the drawing
	MaxKey        float64 // the key's share of the drawing
	Overlaps      bool    // no overlaps
	Through       bool    // no edge through another edge's label
	ThroughTitles bool    // no edge through a title
}

// Problems lists what the report fails of the limits, in words.
func (r *Report) Problems(l Limits) []string {
	var ps []string
	if l.MinName > 0 && r.Names.Median < l.MinName {
		ps = append(ps, fmt.Sprintf("concept names print at %.1f pt (median), under %.1f pt", r.Names.Median, l.MinName))
	}
	if l.MinHeading > 0 && r.Heading.N > 0 && r.Heading.Min < l.MinHeading-0.01 {
		ps = append(ps, fmt.Sprintf("the heading prints at %.1f pt (its smallest line), under %.1f pt", r.Heading.Min, l.MinHeading))
	}
	if l.OnPage && len(r.OffPage) > 0 {
		ps = append(ps, "texts leave the page: "+strings.Join(r.OffPage, "; "))
	}
	if l.MaxAspect > 0 && r.Aspect > 0 && max(r.Aspect, 1/r.Aspect) > l.MaxAspect {
		ps = append(ps, fmt.Sprintf("the drawing is %.2f:1, more than %.2f:1 either way", r.Aspect, l.MaxAspect))
	}
	if l.MaxLegend > 0 && r.Legend > l.MaxLegend {
		ps = append(ps, fmt.Sprintf("the legend is %.0f%% of the drawing, more than %.0f%%", 100*r.Legend, 100*l.MaxLegend))
	}
	if l.MaxKey > 0 && r.Key > l.MaxKey {
		ps = append(ps, fmt.Sprintf("the key is %.0f%% of the drawing, more than %.0f%%", 100*r.Key, 100*l.MaxKey))
	}
	if l.Overlaps && len(r.Overlaps) > 0 {
		ps = append(ps, "texts overlap: "+strings.Join(r.Overlaps, "; "))
	}
	if l.Through && len(r.Through) > 0 {
		ps = append(ps, "edges through labels: "+strings.Join(r.Through, "; "))
	}
	if l.ThroughTitles && len(r.ThroughTitles) > 0 {
		ps = append(ps, "edges through titles: "+strings.Join(r.ThroughTitles, "; "))
	}
	return ps
}

// solid says whether an element's shape is a box that no other text may
// touch: a concept, the key, or a sample box or table of the legend (not
// the legend's frame, which holds its entries, nor a sample edge).
func solid(e *element) bool {
	if e.shape.empty() {
		return false
	}
	return e.kind == Node || e.kind == Key || e.kind == Legend && !e.edge && e.name != "cluster_legend"
}
