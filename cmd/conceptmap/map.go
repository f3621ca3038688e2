package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/graph"
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
				out, format, title, rankdir, edgeLabels string
				noLegend                                bool
			)
			fs.StringVarP(&out, "output", "o", "", "write to `FILE` (.svg, .dot or .gv) instead of stdout; written whole or not at all")
			fs.StringVar(&format, "format", "", "svg or dot (default: from the -o extension, else svg)")
			fs.StringVar(&title, "title", "", "a title drawn above the map (default: what the map shows)")
			fs.StringVar(&rankdir, "rankdir", "TB", "layout direction: TB (top to bottom) or LR (left to right)")
			fs.BoolVar(&noLegend, "no-legend", false, "leave out the legend of relation types")
			fs.StringVar(&edgeLabels, "edge-labels", "auto", fmt.Sprintf("label edges with their relation: on, off, or auto (on up to %d edges)", render.EdgeLabelLimit))
			return func(e *env, args []string) error {
				if len(args) > 0 {
					return usagef("map", "takes no arguments; choose what to draw with --plan, --focus or --category")
				}
				f, err := mapFormat(format, out)
				if err != nil {
					return err
				}
				rankdir = strings.ToUpper(rankdir)
				if rankdir != "TB" && rankdir != "LR" {
					return usagef("map", "--rankdir must be TB or LR, not %q", rankdir)
				}
				if edgeLabels != "auto" && edgeLabels != "on" && edgeLabels != "off" {
					return usagef("map", "--edge-labels must be on, off or auto, not %q", edgeLabels)
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
				opt.Lang, opt.RankDir, opt.NoLegend = g.lang, rankdir, noLegend
				opt.NoEdgeLabels = edgeLabels == "off" || (edgeLabels == "auto" && len(v.Edges) > render.EdgeLabelLimit)
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

// selection is what part of the graph a map shows.
type selection struct {
	plan      []string
	known     []string
	focus     string
	depth     int
	category  string
	relations []string
}

func (s *selection) flags(fs *pflag.FlagSet) {
	fs.StringArrayVar(&s.plan, "plan", nil, "show the learning plan for these concepts, comma-separated, numbered in order")
	fs.StringArrayVar(&s.known, "known", nil, "with --plan: concepts you already know, comma-separated")
	fs.StringVar(&s.focus, "focus", "", "show the neighbourhood of this concept")
	fs.IntVar(&s.depth, "depth", 1, "with --focus: how many relations away to look")
	fs.StringVar(&s.category, "category", "", "show only the concepts of this category")
	fs.StringArrayVar(&s.relations, "relation", nil, "show only these relation types, comma-separated")
}

func (s *selection) check(cmd string) error {
	s.plan, s.known, s.relations = splitList(s.plan), splitList(s.known), splitList(s.relations)
	switch {
	case len(s.plan) > 0 && s.focus != "":
		return usagef(cmd, "--plan and --focus draw different things; give one of them")
	case len(s.known) > 0 && len(s.plan) == 0:
		return usagef(cmd, "--known only makes sense with --plan")
	case s.depth < 1:
		return usagef(cmd, "--depth must be 1 or more, not %d", s.depth)
	}
	return nil
}

// view resolves the selection into the concepts and edges to draw, and
// the render options that belong to it.
func (s *selection) view(g *loaded) (graph.View, render.Options, error) {
	var opt render.Options
	var cs []*graph.Concept
	if err := g.CheckRelations(s.relations); err != nil {
		return graph.View{}, opt, err
	}
	switch {
	case len(s.plan) > 0:
		p, err := makePlan(g, s.plan, s.known)
		if err != nil {
			return graph.View{}, opt, err
		}
		opt.MarkPlan(p)
		var names []string
		for _, st := range p.Steps {
			cs = append(cs, st.Concept)
			if st.Target {
				names = append(names, st.Concept.Name.In(g.lang))
			}
		}
		if len(cs) == 0 {
			return graph.View{}, opt, fmt.Errorf("nothing to draw: the known concepts already cover %s", strings.Join(s.plan, ", "))
		}
		opt.Title = "Learning plan: " + strings.Join(names, ", ")
		if g.lang == graph.Zh {
			opt.Title = "学习路线:" + strings.Join(names, "、")
		}
	case s.focus != "":
		c, err := g.Lookup(s.focus)
		if err != nil {
			return graph.View{}, opt, err
		}
		ns, err := g.Neighbors(c, graph.NeighborOptions{Depth: s.depth, Relations: s.relations})
		if err != nil {
			return graph.View{}, opt, err
		}
		cs = append(cs, c)
		for _, n := range ns {
			cs = append(cs, n.Concept)
		}
		opt.Targets = map[string]bool{c.ID: true}
		opt.Title = c.Name.In(g.lang)
	default:
		cs = g.Concepts()
	}
	if s.category != "" {
		cat, err := findCategory(g.Graph, s.category)
		if err != nil {
			return graph.View{}, opt, err
		}
		var in []*graph.Concept
		for _, c := range cs {
			if c.Category == cat.ID {
				in = append(in, c)
			}
		}
		if len(in) == 0 {
			return graph.View{}, opt, fmt.Errorf("nothing to draw: no concept of this selection is in category %s", cat.ID)
		}
		cs = in
		if opt.Title == "" {
			opt.Title = cat.Name.In(g.lang)
		}
	}
	return g.Induced(cs, s.relations), opt, nil
}

// writeFileAtomic writes b to path through a temporary file in the same
// directory, so a failed run never leaves a truncated or clobbered file.
func writeFileAtomic(path string, b []byte) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(b); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	return nil
}
