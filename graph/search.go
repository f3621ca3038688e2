package graph

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Match is one search result. Score runs from 0 to 100.
type Match struct {
	Concept *Concept
	Score   int
}

// Search ranks the concepts that match text over their ids, names and
// aliases in both languages, then their summaries and analogies. A
// whole-name match scores 100, a prefix 90, a word prefix 80, a substring
// 70, a likely misspelling 45 to 55, and a match in the summary or analogy
// 30. A query of several words matches a concept that has every word, and
// scores the mean of its words. At most limit results are returned (all if
// limit <= 0), best first, then in learning order.
func (g *Graph) Search(text string, limit int) []Match {
	ms, _ := g.SearchContext(context.Background(), text, limit)
	return ms
}

// SearchContext is Search that gives up when ctx is done, between
// concepts, and then returns ctx's error and no matches.
func (g *Graph) SearchContext(ctx context.Context, text string, limit int) ([]Match, error) {
	q := fold(text)
	if q == "" {
		return nil, nil
	}
	var ms []Match
	words := strings.Fields(q)
	for i, c := range g.concepts {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		s := scoreConcept(c, q)
		if s == 0 && len(words) > 1 {
			total := 0
			for _, w := range words {
				ws := scoreConcept(c, w)
				if ws == 0 {
					total = 0
					break
				}
				total += ws
			}
			s = total / len(words) * 9 / 10
		}
		if s > 0 {
			ms = append(ms, Match{Concept: g.concepts[i], Score: s})
		}
	}
	slices.SortFunc(ms, func(a, b Match) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(g.rank[g.byID[a.Concept.ID]], g.rank[g.byID[b.Concept.ID]]))
	})
	if limit > 0 && len(ms) > limit {
		ms = ms[:limit]
	}
	return ms, nil
}

func scoreConcept(c *Concept, q string) int {
	best := 0
	qn := utf8.RuneCountInString(q)
	for _, k := range c.keys() {
		k = fold(k)
		s := 0
		switch {
		case k == q:
			s = 100
		case strings.HasPrefix(k, q):
			s = 90
		case hasWordPrefix(k, q):
			s = 80
		case strings.Contains(k, q):
			s = 70
		case qn >= 3:
			if d := distance(q, k); closeEnough(d, qn) {
				s = 60 - 5*d
			}
		}
		best = max(best, s)
	}
	if best > 0 {
		return best
	}
	for _, t := range []string{c.Summary.En, c.Summary.Zh, c.Analogy.En, c.Analogy.Zh} {
		if t != "" && strings.Contains(strings.ToLower(t), q) {
			return 30
		}
	}
	return 0
}

// hasWordPrefix reports whether a word of k, after the first, starts with q.
func hasWordPrefix(k, q string) bool {
	for i, r := range k {
		if i > 0 && !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			if rest := k[i+utf8.RuneLen(r):]; strings.HasPrefix(rest, q) {
				return true
			}
		}
	}
	return false
}
