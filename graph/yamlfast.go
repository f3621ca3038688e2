package graph

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// The YAML parser reads any YAML and points at every problem, but at a few
// megabytes a second: a file of 100,000 concepts took it about 29 s. Data
// files are nearly always written in one plain shape, which fastYAML reads
// in one pass at the speed of the disk: block mappings and sequences
// indented with spaces, one-line flow mappings and lists ({en: A, zh: 甲},
// [a, b]), one-line quoted and plain scalars, and comments. It gives up,
// and the YAML parser reads the file instead, at the first thing outside
// that shape (tabs, anchors, tags, block scalars, scalars over several
// lines, several documents, a duplicate key) and at anything that might be
// an error, so every message still comes from the YAML parser. When it
// does not give up, its tree is the YAML parser's, positions included:
// TestFastYAMLAgrees and FuzzFastYAML check that on generated and mutated
// files.

// fastYAML reads data, one YAML document in the plain shape, into a node
// tree. ok is false when data is outside that shape.
func fastYAML(data []byte) (n *node, ok bool) {
	if !fastYAMLText(data) {
		return nil, false
	}
	p := &fastParser{data: data, text: string(data), line: 1, col: 1}
	defer func() {
		if r := recover(); r != nil {
			if r != errOutsideShape {
				panic(r)
			}
			n, ok = nil, false
		}
	}()
	ind := p.content()
	if ind != 0 {
		return nil, false // empty, or indented as a whole
	}
	if p.at(0) == '-' && (p.at(1) == '-' || p.at(1) == '.') || p.at(0) == '.' && p.at(1) == '.' {
		return nil, false // a document marker, perhaps
	}
	n = p.block(0)
	if p.content() != -1 {
		return nil, false // something after the root
	}
	return n, true
}

// fastYAMLText reports whether data holds only characters that fastYAML
// handles: valid UTF-8 without control characters other than newline, nor
// characters that YAML may take as a line break or a byte-order mark.
func fastYAMLText(data []byte) bool {
	for _, c := range data {
		if c < 0x20 && c != '\n' || c == 0x7f {
			return false
		}
	}
	return utf8.Valid(data) &&
		!bytes.Contains(data, []byte("\u0085")) && !bytes.Contains(data, []byte("\u2028")) &&
		!bytes.Contains(data, []byte("\u2029")) && !bytes.Contains(data, []byte("\ufeff"))
}

type outsideShape struct{}

// errOutsideShape is what fastParser panics with, and fastYAML recovers,
// when the text leaves the plain shape.
var errOutsideShape = &outsideShape{}

func giveUp() { panic(errOutsideShape) }

type fastParser struct {
	data      []byte
	text      string // data, whose substrings the scalars are: one copy, not one per scalar, which the graph keeps
	i         int    // the next byte to read
	line      int    // the line of i, from 1
	lineStart int    // the offset of that line
	colAt     int    // an offset on that line whose column pos counted
	col       int    // that column

	// Slabs that nodes, entries and the first places of lists and
	// mappings are taken from.
	nodes   []node
	entries []entry
	keys    []*entry
	items   []*node
}

func (p *fastParser) at(k int) byte {
	if p.i+k < len(p.data) {
		return p.data[p.i+k]
	}
	return 0
}

// pos is the position of p.i. Columns are counted on from the last one
// asked for on the line, so a long line costs no more than short ones.
func (p *fastParser) pos() spot {
	if p.colAt < p.lineStart || p.colAt > p.i {
		p.colAt, p.col = p.lineStart, 1
	}
	p.col += utf8.RuneCount(p.data[p.colAt:p.i])
	p.colAt = p.i
	return spot{int32(p.line), int32(p.col)}
}

// content skips blank and comment lines from the start of a line and
// returns the indentation of the next line with content, leaving p.i at
// the start of that line; -1 at the end of the text.
func (p *fastParser) content() int {
	for p.i < len(p.data) {
		j := p.i
		for j < len(p.data) && p.data[j] == ' ' {
			j++
		}
		if j == len(p.data) {
			p.i = j
			return -1
		}
		if c := p.data[j]; c != '\n' && c != '#' {
			return j - p.i
		}
		for j < len(p.data) && p.data[j] != '\n' {
			j++
		}
		p.i = j
		p.newline()
	}
	return -1
}

// newline steps over the newline at p.i, if any.
func (p *fastParser) newline() {
	if p.i < len(p.data) {
		p.i++
		p.line++
		p.lineStart = p.i
	}
}

func (p *fastParser) spaces() {
	for p.i < len(p.data) && p.data[p.i] == ' ' {
		p.i++
	}
}

