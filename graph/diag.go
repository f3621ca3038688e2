package graph

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
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
	b.WriteString(Printable(d.Pos.String() + ": " + shorten(d.Msg, maxMessage)))
	b.WriteByte('\n')
	if d.Source != "" && d.Pos.Line > 0 {
		num := strconv.Itoa(d.Pos.Line)
		text, pad, caret := excerpt(d.Source, cmp.Or(d.Caret, d.Pos.Col))
		b.WriteString(indent + "  " + num + " | ")
		b.WriteString(text)
		b.WriteByte('\n')
		if caret {
			b.WriteString(indent + "  " + strings.Repeat(" ", len(num)) + " | ")
			b.WriteString(pad)
			b.WriteString("^\n")
		}
	}
	for _, n := range d.Notes {
		n.write(b, indent+"    ")
	}
}

// maxMessage bounds, in characters, a message as written: one that
// quotes a huge value from the data keeps its start and its end (where a
// suggestion goes), and says how much it leaves out.
const maxMessage = 1000

func shorten(msg string, max int) string {
	n := utf8.RuneCountInString(msg)
	if n <= max {
		return msg
	}
	head, tail := max*7/10, max*3/10
	i, j := 0, len(msg)
	for range head {
		_, size := utf8.DecodeRuneInString(msg[i:])
		i += size
	}
	for range tail {
		_, size := utf8.DecodeLastRuneInString(msg[:j])
		j -= size
	}
	return sprintf("%s …(%d characters)… %s", msg[:i], n-head-tail, msg[j:])
}

// excerptWidth is how many characters of a source line a message quotes,
// around its column: a line of megabytes is not repeated whole.
const excerptWidth = 160

// excerpt returns the part of line to quote, about excerptWidth characters
// around column col (from 1, 0 for none) and marked with … where it is cut,
// with its control characters escaped (see Printable); and the blanks that
// put a caret under that column, keeping tabs and counting wide characters
// twice, and caret true, when there is a column.
func excerpt(line string, col int) (text, pad string, caret bool) {
	n := utf8.RuneCountInString(line)
	first, last := 1, n // the columns shown
	if n > excerptWidth {
		c := min(max(col, 1), n)
		first = max(1, c-excerptWidth/2)
		last = min(n, first+excerptWidth-1)
		first = max(1, last-excerptWidth+1)
	}
	var t, p strings.Builder
	if first > 1 {
		t.WriteString("…")
		p.WriteByte(' ')
	}
	i := 0
	for k := 0; k < len(line); {
		r, size := utf8.DecodeRuneInString(line[k:])
		e := printableRune(r)
		if r == utf8.RuneError && size == 1 {
			e = sprintf(`\x%02x`, line[k])
		}
		k += size
		i++
		if i < first {
			continue
		}
		if i > last {
			t.WriteString("…")
			break
		}
		t.WriteString(e)
		if i < col {
			switch {
			case r == '\t':
				p.WriteByte('\t')
			case e != string(r):
				p.WriteString(strings.Repeat(" ", len(e)))
			case isWide(r):
				p.WriteString("  ")
			default:
				p.WriteByte(' ')
			}
		}
	}
	return t.String(), p.String(), col > 0
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

// MaxProblemsPerFile is how many problems of one file a LoadError's
// message shows; the rest are counted. A broken file can have thousands,
// and the first few say what is wrong.
const MaxProblemsPerFile = 20

// Error lists the problems, at most MaxProblemsPerFile of each file.
func (e *LoadError) Error() string { return e.Report(MaxProblemsPerFile) }

// Report lists the problems, each with its source line and notes, at most
// perFile of each file (every one if perFile <= 0), saying after a file
// how many more it has. Text from the data is escaped (see Printable).
func (e *LoadError) Report(perFile int) string {
	var b strings.Builder
	shown, hidden := 0, 0
	for i, d := range e.Diags {
		if i > 0 && d.Pos.File != e.Diags[i-1].Pos.File {
			writeHidden(&b, e.Diags[i-1].Pos.File, hidden)
			shown, hidden = 0, 0
		}
		if perFile > 0 && shown >= perFile {
			hidden++
			continue
		}
		shown++
		d.write(&b, "")
	}
	if n := len(e.Diags); n > 0 {
		writeHidden(&b, e.Diags[n-1].Pos.File, hidden)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func writeHidden(b *strings.Builder, file string, n int) {
	if n == 0 {
		return
	}
	word := "problems"
	if n == 1 {
		word = "problem"
	}
	b.WriteString(Printable(sprintf("%s: %d more %s not shown; fix these and run again to see them\n", file, n, word)))
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
