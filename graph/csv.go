package graph

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// CSV files come in two kinds, told apart by their header row:
//
//	relations: from,relation,to[,why][,why_en][,why_zh][,role][,reach]
//	concepts:  id,name_en,name_zh,category,summary_en,summary_zh,aliases,
//	           analogy_en,analogy_zh,refs,category_en,category_zh
//
// A concepts file needs id and name_en or name_zh; the other columns may
// be left out, and columns may come in any order. Positions are
// row:column, counting the header as row 1 and fields from 1, as a
// spreadsheet shows them. A relations file may name concepts that no
// file defines: they are made, named as written. Its role and reach
// columns, when given, hold a relation's own role and reach, as a data
// file's role: and reach: do; empty keeps the relation type's.
//
// The categories that concepts rows name are declared in the order they
// first appear, named by category_en and category_zh, unless a YAML or
// JSON file declares categories: then those rule, and a CSV declares only
// the categories it names (category_en or category_zh given) that no
// other file declares. See declareCSVCategories.
//
// Two columns hold lists. aliases separates aliases with ';' or '；', and
// refs holds one reference a line, as
//
//	title <arXiv:ID> <URL>
//
// either link left out when there is none. In both, a backslash before a
// character that would otherwise separate (';' and '；' in aliases; '<',
// '>' and a line break in refs) or before another backslash makes that
// character literal; any other backslash is itself. JoinCSVAliases and
// FormatCSVRefs write them.

var (
	csvRelationCols = []string{"from", "relation", "to", "why", "why_en", "why_zh", "role", "reach"}
	csvConceptCols  = []string{"id", "name_en", "name_zh", "category", "summary_en", "summary_zh", "aliases", "analogy_en", "analogy_zh", "refs", "category_en", "category_zh"}
)

// csvCategory is a category that rows of a concepts CSV name, with the
// names their category_en and category_zh columns give it.
type csvCategory struct {
	c       *Category
	named   bool   // some row gives it a name
	namePos [2]Pos // where its English and Chinese names are first given
}

// csvCategories are the categories of every concepts CSV of a load, in
// the order they first appear.
type csvCategories struct {
	list  []*csvCategory
	index map[string]*csvCategory
}

func (rs *records) readCSV(name string, data []byte) {
	data, ok := rs.decodeCSV(name, data)
	if !ok {
		return
	}
	rs.addFile(name, data)
	rows := &csvRows{data: data, comma: csvDelimiter(data)}
	if rs.csvRows == nil {
		rs.csvRows = map[string]*csvRows{}
	}
	rs.csvRows[name] = rows
	c := csvFile{rs: rs, name: name, r: newCSVReader(data, rows.comma), rows: rows}
	header, err := c.read()
	if err != nil {
		if err == io.EOF {
			rs.errorf(Pos{File: name}, "empty CSV file; its first row must be a header such as from,relation,to")
		}
		return
	}
	header = slices.Clone(header) // the reader reuses its record
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
	ok = true
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
	concepts := known[0] == "id"
	if concepts {
		need = []string{"id"}
	}
	for _, n := range need {
		if cols[n] == 0 {
			rs.errorf(c.pos(0), "the header has no %q column; a %s CSV needs %s", n, map[bool]string{true: "concepts", false: "relations"}[concepts], strings.Join(need, ","))
			ok = false
		}
	}
	if concepts && ok && cols["name_en"] == 0 && cols["name_zh"] == 0 {
		rs.errorf(c.pos(0), "the header has no \"name_en\" or \"name_zh\" column; a concepts CSV needs id and a name in either")
		ok = false
	}
	if !ok {
		return
	}
	if !concepts {
		// One relation a line, give or take: grow the list once.
		rs.edges = slices.Grow(rs.edges, bytes.Count(data, []byte("\n")))
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
			return unquoteCSVFormula(strings.TrimSpace(rec[i])), c.pos(i)
		}
		if len(rec) > len(header) {
			rs.errorf(c.pos(len(header)), "this row has %d fields but the header has %d", len(rec), len(header))
			continue
		}
		if concepts {
			rs.csvConcept(get, func(col string) bool { return cols[col] > 0 })
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
		var role string
		role, e.rolePos = get("role")
		e.e.Role = Role(role)
		e.reachS, e.reachP = get("reach")
		if e.e.From == "" {
			rs.errorf(e.fromPos, "relation has no source concept in column \"from\"")
			continue
		}
		rs.edges = append(rs.edges, e)
	}
}

