package main

import (
	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/atomicfile"
	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/cli"
	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/drawflags"
	"github.com/conceptmap/conceptmap/render"
)

var mapCommand = &command{
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
	new: func() runner { return &mapCmd{} },
}

type mapCmd struct {
	sel                selection
	out, format, title string
	path, highlight    []string
	noLegend, overview bool
	lk                 drawflags.Look
	dr                 drawflags.Drawing
}

func (c *mapCmd) flags(fs *pflag.FlagSet) {
	c.sel.flags(fs)
	fs.StringArrayVar(&c.path, "path", nil, "draw the shortest path from this concept to the one given as argument (or --path FROM,TO), bold, with the rest faded")
	fs.StringArrayVar(&c.highlight, "highlight", nil, "mark these concepts, comma-separated")
	fs.StringVarP(&c.out, "output", "o", "", "write to `FILE` (.svg, .png, .pdf, .dot or .gv) instead of stdout (- for stdout); written whole or not at all")
	fs.StringVar(&c.format, "format", "", "svg, png, pdf or dot (default: from the -o extension, else svg)")
	fs.StringVar(&c.title, "title", "", "a title drawn above the map (default: what the map shows)")
	c.lk.Flags(fs, "")
	c.dr.Flags(fs)
	fs.BoolVar(&c.noLegend, "no-legend", false, "leave out the legend")
	fs.BoolVar(&c.overview, "overview", false, "draw one node per category, with its number of concepts, and the relations between categories, as thick as they are many")
}

func (c *mapCmd) run(e *env, co *common, args []string) error {
	path := cli.SplitList(c.path)
	if len(path) == 1 && len(args) == 1 {
		path, args = append(path, args[0]), nil
	}
	s := c.sel
	switch {
	case len(args) == 1 && len(path) == 0:
		return usagef("map", "takes no concept as argument; to draw %[1]s, give --plan %[1]s (what it needs, in order) or --focus %[1]s (its neighbourhood)", args[0])
	case len(args) > 0:
		return usagef("map", "takes no arguments but the end of --path; choose what to draw with --plan, --focus, --path or --category")
	case len(path) != 0 && len(path) != 2:
		return usagef("map", "--path needs two concepts: --path FROM TO")
	case len(path) == 2 && (len(s.plan) > 0 || s.focus != "" || s.category != ""):
		return usagef("map", "--path draws its own view; leave out --plan, --focus and --category")
	}
	if c.out == "-" {
		c.out = "" // stdout
	}
	f, err := drawflags.PictureFormat("map", c.format, c.out)
	if err != nil {
		return err
	}
	if err := atomicfile.CheckOutput(c.out); err != nil {
		return err
	}
	if err := drawflags.CheckBinaryOutput(e.stdout, "map", c.out, f); err != nil {
		return err
	}
	if err := c.lk.Check("map"); err != nil {
		return err
	}
	sel, err := c.sel.check("map")
	if err != nil {
		return err
	}
	if err := c.dr.Check("map"); err != nil {
		return err
	}
	sel.Path, sel.Highlight = path, cli.SplitList(c.highlight)
	g, err := load(e, co)
	if err != nil {
		return err
	}
	v, m, err := selectView(e, "map", g, sel, c.sel.ignore)
	if err != nil {
		return err
	}
	opt := render.Options{Look: render.Look{Lang: g.lang, NoLegend: c.noLegend, Overview: c.overview}}
	opt.Mark(m)
	c.lk.Apply(&opt, g.Graph, &v)
	c.dr.Apply(&opt)
	if c.title != "" {
		opt.Title = c.title
	}
	b, err := c.dr.Picture(e.ctx, g.Graph, v, opt, f)
	if err != nil {
		return err
	}
	return emit(e, c.out, b, v)
}
