package main

import (
	"strings"
	"testing"

	"github.com/conceptmap/conceptmap/render"
	"github.com/conceptmap/conceptmap/render/readcheck"
)

// TestReadability draws bundled maps in every theme and judges each as
// printed, with the metrics of the fonts a viewer draws the SVG with: the
// slide plans read at slide size, the large maps keep a sane aspect, and
// the neighbourhoods, plans and paths have no text on text, no edge
// through another's label and a small legend. Maps with a numbered key
// (asked for, or chosen when labels collide) read the same way, and their
// key, which lists one line per edge and language, takes at most a third
// of the drawing.
func TestReadability(t *testing.T) {
	f, err := render.SystemFont()
	if err != nil {
		t.Fatal(err)
	}
	clean := readcheck.Limits{Overlaps: true, Through: true, MaxLegend: 0.10}
	keyed := readcheck.Limits{Overlaps: true, Through: true, MaxLegend: 0.10, MaxKey: 0.35}
	cases := []struct {
		args   string
		limits readcheck.Limits
	}{
		{"--plan GQA --size 16:9", readcheck.Limits{MinName: 8, Overlaps: true, Through: true, MaxLegend: 0.10}},
		{"--plan GRPO --size 16:9", readcheck.Limits{MinName: 7, Overlaps: true, Through: true, MaxLegend: 0.10}},
		{"", readcheck.Limits{MaxAspect: 2.5, Overlaps: true, Through: true}},
		{"--plan GRPO", readcheck.Limits{MaxAspect: 2.5, Overlaps: true, Through: true, MaxLegend: 0.10}},
		{"--focus GQA", clean},
		{"--focus MoE --depth 2", clean},
		{"--plan DPO", clean},
		{"--plan GQA --lang zh", clean},
		{"--path RNN GRPO", clean},
		{"--focus GQA --edge-labels key", keyed},
		{"--focus MoE --edge-labels key", keyed},
		{"--plan GQA --lang zh --edge-labels key", keyed},
		{"--focus convergence", keyed}, // its labels collide: a key
	}
	for _, c := range cases {
		for _, theme := range render.Themes {
			name := strings.TrimSpace(c.args + " --theme " + theme)
			t.Run(name, func(t *testing.T) {
				args := append([]string{"map", "--theme", theme}, strings.Fields(c.args)...)
				r, err := readcheck.Check(runStdout(t, args...), f.Width)
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range r.Problems(c.limits) {
					t.Errorf("conceptmap %s: %s", strings.Join(args, " "), p)
				}
				if c.limits.MaxKey > 0 && r.Key == 0 {
					t.Errorf("conceptmap %s: no key", strings.Join(args, " "))
				}
				t.Log(r.Figures())
			})
		}
	}
}
