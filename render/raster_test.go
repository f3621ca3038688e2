package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/conceptmap/conceptmap/data"
	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/internal/engine"
	"github.com/conceptmap/conceptmap/render/internal/fonts/fontstest"
)

// cjkFont returns the system font if it draws Chinese (see
// fontstest.Require).
func cjkFont(t testing.TB) *Font {
	t.Helper()
	f, err := SystemFont()
	fontstest.Require(t, f, err)
	return f
}

// tool returns the path of a poppler-utils program, skipping the test
// without it, except in CI.
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s not found: apt-get install poppler-utils", name)
		}
		t.Skipf("%s not found: apt-get install poppler-utils", name)
	}
	return p
}

// rasterOpts are the options of PNG and PDF that tests vary.
type rasterOpts struct {
	Font  *Font
	Scale float64
}

// withRaster returns opt with ro's font and scale.
func withRaster(opt Options, ro rasterOpts) Options {
	opt.Font, opt.Scale = ro.Font, ro.Scale
	return opt
}

func pngOf(t testing.TB, g *graph.Graph, v graph.View, opt Options, ro rasterOpts) image.Image {
	t.Helper()
	b, err := PNG(context.Background(), g, v, withRaster(opt, ro))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("the PNG does not decode: %v", err)
	}
	return img
}

func pdfOf(t testing.TB, g *graph.Graph, v graph.View, opt Options, ro rasterOpts) []byte {
	t.Helper()
	b, err := PDF(context.Background(), g, v, withRaster(opt, ro))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var viewBoxRE = regexp.MustCompile(`viewBox="([-0-9.]+) ([-0-9.]+) ([-0-9.]+) ([-0-9.]+)"`)

// svgSize returns the size in points of the SVG that Graphviz draws for
// the same map, boxes measured with f as PNG and PDF measure them.
func svgSize(t *testing.T, f *Font, g *graph.Graph, v graph.View, opt Options) (w, h float64) {
	t.Helper()
	opt.Measure = f.Width
	svg, err := Renderer{}.svg(context.Background(), DOT(g, v, opt))
	if err != nil {
		t.Fatal(err)
	}
	m := viewBoxRE.FindSubmatch(svg)
	if m == nil {
		t.Fatal("no viewBox in the SVG")
	}
	w, _ = strconv.ParseFloat(string(m[3]), 64)
	h, _ = strconv.ParseFloat(string(m[4]), 64)
	return w, h
}

// TestPNG checks that the PNG decodes, is the SVG's size times the scale,
// and is a drawing: many colours, and ink on a fair part of it.
func TestPNG(t *testing.T) {
	f := cjkFont(t)
	g := fixture(t)
	for _, scale := range []float64{0, 1, 1.5} {
		for _, lang := range langs {
			t.Run(fmt.Sprintf("%v/%s", scale, lang), func(t *testing.T) {
				opt := Options{Look: Look{Lang: lang}}
				img := pngOf(t, g, g.All(), opt, rasterOpts{Font: f, Scale: scale})
				s := scale
				if s == 0 {
					s = DefaultScale
				}
				w, h := svgSize(t, f, g, g.All(), opt)
				b := img.Bounds()
				if math.Abs(float64(b.Dx())-w*s) > 1 || math.Abs(float64(b.Dy())-h*s) > 1 {
					t.Errorf("PNG is %d×%d pixels, want %.1f×%.1f (%gpt×%gpt at scale %g)", b.Dx(), b.Dy(), w*s, h*s, w, h, s)
				}
				colours, ink := inkStats(img, b)
				if colours < 50 {
					t.Errorf("only %d colours", colours)
				}
				if frac := float64(ink) / float64(b.Dx()*b.Dy()); frac < 0.05 {
					t.Errorf("only %.1f%% of the pixels are not white", 100*frac)
				}
				if c := color.NRGBAModel.Convert(img.At(0, 0)).(color.NRGBA); c != (color.NRGBA{255, 255, 255, 255}) {
					t.Errorf("corner is %v, want opaque white", c)
				}
			})
		}
	}
}

// inkStats counts the distinct colours of r in img and the pixels that
// are neither white nor clear.
func inkStats(img image.Image, r image.Rectangle) (colours, ink int) {
	seen := map[color.NRGBA]bool{}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			seen[c] = true
			if c.A > 0 && (c.R < 250 || c.G < 250 || c.B < 250) {
				ink++
			}
		}
	}
	return len(seen), ink
}

