package render

import (
	"context"
	"math"
	"strconv"

	"github.com/conceptmap/conceptmap/graph"
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
	// captionScale enlarges the caption so that it prints at captionSize
	// on the page, however much the map is scaled down to fit.
	captionScale float64
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
// they must). It lays each candidate out and judges it as printed (see
// package readcheck): first that no text overlaps another or a concept and
// no edge runs through another's label or a title; then, on a page
// (PageWidth, PageHeight), that concept names print at slideName points
// or more, and without one, that the drawing is no more than maxAspect
// times wider than high or higher than wide. Among candidates that pass,
// the richest wins: boxes before colour, labels before none, top to bottom
// before left to right. When none passes, the one that comes closest.
//
// Only the dot layout is fitted; other layouts, and options with Fit
// false, come back as they are.
func Fit(ctx context.Context, g *graph.Graph, v graph.View, opt Options) (Options, error) {
	return Renderer{}.Fit(ctx, g, v, opt)
}

// Fit is the package's Fit with the candidates laid out by r's Layouter.
func (r Renderer) Fit(ctx context.Context, g *graph.Graph, v graph.View, opt Options) (Options, error) {
	if !opt.Fit || opt.fitted || (opt.Layout != "" && opt.Layout != "dot") {
		return opt, nil
	}
	page := opt.PageWidth > 0 && opt.PageHeight > 0
	dirs := []string{"TB", "LR"}
	if opt.RankDir != "" {
		dirs = []string{opt.RankDir}
	}
	// Edge labels as the map has them, then with more room, then none.
	type labelling struct{ on, spacious bool }
	labels := []labelling{{true, false}, {true, true}, {false, false}}
	if opt.NoEdgeLabels || len(v.Edges) == 0 {
		labels = labels[2:]
	} else if opt.EdgeLabelsOn {
		labels = labels[:2]
	}
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
		aim = opt.PageWidth / opt.PageHeight
	}
	var best Options
	var bestScore score
	first := true
	for _, clusters := range []bool{true, false} {
		var legend []byte
		for _, label := range labels {
			for _, dir := range dirs {
				c := opt
				if c.Caption == "" {
					// Frames of a set are fitted with their longest
					// caption in place, so that nothing is put where a
					// caption will be.
					c.Caption = longest(c.CaptionSet)
				}
				c.RankDir, c.NoEdgeLabels = dir, !label.on
				c.fit = fitting{noClusters: !clusters, compress: page, spacious: label.spacious, legendApart: true}
				c.fitted = true
				if legend == nil {
					var err error
					if legend, err = r.legendSVG(ctx, g, v, c); err != nil {
						return opt, err
					}
				}
				rep, err := r.judgeCandidate(ctx, g, v, &c, legend, measure, aim)
				if err != nil {
					return opt, err
				}
				if page && (opt.Caption != "" || len(opt.CaptionSet) > 0) {
					// A caption that the page's scale makes small is
					// drawn larger, and the map laid out again.
					for range 6 {
						k := rep.Names.Median / nodeSize // the page's scale
						if k <= 0 || k*max(1, c.fit.captionScale) >= 1.02 {
							break
						}
						c.fit.captionScale = max(1, c.fit.captionScale) * 1.1 / (k * max(1, c.fit.captionScale))
						if rep, err = r.judgeCandidate(ctx, g, v, &c, legend, measure, aim); err != nil {
							return opt, err
						}
					}
				}
				s := judge(rep, page)
				c.Caption = opt.Caption
				if first || s.better(bestScore) {
					best, bestScore, first = c, s, false
				}
				if s.passes() {
					return c, nil
				}
			}
		}
	}
	return best, nil
}

// score is how a candidate reads: its collisions, and how far it falls
// short of the size or the aspect it aims at (0 when it meets it).
type score struct {
	collisions, titles int
	short              float64
}

func judge(r *readcheck.Report, page bool) score {
	s := score{collisions: len(r.Overlaps) + len(r.Through), titles: len(r.ThroughTitles)}
	if page {
		s.short = max(0, slideName-r.Names.Median)
	} else if r.Aspect > 0 {
		s.short = max(0, math.Max(r.Aspect, 1/r.Aspect)-maxAspect)
	}
	return s
}

func (s score) passes() bool { return s.collisions == 0 && s.titles == 0 && s.short == 0 }

// better says whether s is closer to passing than t: fewer collisions,
// then less short of its aim, then fewer edges through titles.
func (s score) better(t score) bool {
	switch {
	case s.collisions != t.collisions:
		return s.collisions < t.collisions
	case s.short != t.short:
		return s.short < t.short
	}
	return s.titles < t.titles
}

// compressSize is the size attribute that packs a fitted map into its page
// at the size where names print at slideName points: the page, in inches,
// enlarged by how much larger names are drawn than that.
func compressSize(opt Options) string {
	k := nodeSize / (slideName + 1) / 72 // a point to spare: Graphviz packs no tighter than it must
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }
	return f(opt.PageWidth*k) + "," + f(opt.PageHeight*k)
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
// records in c), on its page, and reads it as printed.
func (r Renderer) judgeCandidate(ctx context.Context, g *graph.Graph, v graph.View, c *Options, legend []byte, measure readcheck.Measure, aim float64) (*readcheck.Report, error) {
	svg, err := r.svg(ctx, mapDOT(g, v, *c))
	if err != nil {
		return nil, err
	}
	if legend != nil {
		if svg, c.fit.legend, err = addLegend(svg, legend, measure, aim, *c); err != nil {
			return nil, err
		}
		c.fit.hasLegend = true
	}
	if c.PageWidth > 0 && c.PageHeight > 0 {
		if svg, err = fitSVG(svg, c.PageWidth, c.PageHeight, "none"); err != nil {
			return nil, err
		}
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
