package graph

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// Diagnostic is one problem found while loading data.
type Diagnostic struct {
	Pos    Pos
	Msg    string
	Source string       // the offending line of the file, if known
	Caret  int          // the caret's column in Source, if not Pos.Col
	Notes  []Diagnostic // related places: the first definition of a duplicate, the edges of a cycle
}

// String formats the diagnostic as "file:line:col: message", followed by
// the source line with a caret under the column, and then its notes.
func (d Diagnostic) String() string {
	var b strings.Builder
	d.write(&b, "")
	return strings.TrimSuffix(b.String(), "\n")
}

func (d Diagnostic) write(b *strings.Builder, indent string) {
	b.WriteString(indent)
	b.WriteString(d.Pos.String())
	b.WriteString(": ")
	b.WriteString(d.Msg)
	b.WriteByte('\n')
	if d.Source != "" && d.Pos.Line > 0 {
		num := strconv.Itoa(d.Pos.Line)
		gutter := indent + "  " + strings.Repeat(" ", len(num)) + " | "
		b.WriteString(indent + "  " + num + " | ")
		b.WriteString(d.Source)
		b.WriteByte('\n')
		if col := cmp.Or(d.Caret, d.Pos.Col); col > 0 {
			b.WriteString(gutter)
			b.WriteString(caretPad(d.Source, col))
			b.WriteString("^\n")
		}
	}
	for _, n := range d.Notes {
		n.write(b, indent+"    ")
	}
}

// caretPad returns the blanks that put a caret under column col of line,
// keeping tabs and counting wide characters twice.
func caretPad(line string, col int) string {
	var b strings.Builder
	i := 1
	for _, r := range line {
		if i >= col {
			break
		}
		switch {
		case r == '\t':
			b.WriteByte('\t')
		case isWide(r):
			b.WriteString("  ")
		default:
			b.WriteByte(' ')
		}
		i++
	}
	return b.String()
}

// isWide reports whether r takes two columns in a terminal (CJK and
// full-width forms).
func isWide(r rune) bool {
	return r >= 0x1100 && (r <= 0x115f || r == 0x2329 || r == 0x232a ||
		(r >= 0x2e80 && r <= 0xa4cf && r != 0x303f) ||
		(r >= 0xac00 && r <= 0xd7a3) ||
		(r >= 0xf900 && r <= 0xfaff) ||
		(r >= 0xfe30 && r <= 0xfe4f) ||
		(r >= 0xff00 && r <= 0xff60) ||
		(r >= 0xffe0 && r <= 0xffe6) ||
		(r >= 0x20000 && r <= 0x3fffd))
}

// LoadError holds every problem of a load. A load that returns one returns
// no graph.
type LoadError struct {
	Diags []Diagnostic
}

func (e *LoadError) Error() string {
	var b strings.Builder
	for i, d := range e.Diags {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}

// sortDiags orders diagnostics by file, line and column, then message, so
// that a load reports them the same way every time.
func sortDiags(ds []Diagnostic) {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
}
