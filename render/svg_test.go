package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"github.com/conceptmap/conceptmap/render/internal/engine"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/conceptmap/conceptmap/graph"
	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

var langs = []graph.Lang{graph.En, graph.Zh, graph.Both}

func render(t testing.TB, g *graph.Graph, v graph.View, opt Options) []byte {
	t.Helper()
	svg, err := SVG(context.Background(), g, v, opt)
	if err != nil {
		t.Fatal(err)
	}
	return svg
}

func TestSVGGolden(t *testing.T) {
	g := fixture(t)
	for _, tc := range goldenCases(t, g) {
		t.Run(tc.name, func(t *testing.T) {
			golden(t, tc.name+".svg", render(t, g, tc.v, tc.opt))
		})
	}
}

// TestSVGLabels checks that every concept is drawn with its id, its name
// exactly as written and its summary as tooltip, in each language.
func TestSVGLabels(t *testing.T) {
	g := fixture(t)
	for _, lang := range langs {
		t.Run(string(lang), func(t *testing.T) {
			doc := parseSVG(t, render(t, g, g.All(), Options{Look: Look{Lang: lang}}))
			nodes := doc.byID()
			for _, c := range g.Concepts() {
				n := nodes[c.ID]
				if n == nil {
					t.Errorf("no node with id %q", c.ID)
					continue
				}
				if got, want := n.lines(), wantLines(c.Name, lang); !slices.Equal(got, want) {
					t.Errorf("node %q: lines %q, want %q", c.ID, got, want)
				}
				want := ""
				if !c.Summary.IsZero() {
					want = strings.Join(wantLines(c.Summary, lang), "\n")
				}
				if n.tooltip != want {
					t.Errorf("node %q: tooltip %q, want %q", c.ID, n.tooltip, want)
				}
			}
			if len(doc.nodes) != len(g.Concepts())+2*4 { // and a sample and a label per relation type in the legend
				t.Errorf("%d nodes, want %d", len(doc.nodes), len(g.Concepts())+8)
			}
		})
	}
}

// TestSVGFont checks that every text names a font list that ends with a
// generic family and includes one that draws Chinese.
func TestSVGFont(t *testing.T) {
	g := fixture(t)
	doc := parseSVG(t, render(t, g, g.All(), Options{Look: Look{Lang: graph.Zh}, Page: Page{Title: "标题"}}))
	for f := range doc.fonts {
		if !strings.HasSuffix(f, ",sans-serif") || !strings.Contains(f, "Noto Sans CJK SC") {
			t.Errorf("font-family %q", f)
		}
	}
	if len(doc.fonts) == 0 {
		t.Error("no font-family in the SVG")
	}
}

// TestLabelsFit checks, for every node and cluster, that each line of
// text, as wide as a viewer draws it (see viewerWidths) and placed as the
// SVG anchors it, lies within the drawn shape. Graphviz alone would make
// boxes too narrow for Chinese names.
func TestLabelsFit(t *testing.T) {
	width := viewerWidths(t)
	type input struct {
		name string
		g    *graph.Graph
	}
	inputs := []input{{"fixture", fixture(t)}, {"big", bigGraph(t, 40)}}
	for _, in := range inputs {
		for _, lang := range langs {
			for _, dir := range []string{"TB", "LR"} {
				t.Run(in.name+"/"+string(lang)+"/"+dir, func(t *testing.T) {
					doc := parseSVG(t, render(t, in.g, in.g.All(), Options{Look: Look{Lang: lang, RankDir: dir}}))
					for _, n := range withClass(doc.nodes, "node") {
						if _, err := strconv.Atoi(strings.TrimPrefix(n.title, "n")); err != nil {
							continue // not a concept: the legend
						}
						checkFit(t, n, padX-1, width)
					}
					for _, c := range doc.clusters {
						checkFit(t, c, 0, width)
					}
				})
			}
		}
	}
}

func checkFit(t *testing.T, g *svgGroup, margin float64, width func(string, float64) float64) {
	t.Helper()
	widest := 0.0
	for _, tx := range g.texts {
		w := width(tx.text, tx.size)
		widest = max(widest, w)
		left := tx.x
		switch tx.anchor {
		case "middle":
			left -= w / 2
		case "end":
			left -= w
		}
		if left < g.minX+margin || left+w > g.maxX-margin {
			t.Errorf("%s %q: text %q spans %.1f–%.1f, shape %.1f–%.1f", g.class, g.title, tx.text, left, left+w, g.minX, g.maxX)
		}
	}
	if widest > g.maxX-g.minX {
		t.Errorf("%s %q: label %.1f wide, shape %.1f", g.class, g.title, widest, g.maxX-g.minX)
	}
}

