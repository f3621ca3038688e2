package render

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/tdewolff/canvas"
	"github.com/tdewolff/canvas/renderers/pdf"
	"github.com/tdewolff/canvas/renderers/rasterizer"
)

// RasterOptions says how PNG and PDF draw a map.
type RasterOptions struct {
	// Font draws every text and measures it, so that boxes fit. Nil means
	// SystemFont.
	Font *Font
	// Scale is the number of PNG pixels per point of the map: 1 draws it
	// at 72 dots per inch. Zero means 2 (144 dpi, sharp on a slide). PDF
	// is drawn in points and ignores it.
	Scale float64
	// Transparent leaves the background clear instead of white.
	Transparent bool
	// PageWidth and PageHeight, in points, give every PDF page that size,
	// each map scaled to fit it and centred (a 16:9 slide is 960 by 540).
	// Zero gives each page the size of its map.
	PageWidth, PageHeight float64
	// Graphviz, if set, lays the maps out in place of the Graphviz of this
	// process, and must return what the function Graphviz would for the
	// same arguments; PNG and PDF ask it for the format "xdot". It lets a
	// caller lay maps out in another process, as conceptmap serve does to
	// keep Graphviz's memory out of the server. Nil lays out in this
	// process.
	Graphviz func(ctx context.Context, dot []byte, format string) ([]byte, error)
}

// A Page is one map of a multi-page PDF.
type Page struct {
	View    graph.View
	Options Options
}

// DefaultScale is the PNG scale when RasterOptions.Scale is zero.
const DefaultScale = 2

// maxPixels bounds the size of a PNG, so that a huge map at a large scale
// fails with a message instead of exhausting memory.
const maxPixels = 1 << 26

// PNG lays the view out with Graphviz and draws it as a PNG image, the map
// measured in points times ro.Scale pixels. Labels are measured with the
// font that draws them, whatever opt.Measure says. On failure, including a
// font that lacks some of the map's characters (*MissingCharsError), it
// returns an error and no image.
func PNG(ctx context.Context, g *graph.Graph, v graph.View, opt Options, ro RasterOptions) ([]byte, error) {
	scale := ro.Scale
	if scale == 0 {
		scale = DefaultScale
	}
	if !(scale > 0) || math.IsInf(scale, 0) {
		return nil, fmt.Errorf("render: the PNG scale must be a positive number, not %v", ro.Scale)
	}
	f, err := ro.font()
	if err != nil {
		return nil, err
	}
	l, err := f.layoutWith(ctx, g, v, opt, ro.Graphviz)
	if err != nil {
		return nil, err
	}
	pageW, pageH := cmp.Or(ro.PageWidth, opt.PageWidth), cmp.Or(ro.PageHeight, opt.PageHeight)
	w, h := l.size()
	if pageW > 0 && pageH > 0 {
		w, h = pageW, pageH
	}
	pw, ph := max(1, int(math.Round(w*scale))), max(1, int(math.Round(h*scale)))
	if float64(pw)*float64(ph) > maxPixels {
		return nil, fmt.Errorf("render: a %d×%d PNG is too large; use a smaller scale", pw, ph)
	}
	cf, err := f.canvasFont(l.texts())
	if err != nil {
		return nil, err
	}
	img, err := drawPNG(ctx, l, f, cf, pngPage{scale, w, h, pw, ph, themeOf(opt.Theme).bg}, ro.Transparent || opt.Transparent)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed} // zlib level 1: far faster for large images, files a little bigger
	if err := enc.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("render: encoding the PNG: %w", err)
	}
	return buf.Bytes(), nil
}

// pngPage is the image a PNG draws on: w by h points at scale pixels a
// point, pw by ph pixels, filled with bg.
type pngPage struct {
	scale, w, h float64
	pw, ph      int
	bg          string
}

// drawPNG draws the layout on an image, scaled to fit the page and
// centred on it.
func drawPNG(ctx context.Context, l *layout, f *Font, cf *canvas.Font, pg pngPage, transparent bool) (*image.RGBA, error) {
	img := image.NewRGBA(image.Rectangle{Max: image.Pt(pg.pw, pg.ph)})
	if !transparent {
		bg, err := parseColor(pg.bg)
		if err != nil {
			return nil, err
		}
		draw.Draw(img, img.Bounds(), image.NewUniform(bg), image.Point{}, draw.Src)
	}
	err := safely("PNG", func() error {
		r := rasterizer.FromImage(img, canvas.DPMM(pg.scale/ptToMM), canvas.LinearColorSpace{})
		d := &drawer{r: r, font: f, cf: cf, transparent: transparent}
		w, h := l.size()
		k := min(pg.w/w, pg.h/h)
		d.setPlacement(l, k, (pg.w-w*k)/2, (pg.h-h*k)/2)
		if err := d.draw(ctx, l); err != nil {
			return err
		}
		r.Close()
		return nil
	})
	if err != nil {
		return nil, err
	}
	return img, nil
}