// csvConcept reads one row of a concepts CSV; get returns a column's
// field and its place, has whether the header has the column.
func (rs *records) csvConcept(get func(col string) (string, Pos), has func(col string) bool) {
	id, idPos := get("id")
	sc := srcConcept{c: &Concept{ID: id, Pos: idPos}, idPos: idPos, catPos: idPos}
	var zhPos Pos
	sc.c.Name.En, sc.namePos = get("name_en")
	sc.c.Name.Zh, zhPos = get("name_zh")
	if !has("name_en") {
		sc.namePos = zhPos
	}
	if sc.c.Name.IsZero() && id != "" {
		// Said here, and not by checkConcepts, whose advice is YAML's.
		rs.errorf(sc.namePos, "concept %q has no name; fill in its name_en or name_zh column", id)
		sc.badName = true
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
	for _, a := range SplitCSVAliases(aliases) {
		sc.c.Aliases = append(sc.c.Aliases, a)
		sc.aliasPos = append(sc.aliasPos, aPos)
	}
	refs, rPos := get("refs")
	var err error
	if sc.c.Refs, err = ParseCSVRefs(refs); err != nil {
		rs.errorf(rPos, "refs: %v", err)
	}
	var name Text
	var pos [2]Pos
	name.En, pos[0] = get("category_en")
	name.Zh, pos[1] = get("category_zh")
	switch {
	case sc.c.Category != "":
		rs.csvCategory(sc.c.Category, sc.catPos, name, pos)
	case !name.IsZero():
		p := pos[0]
		if name.En == "" {
			p = pos[1]
		}
		rs.errorf(p, "the row names a category, %q, but gives no id for it; fill in the category column", name.In(En))
	}
	rs.concepts = append(rs.concepts, sc)
}

// decodeCSV returns the text of a CSV file as UTF-8. Spreadsheets save
// CSV in the encoding of the system: UTF-8, with or without a byte-order
// mark; UTF-16 with a byte-order mark (Excel's "Unicode text"); or, on
// Chinese Windows, GB18030 (of which GBK is a part). A file that is not
// UTF-8 but is GB18030 is read as GB18030, with a warning that says so;
// anything else is an error at the first byte that is not UTF-8.
func (rs *records) decodeCSV(name string, data []byte) ([]byte, bool) {
	var enc encoding.Encoding
	var what string
	switch {
	case bytes.HasPrefix(data, utf8BOM):
		data = data[len(utf8BOM):]
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		enc, what = xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), "UTF-16 (little-endian)"
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		enc, what = xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM), "UTF-16 (big-endian)"
	}
	if enc != nil {
		out, err := enc.NewDecoder().Bytes(data)
		if err != nil || len(data)%2 != 0 || bytes.ContainsRune(out, utf8.RuneError) {
			rs.errorf(Pos{File: name}, "the file starts with a %s byte-order mark but is not %s text; save it again as UTF-8 (in Excel: CSV UTF-8)", what, what)
			return nil, false
		}
		rs.warnf(Pos{File: name}, "read as %s, as its byte-order mark says", what)
		return out, true
	}
	if utf8.Valid(data) {
		return data, true
	}
	if out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data); err == nil && !bytes.ContainsRune(out, utf8.RuneError) {
		rs.warnf(Pos{File: name}, "not UTF-8; read as GB18030, the encoding of Excel on Chinese Windows (save it as CSV UTF-8 to have it read as it is)")
		return out, true
	}
	rs.addFile(name, data)
	off := invalidUTF8(data)
	rs.errorf(newPositions(name, data).pos(int64(off)), "the file is neither UTF-8 nor GB18030 text: byte %#02x here is not a character; save it as UTF-8 (in Excel: CSV UTF-8)", data[off])
	return nil, false
}

