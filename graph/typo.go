package graph

import (
	"hash/maphash"
	"slices"
	"unicode/utf8"
)

// Typos among the names of a load. A relations CSV makes a concept of
// every new name, so "Arithmetik" next to "Arithmetic" would quietly make
// two. likelyTypos finds the names one edit from another (an insertion, a
// deletion, a substitution or a swap of neighbours) in time linear in the
// number of names: each name is filed under a hash of itself and of each
// form with one character deleted, and two names one edit apart share
// one of those forms. Only names that share one are compared.

// Names shorter than typoMinLen are never taken for typos (too many short
// names differ by one letter on purpose); names longer than typoMaxLen are
// not looked at, to keep the cost of each name bounded.
const (
	typoMinLen = 6
	typoMaxLen = 64
	// typoRun bounds how many names sharing one form are compared.
	typoRun = 64
	// nameBits is how many low bits of a form hold the name's index.
	nameBits = 24
)

var typoSeed = maphash.MakeSeed()

// likelyTypos returns, for each name (folded, distinct) of at least
// typoMinLen characters that is one edit from a name that weighs more, or
// as much and comes earlier, the index of that other name. Names that
// differ only in digits ("GPT-2", "GPT-3") are different things.
func likelyTypos(names []string, weight []int) map[int]int {
	typos := map[int]int{}
	if len(names) >= 1<<nameBits {
		return typos
	}
	// Each form is a hash in the high bits and the name's index in the low.
	size := 0
	for _, s := range names {
		if n := len(s); n <= 4*typoMaxLen {
			size += n + 1
		}
	}
	forms := make([]uint64, 0, size)
	var h maphash.Hash
	h.SetSeed(typoSeed)
	add := func(i int) { forms = append(forms, h.Sum64()<<nameBits|uint64(i)) }
	for i, s := range names {
		n := utf8.RuneCountInString(s)
		if n < typoMinLen-1 || n > typoMaxLen {
			continue
		}
		h.Reset()
		h.WriteString(s)
		add(i)
		for b, r := range s {
			h.Reset()
			h.WriteString(s[:b])
			h.WriteString(s[b+utf8.RuneLen(r):])
			add(i)
		}
	}
	slices.Sort(forms)
	stripped := map[int32]string{}
	strip := func(i int32) string {
		s, ok := stripped[i]
		if !ok {
			s = stripDigits(names[i])
			stripped[i] = s
		}
		return s
	}
	// better says whether name a wins over name b.
	better := func(a, b int32) bool {
		return weight[a] > weight[b] || (weight[a] == weight[b] && a < b)
	}
	const mask = 1<<nameBits - 1
	for start := 0; start < len(forms); {
		end := start + 1
		for end < len(forms) && forms[end]>>nameBits == forms[start]>>nameBits {
			end++
		}
		run := forms[start:min(end, start+typoRun)]
		for x := range run {
			for y := x + 1; y < len(run); y++ {
				a, b := int32(run[x]&mask), int32(run[y]&mask)
				if a == b || strip(a) == strip(b) || distance(names[a], names[b]) != 1 {
					continue
				}
				if better(b, a) {
					a, b = b, a
				}
				if utf8.RuneCountInString(names[b]) >= typoMinLen {
					if prev, ok := typos[int(b)]; !ok || better(a, int32(prev)) {
						typos[int(b)] = int(a)
					}
				}
			}
		}
		start = end
	}
	return typos
}
