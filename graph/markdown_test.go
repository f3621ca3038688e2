package graph

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// bundledVocabLoader is a Loader over the bundled vocabulary.
func bundledVocabLoader(t *testing.T, link string) *Loader {
	t.Helper()
	vocab, err := os.ReadFile("../data/relations.yaml")
	if err != nil {
		t.Fatal(err)
	}
	l := &Loader{LinkRelation: link}
	l.DefaultVocabulary("relations.yaml", vocab)
	return l
}

func loadVault(t *testing.T, link string) (*Graph, error) {
	t.Helper()
	l := bundledVocabLoader(t, link)
	if err := l.AddFS(os.DirFS("testdata/vault"), ".", "vault"); err != nil {
		t.Fatal(err)
	}
	return l.Load()
}

func edgeLines(g *Graph) []string {
	var out []string
	for _, e := range g.Edges() {
		out = append(out, e.From+" "+e.Relation+" "+e.To+" | "+e.Why.En+" | "+e.Why.Zh+" @"+e.Pos.String())
	}
	return out
}

// The test vault has frontmatter aliases, inline fields in list items and
// alone, labels in either language and an inverse label as keys, links
// with | and #, folders, a trash folder, a code block and a note without
// relations. Each note is one concept.
func TestLoadVault(t *testing.T) {
	g, err := loadVault(t, "")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, c := range g.Concepts() {
		ids = append(ids, c.ID)
	}
	if want := "attention multi-head_attention neural_network reading_list transformer 梯度下降"; strings.Join(ids, " ") != want {
		t.Errorf("concepts = %s, want %s (the .trash folder skipped)", strings.Join(ids, " "), want)
	}
	for _, tc := range []struct {
		id   string
		want Concept
	}{
		{"neural_network", Concept{ID: "neural_network", Name: Text{En: "Neural network"}, Category: "Basics",
			Summary: Text{En: "Layers of weighted sums and nonlinearities, learned from data."}}},
		{"梯度下降", Concept{ID: "梯度下降", Name: Text{En: "Gradient descent", Zh: "梯度下降"}, Aliases: []string{"GD"}, Category: "Basics",
			Summary: Text{En: "Step the parameters against the gradient of the loss.", Zh: "沿着损失下降最快的方向,一小步一小步地调整参数。"}}},
		{"attention", Concept{ID: "attention", Name: Text{En: "Attention"}, Aliases: []string{"Self-attention", "注意力机制"}, Category: "attention",
			Summary: Text{En: "Each token weighs every other token to build its representation."}}},
		{"multi-head_attention", Concept{ID: "multi-head_attention", Name: Text{En: "Multi-Head Attention", Zh: "多头注意力"}, Aliases: []string{"MHA"},
			Category: "Architecture", Summary: Text{En: "Several attention heads look at the text in parallel, each with its own projections."}}},
		{"transformer", Concept{ID: "transformer", Name: Text{En: "Transformer", Zh: "Transformer 模型"}, Aliases: []string{"Transformers"},
			Category: "Architecture", Summary: Text{En: "A network built from attention and feed-forward layers, with no recurrence."}}},
		{"reading_list", Concept{ID: "reading_list", Name: Text{En: "Reading list"}, Category: "other",
			Summary: Text{En: "Start with Neural network, then Transformer and Attention."}}},
	} {
		c := *g.Concept(tc.id)
		c.Pos = Pos{}
		if !reflect.DeepEqual(c, tc.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tc.id, c, tc.want)
		}
	}
	want := []string{
		"attention part_of transformer |  |  @vault/Architecture/Transformer.md:14:14",
		"multi-head_attention improves_on attention | more views of the context at once. | 一次从多个角度看上下文。 @vault/Architecture/Multi-Head Attention.md:11:17",
		"multi-head_attention part_of transformer | the Transformer's attention layer is MHA |  @vault/Architecture/Multi-Head Attention.md:5:10",
		"transformer requires neural_network |  |  @vault/Architecture/Transformer.md:13:14",
		"transformer requires 梯度下降 | it is trained like any network. |  @vault/Architecture/Transformer.md:13:34",
		"梯度下降 requires neural_network |  | 要先知道网络有哪些参数。 @vault/Basics/梯度下降.md:11:10",
	}
	if got := edgeLines(g); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("edges:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	steps := stepIDs(g.Plan([]*Concept{g.Concept("transformer")}, nil).Steps)
	if got := strings.Join(steps, " "); got != "attention multi-head_attention neural_network 梯度下降 transformer" {
		t.Errorf("plan = %s", got)
	}
	// A note's file name, title, alias and Chinese name all find it.
	for _, name := range []string{"Multi-Head Attention", "MHA", "多头注意力", "gd"} {
		if _, err := g.Lookup(name); err != nil {
			t.Errorf("lookup %q: %v", name, err)
		}
	}
}

