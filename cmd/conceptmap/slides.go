package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render"
)

var slidesCommand = &command{
	name:    "slides",
	args:    "TARGET...",
	summary: "Write a learning plan as frames for a talk, one per step, with a Markdown outline",
	examples: []string{
		"conceptmap slides GRPO --known transformer -o grpo-talk",
		"conceptmap slides GQA -o gqa --format png --theme dark",
		"conceptmap slides DPO -o dpo --format pdf --lang zh",
	},
	new: func() runner { return &slidesCmd{} },
}

type slidesCmd struct {
	known       []string
	out, format string
	lk          look
	dr          drawing
}

func (c *slidesCmd) flags(fs *pflag.FlagSet) {
	fs.StringArrayVar(&c.known, "known", nil, "concepts you already know, comma-separated; drawn greyed")
	fs.StringVarP(&c.out, "output", "o", "", "write the frames and outline.md into this `DIR` (made if missing)")
	fs.StringVar(&c.format, "format", "svg", "frames as svg or png files, or pdf: one slides.pdf of all frames")
	c.lk.flags(fs, "")
	c.dr.flags(fs)
}

func (c *slidesCmd) run(e *env, co *common, args []string) error {
	known, out, format, lk, dr := c.known, c.out, c.format, c.lk, c.dr
	switch {
	case len(args) == 0:
		return usagef("slides", "name the concepts to learn, as in 'conceptmap slides GRPO -o talk'")
	case out == "":
		return usagef("slides", "give the directory to write into with -o DIR")
	}
	format = strings.ToLower(format)
	switch {
	case format != "svg" && format != "png" && format != "pdf":
		return usagef("slides", "--format must be svg, png or pdf, not %q", format)
	}
	if dr.size == "" {
		dr.size = "16:9"
	}
	if err := lk.check("slides"); err != nil {
		return err
	}
	if err := dr.check("slides"); err != nil {
		return err
	}
	if st, err := os.Stat(out); err == nil && !st.IsDir() {
		return fmt.Errorf("-o %s is a file; give a directory", out)
	}
	g, err := load(e, co)
	if err != nil {
		return err
	}
	v, m, err := g.Select(graph.Selection{Plan: args, Known: splitList(known)})
	var empty *graph.EmptyViewError
	if errors.As(err, &empty) {
		return fmt.Errorf("nothing to present: the known concepts already cover %s", strings.Join(args, ", "))
	} else if err != nil {
		return flagError("slides", err)
	}
	p := m.Plan
	files, err := slideFiles(e, g, deck{v, m, format, lk, dr})
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	keep := map[string]bool{}
	for i := range files {
		keep[files[i].path] = true
		files[i].path = filepath.Join(out, files[i].path)
	}
	if err := writeFilesAtomic(files...); err != nil {
		return err
	}
	removeStaleFrames(out, keep)
	fmt.Fprintf(e.stderr, "wrote %s: %s and outline.md\n", out, plural(len(p.Steps), "frame"))
	return nil
}

// deck is what slides makes: a plan, drawn in a format and a look.
type deck struct {
	v      graph.View
	m      graph.Marks
	format string
	lk     look
	dr     drawing
}

// frameName matches the files slides writes, and no others.
var frameName = regexp.MustCompile(`^(step-[0-9]+\.(svg|png)|slides\.pdf)$`)

