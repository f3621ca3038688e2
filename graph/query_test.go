package graph

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
)

func TestLookup(t *testing.T) {
	g := fixture(t)
	for name, want := range map[string]string{
		"ffn": "ffn", "FFN": "ffn", "Feed-Forward Network": "ffn", "前馈网络": "ffn",
		"  lstm ": "lstm", "rnn": "rnn", "循环神经网络": "rnn",
	} {
		c, err := g.Lookup(name)
		if err != nil || c.ID != want {
			t.Errorf("Lookup(%q) = %v, %v; want %s", name, c, err, want)
		}
	}
	for name, want := range map[string]string{
		"grpp":    `unknown concept "grpp"; did you mean grpo (GRPO (组相对策略优化))?`,
		"xyzzy":   `unknown concept "xyzzy", and no name is close to it`,
		"network": `unknown concept "network"; did you mean nn (Neural network (神经网络)), ffn (Feed-forward network (前馈网络)), rnn (Recurrent neural network (循环神经网络))?`,
	} {
		_, err := g.Lookup(name)
		var nf *NotFoundError
		if !errors.As(err, &nf) || err.Error() != want {
			t.Errorf("Lookup(%q) error = %v\nwant %s", name, err, want)
		}
	}
}

func TestPath(t *testing.T) {
	g := fixture(t)
	hopsText := func(hs []Hop) string {
		var parts []string
		for _, h := range hs {
			dir := "→"
			if !h.Forward {
				dir = "←"
			}
			parts = append(parts, h.From+" "+h.Relation+" "+h.To+" "+dir)
		}
		return strings.Join(parts, ", ")
	}
	for _, tc := range []struct {
		from, to string
		opt      PathOptions
		want     string
	}{
		{"lstm", "rnn", PathOptions{}, "lstm improves_on rnn →"},
		{"rnn", "lstm", PathOptions{}, "lstm improves_on rnn ←"},
		{"lstm", "tf", PathOptions{}, "lstm improves_on rnn →, tf related_to rnn ←"},
		{"grpo", "nn", PathOptions{Directed: true}, "grpo improves_on ppo →, ppo requires grad →, grad requires nn →"},
		{"attn", "sft", PathOptions{}, "attn part_of tf →, sft requires tf ←"},
		{"attn", "rnn", PathOptions{Relations: []string{"part_of", "requires"}}, "attn part_of tf →, tf requires nn →, rnn requires nn ←"},
		{"nn", "nn", PathOptions{}, ""},
	} {
		hops, err := g.Path(g.Concept(tc.from), g.Concept(tc.to), tc.opt)
		if err != nil {
			t.Errorf("path %s %s: %v", tc.from, tc.to, err)
			continue
		}
		if got := hopsText(hops); got != tc.want {
			t.Errorf("path %s %s = %s\nwant %s", tc.from, tc.to, got, tc.want)
		}
		// Oracle: each hop is an edge of the graph, and they chain.
		cur := tc.from
		for _, h := range hops {
			if !hasEdge(g, h.Edge) {
				t.Errorf("hop %v is not an edge", h.Edge)
			}
			if h.Forward && h.From == cur {
				cur = h.To
			} else if !h.Forward && h.To == cur {
				cur = h.From
			} else {
				t.Errorf("hop %v does not continue from %s", h.Edge, cur)
			}
		}
		if cur != tc.to {
			t.Errorf("path ends at %s", cur)
		}
	}
	for _, tc := range []struct {
		from, to string
		opt      PathOptions
		want     string
	}{
		{"nn", "grpo", PathOptions{Directed: true}, "no path from nn to grpo"},
		{"nn", "loner", PathOptions{}, "no path from nn to loner"},
		{"nn", "tf", PathOptions{Relations: []string{"requiers"}}, `unknown relation type "requiers"; did you mean "requires"?`},
		{"nn", "tf", PathOptions{Relations: []string{"zzz"}}, `unknown relation type "zzz"; known types: requires, part_of, improves_on, uses, related_to`},
	} {
		_, err := g.Path(g.Concept(tc.from), g.Concept(tc.to), tc.opt)
		if err == nil || err.Error() != tc.want {
			t.Errorf("path %s %s error = %v\nwant %s", tc.from, tc.to, err, tc.want)
		}
	}
}

func hasEdge(g *Graph, e Edge) bool {
	for _, x := range g.Out(e.From) {
		if x.To == e.To && x.Relation == e.Relation {
			return true
		}
	}
	return false
}

