package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/render"
)

func init() {
	commands = append(commands, &command{
		name:    "map",
		summary: "Draw a concept map as SVG or Graphviz DOT",
		examples: []string{
			"conceptmap map -o concepts.svg",
			"conceptmap map --plan GQA -o gqa.svg",
			"conceptmap map --plan GRPO --known transformer --rankdir LR -o grpo.svg",
			"conceptmap map --focus MoE --depth 2 --lang zh -o moe.svg",
			"conceptmap map --category post_training --format dot > post.dot",
		},
		setup: func(fs *pflag.FlagSet, co *common) func(*env, []string) error {
			var s selection
			s.flags(fs)
			var (
				out, format, title string
				noLegend           bool
				lk                 look
			)
			fs.StringVarP(&out, "output", "o", "", "write to `FILE` (.svg, .dot or .gv) instead of stdout; written whole or not at all")
			fs.StringVar(&format, "format", "", "svg or dot (default: from the -o extension, else svg)")
			fs.StringVar(&title, "title", "", "a title drawn above the map (default: what the map shows)")
			lk.flags(fs, "")
			fs.BoolVar(&noLegend, "no-legend", false, "leave out the legend of relation types")
			return func(e *env, args []string) error {
				if len(args) > 0 {
					return usagef("map", "takes no arguments; choose what to draw with --plan, --focus or --category")
				}
				f, err := mapFormat(format, out)
				if err != nil {
					return err
				}
				if err := lk.check("map"); err != nil {
					return err
				}
				if err := s.check("map"); err != nil {
					return err
				}
				g, err := load(e, co)
				if err != nil {
					return err
				}
				v, opt, err := s.view(g)
				if err != nil {
					return err
				}
				opt.Lang, opt.NoLegend = g.lang, noLegend
				lk.apply(&opt, len(v.Edges))
				if title != "" {
					opt.Title = title
				}
				var b []byte
				switch f {
				case "dot":
					b = render.DOT(g.Graph, v, opt)
				case "svg":
					if b, err = render.SVG(e.ctx, g.Graph, v, opt); err != nil {
						return err
					}
				}
				if out == "" {
					_, err := e.stdout.Write(b)
					return err
				}
				if err := writeFileAtomic(out, b); err != nil {
					return err
				}
				fmt.Fprintf(e.stderr, "wrote %s: %s, %s\n", out, plural(len(v.Concepts), "concept"), plural(len(v.Edges), "relation"))
				return nil
			}
		},
	})
}

// mapFormat picks the output format from --format or the file extension.
func mapFormat(format, out string) (string, error) {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(out), "."))
	if ext == "gv" {
		ext = "dot"
	}
	switch {
	case format != "":
		format = strings.ToLower(format)
		if format != "svg" && format != "dot" {
			return "", usagef("map", "--format must be svg or dot, not %q (PNG and PDF are not supported yet)", format)
		}
		return format, nil
	case out == "":
		return "svg", nil
	case ext == "svg" || ext == "dot":
		return ext, nil
	}
	return "", usagef("map", "cannot tell the format of %q from its extension; use .svg or .dot, or give --format", out)
}
