package view

import (
	"strings"
	"unicode/utf8"

	"github.com/conceptmap/conceptmap/graph"
)

// TextLines returns t in lang as lines to draw: with graph.Both, the
// English lines, then the Chinese ones when they differ.
func TextLines(t graph.Text, lang graph.Lang) []string {
	if lang == graph.Both && t.En != "" && t.Zh != "" && t.En != t.Zh {
		return append(Lines(t.En), Lines(t.Zh)...)
	}
	return Lines(t.In(lang))
}

// Lines splits text into the lines it is drawn as.
func Lines(s string) []string {
	return strings.Split(Clean(s), "\n")
}

// Clean makes s fit for XML, which the SVG is: line breaks become \n, a
// tab becomes a space, and other control characters and invalid UTF-8
// become U+FFFD.
func Clean(s string) string {
	ok := utf8.ValidString(s)
	for i := 0; ok && i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\n' || c == 0x7f {
			ok = false
		}
	}
	if ok {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t':
			return ' '
		case r == '\r':
			return '\n'
		case r < 0x20 || r == 0x7f || r == utf8.RuneError:
			return utf8.RuneError
		}
		return r
	}, strings.ToValidUTF8(s, string(utf8.RuneError)))
}