// csvDelimiter is a tab if the header row has more tabs than commas (as in
// Excel's "Unicode text"), or a comma.
func csvDelimiter(data []byte) rune {
	header, _, _ := bytes.Cut(data, []byte("\n"))
	if bytes.Count(header, []byte("\t")) > bytes.Count(header, []byte(",")) {
		return '\t'
	}
	return ','
}

// csvCategory records that a concepts row names category id, giving it
// name (either language may be empty), written at pos.
func (rs *records) csvCategory(id string, p Pos, name Text, pos [2]Pos) {
	cc := rs.csvCats.index[id]
	if cc == nil {
		cc = &csvCategory{c: &Category{ID: id, Pos: p}}
		if rs.csvCats.index == nil {
			rs.csvCats.index = map[string]*csvCategory{}
		}
		rs.csvCats.index[id] = cc
		rs.csvCats.list = append(rs.csvCats.list, cc)
	}
	for i, col := range []string{"category_en", "category_zh"} {
		have, give := &cc.c.Name.En, name.En
		if i == 1 {
			have, give = &cc.c.Name.Zh, name.Zh
		}
		switch {
		case give == "":
			continue
		case *have == "":
			*have, cc.namePos[i], cc.named = give, pos[i], true
		case *have != give:
			d := rs.errorf(pos[i], "category %q has the %s %q here but %q before; give every row of a category the same name", id, col, give, *have)
			d.Notes = append(d.Notes, rs.note(cc.namePos[i], "%q is first named %q here", id, *have))
		}
	}
}

// declareCSVCategories declares, after the categories that YAML and JSON
// files declare, those that concepts CSV rows name, in the order they
// first appear. When files declare categories (declared), a CSV declares
// only those it names, in category_en or category_zh, that no file
// declares: a category given as an id alone must then be declared, so a
// typo in it is still caught. A category named by no row is named after
// its id. checkCategories calls it; add declares a category.
func (rs *records) declareCSVCategories(g *Graph, declared bool, add func(*Category)) {
	for _, cc := range rs.csvCats.list {
		if _, ok := g.catIndex[cc.c.ID]; ok || (declared && !cc.named) {
			continue
		}
		if cc.c.Name.IsZero() {
			cc.c.Name = Text{En: cc.c.ID}
			if cc.c.ID == "other" {
				cc.c.Name = otherCategory
			}
		}
		add(cc.c)
	}
}

// csvFile reads records and turns field numbers into positions.
type csvFile struct {
	rs   *records
	name string
	r    *csv.Reader
	row  int
	rows *csvRows
}

// csvRows says where each record of a CSV file starts, so that a message
// about one of its fields can quote the field's line. A position in a CSV
// file is row:field, not line:column (a quoted field may hold line
// breaks), so the line is found again, by reading the record once more,
// only when a message needs it.
type csvRows struct {
	data  []byte
	comma rune          // the delimiter
	start []csvRowStart // by row, from 1
}

type csvRowStart struct {
	off  int64 // byte offset of the record
	line int   // line of the record's first field
}

func newCSVReader(data []byte, comma rune) *csv.Reader {
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = comma
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	return r
}

func (c *csvFile) read() ([]string, error) {
	off := c.r.InputOffset()
	rec, err := c.r.Read()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			c.rs.errorf(Pos{File: c.name, Line: c.row + 1, Col: 1}, "CSV syntax error: %s", pe.Err)
		}
		return nil, err
	}
	c.row++
	line, _ := c.r.FieldPos(0)
	c.rows.start = append(c.rows.start, csvRowStart{off, line})
	return rec, nil
}

// pos returns the position of field i of the current record as
// row:column.
func (c *csvFile) pos(i int) Pos { return Pos{File: c.name, Line: c.row, Col: i + 1} }

