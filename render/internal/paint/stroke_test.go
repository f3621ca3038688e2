package paint

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math/rand/v2"
	"testing"

	"github.com/conceptmap/conceptmap/render/internal/engine"
	"github.com/conceptmap/conceptmap/render/internal/fonts"
	"github.com/tdewolff/canvas"
	"github.com/tdewolff/canvas/renderers/rasterizer"
)

// strokeDOT has what strokes a map draws: curved and straight edges,
// tight bends, dashed, dotted and bold lines, arrowheads, rounded boxes.
const strokeDOT = `digraph {
	node [shape=box, style="rounded,filled", fillcolor="#e0f0ff", penwidth=1.2]
	edge [penwidth=1.3, arrowsize=0.8]
	a -> b; a -> c [style=dashed]; b -> d [style=dotted]; c -> d [style=bold, color="#c53030"]
	d -> a [constraint=false]; b -> c [arrowhead=vee]; c -> a [dir=back, arrowtail=diamond]
	a -> d [style=dashed, color="#2b6cb0"]; d -> e; e -> d; e -> e
}`

// TestStrokesAsSettled draws a map's strokes the fast way (outlines left
// overlapping, filled non-zero) and as canvas's rasterizer draws them
// (outlines settled, filled even-odd), and wants the same picture: at most
// a few anti-aliased pixels at sharp corners may differ, and none by much.
func TestStrokesAsSettled(t *testing.T) {
	l := layoutOf(t, strokeDOT)
	f := cjkFont(t)
	cf, err := canvasFont(f, l.Texts())
	if err != nil {
		t.Fatal(err)
	}
	for _, scale := range []float64{1, 2, 4} {
		w, h := l.Size()
		pg := PNGPage{Scale: scale, W: w, H: h, PW: int(w * scale), PH: int(h * scale), Background: "#ffffff"}
		fast, err := drawPNG(context.Background(), l, f, cf, pg)
		if err != nil {
			t.Fatal(err)
		}
		settled := drawSettled(t, l, f, cf, pg)
		differ, far := 0, 0
		for i := 0; i < len(fast.Pix); i += 4 {
			d := 0
			for c := range 3 {
				d = max(d, absDiff(fast.Pix[i+c], settled.Pix[i+c]))
			}
			if d > 0 {
				differ++
			}
			if d > 96 {
				far++
			}
		}
		total := pg.PW * pg.PH
		t.Logf("scale %g: %d of %d pixels differ, %d by more than 96", scale, differ, total, far)
		if differ > total/1000 || far > 8 {
			t.Errorf("scale %g: %d of %d pixels differ from the settled strokes, %d by more than 96", scale, differ, total, far)
		}
	}
}

// drawSettled draws as drawPNG did before strokes were drawn apart: all
// through canvas's rasterizer, with settled outlines.
func drawSettled(t *testing.T, l *engine.Layout, f *fonts.Font, cf *canvas.Font, pg PNGPage) *image.RGBA {
	t.Helper()
	canvas.FastStroke = false
	defer func() { canvas.FastStroke = true }()
	img := image.NewRGBA(image.Rectangle{Max: image.Pt(pg.PW, pg.PH)})
	draw.Draw(img, img.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	r := rasterizer.FromImage(img, canvas.DPMM(pg.Scale/ptToMM), canvas.LinearColorSpace{})
	d := &drawer{r: r, font: f, cf: cf}
	w, h := l.Size()
	k := min(pg.W/w, pg.H/h)
	d.setPlacement(l, k, (pg.W-w*k)/2, (pg.H-h*k)/2)
	if err := d.draw(context.Background(), l); err != nil {
		t.Fatal(err)
	}
	r.Close()
	return img
}

func absDiff(a, b uint8) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}

// TestWritePNG checks the PNG writer against image/png's reader: opaque
// images come back pixel for pixel, as RGB; partly transparent ones come
// back as the colours they stand for.
func TestWritePNG(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, c := range []struct {
		name   string
		w, h   int
		opaque bool
	}{{"opaque", 37, 23, true}, {"transparent", 29, 31, false}, {"one pixel", 1, 1, true}, {"wide", 700, 3, false}} {
		img := image.NewRGBA(image.Rect(0, 0, c.w, c.h))
		for i := 0; i < len(img.Pix); i += 4 {
			a := uint8(255)
			if !c.opaque {
				a = []uint8{0, 255, uint8(r.IntN(256))}[r.IntN(3)]
			}
			// Premultiplied: no colour above its alpha.
			img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = uint8(r.UintN(uint(a)+1)), uint8(r.UintN(uint(a)+1)), uint8(r.UintN(uint(a)+1)), a
		}
		var buf bytes.Buffer
		if err := writePNG(&buf, img); err != nil {
			t.Fatal(err)
		}
		back, err := png.Decode(&buf)
		if err != nil {
			t.Fatalf("%s: image/png cannot read it: %v", c.name, err)
		}
		if got := back.Bounds(); got != img.Bounds() {
			t.Fatalf("%s: bounds %v, want %v", c.name, got, img.Bounds())
		}
		if _, rgb := back.(*image.RGBA); c.opaque && !rgb {
			t.Errorf("%s: read back as %T, want *image.RGBA (an RGB PNG)", c.name, back)
		}
		for y := range c.h {
			for x := range c.w {
				want := img.RGBAAt(x, y)
				gr, gg, gb, ga := back.At(x, y).RGBA()
				got := color.RGBA{uint8(gr >> 8), uint8(gg >> 8), uint8(gb >> 8), uint8(ga >> 8)}
				// Dividing by alpha and multiplying back may be off by one.
				if absDiff(got.R, want.R) > 1 || absDiff(got.G, want.G) > 1 || absDiff(got.B, want.B) > 1 || got.A != want.A {
					t.Fatalf("%s: pixel (%d,%d) read back as %v, want %v", c.name, x, y, got, want)
				}
			}
		}
	}
}