// PDF lays the view out with Graphviz and draws it as a one-page PDF, its
// text real text in the font, embedded and cut down to the characters
// used. On failure it returns an error and no document.
func PDF(ctx context.Context, g *graph.Graph, v graph.View, opt Options, ro RasterOptions) ([]byte, error) {
	return PDFPages(ctx, g, []Page{{v, opt}}, ro)
}

// PDFPages draws each page's view as one page of a PDF, in order: slides,
// one map a page. Pages are the size of their maps, or all the size that
// ro gives. On failure it returns an error and no document.
func PDFPages(ctx context.Context, g *graph.Graph, pages []Page, ro RasterOptions) ([]byte, error) {
	if len(pages) == 0 {
		return nil, errors.New("render: a PDF needs at least one page")
	}
	if ro.PageWidth < 0 || ro.PageHeight < 0 || (ro.PageWidth == 0) != (ro.PageHeight == 0) {
		return nil, fmt.Errorf("render: bad page size %v×%v points", ro.PageWidth, ro.PageHeight)
	}
	f, err := ro.font()
	if err != nil {
		return nil, err
	}
	layouts := make([]*layout, len(pages))
	var texts []string
	for i, p := range pages {
		l, err := f.layoutWith(ctx, g, p.View, p.Options, ro.Graphviz)
		if err != nil {
			return nil, err
		}
		layouts[i] = l
		texts = append(texts, l.texts()...)
	}
	runes := textRunes(texts)
	if err := f.embeddable(runes); err != nil {
		return nil, err
	}
	cf, err := f.canvasFont(texts)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	err = safely("PDF", func() error {
		var doc *pdf.PDF
		for i, l := range layouts {
			w, h := l.size()
			pw, ph := w, h
			if ro.PageWidth > 0 {
				pw, ph = ro.PageWidth, ro.PageHeight
			} else if o := pages[i].Options; o.PageWidth > 0 && o.PageHeight > 0 {
				pw, ph = o.PageWidth, o.PageHeight
			}
			if i == 0 {
				doc = pdf.New(&buf, pw*ptToMM, ph*ptToMM, &pdf.Options{Compress: true, SubsetFonts: true})
				doc.SetInfo(pdfTitle(pages[0].Options.Title), "", "", "", "conceptmap")
			} else {
				doc.NewPage(pw*ptToMM, ph*ptToMM)
			}
			d := &drawer{r: doc, font: f, cf: cf, transparent: ro.Transparent}
			k := min(pw/w, ph/h)
			d.setPlacement(l, k, (pw-w*k)/2, (ph-h*k)/2)
			if !ro.Transparent && !pages[i].Options.Transparent {
				d.fillPage(pw, ph, themeOf(pages[i].Options.Theme).bg)
			}
			if err := d.draw(ctx, l); err != nil {
				return err
			}
		}
		return doc.Close()
	})
	if err != nil {
		return nil, err
	}
	return fixPDF(buf.Bytes())
}

func pdfTitle(t string) string {
	return strings.Join(strings.Fields(clean(t)), " ")
}

// creationDate matches the date the PDF writer stamps on each document.
var creationDate = regexp.MustCompile(`/CreationDate ?\(D:[0-9]{14}[^)]*\)`)

// fixPDF replaces the creation date with a fixed one of the same length,
// so that the same map gives the same bytes and the cross-reference
// offsets stay right.
func fixPDF(b []byte) ([]byte, error) {
	loc := creationDate.FindIndex(b)
	if loc == nil {
		return nil, errors.New("render: the PDF writer left no creation date to fix")
	}
	m := b[loc[0]:loc[1]]
	at := bytes.Index(m, []byte("(D:")) + 3
	fixed := append(append([]byte{}, m[:at]...), "20000101000000Z)"...)
	if len(fixed) > len(m) {
		return nil, errors.New("render: unexpected creation date in the PDF")
	}
	copy(m, fixed)
	for i := len(fixed); i < len(m); i++ {
		m[i] = ' '
	}
	return fixFonts(b)
}

func (ro RasterOptions) font() (*Font, error) {
	if ro.Font != nil {
		return ro.Font, nil
	}
	return SystemFont()
}

// layout lays a view out with boxes sized by f, and checks that f has
// every character the layout draws.
func (f *Font) layout(ctx context.Context, g *graph.Graph, v graph.View, opt Options) (*layout, error) {
	return f.layoutWith(ctx, g, v, opt, nil)
}

