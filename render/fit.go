package render

import (
	"context"
	"math"
	"strconv"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/internal/fitsearch"
	"github.com/conceptmap/conceptmap/render/internal/fonts"
	"github.com/conceptmap/conceptmap/render/readcheck"
)

// fitting is what Fit chose for a map: what DOT draws differently from
// the plain map that the zero value asks for.
type fitting struct {
	// noClusters draws categories by colour alone, without their boxes,
	// and lists them in the legend.
	noClusters bool
	// compress asks Graphviz to pack the layout into the page, at the
	// size where concept names print at slideName points.
	compress bool
	// spacious spreads concepts apart, to give edge labels room.
	spacious bool
	// legendApart lays the legend out on its own and draws it at legend
	// (see legendDOT), if hasLegend.
	legendApart, hasLegend bool
	legend                 placement
	// laid is the map as Fit laid it out, and legendLaid its legend:
	// drawn again only if their DOT has changed since.
	laid, legendLaid *laidOut
}

// The sizes a fitted map aims at, in points as printed: concept names on
// a page, and the aspect of a map without one, either way.
const (
	slideName = 8.0
	maxAspect = 2.5
)

// Fit makes the choices that opt leaves open so that the map fits its page
// and reads, and returns the options with them made: the rank direction
// (when RankDir is ""), whether categories are drawn as boxes or by colour
// alone, and whether edges carry their labels (unless EdgeLabelsOn says
// they must). It lays candidates out and judges each as printed (see
// package readcheck): first that no text overlaps another or a concept and
// no edge runs through another's label or a title; then, on a page
// (PageWidth, PageHeight), that concept names print at slideName points
// or more, and without one, that the drawing is no more than maxAspect
// times wider than high or higher than wide. Among candidates that pass,
// the richest wins: boxes before colour, labels before a numbered key
// (EdgeKey, when the view's few edges have reasons to tell) before none,
// top to bottom before left to right. When none passes, the one that
// comes closest. Candidates that cannot pass where others already judged
// tell so are not laid out, and a large map without a page takes its bare
// left-to-right layout when that reads (see package fitsearch).
//
// Only the dot layout is fitted; other layouts, and options with Fit
// false, come back as they are.
func Fit(ctx context.Context, g *graph.Graph, v graph.View, opt Options) (Options, error) {
	return Renderer{}.Fit(ctx, g, v, opt)
}

// Fit is the package's Fit with the candidates laid out by r's Layouter.
// It lays out as few candidates as it can (see package fitsearch), and the
// options it returns keep the chosen one's layout, which SVG draws without
// laying it out again.
func (r Renderer) Fit(ctx context.Context, g *graph.Graph, v graph.View, opt Options) (Options, error) {
	if !opt.Fit || opt.fitted || (opt.Layout != "" && opt.Layout != "dot") {
		return opt, nil
	}
	page := opt.PageWidth > 0 && opt.PageHeight > 0
	plan := fitsearch.Plan{Dirs: []string{"TB", "LR"}, Page: page}
	if opt.RankDir != "" {
		plan.Dirs = []string{opt.RankDir}
	}
	plan.Labellings = labellings(v, opt)
	plan.Large = len(v.Edges) > EdgeLabelLimit && !plan.Labellings[0].Labels && !opt.Overview
	// Texts measured a little wide, so that a map judged clean stays
	// clean in a viewer whose font is wider than the one it was laid out
	// for.
	measure := func(s string, size float64) float64 {
		w := fonts.TextWidth(s, size)
		if opt.Measure != nil {
			w = max(w, opt.Measure(s, size))
		}
		return w * 1.08
	}
	aim := 1.6 // of a map without a page: a screen's
	if page {
		pw, ph := mapPage(opt)
		aim = pw / ph
	}
	legends := map[[2]bool]*laidOut{} // by Boxes and Key
	fitted := map[fitsearch.Cand]Options{}
	judge := func(cand fitsearch.Cand) (fitsearch.Score, error) {
		c := opt
		if c.Caption == "" {
			// Frames of a set are fitted with their longest caption in
			// place, so that nothing is put where a caption will be.
			c.Caption = longest(c.CaptionSet)
		}
		c.RankDir, c.NoEdgeLabels, c.EdgeKey = cand.Dir, !cand.Labels, cand.Key
		c.fit = fitting{noClusters: !cand.Boxes, compress: page, spacious: cand.Spacious, legendApart: true}
		c.fitted = true
		leg := legends[[2]bool{cand.Boxes, cand.Key}]
		if leg == nil {
			var err error
			if leg, err = r.legendSVG(ctx, g, v, c, nil); err != nil {
				return fitsearch.Score{}, err
			}
			legends[[2]bool{cand.Boxes, cand.Key}] = leg
		}
		rep, err := r.judgeCandidate(ctx, g, v, &c, leg, measure, aim)
		if err != nil {
			return fitsearch.Score{}, err
		}
		// The layout is the map's as drawn unless a caption of the set
		// stood in for it.
		c.fit.laid.final = c.Caption == opt.Caption
		c.Caption = opt.Caption
		fitted[cand] = c
		return judge(rep, page), nil
	}
	cand, _, err := fitsearch.Search(plan, judge)
	if err != nil {
		return opt, err
	}

	return fitted[cand], nil
}

