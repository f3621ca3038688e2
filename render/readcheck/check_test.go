package readcheck

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// mono measures every character half an em wide.
func mono(s string, size float64) float64 { return float64(len([]rune(s))) * size / 2 }

// page wraps elements in an SVG as Graphviz writes it: a page of w by h
// points showing the viewBox vw by vh, a graph group flipped so that y
// grows upwards from the bottom, and its background polygon, the drawing,
// as big as the viewBox.
func page(w, h, vw, vh float64, body string) []byte {
	return pageOf(w, h, 0, vw, vh, vw, body)
}

// pageOf is page with a viewBox starting at x = vx and a drawing dw wide.
func pageOf(w, h, vx, vw, vh, dw float64, body string) []byte {
	return []byte(`<?xml version="1.0"?>
<svg width="` + fmtFloat(w) + `pt" height="` + fmtFloat(h) + `pt" viewBox="` + fmtFloat(vx) + ` 0 ` + fmtFloat(vw) + ` ` + fmtFloat(vh) + `" xmlns="http://www.w3.org/2000/svg">
<g id="graph0" class="graph" transform="scale(1 1) rotate(0) translate(0 ` + fmtFloat(vh) + `)">
<title>g</title>
<polygon fill="white" stroke="none" points="` + pts(0, 0, 0, -vh, dw, -vh, dw, 0, 0, 0) + `"/>
` + body + `
</g>
</svg>`)
}

func fmtFloat(x float64) string { return fmt.Sprintf("%g", x) }

// node is a concept box from (x0,y0) to (x1,y1), y upwards, named text at
// its centre, 10 points high.
func node(id string, x0, y0, x1, y1 float64, name string) string {
	return `<g id="` + id + `" class="node"><title>` + id + `</title>
<polygon points="` + pts(x0, -y0, x1, -y0, x1, -y1, x0, -y1) + `"/>
<text text-anchor="middle" x="` + fmtFloat((x0+x1)/2) + `" y="` + fmtFloat(-(y0+y1)/2+3) + `" font-size="10.00">` + name + `</text>
</g>
`
}

// edge is a straight edge from (x0,y0) to (x1,y1) with a label starting
// at (lx,ly), its baseline.
func edge(id string, x0, y0, x1, y1 float64, label string, lx, ly float64) string {
	s := `<g id="` + id + `" class="edge"><title>` + id + `</title>
<path fill="none" d="M` + fmtFloat(x0) + `,` + fmtFloat(-y0) + `C` + pts(x0, -y0, x1, -y1, x1, -y1) + `"/>
`
	if label != "" {
		s += `<text text-anchor="start" x="` + fmtFloat(lx) + `" y="` + fmtFloat(-ly) + `" font-size="10.00">` + label + `</text>
`
	}
	return s + "</g>\n"
}

func pts(xs ...float64) string {
	var b []string
	for i := 0; i+1 < len(xs); i += 2 {
		b = append(b, fmtFloat(xs[i])+","+fmtFloat(xs[i+1]))
	}
	return strings.Join(b, " ")
}