// endLine reads the end of a line after a value: spaces, perhaps a
// comment, and the newline.
func (p *fastParser) endLine() {
	p.spaces()
	if p.i < len(p.data) && p.data[p.i] == '#' {
		if p.data[p.i-1] != ' ' {
			giveUp()
		}
		for p.i < len(p.data) && p.data[p.i] != '\n' {
			p.i++
		}
	}
	if p.i < len(p.data) && p.data[p.i] != '\n' {
		giveUp()
	}
	p.newline()
}

// atLineEnd reports whether only spaces and perhaps a comment are left on
// the line.
func (p *fastParser) atLineEnd() bool {
	j := p.i
	for j < len(p.data) && p.data[j] == ' ' {
		j++
	}
	return j == len(p.data) || p.data[j] == '\n' || p.data[j] == '#' && j > p.i
}

// more reads on to the next line with content and reports whether a
// collection at indentation ind goes on there, leaving p.i after the
// indentation; false at a lesser one, where it ends.
func (p *fastParser) more(ind int) bool {
	next := p.content()
	if next > ind {
		giveUp()
	}
	if next < ind {
		return false
	}
	p.i += ind
	return true
}

// seqEntry reports whether a block sequence entry ("- ", or a dash at
// the line's end) starts at p.i.
func (p *fastParser) seqEntry() bool {
	return p.at(0) == '-' && (p.at(1) == ' ' || p.at(1) == '\n' || p.i+1 == len(p.data))
}

// block reads the block node whose first line starts at p.i, indented by
// ind.
func (p *fastParser) block(ind int) *node {
	p.i += ind
	if p.seqEntry() {
		return p.seq(ind)
	}
	return p.mapping(ind)
}

// seq reads a block sequence whose entries' dashes are at column ind; p.i
// is at the first dash.
func (p *fastParser) seq(ind int) *node {
	out := p.node(listNode, p.pos(), "")
	for {
		p.i++
		p.spaces()
		col := p.i - p.lineStart
		switch {
		case p.atLineEnd():
			p.endLine()
			next := p.content()
			if next <= ind {
				giveUp() // an empty entry
			}
			p.appendItem(out, p.block(next))
		case p.seqEntry():
			giveUp() // a list in a list on one line
		case p.startsKey():
			p.appendItem(out, p.mapping(col))
		default:
			p.appendItem(out, p.inline())
			p.endLine()
		}
		if !p.more(ind) {
			return out
		}
		if !p.seqEntry() {
			p.i -= ind
			return out // the next key of a mapping at the same indentation
		}
	}
}

// mapping reads a block mapping whose keys are at column ind; p.i is at
// the first key.
func (p *fastParser) mapping(ind int) *node {
	out := p.node(mapNode, spot{}, "")
	for {
		kpos := p.pos()
		key := p.key(false)
		// A null value is placed where the YAML parser places it: just
		// after the colon.
		nullPos := p.pos()
		p.spaces()
		var v *node
		if p.atLineEnd() {
			p.endLine()
			next := p.content()
			switch {
			case next > ind:
				v = p.block(next)
			case next == ind && p.data[p.i+ind] == '-':
				p.i += ind
				if !p.seqEntry() {
					giveUp()
				}
				v = p.seq(ind)
			case next == -1:
				giveUp() // the YAML parser places a null at the end of the text oddly
			default:
				v = p.node(nullNode, nullPos, "")
			}
		} else {
			v = p.inline()
			p.endLine()
		}
		p.add(out, key, kpos, v)
		if !p.more(ind) {
			return out
		}
		if p.seqEntry() {
			giveUp()
		}
	}
}

// add appends an entry to a mapping node, giving up on a key that is
// already there; the mapping is where its first key is.
func (p *fastParser) add(n *node, key string, kpos spot, v *node) {
	for _, e := range n.keys {
		if e.key == key {
			giveUp()
		}
	}
	if len(n.keys) == 0 {
		n.pos = kpos
		if len(p.keys)+4 > cap(p.keys) {
			p.keys = make([]*entry, 0, slab)
		}
		n.keys = p.keys[len(p.keys) : len(p.keys) : len(p.keys)+4]
		p.keys = p.keys[:len(p.keys)+4]
	}
	if len(p.entries) == cap(p.entries) {
		p.entries = make([]entry, 0, slab)
	}
	p.entries = append(p.entries, entry{key: key, keyPos: kpos, val: v})
	n.keys = append(n.keys, &p.entries[len(p.entries)-1])
}

