package edgekey

import (
	"strings"
	"unicode"
)

// Limit is the most edges a map numbers when the choice is left to it:
// past it, the key grows larger than the map it explains, and colour and
// the legend serve better.
const Limit = 16

// Width is how wide a line of the key may be, in points: about 85
// characters of Latin text at the legend's size.
const Width = 400.0

// Serves says whether a map whose edge labels collide reads better with
// a numbered key than with colour and the legend alone: it draws at least
// one edge and at most Limit, and at least one of them has a reason, which
// only the key can tell (the legend tells a relation's type, not why it
// holds).
func Serves(edges, reasons int) bool {
	return edges > 0 && edges <= Limit && reasons > 0
}

// Cut returns s if it is at most maxW wide as width measures it, else as
// much of its start as fits with "…" after it: cut at a space when one is
// near the end, anywhere in text without spaces (Chinese).
func Cut(s string, maxW float64, width func(string) float64) string {
	if width(s) <= maxW {
		return s
	}
	r := []rune(s)
	n := len(r)
	for n > 0 && width(string(r[:n])+"…") > maxW {
		n--
	}
	if n == 0 {
		return "…"
	}
	// Back to a space, unless that throws away more than a third.
	for i := n; i > n*2/3; i-- {
		if unicode.IsSpace(r[i]) {
			n = i
			break
		}
	}
	return strings.TrimRightFunc(string(r[:n]), func(c rune) bool {
		return unicode.IsSpace(c) || unicode.IsPunct(c)
	}) + "…"
}
