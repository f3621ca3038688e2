package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/textout"
	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render"
	"github.com/conceptmap/conceptmap/render/readcheck"
)

// An outline.md the user has edited survives another run of slides, which
// says so; --force replaces it; an unedited one is rewritten quietly.
func TestSlidesKeepEditedOutline(t *testing.T) {
	fixture, err := filepath.Abs("testdata/fixture")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	args := []string{"slides", "lstm", "--data", fixture, "-o", dir}
	outline := filepath.Join(dir, "outline.md")
	if _, stderr, code := runCLI(t, args...); code != 0 || !strings.Contains(stderr, "and outline.md") {
		t.Fatalf("first run: exit %d, %s", code, stderr)
	}
	written, _ := os.ReadFile(outline)
	if textout.Edited(written) {
		t.Errorf("the outline slides wrote counts as edited")
	}
	if _, stderr, code := runCLI(t, args...); code != 0 || !strings.Contains(stderr, "and outline.md") {
		t.Fatalf("second run: exit %d, %s", code, stderr)
	}
	mine := append(written, []byte("\nMy speaker notes.\n")...)
	if err := os.WriteFile(outline, mine, 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runCLI(t, args...)
	if want := "kept " + outline + ", which was edited (--force replaces it)"; code != 0 || !strings.Contains(stderr, want) {
		t.Errorf("run over an edited outline: exit %d, %q, want %q", code, stderr, want)
	}
	if got, _ := os.ReadFile(outline); string(got) != string(mine) {
		t.Errorf("the edited outline was replaced")
	}
	if _, _, code := runCLI(t, append(args, "--force")...); code != 0 {
		t.Fatalf("--force: exit %d", code)
	}
	if got, _ := os.ReadFile(outline); string(got) != string(written) {
		t.Errorf("--force did not replace the edited outline")
	}
}

// A reason chain breaks between links, never inside a name, however
// narrow the line.
func TestChainLinesBreakBetweenLinks(t *testing.T) {
	g := bundled(t)
	p := g.Plan([]*graph.Concept{g.Concept("grpo")}, nil)
	for _, s := range p.Steps {
		if len(s.Because) < 2 {
			continue
		}
		for _, width := range []int{10, 40, 80} {
			ls := textout.ChainLines(g, graph.En, s.Concept.ID, s.Because, width)
			joined := strings.Join(ls, " ")
			if want := textout.Chain(g, graph.En, s.Concept.ID, s.Because); joined != want {
				t.Errorf("width %d: lines %q join to %q, want %q", width, ls, joined, want)
			}
			for _, l := range ls[1:] {
				if !strings.HasPrefix(l, "—") {
					t.Errorf("width %d: line %q does not start with a link", width, l)
				}
			}
		}
	}
}

// Frames print their caption at 14 points or more on the slide, and
// early frames, zoomed to what they draw, print names at least as large as
// the last.
func TestSlidesFramesRead(t *testing.T) {
	f, err := render.SystemFont()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, stderr, code := runCLI(t, "slides", "GQA", "-o", dir); code != 0 {
		t.Fatalf("slides: exit %d, %s", code, stderr)
	}
	frames, _ := filepath.Glob(filepath.Join(dir, "step-*.svg"))
	if len(frames) < 3 {
		t.Fatalf("%d frames", len(frames))
	}
	var first, last *readcheck.Report
	for i, fr := range frames {
		b, _ := os.ReadFile(fr)
		r, err := readcheck.Check(b, f.Width)
		if err != nil {
			t.Fatal(err)
		}
		if r.PageW != 960 || r.PageH != 540 || r.Heading.Max < 14 {
			t.Errorf("%s: page %vx%v, caption at %.1f pt, want 960x540 and 14 pt or more", fr, r.PageW, r.PageH, r.Heading.Max)
		}
		if ps := r.Problems(readcheck.Limits{Overlaps: true, Through: true}); len(ps) > 0 {
			t.Errorf("%s: %q", fr, ps)
		}
		if i == 0 {
			first = r
		}
		last = r
	}
	if first.Names.Median < last.Names.Median {
		t.Errorf("the first frame prints names at %.1f pt, the last at %.1f: the first should be zoomed in", first.Names.Median, last.Names.Median)
	}
}
