package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/atomicfile"
	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/cli"
	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/drawflags"
	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/textout"
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
	ignoreKnown bool
	out, format string
	force       bool
	lk          drawflags.Look
	dr          drawflags.Drawing
}

func (c *slidesCmd) flags(fs *pflag.FlagSet) {
	fs.StringArrayVar(&c.known, "known", nil, "concepts you already know, comma-separated; drawn greyed (besides those 'conceptmap known' keeps)")
	fs.BoolVar(&c.ignoreKnown, "ignore-known-file", false, "leave out what 'conceptmap known' keeps")
	fs.StringVarP(&c.out, "output", "o", "", "write the frames and outline.md into this `DIR` (made if missing)")
	fs.StringVar(&c.format, "format", "svg", "frames as svg or png files, or pdf: one slides.pdf of all frames")
	fs.BoolVar(&c.force, "force", false, "replace outline.md even if it was edited since slides wrote it")
	c.lk.TalkFlags(fs)
	c.dr.Flags(fs)
}

func (c *slidesCmd) run(e *env, co *common, args []string) error {
	drawflags.TuneGC()
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
	if dr.Size == "" {
		dr.Size = "16:9"
	}
	if err := lk.Check("slides"); err != nil {
		return err
	}
	if err := dr.Check("slides"); err != nil {
		return err
	}
	if st, err := os.Stat(out); err == nil && !st.IsDir() {
		return fmt.Errorf("-o %s is a file; give a directory", out)
	}
	g, err := load(e, co)
	if err != nil {
		return err
	}
	ks, err := withKnownFile(e, g, cli.SplitList(known), c.ignoreKnown)
	if err != nil {
		return err
	}
	v, m, err := g.Select(graph.Selection{Plan: args, Known: ks})
	if err == nil {
		noteBackground(e, m.Plan)
	}
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
	kept := ""
	for i := 0; i < len(files); i++ {
		keep[files[i].Path] = true
		path := filepath.Join(out, files[i].Path)
		if files[i].Path == "outline.md" && !c.force {
			if old, err := os.ReadFile(path); err == nil && textout.Edited(old) && !bytes.Equal(old, files[i].Data) {
				kept = path
				files = append(files[:i], files[i+1:]...)
				i--
				continue
			}
		}
		files[i].Path = path
	}
	if err := atomicfile.WriteAll(files...); err != nil {
		return err
	}
	removeStaleFrames(out, keep)
	if kept != "" {
		fmt.Fprintf(e.stderr, "wrote %s: %s; kept %s, which was edited (--force replaces it)\n", out, plural(len(p.Steps), "frame"), kept)
		return nil
	}
	fmt.Fprintf(e.stderr, "wrote %s: %s and outline.md\n", out, plural(len(p.Steps), "frame"))
	return nil
}

// deck is what slides makes: a plan, drawn in a format and a look.
type deck struct {
	v      graph.View
	m      graph.Marks
	format string
	lk     drawflags.Look
	dr     drawflags.Drawing
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
func slideFiles(e *env, g *loaded, d deck) ([]atomicfile.File, error) {
	v, p, format, lk, dr := d.v, d.m.Plan, d.format, d.lk, d.dr
	base := render.Options{Look: render.Look{Lang: g.lang}}
	base.Mark(d.m)
	lk.Apply(&base, g.Graph, &v)
	dr.Apply(&base)

	text := textout.New(g.Graph, g.lang)
	n := len(p.Steps)
	width := len(fmt.Sprint(n))
	for i, s := range p.Steps {
		base.CaptionSet = append(base.CaptionSet, text.StepCaption(i, n, s))
	}
	// One layout for the whole talk, fitted once to the last frame's room
	// under its caption: every frame keeps each concept in its place.
	base.Caption = base.CaptionSet[n-1]
	// Boxes sized to the font that draws the frames (a viewer's, for SVG).
	if format != "svg" {
		if err := dr.Raster(&base); err != nil {
			return nil, err
		}
	}
	f := base.Font
	if f == nil {
		var err error
		if f, err = render.SystemFont(); err != nil {
			return nil, err
		}
	}
	base.Measure = f.Width
	base.Highlight = map[string]bool{p.Steps[0].Concept.ID: true}
	base, err := render.Fit(e.ctx, g.Graph, v, base)
	if err != nil {
		return nil, err
	}
	base.Zoom = true
	var files []atomicfile.File
	var pages []render.Frame
	if format == "pdf" {
		if err := dr.Raster(&base); err != nil {
			return nil, err
		}
	}
	for i, s := range p.Steps {
		opt := base
		opt.Highlight = map[string]bool{s.Concept.ID: true}
		opt.Hidden = map[string]bool{}
		for _, later := range p.Steps[i+1:] {
			opt.Hidden[later.Concept.ID] = true
		}
		opt.Caption = text.StepCaption(i, n, s)
		if format == "pdf" {
			pages = append(pages, render.Frame{View: v, Options: opt})
			continue
		}
		b, err := dr.Picture(e.ctx, g.Graph, v, opt, format)
		if err != nil {
			return nil, fmt.Errorf("frame %d: %w", i+1, err)
		}
		files = append(files, atomicfile.File{Path: fmt.Sprintf("step-%0*d.%s", width, i+1, format), Data: b})
	}
	if format == "pdf" {
		b, err := render.PDFPages(e.ctx, g.Graph, pages)
		if err != nil {
			return nil, drawflags.FontHint(err)
		}
		files = append(files, atomicfile.File{Path: "slides.pdf", Data: b})
	}
	files = append(files, atomicfile.File{Path: "outline.md", Data: textout.Stamp(text.Outline(p, format, width))})
	return files, nil
}
