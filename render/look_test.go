package render

import (
	"bytes"
	"context"
	"encoding/xml"
	"image/png"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/internal/view"
)

// lookOptions draws the plan for gqa knowing vector, with softmax
// highlighted: every mark the legend can explain.
func lookOptions(t *testing.T, g *graph.Graph, theme string) (graph.View, Options) {
	t.Helper()
	v, opt := planOptions(t, g, Options{Look: Look{Lang: graph.Both, Theme: theme}, Page: Page{Title: "Plan"}})
	opt.Known = map[string]bool{"vector": true}
	opt.Highlight = map[string]bool{"softmax": true}
	return g.Induced(append(v.Concepts, g.Concept("vector")), nil), opt
}

// One SVG golden per theme.
func TestThemeGoldens(t *testing.T) {
	g := fixture(t)
	for _, theme := range Themes {
		v, opt := lookOptions(t, g, theme)
		svg, err := SVG(context.Background(), g, v, opt)
		if err != nil {
			t.Fatal(err)
		}
		golden(t, "theme-"+theme+".svg", svg)
		checkXML(t, svg)
	}
	if err := CheckTheme("neon"); err == nil || err.Error() != `unknown theme "neon"; use one of light, dark, print` {
		t.Errorf("CheckTheme(neon) = %v", err)
	}
}

func checkXML(t *testing.T, b []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		if _, err := dec.Token(); err == io.EOF {
			return
		} else if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
	}
}

// The themes draw what they promise: dark has a dark background and light
// text; print has no fills and only greys.
func TestThemeColours(t *testing.T) {
	g := fixture(t)
	colour := regexp.MustCompile(`(?:color|fillcolor|bgcolor|fontcolor)="(#[0-9a-f]{6})"`)
	for _, theme := range Themes {
		v, opt := lookOptions(t, g, theme)
		dot := string(DOT(g, v, opt))
		for _, m := range colour.FindAllStringSubmatch(dot, -1) {
			r, gg, b, _ := view.RGB(m[1])
			if theme == "print" && (r != gg || gg != b) {
				t.Errorf("print: %s is not a grey", m[0])
			}
		}
		bg := regexp.MustCompile(`bgcolor="(#[0-9a-f]{6})"`).FindStringSubmatch(dot)[1]
		r, _, _, _ := view.RGB(bg)
		if dark := r < 128; dark != (theme == "dark") {
			t.Errorf("%s: background %s", theme, bg)
		}
	}
}

// The legend explains the marks in view, and only those.
func TestLegendMarks(t *testing.T) {
	g := fixture(t)
	v, opt := lookOptions(t, g, "light")
	dot := string(DOT(g, v, opt))
	for _, want := range []string{"step of the learning plan", "already known", "highlighted"} {
		if !strings.Contains(dot, want) {
			t.Errorf("legend lacks %q", want)
		}
	}
	if strings.Contains(dot, "on the path") {
		t.Error("legend explains a path that is not drawn")
	}
	plain := string(DOT(g, g.All(), Options{}))
	for _, no := range []string{"step of the learning plan", "already known", "highlighted"} {
		if strings.Contains(plain, no) {
			t.Errorf("legend of a plain map explains %q", no)
		}
	}
}

// Focus draws its concepts and edges bold and fades the rest; hidden
// concepts and their edges are laid out but not drawn.
func TestFocusAndHidden(t *testing.T) {
	g := fixture(t)
	opt := Options{Marks: Marks{Focus: &Focus{Concepts: map[string]bool{"mha": true, "gqa": true}, Edges: map[EdgeKey]bool{{From: "gqa", Relation: "improves_on", To: "mha"}: true}}, Hidden: map[string]bool{"transformer": true}}}
	dot := string(DOT(g, g.All(), opt))
	node := func(id string) string {
		m := regexp.MustCompile(`(?m)^\t\tn\d+ \[id="` + id + `".*$`).FindString(dot)
		if m == "" {
			t.Fatalf("no node %s", id)
		}
		return m
	}
	if n := node("gqa"); !strings.Contains(n, `class="focus"`) || !strings.Contains(n, `penwidth="2.5"`) {
		t.Errorf("focused node: %s", n)
	}
	if n := node("softmax"); !strings.Contains(n, `class="faded"`) {
		t.Errorf("unfocused node: %s", n)
	}
	if n := node("transformer"); !strings.Contains(n, "style=invis") {
		t.Errorf("hidden node: %s", n)
	}
	if !regexp.MustCompile(`n\d+ -> n\d+ \[.*style="invis"`).MatchString(dot) {
		t.Errorf("the edge to the hidden concept is drawn:\n%s", dot)
	}
	if !strings.Contains(dot, `penwidth="3"`) {
		t.Error("the focused edge is not bold")
	}
}

// A page size gives the SVG and the PNG that size, the map centred.
func TestPageSize(t *testing.T) {
	g := fixture(t)
	opt := Options{Look: Look{Theme: "dark"}, Page: Page{PageWidth: 960, PageHeight: 540}}
	svg, err := SVG(context.Background(), g, g.All(), opt)
	if err != nil {
		t.Fatal(err)
	}
	checkXML(t, svg)
	if !bytes.Contains(svg, []byte(`<svg width="960.00pt" height="540.00pt"`)) {
		t.Errorf("SVG size: %.300s", svg)
	}
	if !bytes.Contains(svg, []byte(`fill="#0f172a"/>`)) {
		t.Error("the page has no dark background")
	}
	if _, err := os.Stat("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"); err != nil && os.Getenv("CI") == "" {
		t.Skip("no CJK font; apt-get install fonts-noto-cjk")
	}
	b, err := PNG(context.Background(), g, g.All(), withRaster(opt, rasterOpts{Scale: 2}))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if s := img.Bounds().Size(); s.X != 1920 || s.Y != 1080 {
		t.Errorf("PNG is %v, want 1920×1080", s)
	}
	// The corners are the page's dark background.
	r, gg, bb, _ := img.At(1, 1).RGBA()
	if r>>8 > 40 || gg>>8 > 40 || bb>>8 > 60 {
		t.Errorf("corner colour %d,%d,%d is not the dark background", r>>8, gg>>8, bb>>8)
	}
}

func TestWrap(t *testing.T) {
	got := wrap([]string{"one two three four", "短", "一二三四五六七八九十一二"}, 9)
	want := []string{"one two", "three", "four", "短", "一二三四五六七八九", "十一二"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("wrap = %q", got)
	}
}

// Engines other than dot draw no clusters: the legend is one table node,
// and every engine lays the map out.
func TestLayouts(t *testing.T) {
	g := fixture(t)
	for _, l := range Layouts {
		opt := Options{Look: Look{Layout: l}}
		dot := string(DOT(g, g.All(), opt))
		if hasCluster := strings.Contains(dot, "cluster_legend"); hasCluster != (l == "dot") {
			t.Errorf("%s: legend cluster %v", l, hasCluster)
		}
		svg, err := SVG(context.Background(), g, g.All(), opt)
		if err != nil {
			t.Errorf("%s: %v", l, err)
			continue
		}
		checkXML(t, svg)
		if !bytes.Contains(svg, []byte(`<g id="gqa" class="node`)) {
			t.Errorf("%s: gqa is not drawn", l)
		}
	}
}
