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
// chosen. The overview of v (opt.Overview's, one node per category) is
// drawn in each language too: the page opens on it, unless it opens on a
// concept or a plan, and a click on a category shows the map at that
// category. The file loads nothing from anywhere: no server, no network.
// Its plans are Graph.Plan's, step for step.
//
// A plan's view (opt.Steps set) opens with its targets planned; a
// neighbourhood's (one target) opens on that concept.
func (r Renderer) HTML(ctx context.Context, g *graph.Graph, v graph.View, opt Options) ([]byte, error) {
	maps := make(map[graph.Lang][]byte, len(pageLangs))
	overviews := make(map[graph.Lang][]byte, len(pageLangs))
	for _, l := range pageLangs {
		for _, overview := range []bool{false, true} {
			o := opt
			o.Lang, o.Overview = l, overview
			// Its edges show their reasons when pointed at: no key.
			o.EdgeKey, o.NoEdgeKey = false, true
			svg, err := r.SVG(ctx, g, v, o)
			if err != nil {
				return nil, err
			}
			if overview {
				overviews[l] = svg
			} else {
				maps[l] = svg
			}
		}
	}
	return htmlPage(g, opt, maps, overviews)
}

// pageLangs are the languages of the page's switch, in the order the
// page's maps are drawn.
var pageLangs = []graph.Lang{graph.En, graph.Zh, graph.Both}

// htmlPage is the offline page of g with the maps and the overviews of a
// view, by language, and the view's options.
func htmlPage(g *graph.Graph, opt Options, maps, overviews map[graph.Lang][]byte) ([]byte, error) {
	p := web.Page{Offline: true, Lang: opt.Lang, Title: opt.Title, Model: web.NewModel(g), Maps: maps, Overviews: overviews}
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