// slab is how many nodes, entries or pointers fastParser allocates at
// once: a data file has millions of small ones.
const slab = 1024

// node makes a node.
func (p *fastParser) node(kind nodeKind, at spot, str string) *node {
	if len(p.nodes) == cap(p.nodes) {
		p.nodes = make([]node, 0, slab)
	}
	p.nodes = append(p.nodes, node{kind: kind, pos: at, str: str})
	return &p.nodes[len(p.nodes)-1]
}

// appendItem appends an item to a list node.
func (p *fastParser) appendItem(n, item *node) {
	if n.items == nil {
		if len(p.items)+4 > cap(p.items) {
			p.items = make([]*node, 0, slab)
		}
		n.items = p.items[len(p.items) : len(p.items) : len(p.items)+4]
		p.items = p.items[:len(p.items)+4]
	}
	n.items = append(n.items, item)
}

// plain returns the text from start to p.i, without the spaces at its end.
func (p *fastParser) plain(start int) string {
	end := p.i
	for end > start && p.data[end-1] == ' ' {
		end--
	}
	return p.text[start:end]
}

// startsKey reports whether the rest of the line is a mapping entry: a
// plain key followed by ": " or a colon at the line's end. A quoted key
// counts too.
func (p *fastParser) startsKey() bool {
	j := p.i
	if c := p.at(0); c == '{' || c == '[' {
		return false
	} else if c == '"' || c == '\'' {
		// Past the closing quote, on this line.
		for j++; j < len(p.data) && p.data[j] != c && p.data[j] != '\n'; j++ {
			if c == '"' && p.data[j] == '\\' {
				j++
			}
		}
		j++
		return j < len(p.data) && p.data[j] == ':' && (j+1 == len(p.data) || p.data[j+1] == ' ' || p.data[j+1] == '\n')
	}
	for ; j < len(p.data) && p.data[j] != '\n'; j++ {
		if p.data[j] == ':' && (j+1 == len(p.data) || p.data[j+1] == ' ' || p.data[j+1] == '\n') {
			return true
		}
		if p.data[j] == '#' && j > p.i && p.data[j-1] == ' ' {
			return false
		}
	}
	return false
}

// key reads a mapping key and its colon: in a block mapping the colon is
// followed by a space or the line's end; in a flow mapping by a space.
func (p *fastParser) key(flow bool) string {
	var k string
	switch p.at(0) {
	case '"':
		k = p.doubleQuoted()
	case '\'':
		k = p.singleQuoted()
	default:
		start := p.i
		for p.i < len(p.data) && p.data[p.i] != ':' && p.data[p.i] != '\n' {
			p.i++
		}
		k = p.plain(start)
		if !plainWord(k, flow) || isNullWord(k) {
			giveUp()
		}
	}
	if p.at(0) != ':' {
		giveUp()
	}
	p.i++
	if c := p.at(0); c != ' ' && (flow || c != '\n' && p.i < len(p.data)) {
		giveUp()
	}
	return k
}

// inline reads a value on the rest of the line: a flow collection, a
// quoted scalar or a plain one.
func (p *fastParser) inline() *node {
	switch p.at(0) {
	case '{', '[':
		return p.flow()
	case '"':
		at := p.pos()
		return p.node(scalarNode, at, p.doubleQuoted())
	case '\'':
		at := p.pos()
		return p.node(scalarNode, at, p.singleQuoted())
	}
	at := p.pos()
	start := p.i
	for p.i < len(p.data) && p.data[p.i] != '\n' && !(p.data[p.i] == '#' && p.data[p.i-1] == ' ') {
		p.i++
	}
	s := p.plain(start)
	if !plainWord(s, false) || len(s) < p.i-start && p.at(0) != '#' {
		giveUp() // the YAML parser misplaces a plain scalar with spaces after it
	}
	return p.scalar(s, at)
}

// scalar makes the node of a plain scalar: null for the words that mean
// null.
func (p *fastParser) scalar(s string, at spot) *node {
	if isNullWord(s) {
		return p.node(nullNode, at, "")
	}
	return p.node(scalarNode, at, s)
}

func isNullWord(s string) bool {
	return s == "~" || s == "null" || s == "Null" || s == "NULL"
}

// plainWord reports whether s, a plain scalar as read, is one that the
// YAML parser reads as fastYAML does: it does not start with an
// indicator, and holds no ": ", " #" nor brackets; in a flow collection
// (flow true) no colon, comma or hash at all.
func plainWord(s string, flow bool) bool {
	if s == "" || s == "<<" {
		return false
	}
	switch s[0] {
	case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ' ':
		if s[0] != '-' || len(s) == 1 || s[1] == ' ' {
			return false
		}
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[', ']', '{', '}':
			return false
		case ':':
			if flow || i+1 == len(s) || s[i+1] == ' ' {
				return false
			}
		case '#':
			if flow || s[i-1] == ' ' {
				return false
			}
		case ',':
			if flow {
				return false
			}
		}
	}
	return true
}

