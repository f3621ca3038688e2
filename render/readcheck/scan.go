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
	b   []byte
	i   int
	end *xml.EndElement // of a self-closing element, returned next
}

var errEOFInTag = errors.New("unexpected EOF in a tag")

func (s *scanner) Token() (xml.Token, error) {
	if s.end != nil {
		t := *s.end
		s.end = nil
		return t, nil
	}
	for {
		if s.i >= len(s.b) {
			return nil, io.EOF
		}
		if s.b[s.i] != '<' {
			j := bytes.IndexByte(s.b[s.i:], '<')
			if j < 0 {
				j = len(s.b) - s.i
			}
			text := s.b[s.i : s.i+j]
			s.i += j
			return xml.CharData(unescape(text)), nil
		}
		rest := s.b[s.i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			j := bytes.Index(rest, []byte("-->"))
			if j < 0 {
				return nil, errors.New("unexpected EOF in a comment")
			}
			s.i += j + 3
			continue
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			j := bytes.Index(rest, []byte("]]>"))
			if j < 0 {
				return nil, errors.New("unexpected EOF in CDATA")
			}
			s.i += j + 3
			return xml.CharData(rest[9:j]), nil
		case bytes.HasPrefix(rest, []byte("<?")), bytes.HasPrefix(rest, []byte("<!")):
			j := bytes.IndexByte(rest, '>')
			if j < 0 {
				return nil, errEOFInTag
			}
			s.i += j + 1
			continue
		case bytes.HasPrefix(rest, []byte("</")):
			j := bytes.IndexByte(rest, '>')
			if j < 0 {
				return nil, errEOFInTag
			}
			s.i += j + 1
			return xml.EndElement{Name: xml.Name{Local: localName(string(bytes.TrimSpace(rest[2:j])))}}, nil
		}
		return s.start()
	}
}

// start reads a start tag at s.i.
func (s *scanner) start() (xml.Token, error) {
	i := s.i + 1
	n := i
	for n < len(s.b) && !isSpace(s.b[n]) && s.b[n] != '>' && s.b[n] != '/' {
		n++
	}
	if n >= len(s.b) {
		return nil, errEOFInTag
	}
	se := xml.StartElement{Name: xml.Name{Local: localName(string(s.b[i:n]))}}
	i = n
	for {
		for i < len(s.b) && isSpace(s.b[i]) {
			i++
		}
		if i >= len(s.b) {
			return nil, errEOFInTag
		}
		switch s.b[i] {
		case '>':
			s.i = i + 1
			return se, nil
		case '/':
			if i+1 < len(s.b) && s.b[i+1] == '>' {
				s.i = i + 2
				s.end = &xml.EndElement{Name: se.Name}
				return se, nil
			}
			return nil, errors.New("'/' in a tag, not before '>'")
		}
		k := i
		for k < len(s.b) && s.b[k] != '=' && s.b[k] != '>' && !isSpace(s.b[k]) {
			k++
		}
		name := localName(string(s.b[i:k]))
		for k < len(s.b) && isSpace(s.b[k]) {
			k++
		}
		if k >= len(s.b) || s.b[k] != '=' {
			// An attribute without a value.
			se.Attr = append(se.Attr, xml.Attr{Name: xml.Name{Local: name}, Value: name})
			i = k
			continue
		}
		k++
		for k < len(s.b) && isSpace(s.b[k]) {
			k++
		}
		if k >= len(s.b) || (s.b[k] != '"' && s.b[k] != '\'') {
			return nil, errors.New("unquoted attribute value")
		}
		q := s.b[k]
		e := bytes.IndexByte(s.b[k+1:], q)
		if e < 0 {
			return nil, errEOFInTag
		}
		se.Attr = append(se.Attr, xml.Attr{Name: xml.Name{Local: name}, Value: string(unescape(s.b[k+1 : k+1+e]))})
		i = k + 1 + e + 1
	}
}

// localName drops a name's namespace prefix (xlink:href is href).
func localName(n string) string {
	for i := len(n) - 1; i >= 0; i-- {
		if n[i] == ':' {
			return n[i+1:]
		}
	}
	return n
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// unescape decodes character and entity references, if there are any.
func unescape(b []byte) []byte {
	if bytes.IndexByte(b, '&') < 0 {
		return b
	}
	return []byte(html.UnescapeString(string(b)))
}
