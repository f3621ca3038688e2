package fonts

// Graphviz measures text with its own table of Helvetica widths and gives
// every CJK character about 0.83 em, though CJK fonts draw them 1 em wide.
// Chinese labels would then overflow their boxes, so we estimate text
// widths ourselves and ask Graphviz for boxes at least that wide.

// helvetica holds the advance widths of printable ASCII (32–126) in
// Helvetica, in thousandths of an em, from Adobe's AFM file.
var helvetica = [95]uint16{
	278, 278, 355, 556, 556, 889, 667, 222, 333, 333, 389, 584, 278, 333, 278, 278, // space ! " # $ % & ' ( ) * + , - . /
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0–9
	278, 278, 584, 584, 584, 556, 1015, // : ; < = > ? @
	667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, // A–M
	722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, // N–Z
	278, 278, 278, 469, 556, 333, // [ \ ] ^ _ `
	556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, // a–m
	556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, // n–z
	334, 260, 334, 584, // { | } ~
}

// wideRanges lists the runes that fonts draw one em wide: CJK ideographs,
// kana, hangul, full-width forms, CJK punctuation and the like, plus a few
// symbols (…, —) that are that wide even in Helvetica.
var wideRanges = [][2]rune{
	{0x1100, 0x115F},   // Hangul Jamo
	{0x2014, 0x2014},   // em dash
	{0x2026, 0x2026},   // ellipsis
	{0x2E80, 0x303E},   // CJK radicals, Kangxi, CJK symbols and punctuation
	{0x3041, 0x33FF},   // kana, bopomofo, Hangul compatibility, CJK compatibility
	{0x3400, 0x4DBF},   // CJK extension A
	{0x4E00, 0x9FFF},   // CJK unified ideographs
	{0xA000, 0xA4CF},   // Yi
	{0xAC00, 0xD7A3},   // Hangul syllables
	{0xF900, 0xFAFF},   // CJK compatibility ideographs
	{0xFE10, 0xFE19},   // vertical forms
	{0xFE30, 0xFE6F},   // CJK compatibility and small forms
	{0xFF00, 0xFF60},   // full-width forms
	{0xFFE0, 0xFFE6},   // full-width signs
	{0x1F300, 0x1F64F}, // pictographs and emoji
	{0x1F900, 0x1F9FF}, // supplemental pictographs
	{0x20000, 0x3FFFD}, // CJK extensions B and later
}

// runeWidth returns the width of r in ems.
func runeWidth(r rune) float64 {
	if r >= 32 && r <= 126 {
		return float64(helvetica[r-32]) / 1000
	}
	for _, w := range wideRanges {
		if r < w[0] {
			break
		}
		if r <= w[1] {
			return 1
		}
	}
	return 0.6
}

// TextWidth estimates, in points, how wide one line of text is drawn at
// the given font size.
func TextWidth(s string, size float64) float64 {
	em := 0.0
	for _, r := range s {
		em += runeWidth(r)
	}
	return em * size
}

// LinesWidth returns the width of the widest line.
func LinesWidth(lines []string, size float64) float64 {
	w := 0.0
	for _, l := range lines {
		w = max(w, TextWidth(l, size))
	}
	return w
}
