package graph

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

func contains(list []string, s string) bool { return slices.Contains(list, s) }

// fold is the form in which names are compared: trimmed and lower case.
func fold(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// distance is the edit distance between a and b, in runes: insertions,
// deletions, substitutions and swaps of two neighbours ("paln" is one
// from "plan") each count one.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	// Three rows: two back, one back, and the one being filled.
	pp := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], pp[j-2]+1)
			}
		}
		pp, prev, cur = prev, cur, pp
	}
	return prev[len(rb)]
}

// closeEnough says whether a word at distance d from a query of n runes is
// a plausible misspelling of it. Words of one or two runes have none.
func closeEnough(d, n int) bool {
	if n < 3 {
		return d == 0
	}
	return d <= max(1, min(3, n/3))
}

// Nearest returns the candidate closest to s, ignoring case, if it is
// close enough to be a likely typo of it, or "": for "did you mean"
// messages.
func Nearest(s string, candidates []string) string { return nearest(s, candidates) }

// Plural gives a count with its noun: "1 concept", "2 concepts", "3
// categories": for messages.
func Plural(n int, word string) string {
	switch {
	case n == 1:
		return "1 " + word
	case strings.HasSuffix(word, "y"):
		return strconv.Itoa(n) + " " + strings.TrimSuffix(word, "y") + "ies"
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// nearest returns the candidate closest to s, if it is close enough to be
// a likely typo, or "".
func nearest(s string, candidates []string) string {
	best, bestD := "", -1
	fs := fold(s)
	n := utf8.RuneCountInString(fs)
	for _, c := range candidates {
		fc := fold(c)
		if m := utf8.RuneCountInString(fc); m > n+3 || m < n-3 {
			continue // too far apart in length to be close enough (at most 3 edits)
		}
		d := distance(fs, fc)
		if bestD < 0 || d < bestD || (d == bestD && c < best) {
			best, bestD = c, d
		}
	}
	if best == "" || !closeEnough(bestD, n) {
		return ""
	}
	return best
}
