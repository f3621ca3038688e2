package render

import (
	"context"
	"slices"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/web"
)

// HTML returns the explorer as one self-contained HTML file, to share or
// to embed in slides: the whole graph g as JSON and the view v drawn as SVG
// draws it (with opt) in each of the page's languages, one after the
// other, with the script that searches, moves from concept to concept,
// highlights neighbourhoods and makes learning plans, in plain JavaScript
// over the embedded data. The page opens in opt.Lang, and its language
// switch (English, Chinese, both) shows the map drawn in the language
// chosen. When v holds concepts of two categories or more, the overview of
// v (opt.Overview's, one node per category) and the map of each category's
// part of v (untitled) are drawn in each language too: the page opens on
// the overview, unless it opens on a concept or a plan, and a click on a
// category shows that category's map. The file loads nothing from
// anywhere: no server, no network.
// Its plans are Graph.Plan's, step for step.
//
// A plan's view (opt.Steps set) opens with its targets planned; a
// neighbourhood's (one target) opens on that concept.
func (r Renderer) HTML(ctx context.Context, g *graph.Graph, v graph.View, opt Options) ([]byte, error) {
	var set pageMaps
	var err error
	if set.maps, err = r.inLangs(ctx, g, v, opt); err != nil {
		return nil, err
	}
	parts := categoryViews(v)
	if len(parts) < 2 {
		return htmlPage(g, opt, set)
	}
	o := opt
	o.Overview = true
	if set.overviews, err = r.inLangs(ctx, g, v, o); err != nil {
		return nil, err
	}
	set.categories = map[string]map[graph.Lang][]byte{}
	o = opt
	o.Title = ""
	for _, part := range parts {
		if set.categories[part.id], err = r.inLangs(ctx, g, part.v, o); err != nil {
			return nil, err
		}
	}
	return htmlPage(g, opt, set)
}

// pageMaps are the maps of an offline page by language: the view's, its
// overview's and its categories' (by category id).
type pageMaps struct {
	maps, overviews map[graph.Lang][]byte
	categories      map[string]map[graph.Lang][]byte
}

// inLangs draws v as SVG in each of the page's languages.
func (r Renderer) inLangs(ctx context.Context, g *graph.Graph, v graph.View, opt Options) (map[graph.Lang][]byte, error) {
	out := make(map[graph.Lang][]byte, len(pageLangs))
	for _, l := range pageLangs {
		o := opt
		o.Lang = l
		// Its edges show their reasons when pointed at: no key.
		o.EdgeKey, o.NoEdgeKey = false, true
		svg, err := r.SVG(ctx, g, v, o)
		if err != nil {
			return nil, err
		}
		out[l] = svg
	}
	return out, nil
}

// categoryView is the part of a view in one category: its concepts and
// the relations between them.
type categoryView struct {
	id string
	v  graph.View
}

// categoryViews splits v by category, in the order of the categories'
// first concepts.
func categoryViews(v graph.View) []categoryView {
	var out []categoryView
	at := map[string]int{}
	for _, c := range v.Concepts {
		i, ok := at[c.Category]
		if !ok {
			i = len(out)
			at[c.Category] = i
			out = append(out, categoryView{id: c.Category})
		}
		out[i].v.Concepts = append(out[i].v.Concepts, c)
	}
	cat := map[string]string{}
	for _, c := range v.Concepts {
		cat[c.ID] = c.Category
	}
	for _, e := range v.Edges {
		if a, ok := cat[e.From]; ok && a == cat[e.To] {
			out[at[a]].v.Edges = append(out[at[a]].v.Edges, e)
		}
	}
	return out
}

// pageLangs are the languages of the page's switch, in the order the
// page's maps are drawn.
var pageLangs = []graph.Lang{graph.En, graph.Zh, graph.Both}

// htmlPage is the offline page of g with the maps of a view, by
// language, and the view's options.
func htmlPage(g *graph.Graph, opt Options, set pageMaps) ([]byte, error) {
	p := web.Page{Offline: true, Lang: opt.Lang, Title: opt.Title, Model: web.NewModel(g), Maps: set.maps, Overviews: set.overviews, Categories: set.categories}
	if p.Lang == "" {
		p.Lang = graph.En
	}
	if p.Title == "" {
		p.Title = "conceptmap"
	}
	var targets []string
	for id, ok := range opt.Targets {
		if ok {
			targets = append(targets, id)
		}
	}
	slices.Sort(targets)
	switch {
	case len(opt.Steps) > 0:
		p.Targets = targets
	case len(targets) == 1:
		p.Focus = targets[0]
	}
	return p.HTML()
}