// TestLegend checks that the legend shows exactly the relation types in
// view, in vocabulary order, each with its colour.
func TestLegend(t *testing.T) {
	g := fixture(t)
	pick := func(ids ...string) []*graph.Concept {
		var cs []*graph.Concept
		for _, id := range ids {
			cs = append(cs, g.Concept(id))
		}
		return cs
	}
	for _, tc := range []struct {
		name string
		v    graph.View
		opt  Options
		want []string // relation ids
	}{
		{"all", g.All(), Options{}, []string{"requires", "part_of", "improves_on", "related_to"}},
		{"all zh", g.All(), Options{Look: Look{Lang: graph.Zh, RankDir: "LR"}}, []string{"requires", "part_of", "improves_on", "related_to"}},
		{"chain", g.Induced(pick("vector", "softmax", "attention"), nil), Options{}, []string{"requires"}},
		{"pair", g.Induced(pick("mha", "gqa"), nil), Options{Look: Look{Lang: graph.Both}}, []string{"improves_on", "related_to"}},
		{"filtered", g.Induced(pick("mha", "gqa"), []string{"related_to"}), Options{}, []string{"related_to"}},
		{"no edges", g.Induced(pick("orphan", "vector"), nil), Options{}, nil},
		{"off", g.All(), Options{Look: Look{NoLegend: true}}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := parseSVG(t, render(t, g, tc.v, tc.opt))
			labels := withClass(doc.nodes, "legend")
			samples := withClass(doc.edges, "legend")
			if len(labels) != len(tc.want) || len(samples) != len(tc.want) {
				t.Fatalf("legend has %d labels and %d samples, want %d", len(labels), len(samples), len(tc.want))
			}
			for i, id := range tc.want {
				rt := g.Relation(id)
				if got, want := labels[i].lines(), wantLines(rt.Label, tc.opt.Lang); !slices.Equal(got, want) {
					t.Errorf("legend row %d says %q, want %q", i, got, want)
				}
				if got := samples[i].stroke; got != rt.Style.Color {
					t.Errorf("legend row %d is drawn in %s, want %s", i, got, rt.Style.Color)
				}
			}
			hasCluster := false
			for _, c := range doc.clusters {
				hasCluster = hasCluster || c.title == "cluster_legend"
			}
			if hasCluster != (len(tc.want) > 0) {
				t.Errorf("legend cluster drawn: %v, want %v", hasCluster, len(tc.want) > 0)
			}
		})
	}
}

// TestSteps checks that plan step numbers start the names of the steps,
// and only theirs, and that targets are marked.
func TestSteps(t *testing.T) {
	g := fixture(t)
	v, opt := planOptions(t, g, Options{Look: Look{Lang: graph.Zh}})
	// Draw the whole graph so that concepts outside the plan show too.
	doc := parseSVG(t, render(t, g, g.All(), opt))
	nodes := doc.byID()
	if len(opt.Steps) != len(v.Concepts) || len(opt.Steps) < 4 {
		t.Fatalf("plan has %d steps over %d concepts", len(opt.Steps), len(v.Concepts))
	}
	for _, c := range g.Concepts() {
		n := nodes[c.ID]
		want := wantLines(c.Name, graph.Zh)
		step, ok := opt.Steps[c.ID]
		if ok {
			want[0] = strconv.Itoa(step) + ". " + want[0]
		}
		if got := n.lines(); !slices.Equal(got, want) {
			t.Errorf("node %q: lines %q, want %q", c.ID, got, want)
		}
		if got := len(withClass([]*svgGroup{n}, "target")) == 1; got != (c.ID == "gqa") {
			t.Errorf("node %q: marked as target: %v", c.ID, got)
		}
	}
	if opt.Steps["gqa"] != len(opt.Steps) {
		t.Errorf("the target gqa is step %d of %d", opt.Steps["gqa"], len(opt.Steps))
	}
}

func TestSVGDeterministic(t *testing.T) {
	g := fixture(t)
	for _, tc := range goldenCases(t, g) {
		a := render(t, g, tc.v, tc.opt)
		b := render(t, fixture(t), tc.v, tc.opt)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two SVG renders differ", tc.name)
		}
	}
}