func TestPNGTransparent(t *testing.T) {
	f := cjkFont(t)
	g := fixture(t)
	img := pngOf(t, g, g.All(), Options{Page: Page{Transparent: true}}, rasterOpts{Font: f, Scale: 1})
	if _, _, _, a := img.At(0, 0).RGBA(); a != 0 {
		t.Errorf("corner alpha %d, want 0", a)
	}
	if _, ink := inkStats(img, img.Bounds()); ink == 0 {
		t.Error("nothing drawn")
	}
}

// TestPDFText checks with poppler's pdftotext that the PDF holds every
// name, category and relation label as text, Chinese included, and with
// pdffonts that it embeds its fonts cut down to what it uses.
func TestPDFText(t *testing.T) {
	pdftotext, pdffonts := tool(t, "pdftotext"), tool(t, "pdffonts")
	f := cjkFont(t)
	g := fixture(t)
	for _, lang := range langs {
		t.Run(string(lang), func(t *testing.T) {
			doc := pdfOf(t, g, g.All(), Options{Look: Look{Lang: lang}}, rasterOpts{Font: f})
			text := run(t, doc, pdftotext, "-raw", "-enc", "UTF-8", "-", "-")
			flat := strings.Join(strings.Fields(text), " ")
			var want []string
			for _, c := range g.Concepts() {
				want = append(want, wantLines(c.Name, lang)...)
				if cat := g.Category(c.Category); cat != nil {
					want = append(want, wantLines(cat.Name, lang)...)
				}
			}
			for _, rt := range g.Relations() {
				if rt.ID != "uses" { // no edge has it
					want = append(want, wantLines(rt.Label, lang)...)
				}
			}
			want = append(want, wantLines(legendTitle, lang)...)
			for _, w := range want {
				if !strings.Contains(flat, strings.Join(strings.Fields(w), " ")) {
					t.Errorf("pdftotext does not find %q in:\n%s", w, text)
				}
			}
			checkFonts(t, run(t, doc, pdffonts, "-"))
		})
	}
}

// checkFonts checks pdffonts' table: at least one font, each embedded,
// subset and with a Unicode map.
func checkFonts(t *testing.T, out string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no font:\n%s", out)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type… encoding emb sub uni object ID
		if len(f) < 7 || f[len(f)-5] != "yes" || f[len(f)-4] != "yes" || f[len(f)-3] != "yes" || !strings.Contains(f[0], "+") {
			t.Errorf("font not embedded as a subset with a Unicode map: %s", l)
		}
	}
}

// run runs a poppler tool with the document on its standard input.
func run(t *testing.T, doc []byte, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Stdin = bytes.NewReader(doc)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", name, err, stderr.String())
	}
	if s := strings.TrimSpace(stderr.String()); s != "" {
		t.Errorf("%s complains: %s", name, s)
	}
	return string(out)
}

