package dotlang

import (
	"math"
	"strconv"
	"strings"

	"github.com/conceptmap/conceptmap/render/internal/view"
)

// Text reaches Graphviz in two ways. Concept names are quoted DOT strings
// (label="…"), which Graphviz centres line by line whatever the font
// draws. Other labels are HTML-like (label=<…>) so that they can reserve
// width; only XML escapes count in those.
//
// In quoted strings Graphviz reads backslash escapes (\N is the node name,
// \l ends a line) and decodes HTML entities such as &amp;, so Quote
// doubles every backslash and escapes every ampersand. Tooltips are
// unescaped twice, once as a string and once to expand \N, \G and the
// like, so QuoteTip doubles backslashes twice.

// Quote returns s as a quoted DOT string for a label or an id.
func Quote(s string) string { return dotString(s, `\\`) }

// QuoteTip returns s as a quoted DOT string for a tooltip.
func QuoteTip(s string) string { return dotString(s, `\\\\`) }

func dotString(s, backslash string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range view.Clean(s) {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(backslash)
		case '&':
			b.WriteString("&amp;")
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// HTML escapes one line of text for an HTML-like label. Graphviz reads
// \N, \G and the like as escapes even there (and in a character reference
// to a backslash), so backslashes are doubled, as in Quote.
func HTML(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range view.Clean(s) {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// HTMLLines joins escaped lines with line breaks.
func HTMLLines(ls []string) string {
	esc := make([]string, len(ls))
	for i, l := range ls {
		esc[i] = HTML(l)
	}
	return strings.Join(esc, "<BR/>")
}

// Table returns an HTML-like label that holds ls, aligned left, in a cell
// at least width points wide. Graphviz measures CJK text too narrow and
// places HTML-like text by its left end, so the lines are aligned left in
// a cell of our width: they then fill it instead of spilling out on the
// right.
func Table(ls []string, width float64) string {
	return `<<TABLE BORDER="0" CELLBORDER="0" CELLPADDING="0" CELLSPACING="0"><TR><TD WIDTH="` +
		strconv.Itoa(int(math.Ceil(width))) + `" ALIGN="LEFT" BALIGN="LEFT">` +
		HTMLLines(ls) + `</TD></TR></TABLE>>`
}

// Inches formats a length given in points as inches, rounded up to the
// next hundredth.
func Inches(points float64) string {
	h := int(math.Ceil(points / 72 * 100))
	return strconv.Itoa(h/100) + "." + strconv.Itoa(h%100/10) + strconv.Itoa(h%10)
}
