package fonts

import (
	"encoding/binary"
	"fmt"
	"math"
	"unicode"

	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// The drawing library cannot cut glyphs out of the Chinese fonts most
// systems have (Noto Sans CJK is a collection of CID-keyed CFF fonts), so
// for each map we build a small TrueType font that holds only the glyphs
// the map uses, from the outlines that golang.org/x/image/font/sfnt reads
// out of any TrueType or OpenType font, and give it that. This file turns
// outlines into TrueType glyphs; subset.go writes the font.

// A glyph is one character's outline as TrueType contours, in the units
// of the Font (its first face's units per em).
type glyph struct {
	advance  int
	contours [][]ttPoint
	bounds   [4]int // xMin, yMin, xMax, yMax; all zero for no outline
}

type ttPoint struct {
	x, y int
	on   bool // on the curve, else a quadratic control point
}

// glyph returns the glyph that draws r, converting it on first use.
func (f *Font) glyph(r rune) (*glyph, error) {
	f.mu.Lock()
	g, ok := f.glyphs[r]
	f.mu.Unlock()
	if ok {
		return g, nil
	}
	var b sfnt.Buffer
	x, fc := f.lookup(&b, r)
	if fc == nil && invisible(r) {
		g = &glyph{} // drawn as nothing, taking no room
		f.mu.Lock()
		f.glyphs[r] = g
		f.mu.Unlock()
		return g, nil
	}
	if fc == nil {
		return nil, fmt.Errorf("no glyph for %q", r)
	}
	g, err := f.convert(&b, fc, x)
	if err != nil {
		return nil, fmt.Errorf("render: font %s: glyph for %q: %w", fc, r, err)
	}
	f.mu.Lock()
	f.glyphs[r] = g
	f.mu.Unlock()
	return g, nil
}

// notdef returns the glyph drawn for a missing character: the first
// face's glyph 0, usually a box, or an empty one if that fails.
func (f *Font) notdef() *glyph {
	const key = -1
	f.mu.Lock()
	g, ok := f.glyphs[key]
	f.mu.Unlock()
	if ok {
		return g
	}
	var b sfnt.Buffer
	g, err := f.convert(&b, f.faces[0], 0)
	if err != nil {
		g = &glyph{advance: f.upem / 2}
	}
	f.mu.Lock()
	f.glyphs[key] = g
	f.mu.Unlock()
	return g
}

// convert reads glyph x of fc and scales it to the Font's units.
func (f *Font) convert(b *sfnt.Buffer, fc *face, x sfnt.GlyphIndex) (*glyph, error) {
	ppem := fixed.I(fc.upem) // so that outlines come in font units
	adv, err := fc.f.GlyphAdvance(b, x, ppem, xfont.HintingNone)
	if err != nil {
		return nil, err
	}
	segs, err := fc.f.LoadGlyph(b, x, ppem, nil)
	if err != nil {
		return nil, err
	}
	scale := float64(f.upem) / float64(fc.upem) / 64
	g := &glyph{advance: int(math.Round(float64(adv) * scale))}
	// x/image gives y growing downwards; TrueType, upwards.
	pt := func(p fixed.Point26_6) vec { return vec{float64(p.X) * scale, -float64(p.Y) * scale} }
	var cur []ttPoint
	var last vec
	flush := func() {
		// TrueType closes contours itself.
		if n := len(cur); n > 1 && cur[n-1].on && cur[n-1].x == cur[0].x && cur[n-1].y == cur[0].y {
			cur = cur[:n-1]
		}
		if len(cur) > 1 {
			g.contours = append(g.contours, cur)
		}
		cur = nil
	}
	add := func(v vec, on bool) {
		cur = append(cur, ttPoint{int(math.Round(v.x)), int(math.Round(v.y)), on})
	}
	for _, s := range segs {
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			flush()
			last = pt(s.Args[0])
			add(last, true)
		case sfnt.SegmentOpLineTo:
			last = pt(s.Args[0])
			add(last, true)
		case sfnt.SegmentOpQuadTo:
			add(pt(s.Args[0]), false)
			last = pt(s.Args[1])
			add(last, true)
		case sfnt.SegmentOpCubeTo:
			p1, p2, p3 := pt(s.Args[0]), pt(s.Args[1]), pt(s.Args[2])
			cubicToQuads(last, p1, p2, p3, 0.2, func(c, e vec) {
				add(c, false)
				add(e, true)
			})
			last = p3
		}
	}
	flush()
	first := true
	for _, c := range g.contours {
		for _, p := range c {
			if p.x < math.MinInt16 || p.x > math.MaxInt16 || p.y < math.MinInt16 || p.y > math.MaxInt16 {
				return nil, fmt.Errorf("outline out of range")
			}
			if first {
				g.bounds = [4]int{p.x, p.y, p.x, p.y}
				first = false
			}
			g.bounds[0], g.bounds[1] = min(g.bounds[0], p.x), min(g.bounds[1], p.y)
			g.bounds[2], g.bounds[3] = max(g.bounds[2], p.x), max(g.bounds[3], p.y)
		}
	}
	return g, nil
}

