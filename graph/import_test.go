package graph

import (
	"math/rand"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// A concepts CSV and a relations CSV, as a spreadsheet writes them, load
// like YAML: names resolve by id, name or alias, quoted fields keep their
// commas and quotes, and the bundled-style vocabulary applies.
func TestLoadCSV(t *testing.T) {
	var l Loader
	vocab, err := os.ReadFile("../data/relations.yaml")
	if err != nil {
		t.Fatal(err)
	}
	l.DefaultVocabulary("relations.yaml", vocab)
	if err := l.AddFS(os.DirFS("testdata/import"), ".", "import"); err != nil {
		t.Fatal(err)
	}
	g, err := l.Load()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range g.Edges() {
		got = append(got, e.From+" "+e.Relation+" "+e.To+" "+e.Why.En+"|"+e.Why.Zh)
	}
	want := []string{
		"lstm improves_on rnn An LSTM keeps a notebook.|", // a relation named by its label
		"rnn requires nn |",
		"tf related_to lstm |",
		"tf requires nn A Transformer is a neural network.|Transformer 是一种神经网络。",
		"tf replaces rnn Attention sees the whole context.|注意力能看到整个上下文。",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("edges:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	tf := g.Concept("tf")
	if tf.Summary.En != `Attention and "feed-forward" layers.` || tf.Category != "core" {
		t.Errorf("tf = %+v", tf)
	}
	if rnn, _ := g.Lookup("循环网络"); rnn == nil || rnn.ID != "rnn" {
		t.Errorf("alias from the aliases column: %v", rnn)
	}
	// lstm is named only in extra.csv: it becomes a concept of its own.
	if c := g.Concept("lstm"); c == nil || c.Name.En != "lstm" || c.Category != "other" {
		t.Errorf("implicit concept = %+v", c)
	}
	// tf replaces rnn: the RNN is background to a plan for tf.
	p := g.Plan([]*Concept{g.Concept("tf")}, nil)
	if got := strings.Join(stepIDs(p.Steps), " ") + " | " + strings.Join(stepIDs(p.Background), " "); got != "nn tf | rnn" {
		t.Errorf("plan tf = %s", got)
	}
	// With no category_en and category_zh columns, the categories come in
	// the order the rows name them, named after their ids; other, which
	// lstm falls into, last.
	if got := categoryList(g); got != "found found|, core core|, other Other|其他" {
		t.Errorf("categories %s", got)
	}
}

func categoryList(g *Graph) string {
	var out []string
	for i, c := range g.Categories() {
		if c.Rank != i {
			out = append(out, "(rank!)")
		}
		out = append(out, c.ID+" "+c.Name.En+"|"+c.Name.Zh)
	}
	return strings.Join(out, ", ")
}

// A concepts CSV as conceptmap export writes it: every column, the
// categories named on each row, lists escaped.
const exportedCSV = "\ufeffid,name_en,name_zh,category,summary_en,summary_zh,aliases,analogy_en,analogy_zh,refs,category_en,category_zh\r\n" +
	"tf,Transformer,Transformer,core,Attention and FFNs.,注意力与前馈。,TF；T\\;F,Like a relay.,像接力。,\"Attention Is All You Need <arXiv:1706.03762>\r\nA \\<blog\\> post <https://example.com/tf>\",Core,核心\r\n" +
	"rnn,Recurrent neural network,循环神经网络,core,,,RNN,,,,Core,\r\n" +
	"nn,Neural network,神经网络,found,,,,,,<arXiv: 1234.5678>,Foundations,基础\r\n" +
	"ppo,PPO,,adv,,,,,,,,\r\n"

func TestLoadCSVExported(t *testing.T) {
	var l Loader
	l.DefaultVocabulary("vocab.yaml", []byte(vocab))
	l.AddFile("concepts.csv", []byte(exportedCSV))
	l.AddFile("relations.csv", []byte("from,relation,to\ntf,requires,nn\nrnn,requires,tf\nrnn,requires,ppo\n"))
	g, err := l.Load()
	if err != nil {
		t.Fatal(err)
	}
	if got := categoryList(g); got != "core Core|核心, found Foundations|基础, adv adv|" {
		t.Errorf("categories %s", got)
	}
	tf := g.Concept("tf")
	want := Concept{ID: "tf", Name: Text{"Transformer", "Transformer"}, Aliases: []string{"TF", "T;F"}, Category: "core",
		Summary: Text{"Attention and FFNs.", "注意力与前馈。"}, Analogy: Text{"Like a relay.", "像接力。"},
		Refs: []Ref{{Title: "Attention Is All You Need", ArXiv: "1706.03762"}, {Title: "A <blog> post", URL: "https://example.com/tf"}},
		Pos:  tf.Pos}
	if !reflect.DeepEqual(*tf, want) {
		t.Errorf("tf\n got %+v\nwant %+v", *tf, want)
	}
	if nn := g.Concept("nn"); !reflect.DeepEqual(nn.Refs, []Ref{{ArXiv: "1234.5678"}}) {
		t.Errorf("nn refs %+v", nn.Refs)
	}
	// Among concepts equally ready, the category order decides: nn
	// (found) before ppo (adv), then tf (core) before ppo. In alphabetical
	// order, adv would come first.
	if got := strings.Join(stepIDs(g.Plan(concepts(t, g, "rnn"), nil).Steps), " "); got != "nn tf ppo rnn" {
		t.Errorf("plan = %s", got)
	}
}

// CSV categories meet categories that YAML declares, or that YAML
// concepts name without declaring any.
func TestLoadCSVCategoriesMixed(t *testing.T) {
	for _, tc := range []struct {
		name, yaml, csv, want string
	}{{
		// YAML declares: a CSV row naming a declared category is no
		// duplicate and the declaration's names stand; a category the CSV
		// names and no file declares comes after the declared ones.
		"declared",
		"categories:\n  - {id: b, name: {en: Bee}}\n  - {id: a, name: {en: Ay, zh: 甲}}\nconcepts:\n  - {id: y, name: Y, category: a}\n",
		"id,name_en,category,category_en,category_zh\nx,X,new,New,新\nz,Z,a,A from CSV,\nw,W,b,,\n",
		"b Bee|, a Ay|甲, new New|新",
	}, {
		// No file declares: the CSV's categories in their order, then
		// those YAML concepts name, in id order.
		"implicit",
		"concepts:\n  - {id: y, name: Y, category: zeta}\n  - {id: v, name: V, category: c}\n  - {id: u, name: U, category: alpha}\n",
		"id,name_en,category,category_en\nx,X,c,See\nz,Z,b,\n",
		"c See|, b b|, alpha alpha|, zeta zeta|",
	}} {
		t.Run(tc.name, func(t *testing.T) {
			var l Loader
			l.DefaultVocabulary("vocab.yaml", []byte(vocab))
			l.AddFile("a.yaml", []byte(tc.yaml))
			l.AddFile("b.csv", []byte(tc.csv))
			g, err := l.Load()
			if err != nil {
				t.Fatal(err)
			}
			if got := categoryList(g); got != tc.want {
				t.Errorf("categories\n got %s\nwant %s", got, tc.want)
			}
		})
	}
}

// The aliases and refs cells read back what JoinCSVAliases and
// FormatCSVRefs write, whatever the text: separators, backslashes, angle
// brackets and line breaks included.
func TestCSVListsRoundTrip(t *testing.T) {
	aliases := [][]string{
		nil,
		{"a"},
		{"a;b", "c；d", `back\slash`, `trailing\`, `two\\;`, `\;`, `\`, `\\`, `;`, "e\\f;g", "多;个"},
	}
	refs := [][]Ref{
		nil,
		{{Title: "T"}},
		{{}, {Title: "a <b> c", ArXiv: "1", URL: "https://x/?a=<b>"}, {URL: "arXiv:2"}, {ArXiv: "3", URL: "arXiv:4"},
			{Title: "two\nlines\\", URL: `\`}, {Title: `\<`, ArXiv: `>`}, {Title: "arXiv:5"}, {Title: "<arXiv:6>"}},
	}
	// And random ones, from an alphabet of the characters that matter.
	rng := rand.New(rand.NewSource(1))
	alphabet := []rune("ab \\;；<>\n:arXiv")
	text := func() string {
		var b strings.Builder
		for range rng.Intn(8) {
			b.WriteRune(alphabet[rng.Intn(len(alphabet))])
		}
		return strings.TrimSpace(b.String()) // as every loader trims
	}
	for range 2000 {
		var as []string
		var rs []Ref
		for range rng.Intn(4) {
			if a := text(); a != "" {
				as = append(as, a)
			}
			rs = append(rs, Ref{Title: text(), ArXiv: text(), URL: text()})
		}
		aliases = append(aliases, as)
		refs = append(refs, rs)
	}
	for _, as := range aliases {
		cell := JoinCSVAliases(as)
		if got := SplitCSVAliases(cell); !slices.Equal(got, as) {
			t.Errorf("aliases %q → %q → %q", as, cell, got)
		}
	}
	for _, rs := range refs {
		cell := FormatCSVRefs(rs)
		if got, err := ParseCSVRefs(cell); err != nil || !reflect.DeepEqual(got, rs) {
			t.Errorf("refs %q → %q → %q, %v", rs, cell, got, err)
		}
	}
}

// A refs cell as a person writes it.
func TestParseCSVRefs(t *testing.T) {
	for _, tc := range []struct {
		cell string
		want []Ref
		err  string
	}{
		{"", nil, ""},
		{"\n \n", nil, ""},
		{"Just a title", []Ref{{Title: "Just a title"}}, ""},
		{" Paper  <ARXIV: 1234.5678 >\r\n\r\nPage <https://example.com/a b>", []Ref{{Title: "Paper", ArXiv: "1234.5678"}, {Title: "Page", URL: "https://example.com/a b"}}, ""},
		{`C:\path\file <https://x>`, []Ref{{Title: `C:\path\file`, URL: "https://x"}}, ""},
		{"Paper <https://x", nil, "not closed"},
		{"Paper <https://x> more", nil, "text follows a link"},
		{"Paper <arXiv:1> <https://x> <https://y>", nil, "has 3 links"},
		{"Paper <https://x> <arXiv:1>", nil, "the first is not <arXiv:ID>"},
	} {
		got, err := ParseCSVRefs(tc.cell)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: error %v, want %q", tc.cell, err, tc.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: %q, %v; want %q", tc.cell, got, err, tc.want)
		}
	}
}

// YAML concepts and a CSV of extra relations mix in one load.
func TestLoadMixed(t *testing.T) {
	var l Loader
	if err := l.AddFS(os.DirFS("testdata"), "fixture.yaml", "fixture.yaml"); err != nil {
		t.Fatal(err)
	}
	l.AddFile("extra.csv", []byte("from,relation,to\nLoner,related_to,nn\nFFN,requires,Neural network\n"))
	g, err := l.Load()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(stepIDs(g.Prereqs(g.Concept("ffn"))), " "); got != "nn" {
		t.Errorf("prereqs ffn = %q", got)
	}
	if len(g.Concepts()) != 12 {
		t.Errorf("%d concepts: a CSV name made a concept", len(g.Concepts()))
	}
}

// A relations CSV makes a concept of every new name, however close two new
// names are; only a name one letter from a defined concept, and not
// differing in digits, is taken for a typo.
func TestImplicitConcepts(t *testing.T) {
	var l Loader
	l.AddFile("defined.yaml", []byte("relations: [{id: improves_on, label: {en: improves on}, first: target}]\nconcepts: [{id: transformer, name: {en: Transformer}}, {id: gpt3, name: {en: GPT-3}}]\n"))
	l.AddFile("rel.csv", []byte("from,relation,to\nGQA,improves_on,MHA\nMQA,improves_on,MHA\nGPT-4,improves_on,GPT-3\nGPT-3.5,improves_on,GPT-3\n"))
	g, err := l.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"GQA", "MQA", "MHA", "GPT-4", "GPT-3.5"} {
		if g.Concept(id) == nil {
			t.Errorf("no concept %s", id)
		}
	}
	l = Loader{}
	l.AddFile("defined.yaml", []byte("relations: [{id: requires, label: {en: requires}, first: target}]\nconcepts: [{id: transformer, name: {en: Transformer}}]\n"))
	l.AddFile("rel.csv", []byte("from,relation,to\nBERT,requires,Transfomer\n"))
	_, err = l.Load()
	if err == nil || !strings.Contains(err.Error(), `rel.csv:2:3: unknown concept "Transfomer" (did you mean "transformer"?)`) {
		t.Errorf("a typo of a defined concept: %v", err)
	}
}

// Unknown concepts passed to the queries give nothing, or an error, but
// no panic.
func TestQueriesOnForeignConcept(t *testing.T) {
	g := fixture(t)
	x := &Concept{ID: "not-here"}
	if s := g.Prereqs(x); s != nil {
		t.Errorf("Prereqs = %v", s)
	}
	if s := g.Unlocks(x); s != nil {
		t.Errorf("Unlocks = %v", s)
	}
	if _, err := g.Path(x, g.Concept("nn"), PathOptions{}); err == nil {
		t.Error("Path gave no error")
	}
	if _, err := g.Neighbors(x, NeighborOptions{}); err == nil {
		t.Error("Neighbors gave no error")
	}
}
