package graph

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
)

// readJSON parses a JSON document, as written by 'conceptmap export
// --format json', into rs.
func (rs *records) readJSON(name string, data []byte) {
	data = bytes.TrimPrefix(data, utf8BOM) // an editor's byte-order mark
	rs.addFile(name, data)
	p := newJSONTree(name, data)
	n, err := p.value(0)
	if err == nil {
		if _, extra := p.dec.Token(); extra != io.EOF {
			err = &jsonError{off: p.skip(p.dec.InputOffset()), msg: "unexpected data after the end of the document"}
		}
	}
	if err != nil {
		off, msg := p.dec.InputOffset(), err.Error()
		var se *json.SyntaxError
		var je *jsonError
		switch {
		case errors.As(err, &je):
			off, msg = je.off, je.msg
		case errors.As(err, &se):
			off = se.Offset - 1
		case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
			off, msg = int64(len(data)), "the document ends too early; a bracket or brace is not closed"
		}
		rs.errorf(p.pos(off), "JSON syntax error: %s", msg)
		return
	}
	reader{rs, name}.top(n, jsonSchema)
}

type jsonError struct {
	off int64
	msg string
}

func (e *jsonError) Error() string { return e.msg }

// jsonTree turns JSON tokens into a node tree, keeping the position of
// each value.
type jsonTree struct {
	file string
	data []byte
	dec  *json.Decoder
	ps   *positions
}

func newJSONTree(name string, data []byte) *jsonTree {
	p := &jsonTree{file: name, data: data, dec: json.NewDecoder(bytes.NewReader(data))}
	p.dec.UseNumber()
	p.ps = newPositions(name, data)
	return p
}

// maxDepth bounds nesting, so a hostile file cannot exhaust the stack.
const maxDepth = 200

// skip returns the offset of the next token at or after off: the decoder
// reports where the previous token ended, before blanks and separators.
func (p *jsonTree) skip(off int64) int64 {
	for off < int64(len(p.data)) {
		switch p.data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
		default:
			return off
		}
	}
	return off
}

func (p *jsonTree) pos(off int64) Pos { return p.ps.pos(off) }

func (p *jsonTree) value(depth int) (*node, error) {
	if depth > maxDepth {
		return nil, &jsonError{off: p.skip(p.dec.InputOffset()), msg: "values are nested too deeply"}
	}
	start := p.skip(p.dec.InputOffset())
	tok, err := p.dec.Token()
	if err != nil {
		return nil, err
	}
	at := spotOf(p.pos(start))
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n := &node{kind: mapNode, pos: at}
			seen := map[string]bool{}
			for p.dec.More() {
				kstart := p.skip(p.dec.InputOffset())
				kt, err := p.dec.Token()
				if err != nil {
					return nil, err
				}
				kpos := spotOf(p.pos(kstart)) // before the value: positions are found in order
				key, _ := kt.(string)
				if seen[key] {
					return nil, &jsonError{off: kstart, msg: sprintf("duplicate key %q", key)}
				}
				seen[key] = true
				v, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.keys = append(n.keys, &entry{key: key, keyPos: kpos, val: v})
			}
			_, err := p.dec.Token() // '}'
			return n, err
		case '[':
			n := &node{kind: listNode, pos: at}
			for p.dec.More() {
				v, err := p.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.items = append(n.items, v)
			}
			_, err := p.dec.Token() // ']'
			return n, err
		}
		return nil, &jsonError{off: start, msg: sprintf("unexpected %q", t)}
	case string:
		return &node{kind: scalarNode, pos: at, str: t}, nil
	case json.Number:
		return &node{kind: scalarNode, pos: at, str: t.String()}, nil
	case bool:
		s := "false"
		if t {
			s = "true"
		}
		return &node{kind: scalarNode, pos: at, str: s}, nil
	case nil:
		return &node{kind: nullNode, pos: at}, nil
	}
	return nil, &jsonError{off: start, msg: "unexpected token"}
}