type vec struct{ x, y float64 }

func (a vec) add(b vec) vec        { return vec{a.x + b.x, a.y + b.y} }
func (a vec) sub(b vec) vec        { return vec{a.x - b.x, a.y - b.y} }
func (a vec) mul(k float64) vec    { return vec{a.x * k, a.y * k} }
func (a vec) length() float64      { return math.Hypot(a.x, a.y) }
func lerp(a, b vec, t float64) vec { return a.add(b.sub(a).mul(t)) }

// cubicToQuads approximates the cubic Bézier p0 p1 p2 p3 by quadratic
// ones, each given to emit as its control and end point, within about tol
// units. It cuts the cubic into n equal pieces and replaces each by the
// quadratic through the piece's ends whose control point is the mean of
// the two that its tangents give; that quadratic strays from the piece by
// at most √3/36 of the piece's third difference, which shrinks as 1/n³.
func cubicToQuads(p0, p1, p2, p3 vec, tol float64, emit func(c, e vec)) {
	d := p3.sub(p2.mul(3)).add(p1.mul(3)).sub(p0) // third difference
	errOne := math.Sqrt(3) / 36 * d.length()
	n := 1
	if errOne > tol {
		n = int(math.Ceil(math.Cbrt(errOne / tol)))
	}
	n = min(n, 64)
	at := func(t float64) (pos, deriv vec) {
		a, b, c := lerp(p0, p1, t), lerp(p1, p2, t), lerp(p2, p3, t)
		ab, bc := lerp(a, b, t), lerp(b, c, t)
		return lerp(ab, bc, t), bc.sub(ab).mul(3)
	}
	s, ds := at(0)
	for i := 1; i <= n; i++ {
		t := float64(i) / float64(n)
		e, de := at(t)
		if i == n {
			e = p3 // exactly, whatever the rounding
		}
		h := 1 / float64(n)
		c1 := s.add(ds.mul(h / 3))
		c2 := e.sub(de.mul(h / 3))
		q := c1.add(c2).mul(3).sub(s).sub(e).mul(0.25)
		emit(q, e)
		s, ds = e, de
	}
}

// sfntTable returns the table with the given tag of face index in an
// SFNT file or collection, or nil.
func sfntTable(data []byte, index int, tag string) []byte {
	be := binary.BigEndian
	off := 0
	if len(data) >= 12 && string(data[:4]) == "ttcf" {
		n := int(be.Uint32(data[8:]))
		if index >= n || 12+4*(index+1) > len(data) {
			return nil
		}
		off = int(be.Uint32(data[12+4*index:]))
	} else if index != 0 {
		return nil
	}
	if off+12 > len(data) {
		return nil
	}
	num := int(be.Uint16(data[off+4:]))
	for i := range num {
		rec := off + 12 + 16*i
		if rec+16 > len(data) {
			return nil
		}
		if string(data[rec:rec+4]) != tag {
			continue
		}
		start, length := int(be.Uint32(data[rec+8:])), int(be.Uint32(data[rec+12:]))
		if start < 0 || length < 0 || start+length > len(data) {
			return nil
		}
		return data[start : start+length]
	}
	return nil
}

// invisible reports whether r is a character that is not drawn: a control
// or a format character (zero-width spaces and joiners, bidi controls, the
// soft hyphen). A font need not have it, and a map that holds one needs no
// other font: it is drawn as nothing.
func invisible(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}