// layoutWith is layout with the layout made by gv, as layoutDOTWith makes
// it.
func (f *Font) layoutWith(ctx context.Context, g *graph.Graph, v graph.View, opt Options, gv func(context.Context, []byte, string) ([]byte, error)) (*layout, error) {
	opt.Measure = f.Width
	l, err := layoutDOTWith(ctx, DOT(g, v, opt), gv)
	if err != nil {
		return nil, err
	}
	if err := f.check(l.texts()); err != nil {
		return nil, err
	}
	return l, nil
}

// textRunes returns the characters of texts.
func textRunes(texts []string) []rune {
	seen := map[rune]bool{}
	var rs []rune
	for _, t := range texts {
		for _, r := range t {
			if !seen[r] {
				seen[r] = true
				rs = append(rs, r)
			}
		}
	}
	return rs
}

// canvasFont builds the font the drawing library draws texts with: f cut
// down to their characters.
func (f *Font) canvasFont(texts []string) (*canvas.Font, error) {
	data, err := f.subset(textRunes(texts))
	if err != nil {
		return nil, err
	}
	var cf *canvas.Font
	err = safely("font", func() error {
		var err error
		cf, err = canvas.LoadFont(data, 0, canvas.FontRegular)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("render: loading the font for %s: %w", f.faces[0], err)
	}
	return cf, nil
}

// safely runs draw, turning a panic of the drawing library into an error.
func safely(what string, draw func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("render: drawing the %s failed: %v", what, r)
		}
	}()
	return draw()
}

const ptToMM = 25.4 / 72

// A drawer draws a layout on a canvas renderer, whose units are
// millimetres with y growing upwards.
type drawer struct {
	r           canvas.Renderer
	font        *Font
	cf          *canvas.Font
	transparent bool

	// A point (x, y) of the layout goes to ((x+dx)·k, (y+dy)·k) mm.
	k, dx, dy float64
	scale     float64 // points of the page per point of the layout
}

// setPlacement puts the layout, with its margins, scale times its size
// with its lower left corner at (x0, y0) points.
func (d *drawer) setPlacement(l *layout, scale, x0, y0 float64) {
	d.scale = scale
	d.k = scale * ptToMM
	d.dx = l.padX - l.bb[0] + x0/scale
	d.dy = l.padY - l.bb[1] + y0/scale
}

func (d *drawer) pt(x, y float64) (float64, float64) {
	return (x + d.dx) * d.k, (y + d.dy) * d.k
}

func (d *drawer) fillPage(w, h float64, bg string) {
	c, err := parseColor(bg)
	if err != nil {
		c = color.RGBA{255, 255, 255, 255}
	}
	p := canvas.Rectangle(w*ptToMM, h*ptToMM)
	style := canvas.DefaultStyle
	style.Fill = canvas.Paint{Color: c}
	d.r.RenderPath(p, style, canvas.Identity)
}

func (d *drawer) draw(ctx context.Context, l *layout) error {
	if !d.transparent {
		if err := d.ops(l.background); err != nil {
			return err
		}
	}
	for i, it := range l.items {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if err := d.ops(it.ops); err != nil {
			return fmt.Errorf("render: drawing %s %s: %w", it.kind, it.name, err)
		}
	}
	return nil
}

// penState is the state xdot operations set: it starts afresh for each
// list of operations.
type penState struct {
	pen, fill color.RGBA
	width     float64 // points
	dashes    []float64
	size      float64
}

func (d *drawer) ops(ops []xop) error {
	st := penState{pen: color.RGBA{0, 0, 0, 255}, fill: color.RGBA{0, 0, 0, 255}, width: 1, size: 14}
	for _, op := range ops {
		switch op.Op {
		case 'c', 'C':
			c, err := parseColor(op.Str)
			if err != nil {
				return err
			}
			if op.Op == 'c' {
				st.pen = c
			} else {
				st.fill = c
			}
		case 'S':
			st.setStyle(op.Str)
		case 'F':
			if op.Size > 0 {
				st.size = op.Size
			}
		case 'E', 'e':
			cx, cy := d.pt(op.Rect[0], op.Rect[1])
			p := canvas.Ellipse(op.Rect[2]*d.k, op.Rect[3]*d.k).Translate(cx, cy)
			d.path(p, st, op.Op == 'E')
		case 'P', 'p', 'L':
			if len(op.Points) < 2 {
				continue
			}
			p := &canvas.Path{}
			for i, q := range op.Points {
				x, y := d.pt(q[0], q[1])
				if i == 0 {
					p.MoveTo(x, y)
				} else {
					p.LineTo(x, y)
				}
			}
			if op.Op != 'L' {
				p.Close()
			}
			d.path(p, st, op.Op == 'P')
		case 'B', 'b':
			// A B-spline: a start point, then three points per cubic.
			if len(op.Points) < 4 {
				continue
			}
			p := &canvas.Path{}
			p.MoveTo(d.pt(op.Points[0][0], op.Points[0][1]))
			for i := 1; i+2 < len(op.Points); i += 3 {
				x1, y1 := d.pt(op.Points[i][0], op.Points[i][1])
				x2, y2 := d.pt(op.Points[i+1][0], op.Points[i+1][1])
				x3, y3 := d.pt(op.Points[i+2][0], op.Points[i+2][1])
				p.CubeTo(x1, y1, x2, y2, x3, y3)
			}
			filled := op.Op == 'b'
			if filled {
				p.Close()
			}
			d.path(p, st, filled)
		case 'T':
			d.text(op, st)
		}
	}
	return nil
}

