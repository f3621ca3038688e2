package engine

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// Graphviz 12 as go-graphviz builds it corrupts its WebAssembly memory
// when it writes xdot for maps whose DOT holds non-ASCII text: after a few
// such layouts in one process, layouts fail ("out of bounds memory
// access", "failed to read wasm memory") or give broken output, and so
// does every layout after them, as the module cannot be started afresh.
// The same maps with their non-ASCII characters written as character
// references (&#20998;), which Graphviz reads as the same text, lay out
// cleanly. So the engine hands Graphviz ASCII only (asciiDOT) and turns
// the references that come back into characters again (charsOf): in SVG
// as a whole, and in xdot string by string as its reader takes them out
// (xdot counts each string's bytes as Graphviz wrote them).

// asciiDOT returns dot with every non-ASCII character of the Basic
// Multilingual Plane written as a decimal character reference.
func asciiDOT(dot []byte) []byte {
	i := 0
	for i < len(dot) && dot[i] < utf8.RuneSelf {
		i++
	}
	if i == len(dot) {
		return dot
	}
	out := make([]byte, 0, len(dot)+len(dot)/2)
	out = append(out, dot[:i]...)
	for i < len(dot) {
		if dot[i] < utf8.RuneSelf {
			out = append(out, dot[i])
			i++
			continue
		}
		r, n := utf8.DecodeRune(dot[i:])
		if r == utf8.RuneError && n == 1 || r > 0xffff {
			// Not UTF-8, or beyond the Basic Multilingual Plane, whose
			// references Graphviz reads wrongly: as it is.
			out = append(out, dot[i:i+n]...)
			i += n
			continue
		}
		out = append(out, "&#"...)
		out = strconv.AppendInt(out, int64(r), 10)
		out = append(out, ';')
		i += n
	}
	return out
}

// charsOf returns out with the decimal character references of non-ASCII
// characters written as the characters (UTF-8); references to ASCII,
// which Graphviz writes itself (&#45; in comments), stay.
func charsOf(out []byte) []byte {
	i := bytes.Index(out, []byte("&#"))
	if i < 0 {
		return out
	}
	res := make([]byte, 0, len(out))
	for i >= 0 {
		res = append(res, out[:i]...)
		out = out[i:]
		j := 2
		for j < len(out) && j < 10 && out[j] >= '0' && out[j] <= '9' {
			j++
		}
		if j > 2 && j < len(out) && out[j] == ';' {
			if r, err := strconv.Atoi(string(out[2:j])); err == nil && r >= utf8.RuneSelf && utf8.ValidRune(rune(r)) {
				res = utf8.AppendRune(res, rune(r))
				out = out[j+1:]
				i = bytes.Index(out, []byte("&#"))
				continue
			}
		}
		res = append(res, out[:2]...)
		out = out[2:]
		i = bytes.Index(out, []byte("&#"))
	}
	return append(res, out...)
}
