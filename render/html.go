package render

import (
	"context"
	"slices"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/web"
)

// HTML returns the explorer as one self-contained HTML file, to share or
// to embed in slides: the whole graph g as JSON and the view v drawn as SVG
// draws it (with opt), with the script that searches, moves from concept to
// concept, highlights neighbourhoods and makes learning plans, in plain
// JavaScript over the embedded data. The file loads nothing from anywhere:
// no server, no network. Its plans are Graph.Plan's, step for step.
//
// A plan's view (opt.Steps set) opens with its targets planned; a
// neighbourhood's (one target) opens on that concept.
func HTML(ctx context.Context, g *graph.Graph, v graph.View, opt Options) ([]byte, error) {
	svg, err := SVG(ctx, g, v, opt)
	if err != nil {
		return nil, err
	}
	return HTMLOfSVG(g, opt, svg)
}

// HTMLOfSVG is HTML with the map already drawn: HTML(ctx, g, v, opt) is
// HTMLOfSVG(g, opt, SVG(ctx, g, v, opt)).
func HTMLOfSVG(g *graph.Graph, opt Options, svg []byte) ([]byte, error) {
	p := web.Page{Offline: true, Lang: opt.Lang, Title: opt.Title, Model: web.NewModel(g), SVG: svg}
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
