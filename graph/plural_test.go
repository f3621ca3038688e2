package graph

import "testing"

func TestPlural(t *testing.T) {
	for _, c := range []struct {
		n    int
		word string
		want string
	}{
		{0, "concept", "0 concepts"}, {1, "concept", "1 concept"}, {2, "relation type", "2 relation types"},
		{1, "category", "1 category"}, {3, "category", "3 categories"},
	} {
		if got := Plural(c.n, c.word); got != c.want {
			t.Errorf("Plural(%d, %q) = %q, want %q", c.n, c.word, got, c.want)
		}
	}
}
