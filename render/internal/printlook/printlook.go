// Package printlook tells relation types apart without colour, as the
// print theme draws them: each type gets its own pair of line style and
// pen width, and its own arrowhead.
//
// It works on Graphviz's names of lines and arrowheads alone and imports
// nothing of the project: never render, which calls it, nor graph.
package printlook

import "slices"

// A Look is how one relation type's edges are drawn: a Graphviz line
// style, a pen width in points and an arrowhead.
type Look struct {
	Style, Arrow string
	Pen          float64
}

// Pens are the three weights lines are drawn with, in points.
var Pens = []float64{1.2, 2.4, 3.6}

// Arrows are the arrowheads given out, in order, when a type's own is
// taken.
var Arrows = []string{"normal", "vee", "empty", "diamond", "odot", "dot", "box", "tee", "inv", "odiamond", "obox", "onormal", "crow", "icurve", "curve", "none"}

// Assign returns a look for each relation type, in order, given each
// type's Graphviz line style (solid, dashed, dotted or bold) and
// arrowhead: its own line at the lightest pen (bold: solid at the middle
// one) where no earlier type has taken it, else the next free pair, and
// its own arrowhead ("" is normal) where free, else the next free one.
func Assign(lines, arrows []string) []Look {
	type line struct {
		style string
		pen   float64
	}
	var all []line
	for _, pen := range Pens {
		for _, s := range []string{"solid", "dashed", "dotted"} {
			all = append(all, line{s, pen})
		}
	}
	takenLine := map[line]bool{}
	takenArrow := map[string]bool{}
	out := make([]Look, len(lines))
	for i := range lines {
		want := line{lines[i], Pens[0]}
		if lines[i] == "bold" {
			want = line{"solid", Pens[1]}
		}
		start := max(0, slices.Index(all, want))
		l := want
		for k := range all {
			if c := all[(start+k)%len(all)]; !takenLine[c] {
				l = c
				break
			}
		}
		takenLine[l] = true
		arrow := arrows[i]
		if arrow == "" {
			arrow = "normal"
		}
		if takenArrow[arrow] {
			from := max(0, slices.Index(Arrows, arrow))
			for k := range Arrows {
				if c := Arrows[(from+k)%len(Arrows)]; !takenArrow[c] {
					arrow = c
					break
				}
			}
		}
		takenArrow[arrow] = true
		out[i] = Look{Style: l.style, Arrow: arrow, Pen: l.pen}
	}
	return out
}
