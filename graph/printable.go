package graph

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Printable returns s with every character that a terminal would act on,
// rather than show, written as a Go escape: control characters other than
// tab and line feed (ESC starts the ANSI and OSC sequences that recolour
// a terminal, retitle it or hide text), C1 controls, bidi controls, which
// reorder what follows, and bytes that are not UTF-8. Text from data
// passes through it on its way to a terminal.
func Printable(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || printableRune(r) != string(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			fmt.Fprintf(&b, `\x%02x`, s[i])
		} else {
			b.WriteString(printableRune(r))
		}
		i += n
	}
	return b.String()
}

// printableRune returns r, or its escape if a terminal would act on it.
func printableRune(r rune) string {
	switch {
	case r == '\t' || r == '\n':
		return string(r)
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
		return fmt.Sprintf(`\x%02x`, r)
	case isBidiControl(r):
		return fmt.Sprintf(`\u%04x`, r)
	}
	return string(r)
}

// isBidiControl reports whether r is one of the invisible characters that
// change the direction of the text around it.
func isBidiControl(r rune) bool {
	return r == 0x061c || r == 0x200e || r == 0x200f || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}
