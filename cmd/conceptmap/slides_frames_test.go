package main

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/conceptmap/conceptmap/render"
	"github.com/conceptmap/conceptmap/render/readcheck"
)

// TestSlideFrames judges every frame of three talks as printed, in every
// theme and on both slide sizes: the title and caption stay on the page
// at 14 pt or more, no text touches another or a concept (caption, legend
// and map apart), and the last frame, the whole plan, fills its slide.
func TestSlideFrames(t *testing.T) {
	f, err := render.SystemFont()
	if err != nil {
		t.Fatal(err)
	}
	limits := readcheck.Limits{MinHeading: 14, OnPage: true, Overlaps: true}
	for _, talk := range []string{"GQA", "GRPO", "DPO --lang zh"} {
		for _, theme := range []string{"light", "dark"} {
			for _, size := range []string{"16:9", "4:3"} {
				name := talk + " --theme " + theme + " --size " + size
				t.Run(name, func(t *testing.T) {
					dir := t.TempDir()
					args := append([]string{"slides", "-o", dir, "--ignore-known-file", "--theme", theme, "--size", size}, strings.Fields(talk)...)
					runOK(t, args...)
					frames, _ := filepath.Glob(filepath.Join(dir, "step-*.svg"))
					sort.Strings(frames)
					if len(frames) < 5 {
						t.Fatalf("%d frames", len(frames))
					}
					for i, p := range frames {
						b, err := os.ReadFile(p)
						if err != nil {
							t.Fatal(err)
						}
						r, err := readcheck.Check(b, f.Width)
						if err != nil {
							t.Fatal(err)
						}
						if r.Heading.N == 0 {
							t.Errorf("%s: no caption", filepath.Base(p))
						}
						for _, pr := range r.Problems(limits) {
							t.Errorf("%s: %s", filepath.Base(p), pr)
						}
						if i == len(frames)-1 {
							t.Logf("%s: %s", filepath.Base(p), r.Figures())
							least := 7.0 // GRPO's 28 steps on a 4:3 slide: 6
							if size == "4:3" {
								least = 6
							}
							if r.Names.Median < least {
								t.Errorf("%s, the whole plan: names print at %.1f pt, under %.0f pt", filepath.Base(p), r.Names.Median, least)
							}
						}
					}
				})
			}
		}
	}
}