func check(t *testing.T, svg []byte) *Report {
	t.Helper()
	r, err := Check(svg, mono)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestPrintedSizes(t *testing.T) {
	// A drawing of 400 by 200 on a page of 200 by 100 points: every text
	// prints at half its size.
	body := node("a", 10, 10, 110, 40, "alpha") + node("b", 200, 10, 300, 40, "beta") + node("c", 10, 100, 110, 130, "gamma")
	r := check(t, page(200, 100, 400, 200, body))
	if r.Names.N != 3 || r.Names.Median != 5 || r.Names.Min != 5 {
		t.Errorf("names: %+v, want 3 at 5 pt", r.Names)
	}
	if r.Aspect != 2 || math.Abs(r.Fill-1) > 1e-9 {
		t.Errorf("aspect %v fill %v, want 2 and 1", r.Aspect, r.Fill)
	}
	if len(r.Overlaps)+len(r.Through)+len(r.ThroughTitles) != 0 {
		t.Errorf("a clean map has problems: %s", r.Figures())
	}
	// The same drawing centred on a page twice as wide fills half of it.
	r = check(t, pageOf(400, 100, -200, 800, 200, 400, body))
	if math.Abs(r.Fill-0.5) > 1e-9 {
		t.Errorf("fill %v, want 0.5", r.Fill)
	}
}

func TestOverlaps(t *testing.T) {
	// Two edge labels, 10 pt text half an em a character: "abcd" is 20
	// points wide. The second starts 15 points after the first: they
	// overlap. A third, 30 points after the second, does not.
	body := edge("e1", 0, 0, 0, 300, "abcd", 100, 100) +
		edge("e2", 400, 0, 400, 300, "efgh", 115, 100) +
		edge("e3", 500, 0, 500, 300, "ijkl", 165, 100)
	r := check(t, page(600, 400, 600, 400, body))
	if len(r.Overlaps) != 1 || r.Overlaps[0] != `edge "abcd" / edge "efgh"` {
		t.Errorf("overlaps %q, want abcd / efgh", r.Overlaps)
	}
	// A label on a concept box that is not its own.
	body = node("n", 90, 90, 160, 120, "x") + edge("e4", 0, 0, 0, 300, "label", 150, 100)
	r = check(t, page(600, 400, 600, 400, body))
	if len(r.Overlaps) != 1 || !strings.Contains(r.Overlaps[0], `node "x"`) {
		t.Errorf("overlaps %q, want the label on node x", r.Overlaps)
	}
	// Two concept boxes that meet.
	body = node("p", 0, 0, 100, 30, "p") + node("q", 90, 20, 200, 50, "q")
	r = check(t, page(600, 400, 600, 400, body))
	if len(r.Overlaps) != 1 {
		t.Errorf("overlaps %q, want p / q", r.Overlaps)
	}
}

func TestEdgesThroughLabels(t *testing.T) {
	// e1 runs up x=110; e2's label spans x 100 to 130 at y 96 to 106: e1
	// passes through it. e2's own line runs through its label, which is
	// fine, and e3 passes beside it.
	body := edge("e1", 110, 0, 110, 300, "", 0, 0) +
		edge("e2", 115, 0, 115, 300, "abcdef", 100, 98) +
		edge("e3", 140, 0, 140, 300, "", 0, 0)
	r := check(t, page(600, 400, 600, 400, body))
	if len(r.Through) != 1 || r.Through[0] != `edge e1 / edge "abcdef"` {
		t.Errorf("through %q, want e1 through abcdef", r.Through)
	}
	// A category's title crossed by an edge.
	body = `<g id="c" class="cluster"><title>cluster_0</title>
<path d="M0,0 L300,0 L300,-300 L0,-300 Z"/>
<text text-anchor="middle" x="150" y="-280" font-size="16">Foundations</text>
</g>
` + edge("e1", 150, 0, 150, 350, "", 0, 0)
	r = check(t, page(600, 400, 600, 400, body))
	if len(r.ThroughTitles) != 1 || len(r.Through) != 0 {
		t.Errorf("through titles %q, through %q: want one title", r.ThroughTitles, r.Through)
	}
}

func TestLegendShare(t *testing.T) {
	// A legend of 100 by 40 in a drawing of 400 by 100: 10%.
	body := `<g id="clust9" class="cluster"><title>cluster_legend</title>
<path d="M300,0 L400,0 L400,-40 L300,-40 Z"/>
<text text-anchor="start" x="310" y="-30" font-size="12">Legend</text>
</g>
<g id="node1" class="node"><title>legend_p0</title></g>
<g id="node2" class="node legend"><title>legend_q0</title>
<text text-anchor="start" x="340" y="-10" font-size="11">requires</text>
</g>
<g id="edge1" class="edge legend"><title>legend_p0&#45;&gt;legend_q0</title>
<path d="M305,-12 L335,-12"/>
</g>
` + node("a", 0, 0, 100, 30, "a")
	r := check(t, page(400, 100, 400, 100, body))
	if math.Abs(r.Legend-0.1) > 1e-9 {
		t.Errorf("legend %v, want 0.1", r.Legend)
	}
	if r.LegendText.N != 2 || r.Names.N != 1 {
		t.Errorf("legend texts %d, names %d: want 2 and 1 (the legend's are not names)", r.LegendText.N, r.Names.N)
	}
	if ps := r.Problems(Limits{MaxLegend: 0.05}); len(ps) != 1 || !strings.Contains(ps[0], "legend is 10%") {
		t.Errorf("problems %q", ps)
	}
}

func TestKeyShare(t *testing.T) {
	// A key of 200 by 50 in a drawing of 400 by 100: 25%, apart from the
	// legend's share, and its lines are neither names nor legend texts.
	body := `<g id="node9" class="node key"><title>key</title>
<polygon points="200,0 400,0 400,-50 200,-50 200,0"/>
<text text-anchor="start" x="210" y="-35" font-size="11">Key</text>
<text text-anchor="start" x="210" y="-20" font-size="11">1 a requires b</text>
</g>
` + node("a", 0, 0, 100, 30, "a")
	r := check(t, page(400, 100, 400, 100, body))
	if math.Abs(r.Key-0.25) > 1e-9 || r.Legend != 0 {
		t.Errorf("key %v, legend %v: want 0.25 and 0", r.Key, r.Legend)
	}
	if r.Names.N != 1 || r.LegendText.N != 0 {
		t.Errorf("names %d, legend texts %d: want 1 and 0 (the key's are neither)", r.Names.N, r.LegendText.N)
	}
	if !strings.HasSuffix(r.Figures(), "key 25%") {
		t.Errorf("figures %q do not end with the key's share", r.Figures())
	}
	if ps := r.Problems(Limits{MaxKey: 0.2}); len(ps) != 1 || ps[0] != "the key is 25% of the drawing, more than 20%" {
		t.Errorf("problems %q", ps)
	}
	if ps := r.Problems(Limits{MaxKey: 0.3, MaxLegend: 0.1}); len(ps) != 0 {
		t.Errorf("problems %q, want none", ps)
	}
}

func TestProblems(t *testing.T) {
	r := &Report{Aspect: 0.25, Names: Sizes{Median: 6}, Overlaps: []string{"a / b"}, Through: []string{"e / f"}, ThroughTitles: []string{"e / t"}}
	ps := r.Problems(Limits{MinName: 8, MaxAspect: 2.5, Overlaps: true, Through: true, ThroughTitles: true})
	want := []string{"6.0 pt (median), under 8.0 pt", "0.25:1, more than 2.50:1", "texts overlap: a / b", "edges through labels: e / f", "edges through titles: e / t"}
	if len(ps) != len(want) {
		t.Fatalf("problems %q, want %d", ps, len(want))
	}
	for i, w := range want {
		if !strings.Contains(ps[i], w) {
			t.Errorf("problem %q, want it to say %q", ps[i], w)
		}
	}
	if ps := r.Problems(Limits{}); len(ps) != 0 {
		t.Errorf("no limits, problems %q", ps)
	}
}

func TestPaths(t *testing.T) {
	ls, err := pathPoints("M0,0 l10,0 h5 v5 L0,0 Z m1,1 1,1")
	if err != nil {
		t.Fatal(err)
	}
	if len(ls) != 2 || ls[0][3] != (pt{15, 5}) || ls[1][1] != (pt{2, 2}) {
		t.Errorf("paths %v", ls)
	}
	m, err := parseTransform("scale(2) translate(10 -5) rotate(0)")
	if err != nil {
		t.Fatal(err)
	}
	if p := m.apply(pt{1, 1}); p != (pt{22, -8}) {
		t.Errorf("transform gives %v, want {22 -8}", p)
	}
}

func TestErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"<html></html>", "not an SVG"},
		{`<svg width="1pt" height="1pt"><g class="edge"><path d="Q"/></g></svg>`, "bad path data"},
		{`<svg width="1pt" height="1pt"><g class="edge"><path d="1,2"/></g></svg>`, "does not start with a command"},
		{`<svg width="1pt" height="1pt"><g transform="skew(3)"></g></svg>`, "unsupported transform"},
		{`<svg><g`, "reading the SVG"},
	} {
		_, err := Check([]byte(c.in), mono)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.in, err, c.want)
		}
	}
}