// flow reads a flow mapping or list that ends on its line.
func (p *fastParser) flow() *node {
	at := p.pos()
	if p.at(0) == '[' {
		out := p.node(listNode, at, "")
		p.i++
		p.spaces()
		if p.at(0) == ']' {
			p.i++
			return out
		}
		for {
			p.appendItem(out, p.flowValue())
			if p.flowNext(']') {
				return out
			}
		}
	}
	out := p.node(mapNode, at, "")
	p.i++
	p.spaces()
	if p.at(0) == '}' {
		p.i++
		return out
	}
	for {
		kpos := p.pos()
		key := p.key(true)
		p.spaces()
		p.add(out, key, kpos, p.flowValue())
		if p.flowNext('}') {
			return out
		}
	}
}

// flowNext reads what follows an entry of a flow collection: a comma and
// the next entry (false), or the closing bracket (true).
func (p *fastParser) flowNext(end byte) bool {
	p.spaces()
	switch p.at(0) {
	case end:
		p.i++
		return true
	case ',':
		p.i++
		p.spaces()
		if c := p.at(0); c == end || c == ',' {
			giveUp() // a trailing or doubled comma
		}
		return false
	}
	giveUp()
	return false
}

// flowValue reads a value in a flow collection.
func (p *fastParser) flowValue() *node {
	switch p.at(0) {
	case '{', '[', '"', '\'':
		return p.inline()
	}
	at := p.pos()
	start := p.i
	for p.i < len(p.data) {
		c := p.data[p.i]
		if c == '\n' || c == ',' || c == ']' || c == '}' || c == ':' || c == '#' {
			break
		}
		p.i++
	}
	s := p.plain(start)
	if !plainWord(s, true) {
		giveUp()
	}
	return p.scalar(s, at)
}

// singleQuoted reads a single-quoted scalar that ends on its line.
func (p *fastParser) singleQuoted() string {
	p.i++
	var b []byte
	start := p.i
	for {
		if p.i >= len(p.data) || p.data[p.i] == '\n' {
			giveUp()
		}
		if p.data[p.i] == '\'' {
			if p.at(1) != '\'' {
				break
			}
			b = append(b, p.data[start:p.i+1]...)
			p.i += 2
			start = p.i
			continue
		}
		p.i++
	}
	s := string(append(b, p.data[start:p.i]...))
	p.i++
	return s
}

// doubleQuoted reads a double-quoted scalar that ends on its line, with
// the common escapes.
func (p *fastParser) doubleQuoted() string {
	p.i++
	start := p.i
	for p.i < len(p.data) && p.data[p.i] != '"' && p.data[p.i] != '\\' && p.data[p.i] != '\n' {
		p.i++
	}
	if p.at(0) == '"' { // no escapes: the common case
		s := p.text[start:p.i]
		p.i++
		return s
	}
	b := append([]byte(nil), p.data[start:p.i]...)
	for {
		if p.i >= len(p.data) || p.data[p.i] == '\n' {
			giveUp()
		}
		c := p.data[p.i]
		if c == '"' {
			p.i++
			return string(b)
		}
		if c != '\\' {
			b = append(b, c)
			p.i++
			continue
		}
		e := p.at(1)
		p.i += 2
		switch e {
		case '\\', '"', '/':
			b = append(b, e)
		case 'n':
			b = append(b, '\n')
		case 't':
			b = append(b, '\t')
		case 'r':
			b = append(b, '\r')
		case '0':
			b = append(b, 0)
		case 'a':
			b = append(b, 7)
		case 'b':
			b = append(b, 8)
		case 'e':
			b = append(b, 0x1b)
		case 'f':
			b = append(b, 0xc)
		case 'v':
			b = append(b, 0xb)
		case 'x', 'u', 'U':
			n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
			if p.i+n > len(p.data) {
				giveUp()
			}
			r, err := strconv.ParseUint(string(p.data[p.i:p.i+n]), 16, 32)
			if err != nil || e == 'x' && r >= 0x80 || r >= 0xd800 && r < 0xe000 || r > utf8.MaxRune {
				giveUp()
			}
			b = utf8.AppendRune(b, rune(r))
			p.i += n
		default:
			giveUp()
		}
	}
}
