package render

import (
	"fmt"
	"slices"
	"strings"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/internal/edgekey"
)

// Options says how to draw a view, by concern: its Look, the Page it is
// drawn on, and the Marks that bring some of it forward. Their fields are
// Options' own (opt.Lang is opt.Look.Lang). The zero value draws English
// names, top to bottom, with a legend, in the light theme.
type Options struct {
	Look
	Page
	Marks

	fit    fitting // what Fit chose
	fitted bool    // Fit has chosen
}

// Look is how a map is drawn, whatever its page.
type Look struct {
	// Lang picks the names drawn: graph.En (the default), graph.Zh, or
	// graph.Both for English then Chinese on separate lines.
	Lang graph.Lang
	// Theme is "light" (the default), "dark" or "print" (black on white,
	// no fills: types told apart by line style and grey level); see Themes.
	// Another name is an *UnknownThemeError.
	Theme string
	// RankDir is "TB" (the default: what is learned first at the top) or
	// "LR" (first at the left). Any other value means TB.
	RankDir string
	// Layout is the Graphviz engine: dot (the default, layered in learning
	// order, with category clusters), neato, fdp, sfdp, circo or twopi;
	// another name is an *UnknownLayoutError.
	Layout string
	// NoLegend leaves out the legend of relation types.
	NoLegend bool
	// NoEdgeLabels leaves the relation labels off the edges; colours and
	// line styles, explained by the legend, still tell the types apart.
	// Large maps read better without them.
	NoEdgeLabels bool
	// Fit lets SVG, PNG and PDF make the choices left open so that the map
	// fits its page and reads (see Fit): the rank direction when RankDir
	// is "", category boxes or colours, and edge labels unless
	// EdgeLabelsOn.
	Fit bool
	// EdgeLabelsOn says that edge labels were asked for: Fit keeps them.
	EdgeLabelsOn bool
	// EdgeKey numbers the edges instead of labelling them, and lists the
	// numbers in a key beside the legend: each edge's concepts, relation
	// and reason, one line in each language drawn. Fit chooses it, when
	// neither this nor NoEdgeLabels nor EdgeLabelsOn is set, for a map
	// whose labels collide and whose few edges have reasons to tell (see
	// KeyLimit).
	EdgeKey bool
	// NoEdgeKey keeps Fit from choosing a numbered key: an interactive
	// map, whose edges show their reasons when pointed at, falls back to
	// colour and the legend instead. The explorer's maps set it.
	NoEdgeKey bool
	// Overview draws one node per category of the view, with the number
	// of its concepts, and one edge per pair of categories that relations
	// join, as thick as they are many: a big graph in one picture.
	Overview bool
	// Font draws every text of PNG and PDF and measures it, so that boxes
	// fit. Nil means SystemFont. SVG and DOT do not use it.
	Font *Font
	// Measure, if set, returns how wide a line of text is drawn at a font
	// size, both in points, and boxes are sized to it instead of to
	// render's estimate. PNG and PDF set it to their font's Width.
	Measure func(text string, size float64) float64
}

// Page is what a map is drawn on: its heading, its size and background.
type Page struct {
	// Title, if not empty, is drawn above the map.
	Title string
	// Caption, if not empty, is drawn under the title in smaller type.
	Caption string
	// CaptionSet, if not empty, holds the captions of a set of frames
	// drawn alike: the caption's box is made as big as the biggest of them,
	// so that every frame of the set has the same layout.
	CaptionSet []string
	// PageWidth and PageHeight, in points, if set, give the picture that
	// size, the map scaled to fit and centred: a 16:9 slide is 960 by 540.
	// SVG, PNG and PDF follow them. Each is at most MaxPage.
	PageWidth, PageHeight float64
	// Transparent leaves the background clear.
	Transparent bool
	// Zoom frames the picture on what it draws, leaving out the room of
	// Hidden concepts: the early frames of a talk come out large.
	Zoom bool
	// Scale is the number of PNG pixels per point of the map: 1 draws it
	// at 72 dots per inch. Zero means DefaultScale; at most MaxScale. The
	// other formats are drawn in points and ignore it.
	Scale float64
}

// Marks is what a map brings forward, or holds back, of its view.
type Marks struct {
	// Steps maps concept ids to plan step numbers, drawn before the name
	// ("3. Softmax").
	Steps map[string]int
	// Targets marks concept ids to draw emphasised, with a thick border.
	Targets map[string]bool
	// Highlight marks concepts with a strong border.
	Highlight map[string]bool
	// Known marks concepts the learner knows: drawn greyed.
	Known map[string]bool
	// Focus, if not nil, draws its concepts and edges bold and fades the
	// rest of the view (a path, for one).
	Focus *Focus
	// Hidden concepts, and the edges that touch them, are laid out but not
	// drawn, so that frames of a talk keep every concept in its place.
	Hidden map[string]bool
}

// Focus is what a map brings forward.
type Focus struct {
	Concepts map[string]bool
	Edges    map[EdgeKey]bool
}

// EdgeKey names one relation.
type EdgeKey = graph.EdgeKey

// Layouts lists the Graphviz engines a map can use.
var Layouts = []string{"dot", "neato", "fdp", "sfdp", "circo", "twopi"}

// EdgeLabelLimit is the number of edges above which callers may want
// NoEdgeLabels: past it, labels crowd a map more than they help.
const EdgeLabelLimit = 60

// KeyLimit is the most edges for which Fit chooses a numbered key
// (EdgeKey) over colour and the legend when edge labels collide.
const KeyLimit = edgekey.Limit

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

// DefaultScale is the PNG scale when Options.Scale is zero.
const DefaultScale = 2

// The largest PNG scale and page side that a picture can be drawn with.
const (
	MaxScale = 20
	MaxPage  = 20000 // points
)

// Check returns the error of options no picture can be drawn with: an
// unknown theme (*UnknownThemeError) or layout (*UnknownLayoutError), or
// a scale or page side out of range (*OptionError). SVG, PNG, PDF and
// DOT's Writer check first.
func (o Options) Check() error { return o.check() }

func (o *Options) check() error {
	if err := CheckTheme(o.Theme); err != nil {
		return err
	}
	if o.Layout != "" && !slices.Contains(Layouts, o.Layout) {
		return &UnknownLayoutError{Name: o.Layout}
	}
	for _, f := range []struct {
		name     string
		v, limit float64
	}{{"Scale", o.Scale, MaxScale}, {"PageWidth", o.PageWidth, MaxPage}, {"PageHeight", o.PageHeight, MaxPage}} {
		if !(f.v >= 0 && f.v <= f.limit) {
			return &OptionError{Option: f.name, Value: f.v, Max: f.limit}
		}
	}
	return nil
}

// An UnknownLayoutError is a layout that is not one of Layouts.
type UnknownLayoutError struct{ Name string }

func (e *UnknownLayoutError) Error() string {
	return fmt.Sprintf("unknown layout %q; use one of %s", e.Name, strings.Join(Layouts, ", "))
}

// An OptionError is a number of Options out of its range: Option names
// the field (Scale, PageWidth or PageHeight), which takes a number from 0
// (the default) up to Max.
type OptionError struct {
	Option     string
	Value, Max float64
}

func (e *OptionError) Error() string {
	what := map[string]string{"Scale": "the PNG scale", "PageWidth": "the page width", "PageHeight": "the page height"}[e.Option]
	unit := " points"
	if e.Option == "Scale" {
		unit = " pixels a point"
	}
	return fmt.Sprintf("%s must be from 0 to %g%s, not %g", what, e.Max, unit, e.Value)
}
