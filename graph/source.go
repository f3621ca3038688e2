package graph

import (
	"slices"
	"strconv"
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
	// folderCat: the category is the note's folder or the yEd group's
	// label, which may name a declared category or make one.
	folderCat bool
}

type srcEdge struct {
	e       Edge
	fromPos Pos
	relPos  Pos
	toPos   Pos
	rolePos Pos
	reachP  Pos
	reachS  string // reach as written, checked when the vocabulary is known
	// implicit: an end that names no concept makes one. Relations from a
	// CSV file without a concepts file work this way.
	implicit bool
}

type srcRelation struct {
	r      *RelationType
	idPos  Pos
	firstP Pos
	roleP  Pos
	reachP Pos
	reachS string         // reach as written
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
	warnings   []Diagnostic        // what a load did that is worth saying: a file read in another encoding
	src        map[string][]byte   // file → its text, for quoting sources
	lines      map[string][]string // file → its lines, split when first quoted (fileLines)
	csvRows    map[string]*csvRows // CSV file → where its records start, for quoting (csv.go)
}

// addFile keeps a file's text, to quote from. It is split into lines only
// when a line is first quoted, as most loads quote none.
func (rs *records) addFile(name string, data []byte) {
	if rs.src == nil {
		rs.src = map[string][]byte{}
	}
	rs.src[name] = data
	delete(rs.lines, name)
}

// fileLines returns the lines of a file given to addFile.
func (rs *records) fileLines(name string) []string {
	if l, ok := rs.lines[name]; ok {
		return l
	}
	data, ok := rs.src[name]
	if !ok {
		return nil
	}
	if rs.lines == nil {
		rs.lines = map[string][]string{}
	}
	l := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	rs.lines[name] = l
	return l
}

// warnf records a warning at p: something the load did that the user
// should know of, though it is no problem.
func (rs *records) warnf(p Pos, format string, args ...any) {
	rs.warnings = append(rs.warnings, Diagnostic{Pos: p, Msg: sprintf(format, args...)})
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
	} else if lines := rs.fileLines(p.File); p.Line > 0 && p.Line <= len(lines) {
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
	relationFields = []string{"id", "label", "inverse", "first", "role", "reach", "style"}
	styleFields    = []string{"color", "line", "arrow"}
	categoryFields = []string{"id", "name"}
	refFields      = []string{"title", "arxiv", "url"}
	edgeFields     = []string{"relation", "to", "why", "role", "reach"}
	topEdgeFields  = []string{"from", "relation", "to", "why", "role", "reach"}
	textFields     = []string{"en", "zh"}
	orders         = []string{string(FirstSource), string(FirstTarget), string(FirstNone)}
)

func isOrder(s string) bool { return slices.Contains(orders, s) }

var roles = []string{string(RolePrerequisite), string(RoleBackground), string(RoleNone)}

func isRole(s string) bool { return slices.Contains(roles, s) }

// parseReach reads a reach as written: a whole number of links, 1 or
// more, or "all". all gives ReachAll.
func parseReach(s string) (int, bool) {
	if s == "all" {
		return ReachAll, true
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, false
	}
	return n, true
}

// positions finds the line and column (in runes) of byte offsets in a
// file. Offsets are mostly asked for in order, so each is found by
// counting on from the last: a minified file, all on one line, costs no
// more than an indented one. An offset before the last (an error's) is
// counted again from the start.
type positions struct {
	file    string
	data    []byte
	off     int64
	at      Pos
	counted int64 // bytes counted, for tests of the cost
}

func newPositions(file string, data []byte) *positions {
	return &positions{file: file, data: data, at: Pos{File: file, Line: 1, Col: 1}}
}

func (p *positions) pos(off int64) Pos {
	off = min(max(off, 0), int64(len(p.data)))
	if off < p.off {
		p.off, p.at = 0, Pos{File: p.file, Line: 1, Col: 1}
	}
	for _, b := range p.data[p.off:off] {
		switch {
		case b == '\n':
			p.at.Line++
			p.at.Col = 1
		case utf8.RuneStart(b):
			p.at.Col++
		}
	}
	p.counted += off - p.off
	p.off = off
	return p.at
}
