package readcheck

import (
	"bytes"
	"encoding/xml"
	"errors"
	"html"
	"io"
)

// scanner reads the markup of an SVG as Graphviz and render write it,
// token by token, as encoding/xml's Decoder does for what parse needs
// (start and end elements, with self-closing ones as both, and
// character data; comments, declarations and processing instructions
// skipped), several times faster: a map's SVG is read once for every
// candidate layout. Entities are decoded as HTML's, which XML's are a
// subset of.
type scanner struct {
	b []byte
	i int
	// What next read: the start tag (its Attr reused by the next one),
	// the text, or the name of the element that ends.
	se   xml.StartElement
	text []byte
	name string
	// selfClosed says that the element just started ends at once: next
	// returns its end.
	selfClosed bool
	// attrs, if not nil, names the only attributes to return: parse
	// reads a few, and copying the others (tooltips, fonts, colours)
	// would be most of the work.
	attrs map[string]string
}

// parsed are the attributes that parse reads.
var parsed = names("transform", "width", "height", "viewBox", "class", "id", "x", "y",
	"font-size", "text-anchor", "d", "points", "cx", "cy", "rx", "ry")

// names maps each name to itself.
func names(ns ...string) map[string]string {
	m := make(map[string]string, len(ns))
	for _, n := range ns {
		m[n] = n
	}
	return m
}

var errEOFInTag = errors.New("unexpected EOF in a tag")

// A tokKind is what next read.
type tokKind int

const (
	startTok tokKind = iota
	textTok
	endTok
)

// Token returns the next token as encoding/xml's Decoder would.
func (s *scanner) Token() (xml.Token, error) {
	k, err := s.next()
	if err != nil {
		return nil, err
	}
	switch k {
	case startTok:
		se := s.se
		se.Attr = append([]xml.Attr(nil), se.Attr...)
		if len(se.Attr) == 0 {
			se.Attr = nil
		}
		return se, nil
	case textTok:
		return xml.CharData(bytes.Clone(s.text)), nil
	}
	return xml.EndElement{Name: xml.Name{Local: s.name}}, nil
}

// next reads the next token, which it leaves in s: a start tag (s.se), a
// text (s.text) or an end tag (s.name), or io.EOF.
func (s *scanner) next() (tokKind, error) {
	if s.selfClosed {
		s.selfClosed = false
		s.name = s.se.Name.Local
		return endTok, nil
	}
	for {
		if s.i >= len(s.b) {
			return 0, io.EOF
		}
		if s.b[s.i] != '<' {
			j := bytes.IndexByte(s.b[s.i:], '<')
			if j < 0 {
				j = len(s.b) - s.i
			}
			s.text = unescape(s.b[s.i : s.i+j])
			s.i += j
			return textTok, nil
		}
		rest := s.b[s.i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			j := bytes.Index(rest, []byte("-->"))
			if j < 0 {
				return 0, errors.New("unexpected EOF in a comment")
			}
			s.i += j + 3
			continue
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			j := bytes.Index(rest, []byte("]]>"))
			if j < 0 {
				return 0, errors.New("unexpected EOF in CDATA")
			}
			s.i += j + 3
			s.text = rest[9:j]
			return textTok, nil
		case bytes.HasPrefix(rest, []byte("<?")), bytes.HasPrefix(rest, []byte("<!")):
			j := bytes.IndexByte(rest, '>')
			if j < 0 {
				return 0, errEOFInTag
			}
			s.i += j + 1
			continue
		case bytes.HasPrefix(rest, []byte("</")):
			j := bytes.IndexByte(rest, '>')
			if j < 0 {
				return 0, errEOFInTag
			}
			s.i += j + 1
			s.name = elementName(bytes.TrimSpace(rest[2:j]))
			return endTok, nil
		}
		return startTok, s.start()
	}
}

// start reads a start tag at s.i.
func (s *scanner) start() error {
	i := s.i + 1
	n := i
	for n < len(s.b) && !isSpace(s.b[n]) && s.b[n] != '>' && s.b[n] != '/' {
		n++
	}
	if n >= len(s.b) {
		return errEOFInTag
	}
	se := &s.se
	se.Name.Local, se.Attr = elementName(s.b[i:n]), se.Attr[:0]
	i = n
	for {
		for i < len(s.b) && isSpace(s.b[i]) {
			i++
		}
		if i >= len(s.b) {
			return errEOFInTag
		}
		switch s.b[i] {
		case '>':
			s.i = i + 1
			return nil
		case '/':
			if i+1 < len(s.b) && s.b[i+1] == '>' {
				s.i = i + 2
				s.selfClosed = true
				return nil
			}
			return errors.New("'/' in a tag, not before '>'")
		}
		k := i
		for k < len(s.b) && s.b[k] != '=' && s.b[k] != '>' && !isSpace(s.b[k]) {
			k++
		}
		raw := s.b[i:k]
		if c := bytes.LastIndexByte(raw, ':'); c >= 0 {
			raw = raw[c+1:]
		}
		name, keep := string(raw), true
		if s.attrs != nil {
			name, keep = s.attrs[string(raw)]
		}
		for k < len(s.b) && isSpace(s.b[k]) {
			k++
		}
		if k >= len(s.b) || s.b[k] != '=' {
			// An attribute without a value.
			if keep {
				se.Attr = append(se.Attr, xml.Attr{Name: xml.Name{Local: name}, Value: name})
			}
			i = k
			continue
		}
		k++
		for k < len(s.b) && isSpace(s.b[k]) {
			k++
		}
		if k >= len(s.b) || (s.b[k] != '"' && s.b[k] != '\'') {
			return errors.New("unquoted attribute value")
		}
		q := s.b[k]
		e := bytes.IndexByte(s.b[k+1:], q)
		if e < 0 {
			return errEOFInTag
		}
		if keep {
			se.Attr = append(se.Attr, xml.Attr{Name: xml.Name{Local: name}, Value: string(unescape(s.b[k+1 : k+1+e]))})
		}
		i = k + 1 + e + 1
	}
}

// elements are the names of the elements that Graphviz writes.
var elements = names("svg", "g", "title", "text", "path", "polygon", "polyline", "ellipse", "rect", "a", "image", "defs")

// elementName returns an element's name without its namespace prefix
// (svg:g is g).
func elementName(b []byte) string {
	if c := bytes.LastIndexByte(b, ':'); c >= 0 {
		b = b[c+1:]
	}
	if n, ok := elements[string(b)]; ok {
		return n
	}
	return string(b)
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// unescape decodes character and entity references, if there are any.
func unescape(b []byte) []byte {
	if bytes.IndexByte(b, '&') < 0 {
		return b
	}
	return []byte(html.UnescapeString(string(b)))
}
