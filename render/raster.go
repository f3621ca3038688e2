package render

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/internal/engine"
	"github.com/conceptmap/conceptmap/render/internal/fonts"
	"github.com/conceptmap/conceptmap/render/internal/frame"
	"github.com/conceptmap/conceptmap/render/internal/paint"
)

// A Font is what PNG and PDF draw text with, and what measures labels so
// that their boxes fit: one face, or several, where each character comes
// from the first face that has it. Make one with SystemFont or LoadFont. A
// Font is safe for concurrent use.
type Font = fonts.Font

// A MissingCharsError says that the font lacks characters that a map
// needs.
type MissingCharsError = fonts.MissingCharsError

// A FontFileError is a font file that LoadFont cannot read, or that holds
// no font: Err says why, without the path.
type FontFileError = fonts.FileError

// A GraphvizError is the embedded Graphviz refusing a map: Stage says
// whether it could not read the DOT or could not lay it out, Detail
// gives Graphviz's own words.
type GraphvizError = engine.Error

// LoadFont reads font files: TrueType or OpenType fonts (.ttf, .otf) or
// collections of them (.ttc, .otc). From a collection it takes the face
// for Simplified Chinese when there is one, else the first. With several
// files, each character is drawn with the first that has it.
func LoadFont(paths ...string) (*Font, error) { return fonts.LoadFont(paths...) }

// SystemFont returns the font of this system that draws the most: one
// that draws Chinese, with Latin text from a Latin face where the system
// has one, or at least the Go Regular face built in. It looks once.
func SystemFont() (*Font, error) { return fonts.SystemFont() }

// A Frame is one map of a multi-page PDF: a view and how to draw it.
type Frame struct {
	View    graph.View
	Options Options
}

// maxPixels bounds the size of a PNG, so that a huge map at a large scale
// fails with a message instead of exhausting memory.
const maxPixels = 1 << 26

// PNG lays the view out with Graphviz and draws it as a PNG image, the map
// measured in points times opt.Scale pixels, on a page of opt's size if it
// has one, with opt.Font. Labels are measured with the font that draws
// them, whatever opt.Measure says. On failure, including a font that lacks
// some of the map's characters (*MissingCharsError), it returns an error
// and no image.
func (r Renderer) PNG(ctx context.Context, g *graph.Graph, v graph.View, opt Options) ([]byte, error) {
	if err := opt.check(); err != nil {
		return nil, err
	}
	scale := opt.Scale
	if scale == 0 {
		scale = DefaultScale
	}
	if !(scale > 0) || math.IsInf(scale, 0) {
		return nil, fmt.Errorf("render: the PNG scale must be a positive number, not %v", opt.Scale)
	}
	f, err := fontOf(opt)
	if err != nil {
		return nil, err
	}
	l, err := r.fontLayout(ctx, f, g, v, opt)
	if err != nil {
		return nil, err
	}
	w, h := pageSize(l, opt)
	pw, ph := max(1, int(math.Round(w*scale))), max(1, int(math.Round(h*scale)))
	if float64(pw)*float64(ph) > maxPixels {
		return nil, fmt.Errorf("render: a %d×%d PNG is too large; use a smaller scale", pw, ph)
	}
	return paint.PNG(ctx, l, f, paint.PNGPage{Scale: scale, W: w, H: h, PW: pw, PH: ph,
		Background: themeOf(opt.Theme).bg, Transparent: opt.Transparent})
}

// pageSize is the size of the page of a layout drawn with opt, in points:
// opt's page size if it has one, else the layout's.
func pageSize(l *engine.Layout, opt Options) (w, h float64) {
	if opt.PageWidth > 0 && opt.PageHeight > 0 {
		return opt.PageWidth, opt.PageHeight
	}
	return l.Size()
}

// PDF lays the view out with Graphviz and draws it as a one-page PDF, its
// text real text in the font, embedded and cut down to the characters
// used. On failure it returns an error and no document.
func (r Renderer) PDF(ctx context.Context, g *graph.Graph, v graph.View, opt Options) ([]byte, error) {
	return r.PDFPages(ctx, g, []Frame{{v, opt}})
}

// PDFPages draws each frame's view as one page of a PDF, in order:
// slides, one map a page. Each page is the size its options give, or the
// size of its map. Every text is drawn with the first frame's Font. On
// failure it returns an error and no document.
func (r Renderer) PDFPages(ctx context.Context, g *graph.Graph, pages []Frame) ([]byte, error) {
	if len(pages) == 0 {
		return nil, fmt.Errorf("render: a PDF needs at least one page")
	}
	for _, p := range pages {
		if err := p.Options.check(); err != nil {
			return nil, err
		}
	}
	f, err := fontOf(pages[0].Options)
	if err != nil {
		return nil, err
	}
	pps := make([]paint.PDFPage, len(pages))
	for i, p := range pages {
		l, err := r.fontLayout(ctx, f, g, p.View, p.Options)
		if err != nil {
			return nil, err
		}
		w, h := pageSize(l, p.Options)
		pps[i] = paint.PDFPage{Layout: l, W: w, H: h, Background: themeOf(p.Options.Theme).bg, Transparent: p.Options.Transparent}
	}
	return paint.PDF(ctx, pps, f, pdfTitle(pages[0].Options.Title))
}

func pdfTitle(t string) string {
	return strings.Join(strings.Fields(clean(t)), " ")
}

// fontOf returns the font that draws a map: opt.Font, or SystemFont.
func fontOf(opt Options) (*Font, error) {
	if opt.Font != nil {
		return opt.Font, nil
	}
	return SystemFont()
}

// fontLayout lays a view out with boxes sized by f, and checks that f has
// every character the layout draws.
func (r Renderer) fontLayout(ctx context.Context, f *Font, g *graph.Graph, v graph.View, opt Options) (*engine.Layout, error) {
	opt.Measure = f.Width
	opt, err := r.Fit(ctx, g, v, opt)
	if err != nil {
		return nil, err
	}
	l, err := r.xdot(ctx, mapDOT(g, v, opt))
	if err != nil {
		return nil, err
	}
	if opt.fit.hasLegend {
		leg, err := r.legendLayout(ctx, g, v, opt)
		if err != nil {
			return nil, err
		}
		if leg != nil {
			// Placed on the map's SVG, which Graphviz scales down
			// to pack it into its page, and the layout does not.
			scale := 1.0
			if opt.fit.laid != nil {
				scale = frame.SVGScale(opt.fit.laid.svg)
			}
			mergeLayout(l, leg, opt.fit.legend, scale)
		}
	}
	if opt.Zoom && len(opt.Hidden) > 0 {
		zoomLayout(l)
	}
	if headOnPage(opt) {
		frame.HeadLayout(l, pageHeading(opt), opt.PageWidth, opt.PageHeight, themeOf(opt.Theme).text, font)
	}
	if err := f.Check(l.Texts()); err != nil {
		return nil, err
	}
	return l, nil
}

// xdot lays DOT out and reads the layout.
func (r Renderer) xdot(ctx context.Context, dot []byte) (*engine.Layout, error) {
	out, err := r.layout(ctx, dot, LayoutXDot)
	if err != nil {
		return nil, err
	}
	return engine.ParseLayout(out)
}
