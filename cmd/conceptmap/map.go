package main

import (
	"fmt"

	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render"
)

func init() {
	commands = append(commands, &command{
		name:    "map",
		args:    "[TO, with --path FROM]",
		summary: "Draw a concept map as SVG, PNG, PDF or Graphviz DOT",
		examples: []string{
			"conceptmap map -o concepts.svg",
			"conceptmap map --plan GQA -o gqa.svg",
			"conceptmap map --plan GRPO --known transformer,sft --size 16:9 --scale 2 -o grpo.png",
			"conceptmap map --focus MoE --depth 2 --lang zh --theme dark -o moe.svg",
			"conceptmap map --path RNN Transformer -o path.pdf",
			"conceptmap map --plan DPO --highlight reward_model --theme print -o dpo.pdf",
			"conceptmap map --focus GRPO --layout neato --transparent -o grpo.png",
			"conceptmap map --plan GQA --size 16:9 --dpi 300 --font /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc -o gqa.png",
			"conceptmap map --category post_training --format dot > post.dot",
		},
		setup: func(fs *pflag.FlagSet, co *common) func(*env, []string) error {
			var s selection
			s.flags(fs)
			var (
				out, format, title string
				path, highlight    []string
				noLegend           bool
				lk                 look
				dr                 drawing
			)
			fs.StringArrayVar(&path, "path", nil, "draw the shortest path from this concept to the one given as argument (or --path FROM,TO), bold, with the rest faded")
			fs.StringArrayVar(&highlight, "highlight", nil, "mark these concepts, comma-separated")
			fs.StringVarP(&out, "output", "o", "", "write to `FILE` (.svg, .png, .pdf, .dot or .gv) instead of stdout; written whole or not at all")
			fs.StringVar(&format, "format", "", "svg, png, pdf or dot (default: from the -o extension, else svg)")
			fs.StringVar(&title, "title", "", "a title drawn above the map (default: what the map shows)")
			lk.flags(fs, "")
			dr.flags(fs)
			fs.BoolVar(&noLegend, "no-legend", false, "leave out the legend")
			return func(e *env, args []string) error {
				path = splitList(path)
				if len(path) == 1 && len(args) == 1 {
					path, args = append(path, args[0]), nil
				}
				switch {
				case len(args) > 0:
					return usagef("map", "takes no arguments but the end of --path; choose what to draw with --plan, --focus, --path or --category")
				case len(path) != 0 && len(path) != 2:
					return usagef("map", "--path needs two concepts: --path FROM TO")
				case len(path) == 2 && (len(s.plan) > 0 || s.focus != "" || s.category != ""):
					return usagef("map", "--path draws its own view; leave out --plan, --focus and --category")
				}
				f, err := pictureFormat("map", format, out)
				if err != nil {
					return err
				}
				if err := checkOutput(out); err != nil {
					return err
				}
				for _, check := range []func(string) error{lk.check, s.check, dr.check} {
					if err := check("map"); err != nil {
						return err
					}
				}
				g, err := load(e, co)
				if err != nil {
					return err
				}
				var v graph.View
				var opt render.Options
				if len(path) == 2 {
					v, opt, err = pathView(g, path[0], path[1], s.relations)
				} else {
					v, opt, err = s.view(g)
				}
				if err != nil {
					return err
				}
				hs, err := g.LookupAll(splitList(highlight))
				if err != nil {
					return fmt.Errorf("--highlight: %w", err)
				}
				if len(hs) > 0 {
					opt.Highlight = map[string]bool{}
					for _, c := range hs {
						opt.Highlight[c.ID] = true
					}
					v = g.Induced(append(v.Concepts, hs...), s.relations)
				}
				opt.Lang, opt.NoLegend = g.lang, noLegend
				lk.apply(&opt, len(v.Edges))
				dr.apply(&opt)
				if title != "" {
					opt.Title = title
				}
				b, err := dr.picture(e.ctx, g.Graph, v, opt, f)
				if err != nil {
					return err
				}
				return emit(e, out, b, v)
			}
		},
	})
}

// pathView is the shortest path between two concepts and the concepts
// next to it, the path in focus.
func pathView(g *loaded, fromName, toName string, relations []string) (graph.View, render.Options, error) {
	var opt render.Options
	cs, err := lookupEach(g, []string{fromName, toName})
	if err != nil {
		return graph.View{}, opt, err
	}
	hops, err := g.Path(cs[0], cs[1], graph.PathOptions{Relations: relations})
	if err != nil {
		return graph.View{}, opt, err
	}
	f := &render.Focus{Concepts: map[string]bool{cs[0].ID: true, cs[1].ID: true}, Edges: map[render.EdgeKey]bool{}}
	view := []*graph.Concept{cs[0], cs[1]}
	for _, h := range hops {
		f.Concepts[h.From], f.Concepts[h.To] = true, true
		f.Edges[render.EdgeKey{From: h.From, Relation: h.Relation, To: h.To}] = true
		view = append(view, g.Concept(h.From), g.Concept(h.To))
	}
	for id := range f.Concepts {
		ns, _ := g.Neighbors(g.Concept(id), graph.NeighborOptions{Depth: 1, Relations: relations})
		for _, n := range ns {
			view = append(view, n.Concept)
		}
	}
	opt.Focus = f
	opt.Targets = map[string]bool{cs[1].ID: true}
	opt.Title = cs[0].Name.In(g.lang) + " → " + cs[1].Name.In(g.lang)
	return g.Induced(view, relations), opt, nil
}