// setStyle applies an S operation: a line style or a pen width.
func (st *penState) setStyle(s string) {
	switch {
	case s == "solid":
		st.dashes = nil
	case s == "dashed":
		st.dashes = []float64{5, 2} // as Graphviz's SVG
	case s == "dotted":
		st.dashes = []float64{1, 5}
	case s == "bold":
		st.width = 2
	case strings.HasPrefix(s, "setlinewidth(") && strings.HasSuffix(s, ")"):
		if w, err := strconv.ParseFloat(s[len("setlinewidth("):len(s)-1], 64); err == nil && w >= 0 {
			st.width = w
		}
	}
}

// path fills the path with the fill colour if filled, and strokes it with
// the pen.
func (d *drawer) path(p *canvas.Path, st penState, filled bool) {
	style := canvas.DefaultStyle
	style.Fill = canvas.Paint{}
	if filled && st.fill.A > 0 {
		style.Fill = canvas.Paint{Color: st.fill}
	}
	if st.width > 0 && st.pen.A > 0 {
		style.Stroke = canvas.Paint{Color: st.pen}
		style.StrokeWidth = st.width * d.k
		style.StrokeJoiner = canvas.MiterJoin
		style.StrokeCapper = canvas.ButtCap
		if len(st.dashes) > 0 {
			// The library measures dashes in stroke widths.
			style.Dashes = make([]float64, len(st.dashes))
			for i, x := range st.dashes {
				style.Dashes[i] = x / st.width
			}
		}
	}
	if !style.HasFill() && !style.HasStroke() {
		return
	}
	d.r.RenderPath(p, style, canvas.Identity)
}

// text draws a T operation: its baseline at the point, aligned left,
// centred or right of it as the operation says.
func (d *drawer) text(op xop, st penState) {
	if op.Str == "" || st.pen.A == 0 {
		return
	}
	w := d.font.Width(op.Str, st.size)
	x := op.Pt[0]
	switch op.Align {
	case 0:
		x -= w / 2
	case 1:
		x -= w
	}
	face := d.cf.Face(st.size*d.scale, st.pen)
	t := canvas.NewTextLine(face, op.Str, canvas.Left)
	mx, my := d.pt(x, op.Pt[1])
	d.r.RenderText(t, canvas.Identity.Translate(mx, my))
}

// parseColor reads the colour of a c or C operation: #rrggbb, #rrggbbaa or
// a few names. A gradient gives its first colour.
func parseColor(s string) (color.RGBA, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if strings.HasPrefix(s, "[") || strings.HasPrefix(s, "(") {
		if i := strings.IndexByte(s, '#'); i >= 0 {
			s = s[i:min(len(s), i+9)]
			s = strings.TrimRight(s, " ")
		}
	}
	switch s {
	case "black":
		return color.RGBA{0, 0, 0, 255}, nil
	case "white":
		return color.RGBA{255, 255, 255, 255}, nil
	case "transparent", "none", "invis":
		return color.RGBA{}, nil
	}
	if strings.HasPrefix(s, "#") && (len(s) == 7 || len(s) == 9) {
		v, err := strconv.ParseUint(s[1:], 16, 32)
		if err == nil {
			if len(s) == 7 {
				return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}, nil
			}
			// Premultiplied, as color.RGBA is.
			u := uint32(v)
			a := u & 0xff
			pm := func(c uint32) uint8 { return uint8((c*a + 127) / 255) }
			return color.RGBA{pm(u >> 24 & 0xff), pm(u >> 16 & 0xff), pm(u >> 8 & 0xff), uint8(a)}, nil
		}
	}
	return color.RGBA{}, fmt.Errorf("unknown colour %q", s)
}
