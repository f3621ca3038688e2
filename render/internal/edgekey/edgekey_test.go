package edgekey

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// width counts each rune as 1 point, a CJK one as 2.
func width(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r >= 0x2e80 {
			w += 2
		} else {
			w++
		}
	}
	return w
}

func TestCut(t *testing.T) {
	cases := []struct {
		s    string
		max  float64
		want string
	}{
		{"GQA improves on MQA", 40, "GQA improves on MQA"},
		{"GQA improves on MQA: fewer heads, same quality", 30, "GQA improves on MQA: fewer…"},
		{"GQA improves on MQA: fewer heads", 20, "GQA improves on…"},
		{"分组查询注意力改进了多查询注意力", 12, "分组查询注…"},
		{"abcdefghijklmnopqrstuvwxyz", 10, "abcdefghi…"},
		{"abc", 0, "…"},
	}
	for _, c := range cases {
		got := Cut(c.s, c.max, width)
		if got != c.want {
			t.Errorf("Cut(%q, %v) = %q, want %q", c.s, c.max, got, c.want)
		}
		if c.max > 0 && width(got) > c.max {
			t.Errorf("Cut(%q, %v) = %q, %v wide", c.s, c.max, got, width(got))
		}
	}
}

// TestCutProperty: whatever is cut fits, and is a prefix of the text
// followed by an ellipsis.
func TestCutProperty(t *testing.T) {
	s := "Direct Preference Optimization requires Reinforcement learning from human feedback: 直接偏好优化省去了奖励模型"
	for max := 2.0; max < width(s)+2; max++ {
		got := Cut(s, max, width)
		if width(got) > max {
			t.Fatalf("Cut(…, %v) = %q is %v wide", max, got, width(got))
		}
		if got != s && (!strings.HasSuffix(got, "…") || !strings.HasPrefix(s, strings.TrimSuffix(got, "…"))) {
			t.Fatalf("Cut(…, %v) = %q is not a start of the text and an ellipsis", max, got)
		}
		if !utf8.ValidString(got) {
			t.Fatalf("Cut(…, %v) = %q is not valid UTF-8", max, got)
		}
	}
}

func TestServes(t *testing.T) {
	cases := []struct {
		edges, reasons int
		want           bool
	}{
		{0, 0, false},
		{5, 0, false},
		{5, 1, true},
		{Limit, Limit, true},
		{Limit + 1, Limit, false},
	}
	for _, c := range cases {
		if got := Serves(c.edges, c.reasons); got != c.want {
			t.Errorf("Serves(%d, %d) = %v, want %v", c.edges, c.reasons, got, c.want)
		}
	}
}