// csvQuote returns the line of a CSV file that holds the field at p, and
// the column of the field's start in it. ok is false when p is not a
// field of a record of a CSV file.
func (rs *records) csvQuote(p Pos) (text string, col int, ok bool) {
	rows := rs.csvRows[p.File]
	if rows == nil || p.Line < 1 || p.Line > len(rows.start) || p.Col < 1 {
		return "", 0, false
	}
	at := rows.start[p.Line-1]
	r := newCSVReader(rows.data[at.off:], rows.comma)
	rec, err := r.Read()
	if err != nil || p.Col > len(rec) {
		return "", 0, false
	}
	line, b := r.FieldPos(p.Col - 1)
	lines := rs.fileLines(p.File)
	line += at.line - 1
	if line > len(lines) {
		return "", 0, false
	}
	text = lines[line-1]
	b = min(b-1, len(text))
	return text, utf8.RuneCountInString(text[:b]) + 1, true
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(strings.TrimSpace(x), s) {
			return true
		}
	}
	return false
}

// Formula injection. A spreadsheet runs a cell that starts with =, +, -
// or @ (or a tab or carriage return before one) as a formula:
// =HYPERLINK(...) in a summary would become a link, or worse. As OWASP
// advises, QuoteCSVFormula puts a ' before such a cell, which a
// spreadsheet shows as text; the loader takes the ' off again, so a cell
// reads back as it was written. A cell that starts with ' followed by
// what would be quoted gets one more ', so that every text round-trips.

// QuoteCSVFormula returns s as a CSV cell that a spreadsheet shows as text.
func QuoteCSVFormula(s string) string {
	if formulaLike(s) {
		return "'" + s
	}
	return s
}

// unquoteCSVFormula undoes QuoteCSVFormula.
func unquoteCSVFormula(s string) string {
	if strings.HasPrefix(s, "'") && formulaLike(s[1:]) {
		return s[1:]
	}
	return s
}

// formulaLike says whether a spreadsheet would run s as a formula, or s is
// ' followed by such text.
func formulaLike(s string) bool {
	for strings.HasPrefix(s, "'") {
		s = s[1:]
	}
	return s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0]))
}

// The lists in a CSV cell.

// aliasSeps separate aliases; refSpecial are the characters that shape a
// refs cell.
const (
	aliasSeps  = ";；"
	refSpecial = "<>\n"
)

// escapeCSV writes s with a backslash before each character of special,
// and before each backslash that is followed by one of them, by another
// backslash or by nothing: what unescapeCSV reads back as s.
func escapeCSV(b *strings.Builder, s, special string) {
	for i, r := range s {
		if r == '\\' {
			next, _ := utf8.DecodeRuneInString(s[i+1:])
			if i+1 == len(s) || next == '\\' || strings.ContainsRune(special, next) {
				b.WriteByte('\\')
			}
		} else if strings.ContainsRune(special, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
}

// JoinCSVAliases writes aliases as an aliases cell: joined with ";",
// each ';', '；' within an alias (and a backslash before one) escaped with
// a backslash.
func JoinCSVAliases(aliases []string) string { return JoinAliases(aliases, ";") }

// JoinAliases joins aliases with sep, which must start with ';', escaping
// them as JoinCSVAliases does, for SplitCSVAliases to read back.
func JoinAliases(aliases []string, sep string) string {
	var b strings.Builder
	for i, a := range aliases {
		if i > 0 {
			b.WriteString(sep)
		}
		escapeCSV(&b, a, aliasSeps)
	}
	return b.String()
}

// SplitCSVAliases reads an aliases cell: aliases separated by ';' or '；',
// each trimmed, empty ones dropped. A backslash before ';', '；' or a
// backslash makes that character part of the alias.
func SplitCSVAliases(s string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if a := strings.TrimSpace(b.String()); a != "" {
			out = append(out, a)
		}
		b.Reset()
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '\\' && i < len(s):
			if next, m := utf8.DecodeRuneInString(s[i:]); next == '\\' || strings.ContainsRune(aliasSeps, next) {
				b.WriteRune(next)
				i += m
				continue
			}
			b.WriteRune(r)
		case strings.ContainsRune(aliasSeps, r):
			flush()
		default:
			b.WriteRune(r)
		}
	}
	flush()
	return out
}

