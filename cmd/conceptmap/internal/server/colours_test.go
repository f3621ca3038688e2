package server

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render"
	"github.com/conceptmap/conceptmap/render/export"
)

// TestTakeColours checks what is taken out of a DOT and what stays: the
// colours of attributes and of HTML-like labels go, each for a
// placeholder of its own that the DOT does not otherwise hold; upper-case
// colours, named colours and colour-like text in labels stay, and an
// alpha part stays after its placeholder.
func TestTakeColours(t *testing.T) {
	dot := `digraph { bgcolor="#ffffff" node [fontcolor="#1a202c"]
	a [label="#100000 and color=#abcdef" color="#2b6cb0" fillcolor="#ebf8ff80"]
	b [label=<<FONT COLOR="#c53030">x</FONT><TABLE BGCOLOR="#123456"></TABLE>> color="#ABCDEF" fillcolor="white"]
	a -> b [color="#2b6cb0"] }`
	c, ok := takeColours([]byte(dot))
	if !ok {
		t.Fatal("takeColours refused")
	}
	wantValues := []string{"#ffffff", "#1a202c", "#2b6cb0", "#ebf8ff", "#c53030", "#123456", "#2b6cb0"}
	if fmt.Sprint(c.values) != fmt.Sprint(wantValues) {
		t.Errorf("colours taken: %v, want %v", c.values, wantValues)
	}
	// #100000 is in a label, so the placeholders start after it.
	wantMarks := []string{"#100001", "#100002", "#100003", "#100004", "#100005", "#100006", "#100007"}
	if fmt.Sprint(c.marks) != fmt.Sprint(wantMarks) {
		t.Errorf("placeholders: %v, want %v", c.marks, wantMarks)
	}
	for _, stay := range []string{`label="#100000 and color=#abcdef"`, `color="#ABCDEF"`, `fillcolor="white"`, `fillcolor="#10000480"`, `<FONT COLOR="#100005">`} {
		if !bytes.Contains(c.dot, []byte(stay)) {
			t.Errorf("the DOT lacks %s:\n%s", stay, c.dot)
		}
	}
	if got := string(c.put(c.dot)); got != dot {
		t.Errorf("put(the DOT laid out) = \n%s\nwant\n%s", got, dot)
	}
	// Placeholders are found wherever Graphviz writes them, and only they.
	out := `fill="#100003" c 7 -#100005 C 9 -#10000480 #100000 #1000012 #999999`
	want := `fill="#2b6cb0" c 7 -#c53030 C 9 -#ebf8ff80 #100000 #ffffff2 #999999`
	if got := string(c.put([]byte(out))); got != want {
		t.Errorf("put(%s) = %s, want %s", out, got, want)
	}
	plain, ok := takeColours([]byte(`digraph { a -> b }`))
	if !ok || string(plain.dot) != `digraph { a -> b }` || len(plain.marks) != 0 {
		t.Errorf("a DOT without colours: %+v, %v", plain, ok)
	}
}

// TestColourFreeLayouts checks that the server's maps, laid out with their
// colours taken out and then put back, are byte for byte the maps laid out
// with their colours, in every theme and every picture format; that the
// themes whose looks differ only in colour share their layouts; and that
// a map laid out once is drawn in another theme without a layout.
func TestColourFreeLayouts(t *testing.T) {
	g := bundled(t)
	views := []struct {
		name string
		sel  graph.Selection
		opt  func(*render.Options)
	}{
		{"focus", graph.Selection{Focus: "transformer"}, func(*render.Options) {}},
		{"plan, known, titled", graph.Selection{Plan: []string{"grpo"}, Known: []string{"attention", "transformer"}}, func(o *render.Options) {
			o.Title, o.Caption, o.Lang = "GRPO", "从零开始", graph.Both
		}},
		{"transparent, left to right", graph.Selection{Focus: "attention", Depth: 1}, func(o *render.Options) {
			o.Transparent, o.RankDir = true, "LR"
		}},
	}
	var formats []export.Format
	for _, f := range export.Formats {
		if f.Picture && len(f.Parts) == 0 && !f.Dir {
			formats = append(formats, f)
		}
	}
	if len(formats) < 3 {
		t.Fatalf("picture formats: %v", formats)
	}
	ctx := context.Background()
	for _, vw := range views {
		v, m, err := g.Select(vw.sel)
		if err != nil {
			t.Fatal(err)
		}
		r := newSVGRenderer(io.Discard, 1, DefaultLimits.LayoutTimeout)
		r.exe = "" // in this process, as render.Local
		defer r.close()
		for _, f := range formats {
			for _, theme := range render.Themes {
				opt := render.Options{Look: render.Look{Lang: graph.En, Fit: true, Theme: theme}}
				opt.Mark(m)
				vw.opt(&opt)
				before := r.snapshot()
				want, err := f.Write(ctx, render.Renderer{}, g, v, opt)
				if err != nil {
					t.Fatal(err)
				}
				got, err := f.Write(ctx, render.Renderer{Layouter: r}, g, v, opt)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got[0].Data, want[0].Data) {
					t.Errorf("%s, %s, %s: the map laid out without its colours differs (%d bytes, want %d)%s",
						vw.name, f.Name, theme, len(got[0].Data), len(want[0].Data), firstDiff(got[0].Data, want[0].Data))
				}
				after := r.snapshot()
				if theme == "dark" && after.Layouts != before.Layouts {
					t.Errorf("%s, %s: the dark theme made %d layouts after the light one", vw.name, f.Name, after.Layouts-before.Layouts)
				}
			}
		}
	}
}

// firstDiff shows where two outputs part.
func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-80)
	q := func(x []byte) string { return strings.ToValidUTF8(string(x[lo:min(len(x), i+80)]), "?") }
	return fmt.Sprintf(" at byte %d:\n got %q\nwant %q", i, q(a), q(b))
}