func TestFree(t *testing.T) {
	body := node("a", 0, 0, 100, 30, "a") + edge("e", 100, 15, 300, 15, "", 0, 0)
	p, err := Read(page(400, 100, 400, 100, body), mono)
	if err != nil {
		t.Fatal(err)
	}
	if d := p.Drawing(); d != (Rect{0, 0, 400, 100}) {
		t.Errorf("drawing %v", d)
	}
	for _, c := range []struct {
		r    Rect
		free bool
	}{
		{Rect{300, 0, 400, 40}, true},   // top right: empty
		{Rect{0, 60, 90, 90}, false},    // on the concept (y 70 to 100 on the page)
		{Rect{150, 80, 200, 90}, false}, // across the edge at y 85
		{Rect{150, 0, 200, 50}, true},   // above the edge
	} {
		if got := p.Free(c.r); got != c.free {
			t.Errorf("Free(%v) = %v, want %v", c.r, got, c.free)
		}
	}
}

func TestFreeAcrossCategory(t *testing.T) {
	body := `<g id="c" class="cluster"><title>cluster_0</title>
<path d="M0,0 L200,0 L200,-100 L0,-100 Z"/>
</g>
`
	p, err := Read(page(400, 200, 400, 200, body), mono)
	if err != nil {
		t.Fatal(err)
	}
	// The category's box spans x 0 to 200, y 100 to 200 on the page.
	for _, c := range []struct {
		r    Rect
		free bool
	}{
		{Rect{20, 120, 80, 180}, true},    // inside
		{Rect{250, 120, 300, 180}, true},  // outside
		{Rect{150, 120, 250, 180}, false}, // across its border
	} {
		if got := p.Free(c.r); got != c.free {
			t.Errorf("Free(%v) = %v, want %v", c.r, got, c.free)
		}
	}
}
