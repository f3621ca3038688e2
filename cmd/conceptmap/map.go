package main

import (
	"github.com/spf13/pflag"

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
				if err := lk.check("map"); err != nil {
					return err
				}
				sel, err := s.check("map")
				if err != nil {
					return err
				}
				if err := dr.check("map"); err != nil {
					return err
				}
				sel.Path, sel.Highlight = path, splitList(highlight)
				g, err := load(e, co)
				if err != nil {
					return err
				}
				v, m, err := selectView("map", g, sel)
				if err != nil {
					return err
				}
				opt := render.Options{Lang: g.lang, NoLegend: noLegend}
				opt.Mark(m)
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
