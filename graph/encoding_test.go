package graph

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// bundledVocabulary is the relation vocabulary of the bundled data, whose
// labels spreadsheets use.
func bundledVocabulary(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("../data/relations.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func edgeList(g *Graph) []string {
	var out []string
	for _, e := range g.Edges() {
		out = append(out, e.From+" "+e.Relation+" "+e.To)
	}
	slices.Sort(out)
	return out
}

// CSV files as spreadsheets save them: GB18030 from Excel on Chinese
// Windows, UTF-16 with a byte-order mark and tabs (Excel's "Unicode
// text"), made from the same rows with iconv. Each loads as the same
// graph, with a warning that names the encoding; relations given by an
// inverse label ("被改进为", "is improved by") have their ends swapped.
func TestCSVEncodings(t *testing.T) {
	want := []string{
		"LSTM improves_on RNN",
		"Transformer uses 注意力",
		"注意力 requires 归一化指数函数",
		"长短期记忆网络 improves_on 循环神经网络",
	}
	var warnings strings.Builder
	for _, name := range []string{"gb18030.csv", "utf16.csv", "utf16be.csv"} {
		data, err := os.ReadFile(filepath.Join("testdata", "encodings", name))
		if err != nil {
			t.Fatal(err)
		}
		var l Loader
		l.DefaultVocabulary("relations.yaml", bundledVocabulary(t))
		l.AddFile(name, data)
		g, err := l.Load()
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if got := edgeList(g); !slices.Equal(got, want) {
			t.Errorf("%s: relations\n%q\nwant\n%q", name, got, want)
		}
		if c := g.Concept("长短期记忆网络"); c == nil || c.Name.En != "长短期记忆网络" {
			t.Errorf("%s: the concept's name is not read as written", name)
		}
		if e := g.Edges(); !slices.ContainsFunc(e, func(e Edge) bool { return e.Why.En == "门控缓解梯度消失" }) {
			t.Errorf("%s: the why is not read as written", name)
		}
		for _, w := range l.Warnings() {
			warnings.WriteString(w.String() + "\n")
		}
	}
	golden(t, filepath.Join("testdata", "errors", "csv_encoding_warnings.txt"), warnings.String())

	// Latin-1 is neither UTF-8 nor GB18030; a UTF-16 byte-order mark
	// before text of an odd length is not UTF-16.
	var l Loader
	l.DefaultVocabulary("relations.yaml", bundledVocabulary(t))
	latin1, _ := os.ReadFile(filepath.Join("testdata", "encodings", "latin1.csv"))
	l.AddFile("latin1.csv", latin1)
	l.AddFile("broken16.csv", []byte("\xff\xfef\x00r\x00o"))
	golden(t, filepath.Join("testdata", "errors", "csv_encoding.txt"), loadErr(t, &l))
}

// A UTF-8 CSV gives no warning.
func TestCSVUTF8Quiet(t *testing.T) {
	var l Loader
	l.DefaultVocabulary("relations.yaml", bundledVocabulary(t))
	l.AddFile("a.csv", []byte("\ufefffrom,relation,to\n注意力,需要先懂,归一化指数函数\n"))
	if _, err := l.Load(); err != nil || len(l.Warnings()) != 0 {
		t.Errorf("err %v, warnings %v", err, l.Warnings())
	}
}

// A new name in a relations CSV one edit from another name of the load
// is a likely typo: of a defined name, of a name used more often, or of
// one used as often and written first.
func TestCSVTypos(t *testing.T) {
	var l Loader
	l.DefaultVocabulary("relations.yaml", bundledVocabulary(t))
	l.AddFile("maths.csv", []byte("from,relation,to\n"+
		"Calculus,requires,Arithmetik\n"+ // used once; Arithmetic twice
		"Algebra,requires,Arithmetic\n"+
		"Geometry,requires,Arithmetic\n"+
		"Transformer,uses,Attention\n"+
		"Perceiver,uses,Attentoin\n"+ // as often as Attention, and later
		"GPT-2 model,is related to,GPT-3 model\n"+ // digits: different things
		"Topology,requires,Geometry\n"))
	l.AddFile("defined.yaml", []byte("concepts:\n  - {id: stats, name: Statistics}\n"))
	l.AddFile("more.csv", []byte("from,relation,to\nProbability,requires,Statistcs\n"))
	golden(t, filepath.Join("testdata", "errors", "csv_typos.txt"), loadErr(t, &l))
}

// likelyTypos agrees with comparing every pair of names.
func TestLikelyTyposOracle(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for round := range 50 {
		var names []string
		var weight []int
		seen := map[string]bool{}
		for len(names) < 40 {
			n := 5 + r.IntN(4)
			b := make([]byte, n)
			for i := range b {
				b[i] = "ab1"[r.IntN(3)]
			}
			if s := string(b); !seen[s] {
				seen[s] = true
				names = append(names, s)
				weight = append(weight, r.IntN(3))
			}
		}
		got := likelyTypos(names, weight)
		for b := range names {
			want, found := -1, false
			for a := range names {
				if a == b || distance(names[a], names[b]) != 1 || stripDigits(names[a]) == stripDigits(names[b]) || len(names[b]) < typoMinLen {
					continue
				}
				if weight[a] > weight[b] || (weight[a] == weight[b] && a < b) {
					if !found || weight[a] > weight[want] || (weight[a] == weight[want] && a < want) {
						want, found = a, true
					}
				}
			}
			if g, ok := got[b]; ok != found || (found && g != want) {
				t.Fatalf("round %d: %q: typo of %d (%v), want %d (%v)", round, names[b], g, ok, want, found)
			}
		}
	}
}