func TestPDFPages(t *testing.T) {
	pdfinfo := tool(t, "pdfinfo")
	f := cjkFont(t)
	g := fixture(t)
	pv, popt := planOptions(t, g, Options{Look: Look{Lang: graph.Zh}, Page: Page{Title: "学习计划"}})
	for _, slide := range []bool{false, true} {
		pages := []Frame{{g.All(), Options{Look: Look{Lang: graph.En}}}, {pv, popt}}
		for i := range pages {
			pages[i].Options.Font = f
			if slide {
				pages[i].Options.PageWidth, pages[i].Options.PageHeight = 960, 540
			}
		}
		doc, err := PDFPages(context.Background(), g, pages)
		if err != nil {
			t.Fatal(err)
		}
		info := run(t, doc, pdfinfo, "-f", "1", "-l", "2", "-")
		if !regexp.MustCompile(`(?m)^Pages:\s+2$`).MatchString(info) {
			t.Errorf("want 2 pages:\n%s", info)
		}
		sizes := regexp.MustCompile(`(?m)^Page\s+\d size:\s+([0-9.]+) x ([0-9.]+) pts`).FindAllStringSubmatch(info, -1)
		if len(sizes) != 2 {
			t.Fatalf("no page sizes:\n%s", info)
		}
		for i, s := range sizes {
			w, _ := strconv.ParseFloat(s[1], 64)
			h, _ := strconv.ParseFloat(s[2], 64)
			ww, wh := pages[i].Options.PageWidth, pages[i].Options.PageHeight
			if ww == 0 {
				ww, wh = svgSize(t, f, g, pages[i].View, pages[i].Options)
			}
			if math.Abs(w-ww) > 0.5 || math.Abs(h-wh) > 0.5 {
				t.Errorf("page %d is %v×%v points, want %.1f×%.1f", i+1, w, h, ww, wh)
			}
		}
	}
	if _, err := PDFPages(context.Background(), g, nil); err == nil {
		t.Error("no pages: no error")
	}
}

// TestLabelsFitFont checks that, with boxes measured by the font, each
// line of each concept's and cluster's label, as wide as the font draws
// it and placed as Graphviz anchors it, lies inside its box.
func TestLabelsFitFont(t *testing.T) {
	f := cjkFont(t)
	inputs := []struct {
		name string
		g    *graph.Graph
	}{{"fixture", fixture(t)}, {"big", bigGraph(t, 40)}}
	for _, in := range inputs {
		for _, lang := range langs {
			for _, dir := range []string{"TB", "LR"} {
				t.Run(in.name+"/"+string(lang)+"/"+dir, func(t *testing.T) {
					l, err := Renderer{}.fontLayout(context.Background(), f, in.g, in.g.All(), Options{Look: Look{Lang: lang, RankDir: dir}, Page: Page{Title: "标题 Title"}})
					if err != nil {
						t.Fatal(err)
					}
					checked := 0
					for name, it := range shapes(l) {
						if it.box[0] >= it.box[2] {
							continue // no box: a legend label
						}
						margin := 0.0
						if strings.HasPrefix(name, "n") {
							margin = padX - 1
						}
						for _, tx := range it.texts {
							w := f.Width(tx.Str, tx.Size)
							left := tx.Pt[0] - w*float64(tx.Align+1)/2
							if left < it.box[0]+margin || left+w > it.box[2]-margin {
								t.Errorf("%s: text %q spans %.1f–%.1f, box %.1f–%.1f", name, tx.Str, left, left+w, it.box[0], it.box[2])
							}
							checked++
						}
					}
					if checked < len(in.g.Concepts()) {
						t.Errorf("checked %d texts only", checked)
					}
				})
			}
		}
	}
}

type shape struct {
	box   [4]float64  // x0, y0, x1, y1 of the first shape drawn
	texts []engine.Op // T operations, with Size set from the F before them
}