// laidOut is DOT as Graphviz laid it out, as SVG. Final says that the DOT
// is the map's as Fit returns its options: a map laid out as it will be
// drawn.
type laidOut struct {
	dot, svg []byte
	final    bool
	// merged is the map's SVG with its legend drawn on, when it has one.
	merged []byte
}

func judge(r *readcheck.Report, page bool) fitsearch.Score {
	s := fitsearch.Score{Collisions: len(r.Overlaps) + len(r.Through), Titles: len(r.ThroughTitles)}
	if page {
		s.Short = max(0, slideName-r.Names.Median)
	} else if r.Aspect > 0 {
		s.Short = max(0, math.Max(r.Aspect, 1/r.Aspect)-maxAspect)
	}
	return s
}

// compressSize is the size attribute that packs a fitted map into its page
// at the size where names print at slideName points: the page, in inches,
// enlarged by how much larger names are drawn than that.
func compressSize(opt Options) string {
	k := nodeSize / (slideName + 1) / 72 // a point to spare: Graphviz packs no tighter than it must
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }
	pw, ph := mapPage(opt)
	return f(pw*k) + "," + f(ph*k)
}

// addLegend places a legend on a map's SVG and draws it there.
func addLegend(svg, legend []byte, measure readcheck.Measure, aim float64, opt Options) ([]byte, placement, error) {
	pg, err := readcheck.Read(svg, measure)
	if err != nil {
		return nil, placement{}, err
	}
	w, h, _, err := svgBox(svg)
	if err != nil {
		return nil, placement{}, err
	}
	lw, lh, _, err := svgBox(legend)
	if err != nil {
		return nil, placement{}, err
	}
	p := place(pg, w, h, lw, lh, aim)
	out, err := mergeSVG(svg, legend, p, background(opt))
	return out, p, err
}

// background is the colour of the page behind a map.
func background(opt Options) string {
	if opt.Transparent {
		return "none"
	}
	return themeOf(opt.Theme).bg
}

// judgeCandidate lays a candidate out, with its legend placed (which it
// records in c), on its page, and reads it as printed. c keeps the layout.
func (r Renderer) judgeCandidate(ctx context.Context, g *graph.Graph, v graph.View, c *Options, legend *laidOut, measure readcheck.Measure, aim float64) (*readcheck.Report, error) {
	dot := mapDOT(g, v, *c)
	svg, err := r.svg(ctx, dot)
	if err != nil {
		return nil, err
	}
	c.fit.laid, c.fit.legendLaid = &laidOut{dot: dot, svg: svg}, legend
	c.fit.hasLegend = false
	if legend.svg != nil {
		if svg, c.fit.legend, err = addLegend(svg, legend.svg, measure, aim, *c); err != nil {
			return nil, err
		}
		c.fit.hasLegend, c.fit.laid.merged = true, svg
	}
	if c.PageWidth > 0 && c.PageHeight > 0 {
		// Judged on the room the map has: its page less a heading's
		// band.
		pw, ph := mapPage(*c)
		if svg, err = fitSVG(svg, pw, ph, "none"); err != nil {
			return nil, err
		}
	} else if c.NoEdgeLabels && !c.EdgeKey && c.fit.noClusters && c.Title == "" && c.Caption == "" && !c.Overview {
		// Nothing here for a line to run through or a text to touch:
		// no edge labels or numbers, no category titles or boxes, no
		// heading, and
		// a legend placed where nothing is drawn; Graphviz keeps the
		// concepts apart. (An overview labels its nodes' counts.) Without a page, what is left to judge is the
		// aspect, which the size tells without reading the drawing.
		w, h, _, err := svgBox(svg)
		if err != nil {
			return nil, err
		}
		return &readcheck.Report{PageW: w, PageH: h, W: w, H: h, Aspect: w / h}, nil
	}
	return readcheck.Check(svg, measure)
}

// longest returns the longest of texts, by characters.
func longest(texts []string) string {
	l := ""
	for _, t := range texts {
		if len([]rune(t)) > len([]rune(l)) {
			l = t
		}
	}
	return l
}