// TestSVGConcurrent renders from 8 goroutines at once; go-graphviz's
// WebAssembly module would corrupt or crash without render's lock.
func TestSVGConcurrent(t *testing.T) {
	g := fixture(t)
	opts := []Options{{}, {Look: Look{Lang: graph.Zh}}, {Look: Look{Lang: graph.Both, RankDir: "LR"}}}
	want := make([][]byte, len(opts))
	for i, opt := range opts {
		want[i] = render(t, g, g.All(), opt)
	}
	const n = 8
	got := make([][]byte, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			got[i], errs[i] = SVG(context.Background(), g, g.All(), opts[i%len(opts)])
		})
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil {
			t.Errorf("goroutine %d: %v", i, errs[i])
		} else if !bytes.Equal(got[i], want[i%len(opts)]) {
			t.Errorf("goroutine %d: SVG differs from a render alone", i)
		}
	}
}

func TestSVGErrors(t *testing.T) {
	svg, err := Renderer{}.svg(context.Background(), []byte("digraph { a -> ; }"))
	if err == nil || svg != nil {
		t.Fatalf("bad DOT: got %d bytes and error %v", len(svg), err)
	}
	if got, want := err.Error(), "render: Graphviz cannot read the map: syntax error in line"; !strings.HasPrefix(got, want) {
		t.Errorf("error %q, want %q", got, want)
	}
	var ge *GraphvizError
	if !errors.As(err, &ge) || ge.Stage != engine.StageRead || !strings.HasPrefix(ge.Detail, "syntax error in line") {
		t.Errorf("error %#v is not a GraphvizError of stage read with Graphviz's words", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	g := fixture(t)
	if svg, err := SVG(ctx, g, g.All(), Options{}); !errors.Is(err, context.Canceled) || svg != nil {
		t.Errorf("cancelled: got %d bytes and error %v", len(svg), err)
	}
	// The engine still works after a failure.
	render(t, g, g.All(), Options{})
}

func BenchmarkSVG(b *testing.B) {
	g := bigGraph(b, 90)
	v := g.All()
	opt := Options{Look: Look{Lang: graph.Both}, Page: Page{Title: "Benchmark"}}
	render(b, g, v, opt) // start the engine
	b.ReportAllocs()
	for b.Loop() {
		if _, err := SVG(context.Background(), g, v, opt); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(v.Concepts)), "nodes")
	b.ReportMetric(float64(len(v.Edges)), "edges")
}

func BenchmarkDOT(b *testing.B) {
	g := bigGraph(b, 90)
	v := g.All()
	for b.Loop() {
		DOT(g, v, Options{Look: Look{Lang: graph.Both}})
	}
}

func TestSVGEmptyView(t *testing.T) {
	g := fixture(t)
	doc := parseSVG(t, render(t, g, graph.View{}, Options{}))
	if len(doc.nodes)+len(doc.edges)+len(doc.clusters) != 0 {
		t.Errorf("empty view drew %d nodes, %d edges, %d clusters", len(doc.nodes), len(doc.edges), len(doc.clusters))
	}
}

// viewerWidths returns a measure of text as a viewer of our SVG draws it
// on a Linux desktop: each character with the advance width of the first
// font of the SVG's font list that has it, Liberation Sans (Helvetica's
// and Arial's metrics) for Latin text, then Noto Sans CJK SC. It reads the
// font files itself with x/image's sfnt, independently of the widths that
// render sizes boxes with. Without the fonts the test is skipped, except
// in CI, which installs them.
func viewerWidths(t *testing.T) func(string, float64) float64 {
	t.Helper()
	var faces []*sfnt.Font
	for _, file := range []struct{ path, family string }{
		{"/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "Liberation Sans"},
		{"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "Noto Sans CJK SC"},
	} {
		data, err := os.ReadFile(file.path)
		if err != nil {
			msg := fmt.Sprintf("%s: %v (apt-get install fonts-liberation fonts-noto-cjk)", file.family, err)
			if os.Getenv("CI") != "" {
				t.Fatal(msg)
			}
			t.Skip(msg)
		}
		c, err := sfnt.ParseCollection(data)
		if err != nil {
			t.Fatal(err)
		}
		var face *sfnt.Font
		for i := range c.NumFonts() {
			f, err := c.Font(i)
			if err != nil {
				t.Fatal(err)
			}
			if name, _ := f.Name(nil, sfnt.NameIDFamily); name == file.family {
				face = f
				break
			}
		}
		if face == nil {
			t.Fatalf("%s has no face %q", file.path, file.family)
		}
		faces = append(faces, face)
	}
	var b sfnt.Buffer
	return func(s string, size float64) float64 {
		w := 0.0
		for _, r := range s {
			for _, f := range faces {
				x, err := f.GlyphIndex(&b, r)
				if err != nil || x == 0 {
					continue
				}
				adv, err := f.GlyphAdvance(&b, x, fixed.Int26_6(size*64), xfont.HintingNone)
				if err != nil {
					t.Fatal(err)
				}
				w += float64(adv) / 64
				break
			}
		}
		return w
	}
}
