package fitsearch

import (
	"errors"
	"math/rand/v2"
	"testing"
)

// exhaustive is the oracle: every candidate judged, the first that passes
// chosen, else the earliest of the closest.
func exhaustive(p Plan, judge Judge) (Cand, Score) {
	var best Cand
	var bestScore Score
	for i, c := range p.Order() {
		s, _ := judge(c)
		if s.Passes() {
			return c, s
		}
		if i == 0 || s.Better(bestScore) {
			best, bestScore = c, s
		}
	}
	return best, bestScore
}

// world is a random map whose judge behaves as layouts do: on a page,
// boxes, labels and room make it larger, so its names print smaller.
type world struct {
	size       map[string]float64 // name size of the bare candidate, by direction
	aspect     map[Cand]float64
	collisions map[Cand]int
	titles     map[Cand]int
}

func newWorld(r *rand.Rand, p Plan) *world {
	w := &world{size: map[string]float64{}, aspect: map[Cand]float64{}, collisions: map[Cand]int{}, titles: map[Cand]int{}}
	for _, d := range p.Dirs {
		w.size[d] = 6 + 4*r.Float64()
	}
	for _, c := range p.Order() {
		w.aspect[c] = 0.2 + 5*r.Float64()
		if c.Labels && !c.Spacious && r.IntN(2) == 0 {
			w.collisions[c] = r.IntN(4)
		}
		if c.Boxes && r.IntN(2) == 0 {
			w.titles[c] = r.IntN(3)
		}
	}
	for _, c := range p.Order() {
		if c.Spacious {
			plain := c
			plain.Spacious = false
			if n := w.collisions[plain]; n > 0 {
				w.collisions[c] = r.IntN(n + 1)
			}
		}
	}
	return w
}

func (w *world) judge(p Plan) Judge {
	return func(c Cand) (Score, error) {
		s := Score{Collisions: w.collisions[c], Titles: w.titles[c]}
		if p.Page {
			size := w.size[c.Dir]
			if c.Boxes {
				size -= 0.5
			}
			if c.Labels {
				size -= 1
			}
			if c.Spacious {
				size -= 1
			}
			s.Short = max(0, 8-size)
		} else {
			a := w.aspect[c]
			s.Short = max(0, max(a, 1/a)-2.5)
		}
		return s, nil
	}
}

func plans() []Plan {
	var ps []Plan
	labellings := [][]Labelling{
		{{Labels: true}, {Labels: true, Spacious: true}, {}},
		{{Labels: true}, {Labels: true, Spacious: true}},
		{{}},
	}
	for _, dirs := range [][]string{{"TB", "LR"}, {"TB"}, {"LR"}} {
		for _, ls := range labellings {
			for _, page := range []bool{true, false} {
				ps = append(ps, Plan{Dirs: dirs, Labellings: ls, Page: page})
				if !page && !ls[0].Labels {
					ps = append(ps, Plan{Dirs: dirs, Labellings: ls, Large: true})
				}
			}
		}
	}
	return ps
}

// TestSearchAsExhaustive checks Search against judging every candidate, on
// random maps that behave as layouts do: the same choice, each candidate
// judged at most once, and fewer judged on a page whose bare layouts print
// too small.
func TestSearchAsExhaustive(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	saved := 0
	for _, p := range plans() {
		for range 300 {
			w := newWorld(r, p)
			judge := w.judge(p)
			want, wantScore := exhaustive(p, judge)
			if p.Large {
				// A large map takes its bare left-to-right layout when it
				// reads.
				for _, d := range p.Dirs {
					if s, _ := judge(p.bare(d)); d == "LR" && s.Passes() {
						want, wantScore = p.bare(d), s
					}
				}
			}
			seen := map[Cand]int{}
			got, gotScore, err := Search(p, func(c Cand) (Score, error) {
				seen[c]++
				return judge(c)
			})
			if err != nil {
				t.Fatal(err)
			}
			if got != want || gotScore != wantScore {
				t.Fatalf("plan %+v: Search chose %+v %+v, judging all chooses %+v %+v", p, got, gotScore, want, wantScore)
			}
			for c, n := range seen {
				if n > 1 {
					t.Fatalf("plan %+v: %+v judged %d times", p, c, n)
				}
			}
			saved += len(p.Order()) - len(seen)
		}
	}
	if saved == 0 {
		t.Error("Search judged every candidate of every map")
	}
}

// TestSearchGRPOSlide replays the slide of a plan where nothing passes: two
// layouts decide it, and the closest wins.
func TestSearchGRPOSlide(t *testing.T) {
	p := Plan{Dirs: []string{"TB", "LR"}, Labellings: []Labelling{{Labels: true}, {Labels: true, Spacious: true}, {}}, Page: true}
	scores := map[Cand]Score{
		{Dir: "TB"}: {Short: 0.19},
		{Dir: "LR"}: {Short: 0.95},
	}
	var judged []Cand
	got, _, err := Search(p, func(c Cand) (Score, error) {
		judged = append(judged, c)
		s, ok := scores[c]
		if !ok {
			t.Fatalf("judged %+v, which cannot print larger than the bare layout", c)
		}
		return s, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got != (Cand{Dir: "TB"}) || len(judged) != 2 {
		t.Errorf("chose %+v after judging %v; want the bare top-to-bottom layout after two", got, judged)
	}
}

// TestSearchLargeMap: a large map that reads bare, left to right, is laid
// out once.
func TestSearchLargeMap(t *testing.T) {
	p := Plan{Dirs: []string{"TB", "LR"}, Labellings: []Labelling{{}}, Large: true}
	n := 0
	got, _, err := Search(p, func(c Cand) (Score, error) {
		n++
		return Score{}, nil
	})
	if err != nil || got != (Cand{Dir: "LR"}) || n != 1 {
		t.Errorf("chose %+v (err %v) after %d layouts; want bare LR after one", got, err, n)
	}
}

func TestSearchError(t *testing.T) {
	boom := errors.New("boom")
	for _, p := range plans() {
		if _, _, err := Search(p, func(Cand) (Score, error) { return Score{}, boom }); !errors.Is(err, boom) {
			t.Errorf("plan %+v: error %v, want the judge's", p, err)
		}
	}
}
