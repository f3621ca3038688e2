package paint

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"regexp"
	"strconv"
	"strings"

	"github.com/conceptmap/conceptmap/render/internal/engine"
	"github.com/conceptmap/conceptmap/render/internal/fonts"
	"github.com/tdewolff/canvas"
	"github.com/tdewolff/canvas/renderers/pdf"
	"github.com/tdewolff/canvas/renderers/rasterizer"
)

// A PNGPage is the image PNG draws on: W by H points at Scale pixels a
// point, PW by PH pixels, filled with Background unless Transparent.
type PNGPage struct {
	Scale, W, H float64
	PW, PH      int
	Background  string
	Transparent bool
}

// PNG draws the layout as a PNG image, scaled to fit the page and centred
// on it, its text drawn with f, which must have every character of the
// layout (see fonts.Font.Check).
func PNG(ctx context.Context, l *engine.Layout, f *fonts.Font, pg PNGPage) ([]byte, error) {
	cf, err := canvasFont(f, l.Texts())
	if err != nil {
		return nil, err
	}
	img, err := drawPNG(ctx, l, f, cf, pg)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := writePNG(&buf, img); err != nil {
		return nil, fmt.Errorf("render: encoding the PNG: %w", err)
	}
	return buf.Bytes(), nil
}

// drawPNG draws the layout on an image, scaled to fit the page and
// centred on it.
func drawPNG(ctx context.Context, l *engine.Layout, f *fonts.Font, cf *canvas.Font, pg PNGPage) (*image.RGBA, error) {
	img := image.NewRGBA(image.Rectangle{Max: image.Pt(pg.PW, pg.PH)})
	if !pg.Transparent {
		bg, err := parseColor(pg.Background)
		if err != nil {
			return nil, err
		}
		fill(img, bg)
	}
	err := safely("PNG", func() error {
		res := canvas.DPMM(pg.Scale / ptToMM)
		r := rasterizer.FromImage(img, res, canvas.LinearColorSpace{})
		d := &drawer{r: r, font: f, cf: cf, transparent: pg.Transparent, strokes: newStroker(img, res)}
		w, h := l.Size()
		k := min(pg.W/w, pg.H/h)
		d.setPlacement(l, k, (pg.W-w*k)/2, (pg.H-h*k)/2)
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

// fill paints every pixel of img c. It is a loop of our own rather than
// draw.Draw, which copies one row over the next with memmove: the page
// faults of a fresh 8 MB image then fall inside memmove, where Go cannot
// stop the goroutine, and a garbage collection that begins meanwhile
// spins on the other core until the fill ends (about 100 ms of CPU for a
// 1920×1080 slide, in one run in three, on a machine with costly page
// faults).
func fill(img *image.RGBA, c color.RGBA) {
	pix := img.Pix
	for i := 0; i+4 <= len(pix); i += 4 {
		p := pix[i : i+4 : i+4]
		p[0], p[1], p[2], p[3] = c.R, c.G, c.B, c.A
	}
}

// A PDFPage is one page of a PDF: a layout drawn on a page of W by H
// points, scaled to fit and centred, on Background unless Transparent.
type PDFPage struct {
	Layout      *engine.Layout
	W, H        float64
	Background  string
	Transparent bool
}

// PDF draws each page's layout as one page of a PDF, in order, with title
// as the document's title. Its text is real text in f, embedded and cut
// down to the characters used; f must have every character of the
// layouts. The same pages give the same bytes.
func PDF(ctx context.Context, pages []PDFPage, f *fonts.Font, title string) ([]byte, error) {
	if len(pages) == 0 {
		return nil, errors.New("render: a PDF needs at least one page")
	}
	var texts []string
	for _, p := range pages {
		texts = append(texts, p.Layout.Texts()...)
	}
	if err := f.Embeddable(fonts.Runes(texts)); err != nil {
		return nil, err
	}
	cf, err := canvasFont(f, texts)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	err = safely("PDF", func() error {
		var doc *pdf.PDF
		for i, p := range pages {
			l := p.Layout
			w, h := l.Size()
			pw, ph := p.W, p.H
			if i == 0 {
				doc = pdf.New(&buf, pw*ptToMM, ph*ptToMM, &pdf.Options{Compress: true, SubsetFonts: true})
				doc.SetInfo(title, "", "", "", "conceptmap")
			} else {
				doc.NewPage(pw*ptToMM, ph*ptToMM)
			}
			d := &drawer{r: doc, font: f, cf: cf, transparent: p.Transparent}
			k := min(pw/w, ph/h)
			d.setPlacement(l, k, (pw-w*k)/2, (ph-h*k)/2)
			if !p.Transparent {
				d.fillPage(pw, ph, p.Background)
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

// canvasFont builds the font the drawing library draws texts with: f cut
// down to their characters.
func canvasFont(f *fonts.Font, texts []string) (*canvas.Font, error) {
	data, err := f.Subset(fonts.Runes(texts))
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
		return nil, fmt.Errorf("render: loading the font for %s: %w", f.Name(), err)
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
	strokes     *stroker // strokes lines on a PNG; nil: r does
	font        *fonts.Font
	cf          *canvas.Font
	transparent bool

	// A point (x, y) of the layout goes to ((x+dx)·k, (y+dy)·k) mm.
	k, dx, dy float64
	scale     float64 // points of the page per point of the layout
}

// setPlacement puts the layout, with its margins, scale times its size
// with its lower left corner at (x0, y0) points.
func (d *drawer) setPlacement(l *engine.Layout, scale, x0, y0 float64) {
	d.scale = scale
	d.k = scale * ptToMM
	d.dx = l.PadX - l.BB[0] + x0/scale
	d.dy = l.PadY - l.BB[1] + y0/scale
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

func (d *drawer) draw(ctx context.Context, l *engine.Layout) error {
	if !d.transparent {
		if err := d.ops(l.Background); err != nil {
			return err
		}
	}
	for i, it := range l.Items {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if err := d.ops(it.Ops); err != nil {
			return fmt.Errorf("render: drawing %s %s: %w", it.Kind, it.Name, err)
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

func (d *drawer) ops(ops []engine.Op) error {
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
	if d.strokes != nil && style.HasStroke() {
		if style.HasFill() {
			fill := style
			fill.Stroke = canvas.Paint{}
			d.r.RenderPath(p, fill, canvas.Identity)
		}
		d.strokes.stroke(p, style)
		return
	}
	if !style.HasFill() && !style.HasStroke() {
		return
	}
	d.r.RenderPath(p, style, canvas.Identity)
}

// text draws a T operation: its baseline at the point, aligned left,
// centred or right of it as the operation says.
func (d *drawer) text(op engine.Op, st penState) {
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
