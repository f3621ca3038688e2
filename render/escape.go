package render

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
// \l ends a line) and decodes HTML entities such as &amp;, so quote
// doubles every backslash and escapes every ampersand. Tooltips are
// unescaped twice, once as a string and once to expand \N, \G and the
// like, so quoteTip doubles backslashes twice.

// quote returns s as a quoted DOT string for a label or an id.
func quote(s string) string { return dotString(s, `\\`) }

// quoteTip returns s as a quoted DOT string for a tooltip.
func quoteTip(s string) string { return dotString(s, `\\\\`) }

func dotString(s, backslash string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range clean(s) {
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

// html escapes one line of text for an HTML-like label.
func html(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range clean(s) {
		switch r {
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

// clean and lines are view's: text fit for XML, and the lines it is
// drawn as.
func clean(s string) string   { return view.Clean(s) }
func lines(s string) []string { return view.Lines(s) }

// htmlLines joins escaped lines with line breaks.
func htmlLines(ls []string) string {
	esc := make([]string, len(ls))
	for i, l := range ls {
		esc[i] = html(l)
	}
	return strings.Join(esc, "<BR/>")
}

// table returns an HTML-like label that holds ls, aligned left, in a cell
// at least width points wide. Graphviz measures CJK text too narrow and
// places HTML-like text by its left end, so the lines are aligned left in
// a cell of our width: they then fill it instead of spilling out on the
// right.
func table(ls []string, width float64) string {
	return `<<TABLE BORDER="0" CELLBORDER="0" CELLPADDING="0" CELLSPACING="0"><TR><TD WIDTH="` +
		strconv.Itoa(int(math.Ceil(width))) + `" ALIGN="LEFT" BALIGN="LEFT">` +
		htmlLines(ls) + `</TD></TR></TABLE>>`
}

// inches formats a length given in points as inches, rounded up to the
// next hundredth.
func inches(points float64) string {
	h := int(math.Ceil(points / 72 * 100))
	return strconv.Itoa(h/100) + "." + strconv.Itoa(h%100/10) + strconv.Itoa(h%10)
}
