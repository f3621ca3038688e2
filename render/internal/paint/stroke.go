package paint

import (
	"image"

	"github.com/srwiley/scanx"
	"github.com/tdewolff/canvas"
)

// PNG strokes are drawn here rather than by canvas's rasterizer, which
// fills a stroke's outline with the even-odd rule and so first has
// Path.Settle remove the outline's overlaps (where a curve bends tighter
// than the line is wide, and at joins): a Bentley–Ottmann sweep that cost
// a fifth of a slide's time. Filled with the non-zero rule, as here, an
// outline that overlaps itself draws the same pixels without it.
func init() {
	// Path.Stroke leaves outlines unsettled. Only PNG strokes outlines;
	// PDF draws strokes with PDF's own operators.
	canvas.FastStroke = true
}

// stroker fills stroke outlines on an image with the non-zero rule.
type stroker struct {
	img     *image.RGBA
	res     canvas.Resolution
	scanner *scanx.Scanner
}

func newStroker(img *image.RGBA, res canvas.Resolution) *stroker {
	b := img.Bounds()
	sc := scanx.NewScanner(scanx.NewImgSpanner(img), b.Dx(), b.Dy())
	sc.SetWinding(true)
	return &stroker{img: img, res: res, scanner: sc}
}

// stroke draws p's stroke as style says, flattened at the image's
// resolution, as the rasterizer would.
func (s *stroker) stroke(p *canvas.Path, style canvas.Style) {
	q := p
	if len(style.Dashes) > 0 {
		offset, dashes := canvas.ScaleDash(style.StrokeWidth, style.DashOffset, style.Dashes)
		q = q.Dash(offset, dashes...)
	}
	q = q.Stroke(style.StrokeWidth, style.StrokeCapper, style.StrokeJoiner, canvas.PixelTolerance/s.res.DPMM())
	s.scanner.Clear()
	s.scanner.SetColor(s.img.ColorModel().Convert(style.Stroke.Color))
	q.ToScanxScanner(s.scanner, float64(s.img.Bounds().Dy()), s.res)
	s.scanner.Draw()
}