// shapes groups a layout's drawings by cluster or node name.
func shapes(l *engine.Layout) map[string]*shape {
	m := map[string]*shape{}
	for _, it := range l.Items {
		if it.Kind == "edge" || it.Name == "" {
			continue
		}
		s := m[it.Name]
		if s == nil {
			s = &shape{box: [4]float64{1, 1, 0, 0}}
			m[it.Name] = s
		}
		size := 14.0
		for _, op := range it.Ops {
			switch op.Op {
			case 'F':
				size = op.Size
			case 'T':
				op.Size = size
				s.texts = append(s.texts, op)
			case 'P', 'p', 'b', 'B':
				if s.box[0] < s.box[2] {
					break
				}
				s.box = [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
				for _, p := range op.Points {
					s.box[0], s.box[1] = min(s.box[0], p[0]), min(s.box[1], p[1])
					s.box[2], s.box[3] = max(s.box[2], p[0]), max(s.box[3], p[1])
				}
			}
		}
	}
	return m
}

func TestRasterErrors(t *testing.T) {
	ctx := context.Background()
	g := fixture(t)
	if _, err := LoadFont("testdata/no-such-font.ttf"); err == nil || !strings.Contains(err.Error(), "no-such-font.ttf") || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing font file: error %v", err)
	}
	if _, err := LoadFont("testdata/fixture.yaml"); err == nil || !strings.Contains(err.Error(), "testdata/fixture.yaml: not a TrueType or OpenType font") {
		t.Errorf("not a font: error %v", err)
	}
	if _, err := LoadFont(); err == nil {
		t.Error("no font file: no error")
	}
	// A name with characters no font has: U+E000 is in Unicode's private
	// use area, U+10FFFD in its last plane.
	bad := loadBytes(t, "bad.yaml", []byte("concepts:\n  - {id: a, name: {en: \"x\uE000y\U0010FFFD\"}}\n"))
	f, err := SystemFont()
	if err != nil {
		t.Fatal(err)
	}
	for name, draw := range map[string]func() ([]byte, error){
		"PNG": func() ([]byte, error) { return PNG(ctx, bad, bad.All(), withRaster(Options{}, rasterOpts{Font: f})) },
		"PDF": func() ([]byte, error) { return PDF(ctx, bad, bad.All(), withRaster(Options{}, rasterOpts{Font: f})) },
	} {
		out, err := draw()
		var miss *MissingCharsError
		if out != nil || !errors.As(err, &miss) {
			t.Fatalf("%s: got %d bytes and error %v", name, len(out), err)
		}
		want := `render: no font has 2 characters of the map: U+E000, U+10FFFD (searched: ` + f.String() +
			`). Install a font that has them (on Debian or Ubuntu: apt-get install fonts-noto-cjk)`
		if err.Error() != want {
			t.Errorf("%s: error\n%s\nwant\n%s", name, err, want)
		}
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if out, err := PNG(cancelled, g, g.All(), withRaster(Options{}, rasterOpts{Font: f})); !errors.Is(err, context.Canceled) || out != nil {
		t.Errorf("cancelled PNG: %d bytes, error %v", len(out), err)
	}
	if out, err := PDF(cancelled, g, g.All(), withRaster(Options{}, rasterOpts{Font: f})); !errors.Is(err, context.Canceled) || out != nil {
		t.Errorf("cancelled PDF: %d bytes, error %v", len(out), err)
	}
	for _, scale := range []float64{-1, math.NaN(), math.Inf(1), 1e6} {
		if out, err := PNG(ctx, g, g.All(), withRaster(Options{}, rasterOpts{Font: f, Scale: scale})); err == nil || out != nil {
			t.Errorf("scale %v: %d bytes, error %v", scale, len(out), err)
		}
	}
}

// TestRasterDeterministic checks that the same map gives the same bytes:
// twice in a row, from a font loaded afresh, and from goroutines at once.
func TestRasterDeterministic(t *testing.T) {
	f := cjkFont(t)
	g := fixture(t)
	ctx := context.Background()
	v, opt := g.All(), Options{Look: Look{Lang: graph.Both}, Page: Page{Title: "标题"}}
	fresh, err := LoadFont(f.Files()...)
	if err != nil {
		t.Fatal(err)
	}
	formats := map[string]func(*Font) ([]byte, error){
		"PNG": func(f *Font) ([]byte, error) { return PNG(ctx, g, v, withRaster(opt, rasterOpts{Font: f})) },
		"PDF": func(f *Font) ([]byte, error) { return PDF(ctx, g, v, withRaster(opt, rasterOpts{Font: f})) },
	}
	for name, draw := range formats {
		a, err := draw(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, ff := range []*Font{f, fresh} {
			b, err := draw(ff)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a, b) {
				t.Errorf("%s: render %d differs from the first", name, i+2)
			}
		}
		var wg sync.WaitGroup
		outs := make([][]byte, 4)
		for i := range outs {
			wg.Go(func() {
				outs[i], _ = draw(f)
			})
		}
		wg.Wait()
		for i, b := range outs {
			if !bytes.Equal(a, b) {
				t.Errorf("%s: concurrent render %d differs", name, i)
			}
		}
	}
}

func TestRasterEmptyView(t *testing.T) {
	f := cjkFont(t)
	g := fixture(t)
	if _, err := PNG(context.Background(), g, graph.View{}, withRaster(Options{}, rasterOpts{Font: f})); err != nil {
		t.Error(err)
	}
	if _, err := PDF(context.Background(), g, graph.View{}, withRaster(Options{}, rasterOpts{Font: f})); err != nil {
		t.Error(err)
	}
}

func bundled(b *testing.B) (*graph.Graph, graph.View, Options, *Font) {
	b.Helper()
	g, err := graph.Load(data.FS)
	if err != nil {
		b.Fatal(err)
	}
	v := g.All()
	f := cjkFont(b)
	// As `conceptmap map -o x.png` draws it.
	return g, v, Options{Look: Look{Lang: graph.Both, NoEdgeLabels: len(v.Edges) > EdgeLabelLimit}}, f
}

// BenchmarkPNG draws the bundled map at the default scale. The first
// render, which starts Graphviz and converts the glyphs, is not timed.
func BenchmarkPNG(b *testing.B) {
	g, v, opt, f := bundled(b)
	ctx := context.Background()
	out, err := PNG(ctx, g, v, withRaster(opt, rasterOpts{Font: f}))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if out, err = PNG(ctx, g, v, withRaster(opt, rasterOpts{Font: f})); err != nil {
			b.Fatal(err)
		}
	}
	img, err := png.DecodeConfig(bytes.NewReader(out))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(out)), "bytes")
	b.ReportMetric(float64(img.Width*img.Height)/1e6, "Mpixels")
}