// With LinkRelation, untyped links between notes become relations; links
// to no note, to a heading of the same note, and links that a typed field
// already made are not.
func TestLoadVaultUntypedLinks(t *testing.T) {
	g, err := loadVault(t, "related_to")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range g.Edges() {
		if e.Relation == "related_to" {
			got = append(got, e.From+" "+e.To)
		}
	}
	want := "reading_list attention,reading_list neural_network,reading_list transformer"
	if strings.Join(got, ",") != want {
		t.Errorf("untyped links = %s, want %s", strings.Join(got, ","), want)
	}
	_, err = loadVault(t, "relatd_to")
	if err == nil || err.Error() != `unknown relation type "relatd_to" for links that name none (did you mean "related_to"?)` {
		t.Errorf("a bad link relation: %v", err)
	}
}

// A directory of notes that is no vault is not read, and says why.
func TestNotesNeedAVault(t *testing.T) {
	var l Loader
	err := l.AddFS(os.DirFS("testdata/vault/Architecture"), ".", "notes")
	want := "notes: no data files (.yaml, .yml, .json, .csv, .graphml) in this directory; Markdown notes (3 here) are read only in an Obsidian vault (a directory that holds .obsidian/) or when named one by one"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

// A note's folder names a declared category by its name in either
// language, or else makes a category of its own, even when the vault
// declares categories: a new folder is no typo. A category: property must
// be declared.
func TestVaultFolders(t *testing.T) {
	fsys := fstest.MapFS{
		"v/.obsidian/app.json":      {Data: []byte("{}")},
		"v/conceptmap.yaml":         {Data: []byte(vocab + "categories:\n  - {id: arch, name: {en: Model architecture, zh: 模型结构}}\n")},
		"v/Model architecture/A.md": {Data: []byte("# A\n")},
		"v/模型结构/B.md":               {Data: []byte("# B\n")},
		"v/New folder/C.md":         {Data: []byte("# C\n")},
		"v/New folder/Deeper/D.md":  {Data: []byte("# D\n")},
		"v/New folder/E.md":         {Data: []byte("---\ncategory: arch\n---\n")},
	}
	var l Loader
	if err := l.AddFS(fsys, "v", "v"); err != nil {
		t.Fatal(err)
	}
	g, err := l.Load()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range g.Concepts() {
		got = append(got, c.ID+":"+c.Category)
	}
	if want := "a:arch b:arch c:New folder d:Deeper e:arch"; strings.Join(got, " ") != want {
		t.Errorf("categories = %s, want %s", strings.Join(got, " "), want)
	}
	fsys["v/New folder/E.md"] = &fstest.MapFile{Data: []byte("---\ncategory: archi\n---\n")}
	l = Loader{}
	if err := l.AddFS(fsys, "v", "v"); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Load(); err == nil || !strings.Contains(err.Error(), `v/New folder/E.md:2:11: unknown category "archi" (did you mean "arch"?)`) {
		t.Errorf("a category property that is not declared: %v", err)
	}
}
