package engine

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Graphviz's xdot output is DOT source in which every cluster, node and
// edge carries its drawing as attributes: _draw_ (its shape), _ldraw_
// (its label), _hdraw_ and _tdraw_ (arrowheads), _hldraw_ and _tldraw_
// (head and tail labels). This file reads that source and those
// drawings. (Graphviz's JSON output holds the same drawings, but it
// garbles texts that hold backslashes.)

// An Op is one xdot drawing operation. Which fields are set depends on Op.
type Op struct {
	Op     byte         // E e P p L B b T F c C S t I
	Points [][2]float64 // P p L B b
	Rect   [4]float64   // E e: centre x, y and radii; I: x, y, w, h
	Pt     [2]float64   // T: the start of the baseline
	Align  int          // T: -1 left, 0 centre, 1 right of Pt
	Width  float64      // T: as Graphviz estimates it
	Size   float64      // F
	Str    string       // T text, F font, c C colour, S style, I image
	Flags  int          // t
}

// parseXDot reads an xdot drawing attribute.
func parseXDot(s string) ([]Op, error) {
	p := &xdotParser{s: s}
	var ops []Op
	for {
		p.space()
		if p.i >= len(p.s) {
			return ops, nil
		}
		op := Op{Op: p.s[p.i]}
		p.i++
		switch op.Op {
		case 'E', 'e':
			for k := range op.Rect {
				op.Rect[k] = p.num()
			}
		case 'P', 'p', 'L', 'B', 'b':
			n := p.int()
			if n < 0 || n > len(p.s) {
				return nil, fmt.Errorf("bad point count %d", n)
			}
			op.Points = make([][2]float64, n)
			for k := range op.Points {
				op.Points[k] = [2]float64{p.num(), p.num()}
			}
		case 'T':
			op.Pt = [2]float64{p.num(), p.num()}
			op.Align = p.int()
			op.Width = p.num()
			op.Str = p.str()
		case 'F':
			op.Size = p.num()
			op.Str = p.str()
		case 'c', 'C', 'S':
			op.Str = p.str()
		case 't':
			op.Flags = p.int()
		case 'I':
			for k := range op.Rect {
				op.Rect[k] = p.num()
			}
			op.Str = p.str()
		default:
			return nil, fmt.Errorf("unknown operation %q at byte %d", op.Op, p.i-1)
		}
		if p.err != nil {
			return nil, p.err
		}
		ops = append(ops, op)
	}
}

type xdotParser struct {
	s   string
	i   int
	err error
}

func (p *xdotParser) space() {
	for p.i < len(p.s) && strings.IndexByte(" \t\n\r", p.s[p.i]) >= 0 {
		p.i++
	}
}

func (p *xdotParser) word() string {
	p.space()
	j := p.i
	for p.i < len(p.s) && strings.IndexByte(" \t\n\r", p.s[p.i]) < 0 {
		p.i++
	}
	return p.s[j:p.i]
}

func (p *xdotParser) num() float64 {
	w := p.word()
	x, err := strconv.ParseFloat(w, 64)
	if err != nil && p.err == nil {
		p.err = fmt.Errorf("bad number %q at byte %d", w, p.i-len(w))
	}
	return x
}

func (p *xdotParser) int() int {
	w := p.word()
	x, err := strconv.Atoi(w)
	if err != nil && p.err == nil {
		p.err = fmt.Errorf("bad integer %q at byte %d", w, p.i-len(w))
	}
	return x
}

// str reads "n -text": n bytes of text, in which a backslash escapes the
// byte after it.
func (p *xdotParser) str() string {
	n := p.int()
	if p.err != nil {
		return ""
	}
	p.space()
	if p.i >= len(p.s) || p.s[p.i] != '-' {
		p.err = fmt.Errorf("no string at byte %d", p.i)
		return ""
	}
	p.i++
	var b strings.Builder
	for b.Len() < n {
		if p.i >= len(p.s) {
			p.err = errors.New("string runs past the end")
			return ""
		}
		if p.s[p.i] == '\\' && p.i+1 < len(p.s) {
			p.i++
		}
		b.WriteByte(p.s[p.i])
		p.i++
	}
	return string(charsOf([]byte(b.String())))
}

// A dotStmt is one statement of Graphviz's output that carries
// attributes: graph attributes (of the graph or of a subgraph), a node or
// an edge.
type dotStmt struct {
	kind  string // "graph", "node" or "edge"
	sub   string // the subgraph it is in, "" for the root graph
	name  string // of the node, or tail -> head of the edge
	attrs map[string]string
}

// parseDOTOutput reads the DOT that Graphviz writes: a graph of
// subgraphs, nodes and edges with attribute lists. It is not a parser for
// all of DOT, only for what Graphviz writes.
func parseDOTOutput(src string) ([]dotStmt, error) {
	toks, err := dotTokens(src)
	if err != nil {
		return nil, err
	}
	p := &dotParser{toks: toks}
	for p.peek() == "strict" || p.peek() == "digraph" || p.peek() == "graph" {
		p.next()
	}
	if p.peek() != "{" {
		p.next() // the graph's name
	}
	if err := p.expect("{"); err != nil {
		return nil, err
	}
	if err := p.body(""); err != nil {
		return nil, err
	}
	return p.out, nil
}

