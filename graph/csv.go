package graph

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"unicode/utf8"
)

// CSV files come in two kinds, told apart by their header row:
//
//	relations: from,relation,to[,why][,why_en][,why_zh]
//	concepts:  id,name_en,name_zh,category,summary_en,summary_zh,aliases[,analogy_en,analogy_zh]
//
// Positions are row:column, counting the header as row 1 and fields from
// 1, as a spreadsheet shows them. A relations file may name concepts that
// no file defines: they are made, named as written.

var (
	csvRelationCols = []string{"from", "relation", "to", "why", "why_en", "why_zh"}
	csvConceptCols  = []string{"id", "name_en", "name_zh", "category", "summary_en", "summary_zh", "aliases", "analogy_en", "analogy_zh"}
)

func (rs *records) readCSV(name string, data []byte) {
	rs.addFile(name, data)
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a spreadsheet's byte-order mark
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	c := csvFile{rs: rs, name: name, r: r}
	header, err := c.read()
	if err != nil {
		if err == io.EOF {
			rs.errorf(Pos{File: name}, "empty CSV file; its first row must be a header such as from,relation,to")
		}
		return
	}
	cols := map[string]int{}
	var known []string
	switch {
	case containsFold(header, "from") || containsFold(header, "to"):
		known = csvRelationCols
	case containsFold(header, "id"):
		known = csvConceptCols
	default:
		rs.errorf(c.pos(0), "cannot tell what this CSV holds: its header must name from,relation,to (relations) or id,name_en,name_zh,… (concepts)")
		return
	}
	ok := true
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		switch {
		case h == "":
			continue
		case !contains(known, h):
			msg := sprintf("unknown column %q", h)
			if s := nearest(h, known); s != "" {
				msg += sprintf(" (did you mean %q?)", s)
			} else {
				msg += " (known columns: " + strings.Join(known, ", ") + ")"
			}
			rs.errorf(c.pos(i), "%s", msg)
			ok = false
		case cols[h] > 0:
			rs.errorf(c.pos(i), "column %q appears twice", h)
			ok = false
		default:
			cols[h] = i + 1
		}
	}
	need := []string{"from", "relation", "to"}
	if known[0] == "id" {
		need = []string{"id"}
	}
	for _, n := range need {
		if cols[n] == 0 {
			rs.errorf(c.pos(0), "the header has no %q column; a %s CSV needs %s", n, map[bool]string{true: "concepts", false: "relations"}[n == "id"], strings.Join(need, ","))
			ok = false
		}
	}
	if !ok {
		return
	}
	for {
		rec, err := c.read()
		if err != nil {
			return
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // a blank line
		}
		get := func(col string) (string, Pos) {
			i := cols[col] - 1
			if i < 0 || i >= len(rec) {
				return "", c.pos(min(max(i, 0), len(rec)-1))
			}
			return strings.TrimSpace(rec[i]), c.pos(i)
		}
		if len(rec) > len(header) {
			rs.errorf(c.pos(len(header)), "this row has %d fields but the header has %d", len(rec), len(header))
			continue
		}
		if known[0] == "id" {
			id, idPos := get("id")
			sc := srcConcept{c: &Concept{ID: id, Pos: idPos}, idPos: idPos, catPos: idPos}
			sc.c.Name.En, sc.namePos = get("name_en")
			sc.c.Name.Zh, _ = get("name_zh")
			if sc.c.Name.IsZero() {
				sc.namePos = idPos
			}
			sc.c.Category, sc.catPos = get("category")
			if sc.catPos.Line == 0 {
				sc.catPos = idPos
			}
			sc.c.Summary.En, _ = get("summary_en")
			sc.c.Summary.Zh, _ = get("summary_zh")
			sc.c.Analogy.En, _ = get("analogy_en")
			sc.c.Analogy.Zh, _ = get("analogy_zh")
			aliases, aPos := get("aliases")
			for _, a := range strings.FieldsFunc(aliases, func(r rune) bool { return r == ';' || r == '；' }) {
				if a = strings.TrimSpace(a); a != "" {
					sc.c.Aliases = append(sc.c.Aliases, a)
					sc.aliasPos = append(sc.aliasPos, aPos)
				}
			}
			rs.concepts = append(rs.concepts, sc)
			continue
		}
		var e srcEdge
		e.implicit = true
		e.e.From, e.fromPos = get("from")
		e.e.Relation, e.relPos = get("relation")
		e.e.To, e.toPos = get("to")
		e.e.Pos = e.fromPos
		e.e.Why.En, _ = get("why")
		if en, _ := get("why_en"); en != "" {
			e.e.Why.En = en
		}
		e.e.Why.Zh, _ = get("why_zh")
		if e.e.From == "" {
			rs.errorf(e.fromPos, "relation has no source concept in column \"from\"")
			continue
		}
		rs.edges = append(rs.edges, e)
	}
}

// csvFile reads records and turns field numbers into positions.
type csvFile struct {
	rs    *records
	name  string
	r     *csv.Reader
	row   int
	start []int // line of each field of the current record
	bytes []int // byte column of each field
}

func (c *csvFile) read() ([]string, error) {
	rec, err := c.r.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			c.rs.errorf(Pos{File: c.name, Line: c.row + 1, Col: 1}, "CSV syntax error: %s", pe.Err)
		}
		return nil, err
	}
	c.row++
	c.start, c.bytes = c.start[:0], c.bytes[:0]
	for i := range rec {
		line, col := c.r.FieldPos(i)
		c.start = append(c.start, line)
		c.bytes = append(c.bytes, col)
	}
	return rec, nil
}

// pos returns the position of field i of the current record as
// row:column, and tells the records where that field sits in the file so
// a message can quote it.
func (c *csvFile) pos(i int) Pos {
	p := Pos{File: c.name, Line: c.row, Col: i + 1}
	if i < len(c.start) {
		if lines := c.rs.lines[c.name]; c.start[i] <= len(lines) {
			text := lines[c.start[i]-1]
			b := min(c.bytes[i]-1, len(text))
			c.rs.quote(p, text, utf8.RuneCountInString(text[:b])+1)
		}
	}
	return p
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(strings.TrimSpace(x), s) {
			return true
		}
	}
	return false
}