// FormatCSVRefs writes refs as a refs cell: one a line, as
// "title <arXiv:ID> <URL>", each link only when there is one. A reference
// with nothing in it is "<>".
func FormatCSVRefs(refs []Ref) string {
	var b strings.Builder
	for i, r := range refs {
		if i > 0 {
			b.WriteByte('\n')
		}
		start := b.Len()
		escapeCSV(&b, r.Title, refSpecial)
		link := func(s string) {
			if b.Len() > start {
				b.WriteByte(' ')
			}
			b.WriteByte('<')
			escapeCSV(&b, s, refSpecial)
			b.WriteByte('>')
		}
		// A URL that starts with arXiv: goes second, after an arXiv link,
		// empty if need be, so that it is not read as an arXiv id.
		if r.ArXiv != "" || isArXivLink(r.URL) {
			link("arXiv:" + r.ArXiv)
		}
		if r.URL != "" || (r.Title == "" && r.ArXiv == "") {
			link(r.URL)
		}
	}
	return b.String()
}

func isArXivLink(s string) bool {
	return len(s) >= 6 && strings.EqualFold(s[:6], "arxiv:")
}

// ParseCSVRefs reads a refs cell: one reference a line, its title, then
// up to two links in angle brackets, <arXiv:ID> and <URL>, in that
// order. Blank lines are skipped. A backslash before '<', '>', a line
// break or a backslash makes that character literal.
func ParseCSVRefs(s string) ([]Ref, error) {
	var out []Ref
	var title, link strings.Builder
	var links []string
	inLink, some := false, false // some: the line has more than blanks
	end := func() error {
		if inLink {
			return errors.New("a link opened with < is not closed with >; write each reference as: title <arXiv:ID> <URL>")
		}
		if some {
			ref := Ref{Title: strings.TrimSpace(title.String())}
			for i, l := range links {
				switch {
				case len(links) > 2:
					return errors.New(sprintf("reference %q has %d links; it may have two, <arXiv:ID> and then <URL>", ref.Title, len(links)))
				case i == 0 && isArXivLink(l):
					ref.ArXiv = strings.TrimSpace(l[len("arXiv:"):])
				case i == len(links)-1:
					ref.URL = l
				default:
					return errors.New(sprintf("reference %q has two links and the first is not <arXiv:ID>; write: title <arXiv:ID> <URL>", ref.Title))
				}
			}
			out = append(out, ref)
		}
		title.Reset()
		links, some = links[:0], false
		return nil
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		escaped := false
		if r == '\\' && i < len(s) {
			if next, m := utf8.DecodeRuneInString(s[i:]); next == '\\' || strings.ContainsRune(refSpecial, next) {
				r, escaped = next, true
				i += m
			}
		}
		switch {
		case escaped:
		case r == '\n':
			if err := end(); err != nil {
				return nil, err
			}
			continue
		case r == '\r' && strings.HasPrefix(s[i:], "\n"):
			continue // CRLF
		case !inLink && r == '<':
			inLink, some = true, true
			link.Reset()
			continue
		case inLink && r == '>':
			inLink = false
			links = append(links, strings.TrimSpace(link.String()))
			continue
		}
		switch {
		case inLink:
			link.WriteRune(r)
		case len(links) > 0 && !unicode.IsSpace(r):
			return nil, errors.New("text follows a link; write each reference on a line of its own as: title <arXiv:ID> <URL>")
		default:
			title.WriteRune(r)
		}
		if !unicode.IsSpace(r) {
			some = true
		}
	}
	if err := end(); err != nil {
		return nil, err
	}
	return out, nil
}