// removeStaleFrames removes frames of an earlier, longer run from dir, so
// that the directory holds one talk.
func removeStaleFrames(dir string, keep map[string]bool) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if frameName.MatchString(e.Name()) && !keep[e.Name()] && e.Type().IsRegular() {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// slideFiles draws one frame per step of the plan (each file, or the pages
// of one PDF) and writes the outline.
func slideFiles(e *env, g *loaded, d deck) ([]outFile, error) {
	v, p, format, lk, dr := d.v, d.m.Plan, d.format, d.lk, d.dr
	base := render.Options{Lang: g.lang}
	base.Mark(d.m)
	lk.apply(&base, len(v.Edges))
	dr.apply(&base)

	n := len(p.Steps)
	width := len(fmt.Sprint(n))
	for i, s := range p.Steps {
		base.CaptionSet = append(base.CaptionSet, stepCaption(g, i, n, s))
	}
	var files []outFile
	var pages []render.Page
	for i, s := range p.Steps {
		opt := base
		opt.Highlight = map[string]bool{s.Concept.ID: true}
		opt.Hidden = map[string]bool{}
		for _, later := range p.Steps[i+1:] {
			opt.Hidden[later.Concept.ID] = true
		}
		opt.Caption = stepCaption(g, i, n, s)
		if format == "pdf" {
			pages = append(pages, render.Page{View: v, Options: opt})
			continue
		}
		b, err := dr.picture(e.ctx, g.Graph, v, opt, format)
		if err != nil {
			return nil, fmt.Errorf("frame %d: %w", i+1, err)
		}
		files = append(files, outFile{fmt.Sprintf("step-%0*d.%s", width, i+1, format), b})
	}
	if format == "pdf" {
		ro, err := dr.raster()
		if err != nil {
			return nil, err
		}
		b, err := render.PDFPages(e.ctx, g.Graph, pages, ro)
		if err != nil {
			return nil, err
		}
		files = append(files, outFile{"slides.pdf", b})
	}
	files = append(files, outFile{"outline.md", outline(g, p, format, width)})
	return files, nil
}

// stepCaption says which step a frame shows and why it is in the plan.
func stepCaption(g *loaded, i, n int, s graph.Step) string {
	head := fmt.Sprintf("Step %d of %d: %s", i+1, n, s.Concept.Name.In(g.lang))
	if g.lang == graph.Zh {
		head = fmt.Sprintf("第 %d 步(共 %d 步):%s", i+1, n, s.Concept.Name.In(g.lang))
	}
	if len(s.Because) == 0 {
		return head
	}
	lines := []string{head, chain(g.Graph, g.lang, s.Concept.ID, s.Because)}
	if w := s.Because[0].Why.In(textLang(g.lang)); w != "" {
		lines = append(lines, w)
	}
	return strings.Join(lines, "\n")
}

// outline writes the plan as Markdown: a title slide, then one slide per
// step with its frame, the chain that explains it and the reason. Marp,
// Slidev and reveal.js split slides at "---"; a screen reader reads the
// same text, and each frame's alt text names its step.
func outline(g *loaded, p *graph.Plan, format string, width int) []byte {
	var b strings.Builder
	var targets []string
	for _, s := range p.Steps {
		if s.Target {
			targets = append(targets, s.Concept.Name.In(g.lang))
		}
	}
	fmt.Fprintf(&b, "# %s\n\n", render.PlanTitle(g.lang, targets))
	fmt.Fprintf(&b, "%s", plural(len(p.Steps), "step"))
	if len(p.Known) > 0 {
		var names []string
		for _, c := range p.Known {
			names = append(names, c.Name.In(g.lang))
		}
		fmt.Fprintf(&b, ", for a learner who knows %s", strings.Join(names, ", "))
	}
	b.WriteString(".\n")
	if format == "pdf" {
		b.WriteString("\nThe frames are the pages of slides.pdf, in this order.\n")
	}
	for i, s := range p.Steps {
		name := s.Concept.Name.In(g.lang)
		fmt.Fprintf(&b, "\n---\n\n## %d. %s\n\n", i+1, name)
		if format != "pdf" {
			fmt.Fprintf(&b, "![Step %d of %d: %s](step-%0*d.%s)\n\n", i+1, len(p.Steps), name, width, i+1, format)
		}
		if sum := s.Concept.Summary.In(textLang(g.lang)); sum != "" {
			b.WriteString(sum + "\n\n")
		}
		if len(s.Because) == 0 {
			b.WriteString("The goal of this plan.\n")
			continue
		}
		fmt.Fprintf(&b, "Why now: %s\n", chain(g.Graph, g.lang, s.Concept.ID, s.Because))
		for _, l := range whyLines(s.Because[0].Why, g.lang) {
			fmt.Fprintf(&b, "\n> %s\n", l)
		}
	}
	return []byte(b.String())
}