type dotToken struct {
	s      string
	quoted bool // a string or HTML string: never punctuation
}

type dotParser struct {
	toks []dotToken
	i    int
	out  []dotStmt
}

func (p *dotParser) peek() string {
	if p.i < len(p.toks) && !p.toks[p.i].quoted {
		return p.toks[p.i].s
	}
	if p.i < len(p.toks) {
		return "\x00" // a quoted token: never a keyword
	}
	return ""
}

func (p *dotParser) next() string {
	if p.i >= len(p.toks) {
		return ""
	}
	p.i++
	return p.toks[p.i-1].s
}

func (p *dotParser) expect(s string) error {
	if p.peek() != s {
		return fmt.Errorf("expected %q at token %d", s, p.i)
	}
	p.i++
	return nil
}

// body reads statements up to the closing brace.
func (p *dotParser) body(sub string) error {
	for {
		switch p.peek() {
		case "":
			return errors.New("unexpected end")
		case "}":
			p.i++
			return nil
		case ";", ",":
			p.i++
		case "graph", "node", "edge":
			kind := p.next()
			attrs, err := p.attrs()
			if err != nil {
				return err
			}
			if kind == "graph" {
				p.out = append(p.out, dotStmt{kind: "graph", sub: sub, attrs: attrs})
			}
		case "subgraph", "{":
			name := ""
			if p.peek() == "subgraph" {
				p.i++
				if p.peek() != "{" {
					name = p.next()
				}
			}
			if err := p.expect("{"); err != nil {
				return err
			}
			if err := p.body(name); err != nil {
				return err
			}
		default:
			id := p.id()
			switch p.peek() {
			case "=":
				p.i++
				v := p.next()
				p.out = append(p.out, dotStmt{kind: "graph", sub: sub, attrs: map[string]string{id: v}})
			case "->", "--":
				name := id
				for p.peek() == "->" || p.peek() == "--" {
					name += " " + p.next() + " "
					name += p.id()
				}
				attrs, err := p.attrs()
				if err != nil {
					return err
				}
				p.out = append(p.out, dotStmt{kind: "edge", sub: sub, name: name, attrs: attrs})
			default:
				attrs, err := p.attrs()
				if err != nil {
					return err
				}
				p.out = append(p.out, dotStmt{kind: "node", sub: sub, name: id, attrs: attrs})
			}
		}
	}
}

// id reads a node id with its port, if any.
func (p *dotParser) id() string {
	id := p.next()
	for p.peek() == ":" {
		p.i++
		id += ":" + p.next()
	}
	return id
}

// attrs reads any attribute lists: [k=v, …][…].
func (p *dotParser) attrs() (map[string]string, error) {
	m := map[string]string{}
	for p.peek() == "[" {
		p.i++
		for p.peek() != "]" {
			switch p.peek() {
			case "":
				return nil, errors.New("unclosed attribute list")
			case ",", ";":
				p.i++
				continue
			}
			k := p.next()
			if p.peek() == "=" {
				p.i++
				m[k] = string(charsOf([]byte(p.next())))
			} else {
				m[k] = "true"
			}
		}
		p.i++
	}
	return m, nil
}

// dotTokens splits DOT source into identifiers, numbers, strings (their
// value, as Graphviz reads them), HTML strings and punctuation.
func dotTokens(s string) ([]dotToken, error) {
	var toks []dotToken
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '"':
			var b strings.Builder
			i++
			for {
				if i >= len(s) {
					return nil, errors.New("unclosed string")
				}
				if s[i] == '"' {
					i++
					break
				}
				// Graphviz reads \" as a quote and a backslash before a
				// line break as nothing; other backslashes stay.
				if s[i] == '\\' && i+1 < len(s) {
					switch {
					case s[i+1] == '"':
						b.WriteByte('"')
						i += 2
						continue
					case s[i+1] == '\n':
						i += 2
						continue
					case s[i+1] == '\r' && i+2 < len(s) && s[i+2] == '\n':
						i += 3
						continue
					}
				}
				b.WriteByte(s[i])
				i++
			}
			toks = append(toks, dotToken{b.String(), true})
		case c == '<':
			depth, j := 0, i
			for ; j < len(s); j++ {
				if s[j] == '<' {
					depth++
				} else if s[j] == '>' {
					depth--
					if depth == 0 {
						break
					}
				}
			}
			if j >= len(s) {
				return nil, errors.New("unclosed HTML string")
			}
			toks = append(toks, dotToken{s[i+1 : j], true})
			i = j + 1
		case c == '-' && i+1 < len(s) && (s[i+1] == '>' || s[i+1] == '-'):
			toks = append(toks, dotToken{s[i : i+2], false})
			i += 2
		case strings.IndexByte("{}[]=;,:", c) >= 0:
			toks = append(toks, dotToken{string(c), false})
			i++
		default:
			j := i
			for j < len(s) && strings.IndexByte(" \t\n\r\"<{}[]=;,:", s[j]) < 0 && !(s[j] == '-' && j+1 < len(s) && (s[j+1] == '>' || s[j+1] == '-')) {
				j++
			}
			if j == i {
				return nil, fmt.Errorf("unexpected %q", c)
			}
			toks = append(toks, dotToken{s[i:j], false})
			i = j
		}
	}
	return toks, nil
}
