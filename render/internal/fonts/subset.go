package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"unicode/utf16"

	"golang.org/x/image/font/sfnt"
)

// Subset returns a TrueType font that holds the glyphs for runes (and
// .notdef), mapped from the characters, with the metrics of f's first
// face. Its glyphs come in the order of runes, sorted, so the same
// characters always give the same bytes.
func (f *Font) Subset(runes []rune) ([]byte, error) {
	runes = slices.Clone(runes)
	slices.Sort(runes)
	runes = slices.Compact(runes)
	glyphs := []*glyph{f.notdef()}
	for _, r := range runes {
		g, err := f.glyph(r)
		if err != nil {
			return nil, err
		}
		glyphs = append(glyphs, g)
	}
	if len(glyphs) > math.MaxUint16 {
		return nil, errors.New("render: too many characters for one font")
	}
	fc := f.faces[0]
	scale := float64(f.upem) / float64(fc.upem)
	m := fontMetrics{
		ascent:  int(math.Round(float64(fc.ascent) * scale)),
		descent: int(math.Round(float64(fc.descent) * scale)),
	}
	glyf, loca, hmtx, stats := encodeGlyphs(glyphs)
	m.stats = stats
	tables := map[string][]byte{
		"cmap": cmapTable(runes),
		"glyf": glyf,
		"head": headTable(f.upem, stats),
		"hhea": hheaTable(m, len(glyphs)),
		"hmtx": hmtx,
		"loca": loca,
		"maxp": maxpTable(len(glyphs), stats),
		"name": nameTable(fc.family, psName(fc)),
		"OS/2": os2Table(f.upem, m, runes, fc.fsType),
		"post": postTable(f.upem),
	}
	return sfntFile(tables), nil
}

// psName returns a PostScript name for the face: its own, or one made
// from its family.
func psName(fc *face) string {
	name := fc.ps
	if name == "" {
		name = fc.family
	}
	var b []byte
	for _, r := range name {
		if r > 32 && r < 127 && !slices.Contains([]rune("[](){}<>/%"), r) {
			b = append(b, byte(r))
		}
	}
	if len(b) == 0 {
		return "Font"
	}
	return string(b[:min(len(b), 63)])
}

type glyphStats struct {
	bounds                [4]int // over all glyphs
	advanceMax            int
	minLSB, minRSB, xMax  int
	maxPoints, maxContour int
}

type fontMetrics struct {
	ascent, descent int
	stats           glyphStats
}

// encodeGlyphs writes the glyf, loca (long offsets) and hmtx tables.
func encodeGlyphs(glyphs []*glyph) (glyf, loca, hmtx []byte, st glyphStats) {
	be := binary.BigEndian
	first := true
	for _, g := range glyphs {
		loca = be.AppendUint32(loca, uint32(len(glyf)))
		st.advanceMax = max(st.advanceMax, g.advance)
		lsb := 0
		if len(g.contours) > 0 {
			lsb = g.bounds[0]
			rsb := g.advance - g.bounds[2]
			if first {
				st.bounds, st.minLSB, st.minRSB, st.xMax = g.bounds, lsb, rsb, g.bounds[2]
				first = false
			}
			st.bounds[0], st.bounds[1] = min(st.bounds[0], g.bounds[0]), min(st.bounds[1], g.bounds[1])
			st.bounds[2], st.bounds[3] = max(st.bounds[2], g.bounds[2]), max(st.bounds[3], g.bounds[3])
			st.minLSB, st.minRSB, st.xMax = min(st.minLSB, lsb), min(st.minRSB, rsb), max(st.xMax, g.bounds[2])
			glyf = appendGlyph(glyf, g, &st)
		}
		hmtx = be.AppendUint16(hmtx, uint16(max(g.advance, 0)))
		hmtx = be.AppendUint16(hmtx, uint16(int16(lsb)))
	}
	loca = be.AppendUint32(loca, uint32(len(glyf)))
	return glyf, loca, hmtx, st
}

