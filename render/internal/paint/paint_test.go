package paint

import (
	"context"
	"image"
	"math"
	"testing"

	"github.com/conceptmap/conceptmap/render/internal/engine"
	"github.com/conceptmap/conceptmap/render/internal/fonts"
	"github.com/conceptmap/conceptmap/render/internal/fonts/fontstest"
	"github.com/tdewolff/canvas"
)

// cjkFont returns the system font if it draws Chinese (see
// fontstest.Require).
func cjkFont(t testing.TB) *fonts.Font {
	t.Helper()
	f, err := fonts.SystemFont()
	fontstest.Require(t, f, err)
	return f
}

// layoutOf lays DOT source out with Graphviz.
func layoutOf(t *testing.T, dot string) *engine.Layout {
	t.Helper()
	out, err := engine.Run(context.Background(), []byte(dot), engine.XDot)
	if err != nil {
		t.Fatal(err)
	}
	l, err := engine.ParseLayout(out)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// TestChineseGlyphs checks that Chinese text is drawn with its glyphs: a
// line of five different characters must come out as five different
// pictures with ink in each, and unlike five boxes of the glyph drawn for
// a missing character.
func TestChineseGlyphs(t *testing.T) {
	const text = "注意力机制"
	// U+E000 to U+E004 stand for characters the font lacks: they draw
	// its .notdef glyph.
	f := cjkFont(t).WithMissing(0xE000, 0xE001, 0xE002, 0xE003, 0xE004)
	const size = 40.0
	drawLine := func(s string) *image.RGBA {
		w := f.Width(s, size)
		l := &engine.Layout{BB: [4]float64{0, 0, w, size * 1.5},
			Items: []engine.Item{{Kind: "node", Ops: []engine.Op{{Op: 'F', Size: size}, {Op: 'T', Pt: [2]float64{0, size * 0.4}, Align: -1, Str: s}}}}}
		cf, err := canvasFont(f, []string{s})
		if err != nil {
			t.Fatal(err)
		}
		return rasterize(t, l, f, cf)
	}
	han := drawLine(text)
	tofu := drawLine("\uE000\uE001\uE002\uE003\uE004")
	cell := func(img *image.RGBA, i int) image.Rectangle {
		return image.Rect(i*int(size), 0, (i+1)*int(size), img.Bounds().Dy())
	}
	var cells [5][]bool
	for i := range cells {
		r := cell(han, i)
		for y := r.Min.Y; y < r.Max.Y; y++ {
			for x := r.Min.X; x < r.Max.X; x++ {
				cells[i] = append(cells[i], han.RGBAAt(x, y).R < 128)
			}
		}
		ink := 0
		for _, b := range cells[i] {
			if b {
				ink++
			}
		}
		if ink < 100 {
			t.Errorf("character %d of %q has %d dark pixels", i, text, ink)
		}
	}
	differ := func(a, b []bool) int {
		n := 0
		for k := range a {
			if a[k] != b[k] {
				n++
			}
		}
		return n
	}
	for i := range cells {
		for j := i + 1; j < len(cells); j++ {
			if d := differ(cells[i], cells[j]); d < 100 {
				t.Errorf("characters %d and %d of %q differ in %d pixels only", i, j, text, d)
			}
		}
	}
	d := 0
	for y := range han.Bounds().Dy() {
		for x := range han.Bounds().Dx() {
			if (han.RGBAAt(x, y).R < 128) != (tofu.RGBAAt(x, y).R < 128) {
				d++
			}
		}
	}
	if d < 1000 {
		t.Errorf("%q and five missing-character boxes differ in %d pixels only", text, d)
	}
}

// rasterize draws a layout at one pixel per point, black on white.
func rasterize(t *testing.T, l *engine.Layout, f *fonts.Font, cf *canvas.Font) *image.RGBA {
	t.Helper()
	w, h := l.Size()
	pw, ph := max(1, int(math.Round(w))), max(1, int(math.Round(h)))
	img, err := drawPNG(context.Background(), l, f, cf, PNGPage{Scale: 1, W: w, H: h, PW: pw, PH: ph, Background: "#ffffff"})
	if err != nil {
		t.Fatal(err)
	}
	return img
}
