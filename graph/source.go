package graph

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// The loader turns every data file, whatever its format, into these
// records, which keep the position of each part that a later check may
// need to point at. Validation and building then work on records alone.

type srcConcept struct {
	c        *Concept
	idPos    Pos
	namePos  Pos
	aliasPos []Pos
	catPos   Pos
	edges    []srcEdge
	badID    bool // the id or name was malformed, and that was reported
	badName  bool
}

type srcEdge struct {
	e       Edge
	fromPos Pos
	relPos  Pos
	toPos   Pos
	// implicit: an end that names no concept makes one. Relations from a
	// CSV file without a concepts file work this way.
	implicit bool
}

type srcRelation struct {
	r      *RelationType
	idPos  Pos
	firstP Pos
	styleP map[string]Pos // style field → where it is written
}

// stylePos returns where a style field is written, or the relation's
// place if it is not.
func (sr srcRelation) stylePos(field string) Pos {
	if p, ok := sr.styleP[field]; ok {
		return p
	}
	return sr.r.Pos
}

type srcCategory struct {
	c     *Category
	idPos Pos
}

// records collects the records and problems of every file of a load.
type records struct {
	relations  []srcRelation
	categories []srcCategory
	concepts   []srcConcept
	edges      []srcEdge     // relations given apart from their concepts (CSV, JSON)
	csvCats    csvCategories // categories that concepts CSV rows name (csv.go)
	notes      notes         // typed and untyped links of notes and GraphML edges (markdown.go)
	linkRel    string        // the relation type of links that name none, if any
	linkErr    error         // linkRel names no relation type
	diags      []Diagnostic
	lines      map[string][]string // file → its lines, for quoting sources
	csvRows    map[string]*csvRows // CSV file → where its records start, for quoting (csv.go)
}

func (rs *records) addFile(name string, data []byte) {
	if rs.lines == nil {
		rs.lines = map[string][]string{}
	}
	rs.lines[name] = strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
}

// errorf records a problem at p, quoting the source line.
func (rs *records) errorf(p Pos, format string, args ...any) *Diagnostic {
	rs.diags = append(rs.diags, rs.diag(p, sprintf(format, args...)))
	return &rs.diags[len(rs.diags)-1]
}

func (rs *records) diag(p Pos, msg string) Diagnostic {
	d := Diagnostic{Pos: p, Msg: msg}
	if text, col, ok := rs.csvQuote(p); ok {
		d.Source, d.Caret = strings.TrimRight(text, " \t\r"), col
	} else if lines := rs.lines[p.File]; p.Line > 0 && p.Line <= len(lines) {
		d.Source = strings.TrimRight(lines[p.Line-1], " \t\r")
	}
	return d
}

// note returns a diagnostic for a related place, to attach to another.
func (rs *records) note(p Pos, format string, args ...any) Diagnostic {
	return rs.diag(p, sprintf(format, args...))
}

// Field names of each kind of record, for unknown-field suggestions.
var (
	relationFields = []string{"id", "label", "inverse", "first", "style"}
	styleFields    = []string{"color", "line", "arrow"}
	categoryFields = []string{"id", "name"}
	refFields      = []string{"title", "arxiv", "url"}
	edgeFields     = []string{"relation", "to", "why"}
	topEdgeFields  = []string{"from", "relation", "to", "why"}
	textFields     = []string{"en", "zh"}
	orders         = []string{string(FirstSource), string(FirstTarget), string(FirstNone)}
)

func isOrder(s string) bool { return slices.Contains(orders, s) }

// lineStarts returns the offset of each line's start in data, for posAt.
func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, b := range data {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// posAt returns the line and column (in runes) of byte off of data, whose
// lines start at starts.
func posAt(file string, data []byte, starts []int, off int64) Pos {
	off = min(max(off, 0), int64(len(data)))
	line := sort.Search(len(starts), func(i int) bool { return int64(starts[i]) > off })
	start := starts[line-1]
	return Pos{File: file, Line: line, Col: utf8.RuneCount(data[start:off]) + 1}
}