// appendGlyph writes one simple glyph, padded to 4 bytes.
func appendGlyph(b []byte, g *glyph, st *glyphStats) []byte {
	be := binary.BigEndian
	b = be.AppendUint16(b, uint16(len(g.contours)))
	for _, v := range g.bounds {
		b = be.AppendUint16(b, uint16(int16(v)))
	}
	n := 0
	for _, c := range g.contours {
		n += len(c)
		b = be.AppendUint16(b, uint16(n-1))
	}
	st.maxPoints, st.maxContour = max(st.maxPoints, n), max(st.maxContour, len(g.contours))
	b = be.AppendUint16(b, 0) // no instructions
	const (
		onCurve = 1 << iota
		xShort
		yShort
		_ // repeat
		xSame
		ySame
	)
	var flags, xs, ys []byte
	px, py := 0, 0
	for _, c := range g.contours {
		for _, p := range c {
			var fl byte
			if p.on {
				fl |= onCurve
			}
			dx, dy := p.x-px, p.y-py
			px, py = p.x, p.y
			switch {
			case dx == 0:
				fl |= xSame
			case dx > -256 && dx < 256:
				fl |= xShort
				if dx > 0 {
					fl |= xSame
				}
				xs = append(xs, byte(abs(dx)))
			default:
				xs = be.AppendUint16(xs, uint16(int16(dx)))
			}
			switch {
			case dy == 0:
				fl |= ySame
			case dy > -256 && dy < 256:
				fl |= yShort
				if dy > 0 {
					fl |= ySame
				}
				ys = append(ys, byte(abs(dy)))
			default:
				ys = be.AppendUint16(ys, uint16(int16(dy)))
			}
			flags = append(flags, fl)
		}
	}
	b = append(b, flags...)
	b = append(b, xs...)
	b = append(b, ys...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// cmapTable maps runes[i] to glyph i+1: format 4 for the BMP and format
// 12 for all.
func cmapTable(runes []rune) []byte {
	be := binary.BigEndian
	type seg struct {
		start, end rune
		gid        int
	}
	var segs []seg
	for i, r := range runes {
		gid := i + 1
		if n := len(segs); n > 0 && segs[n-1].end == r-1 && segs[n-1].gid+int(r-segs[n-1].start) == gid {
			segs[n-1].end = r
			continue
		}
		segs = append(segs, seg{r, r, gid})
	}
	// Format 4: the BMP segments, then the final 0xFFFF one.
	var bmp []seg
	for _, s := range segs {
		if s.start > 0xFFFE {
			break
		}
		s.end = min(s.end, 0xFFFE)
		bmp = append(bmp, s)
	}
	bmp = append(bmp, seg{0xFFFF, 0xFFFF, 0})
	n := len(bmp)
	f4 := be.AppendUint16(nil, 4)
	f4 = be.AppendUint16(f4, uint16(16+8*n)) // length
	f4 = be.AppendUint16(f4, 0)              // language
	sr := 2 * (1 << int(math.Floor(math.Log2(float64(n)))))
	f4 = be.AppendUint16(f4, uint16(2*n))
	f4 = be.AppendUint16(f4, uint16(sr))
	f4 = be.AppendUint16(f4, uint16(math.Floor(math.Log2(float64(n)))))
	f4 = be.AppendUint16(f4, uint16(2*n-sr))
	for _, s := range bmp {
		f4 = be.AppendUint16(f4, uint16(s.end))
	}
	f4 = be.AppendUint16(f4, 0)
	for _, s := range bmp {
		f4 = be.AppendUint16(f4, uint16(s.start))
	}
	for _, s := range bmp {
		if s.start == 0xFFFF {
			f4 = be.AppendUint16(f4, 1)
		} else {
			f4 = be.AppendUint16(f4, uint16(s.gid-int(s.start)))
		}
	}
	for range bmp {
		f4 = be.AppendUint16(f4, 0)
	}
	// Format 12.
	f12 := be.AppendUint16(nil, 12)
	f12 = be.AppendUint16(f12, 0)
	f12 = be.AppendUint32(f12, uint32(16+12*len(segs)))
	f12 = be.AppendUint32(f12, 0)
	f12 = be.AppendUint32(f12, uint32(len(segs)))
	for _, s := range segs {
		f12 = be.AppendUint32(f12, uint32(s.start))
		f12 = be.AppendUint32(f12, uint32(s.end))
		f12 = be.AppendUint32(f12, uint32(s.gid))
	}
	b := be.AppendUint16(nil, 0) // version
	b = be.AppendUint16(b, 2)
	off := 4 + 2*8
	b = be.AppendUint16(b, 3) // Windows, Unicode BMP
	b = be.AppendUint16(b, 1)
	b = be.AppendUint32(b, uint32(off))
	b = be.AppendUint16(b, 3) // Windows, Unicode full
	b = be.AppendUint16(b, 10)
	b = be.AppendUint32(b, uint32(off+len(f4)))
	b = append(b, f4...)
	return append(b, f12...)
}

func headTable(upem int, st glyphStats) []byte {
	be := binary.BigEndian
	b := be.AppendUint32(nil, 0x00010000) // version
	b = be.AppendUint32(b, 0x00010000)    // font revision
	b = be.AppendUint32(b, 0)             // checksum adjustment, set by sfntFile
	b = be.AppendUint32(b, 0x5F0F3CF5)    // magic
	b = be.AppendUint16(b, 0x0003)        // baseline at y=0, left side bearing at x=0
	b = be.AppendUint16(b, uint16(upem))
	b = be.AppendUint64(b, 0) // created: fixed, for byte-identical output
	b = be.AppendUint64(b, 0) // modified
	for _, v := range st.bounds {
		b = be.AppendUint16(b, uint16(int16(v)))
	}
	b = be.AppendUint16(b, 0) // mac style
	b = be.AppendUint16(b, 8) // lowest readable size
	b = be.AppendUint16(b, 2) // font direction hint
	b = be.AppendUint16(b, 1) // long loca offsets
	return be.AppendUint16(b, 0)
}

func hheaTable(m fontMetrics, numGlyphs int) []byte {
	be := binary.BigEndian
	b := be.AppendUint32(nil, 0x00010000)
	b = be.AppendUint16(b, uint16(int16(m.ascent)))
	b = be.AppendUint16(b, uint16(int16(-m.descent)))
	b = be.AppendUint16(b, 0) // line gap
	b = be.AppendUint16(b, uint16(m.stats.advanceMax))
	b = be.AppendUint16(b, uint16(int16(m.stats.minLSB)))
	b = be.AppendUint16(b, uint16(int16(m.stats.minRSB)))
	b = be.AppendUint16(b, uint16(int16(m.stats.xMax)))
	b = be.AppendUint16(b, 1) // caret slope rise
	b = be.AppendUint16(b, 0) // run
	b = be.AppendUint16(b, 0) // offset
	b = append(b, make([]byte, 8)...)
	b = be.AppendUint16(b, 0) // metric data format
	return be.AppendUint16(b, uint16(numGlyphs))
}

func maxpTable(numGlyphs int, st glyphStats) []byte {
	be := binary.BigEndian
	b := be.AppendUint32(nil, 0x00010000)
	b = be.AppendUint16(b, uint16(numGlyphs))
	b = be.AppendUint16(b, uint16(st.maxPoints))
	b = be.AppendUint16(b, uint16(st.maxContour))
	b = be.AppendUint16(b, 0) // composite points
	b = be.AppendUint16(b, 0) // composite contours
	b = be.AppendUint16(b, 2) // zones
	return append(b, make([]byte, 16)...)
}

func nameTable(family, ps string) []byte {
	be := binary.BigEndian
	recs := []struct {
		id uint16
		s  string
	}{{1, family}, {2, "Regular"}, {3, ps}, {4, family}, {6, ps}}
	var strs []byte
	b := be.AppendUint16(nil, 0)
	b = be.AppendUint16(b, uint16(len(recs)))
	b = be.AppendUint16(b, uint16(6+12*len(recs)))
	for _, r := range recs {
		var s []byte
		for _, u := range utf16.Encode([]rune(r.s)) {
			s = be.AppendUint16(s, u)
		}
		b = be.AppendUint16(b, 3)      // Windows
		b = be.AppendUint16(b, 1)      // Unicode BMP
		b = be.AppendUint16(b, 0x0409) // English
		b = be.AppendUint16(b, r.id)
		b = be.AppendUint16(b, uint16(len(s)))
		b = be.AppendUint16(b, uint16(len(strs)))
		strs = append(strs, s...)
	}
	return append(b, strs...)
}

func os2Table(upem int, m fontMetrics, runes []rune, fsType uint16) []byte {
	be := binary.BigEndian
	u := func(k float64) uint16 { return uint16(int16(math.Round(k * float64(upem)))) }
	first, last := uint16(0xFFFF), uint16(0)
	if len(runes) > 0 {
		first, last = uint16(min(runes[0], 0xFFFF)), uint16(min(runes[len(runes)-1], 0xFFFF))
	}
	b := be.AppendUint16(nil, 4)
	b = be.AppendUint16(b, uint16(m.stats.advanceMax/2)) // average width, roughly
	b = be.AppendUint16(b, 400)                          // regular weight
	b = be.AppendUint16(b, 5)                            // medium width
	b = be.AppendUint16(b, fsType)
	for _, k := range []float64{0.65, 0.6, 0, 0.075, 0.65, 0.6, 0, 0.35} { // sub- and superscript
		b = be.AppendUint16(b, u(k))
	}
	b = be.AppendUint16(b, u(0.05)) // strikeout size
	b = be.AppendUint16(b, u(0.3))  // and position
	b = be.AppendUint16(b, 0)       // family class
	b = append(b, make([]byte, 10)...)
	b = append(b, make([]byte, 16)...) // Unicode ranges
	b = append(b, "    "...)           // vendor
	b = be.AppendUint16(b, 0x40)       // regular
	b = be.AppendUint16(b, first)
	b = be.AppendUint16(b, last)
	b = be.AppendUint16(b, uint16(int16(m.ascent)))
	b = be.AppendUint16(b, uint16(int16(-m.descent)))
	b = be.AppendUint16(b, 0) // line gap
	b = be.AppendUint16(b, uint16(max(m.ascent, m.stats.bounds[3])))
	b = be.AppendUint16(b, uint16(max(m.descent, -m.stats.bounds[1])))
	b = append(b, make([]byte, 8)...) // code pages
	b = be.AppendUint16(b, u(0.5))    // x height
	b = be.AppendUint16(b, u(0.7))    // cap height
	b = be.AppendUint16(b, 0)         // default char
	b = be.AppendUint16(b, 32)        // break char
	return be.AppendUint16(b, 0)      // max context
}

func postTable(upem int) []byte {
	be := binary.BigEndian
	b := be.AppendUint32(nil, 0x00030000) // no glyph names
	b = be.AppendUint32(b, 0)             // italic angle
	b = be.AppendUint16(b, uint16(int16(-upem/10)))
	b = be.AppendUint16(b, uint16(upem/20))
	return append(b, make([]byte, 20)...)
}

// sfntFile lays tables out as a TrueType file, with checksums.
func sfntFile(tables map[string][]byte) []byte {
	be := binary.BigEndian
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	n := len(tags)
	es := int(math.Floor(math.Log2(float64(n))))
	b := be.AppendUint32(nil, 0x00010000)
	b = be.AppendUint16(b, uint16(n))
	b = be.AppendUint16(b, uint16(16<<es))
	b = be.AppendUint16(b, uint16(es))
	b = be.AppendUint16(b, uint16(16*n-16<<es))
	off := 12 + 16*n
	var body []byte
	headAt := 0
	for _, t := range tags {
		data := tables[t]
		if t == "head" {
			headAt = off + len(body)
		}
		b = append(b, t...)
		b = be.AppendUint32(b, checksum(data))
		b = be.AppendUint32(b, uint32(off+len(body)))
		b = be.AppendUint32(b, uint32(len(data)))
		body = append(body, data...)
		for len(body)%4 != 0 {
			body = append(body, 0)
		}
	}
	b = append(b, body...)
	be.PutUint32(b[headAt+8:], 0xB1B0AFBA-checksum(b))
	return b
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

// Embeddable reports whether the faces that draw runes allow embedding
// in a document, as their OS/2 tables say.
func (f *Font) Embeddable(runes []rune) error {
	var b sfnt.Buffer
	for _, r := range runes {
		_, fc := f.lookup(&b, r)
		if fc == nil {
			continue
		}
		// Bit 1: restricted licence; bit 9: bitmaps only.
		if fc.fsType&0x0002 != 0 && fc.fsType&0x000C == 0 || fc.fsType&0x0200 != 0 {
			return fmt.Errorf("render: font %s does not allow embedding in documents; choose another", fc)
		}
	}
	return nil
}