func BenchmarkPDF(b *testing.B) {
	g, v, opt, f := bundled(b)
	ctx := context.Background()
	out, err := PDF(ctx, g, v, withRaster(opt, rasterOpts{Font: f}))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if out, err = PDF(ctx, g, v, withRaster(opt, rasterOpts{Font: f})); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(out)), "bytes")
}

// TestManyCJKLayouts lays out a big map with Chinese labels again and
// again in one process, as slides and the tests do: closing each graph
// after its layout once corrupted Graphviz's memory after about ten such
// layouts, and every layout after that failed.
func TestManyCJKLayouts(t *testing.T) {
	g := bigGraph(t, 40)
	for i := range 20 {
		for _, lang := range []graph.Lang{graph.Zh, graph.Both} {
			opt := Options{Look: Look{Lang: lang, RankDir: []string{"TB", "LR"}[i%2]}}
			if _, err := (Renderer{}).xdot(context.Background(), mapDOT(g, g.All(), opt)); err != nil {
				t.Fatalf("layout %d (%s): %v", i, lang, err)
			}
		}
	}
	render(t, g, g.All(), Options{Look: Look{Lang: graph.Zh}})
}

// TestOtherLayoutsLeaveEngineWell lays a big map out with every layout
// engine and then with dot again, all in one process. An overlap removal
// the embedded Graphviz cannot do (overlap=false) once broke the layouts
// that came after it in this package's test run; this sequence alone did
// not show it, the whole run did.
func TestOtherLayoutsLeaveEngineWell(t *testing.T) {
	g := bigGraph(t, 40)
	for _, l := range []string{"neato", "fdp", "sfdp", "circo", "twopi", "dot"} {
		for _, lang := range []graph.Lang{graph.En, graph.Zh} {
			opt := Options{Look: Look{Lang: lang, Layout: l}}
			if _, err := (Renderer{}).xdot(context.Background(), mapDOT(g, g.All(), opt)); err != nil {
				t.Fatalf("%s (%s): %v", l, lang, err)
			}
			if _, err := (Renderer{}).svg(context.Background(), mapDOT(g, g.All(), opt)); err != nil {
				t.Fatalf("%s (%s) SVG: %v", l, lang, err)
			}
		}
	}
	TestManyCJKLayouts(t)
}