func TestNeighbors(t *testing.T) {
	g := fixture(t)
	text := func(ns []Neighbor) string {
		var parts []string
		for _, n := range ns {
			parts = append(parts, n.Concept.ID+"@"+string(rune('0'+n.Depth)))
		}
		return strings.Join(parts, " ")
	}
	for _, tc := range []struct {
		id   string
		opt  NeighborOptions
		want string
	}{
		{"tf", NeighborOptions{}, "attn@1 ffn@1 nn@1 rnn@1 sft@1"},
		{"tf", NeighborOptions{Direction: Out}, "nn@1 rnn@1"},
		{"tf", NeighborOptions{Direction: In}, "attn@1 ffn@1 sft@1"},
		{"tf", NeighborOptions{Direction: In, Depth: 2}, "attn@1 ffn@1 sft@1 rlhf@2"},
		{"tf", NeighborOptions{Relations: []string{"part_of"}}, "attn@1 ffn@1"},
		{"grpo", NeighborOptions{Depth: 3, Direction: Out}, "ppo@1 grad@2 nn@3"},
		{"loner", NeighborOptions{Depth: 5}, ""},
	} {
		ns, err := g.Neighbors(g.Concept(tc.id), tc.opt)
		if err != nil {
			t.Fatal(err)
		}
		if got := text(ns); got != tc.want {
			t.Errorf("neighbors %s %+v = %s, want %s", tc.id, tc.opt, got, tc.want)
		}
		for _, n := range ns {
			if !hasEdge(g, n.Via.Edge) {
				t.Errorf("via %v is not an edge", n.Via.Edge)
			}
		}
	}
	if _, err := ParseDirection("up"); err == nil || err.Error() != `direction must be out, in or both, not "up"` {
		t.Errorf("ParseDirection(up) = %v", err)
	}
}

func TestSearchContext(t *testing.T) {
	g := fixture(t)
	ctx, cancel := context.WithCancel(context.Background())
	if ms, err := g.SearchContext(ctx, "net", 0); err != nil || len(ms) != 3 {
		t.Errorf("SearchContext(net) = %d matches, %v; want 3, nil", len(ms), err)
	}
	cancel()
	if ms, err := g.SearchContext(ctx, "net", 0); !errors.Is(err, context.Canceled) || ms != nil {
		t.Errorf("SearchContext(net) after cancel = %v, %v; want nil, context.Canceled", ms, err)
	}
}

func TestSearch(t *testing.T) {
	g := fixture(t)
	for _, tc := range []struct{ q, want string }{
		{"ffn", "ffn:100"},
		{"net", "nn:80 ffn:80 rnn:80"},
		{"相对", "grpo:70"},
		{"critic", "grpo:30"},
		{"去掉", ""},
		{"神经", "nn:90 rnn:70"},
		{"transfomer", "tf:55"},
		{"gradient step", "grad:54"},
		{"descent gradient", "grad:76"},
		{"gradient zebra", ""},
		{"", ""},
	} {
		var parts []string
		for _, m := range g.Search(tc.q, 0) {
			parts = append(parts, m.Concept.ID+":"+strconv.Itoa(m.Score))
		}
		if got := strings.Join(parts, " "); got != tc.want {
			t.Errorf("search %q = %s, want %s", tc.q, got, tc.want)
		}
	}
	if n := len(g.Search("n", 2)); n != 2 {
		t.Errorf("limit 2 gave %d", n)
	}
}

func TestStats(t *testing.T) {
	s := fixture(t).Stats(3)
	if s.Concepts != 12 || s.Relations != 13 {
		t.Errorf("counts = %d concepts, %d relations", s.Concepts, s.Relations)
	}
	if got := strings.Join(idsOf(s.Roots), " "); got != "attn ffn nn" {
		t.Errorf("roots = %s", got)
	}
	if got := strings.Join(idsOf(s.Leaves), " "); got != "grpo lstm rlhf" {
		t.Errorf("leaves = %s", got)
	}
	if got := strings.Join(idsOf(s.Isolated), " "); got != "loner" {
		t.Errorf("isolated = %s", got)
	}
	if s.LongestPath != 4 { // nn → tf → sft → rlhf
		t.Errorf("longest chain = %d", s.LongestPath)
	}
	if s.Connected[0].Concept.ID != "tf" || s.Connected[0].Degree != 5 {
		t.Errorf("most connected = %s %d", s.Connected[0].Concept.ID, s.Connected[0].Degree)
	}
}

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		d    int
	}{{"plan", "plan", 0}, {"paln", "plan", 1}, {"attentoin", "attention", 1}, {"mha", "gqa", 2}, {"", "abc", 3}, {"注意力", "注意", 1}} {
		if d := distance(tc.a, tc.b); d != tc.d {
			t.Errorf("distance(%q, %q) = %d, want %d", tc.a, tc.b, d, tc.d)
		}
	}
}
