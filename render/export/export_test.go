package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/conceptmap/conceptmap/data"
	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render"
	"github.com/conceptmap/conceptmap/render/internal/rendertest"
	"github.com/conceptmap/conceptmap/render/internal/view"
)

// exportGraphs are the graphs every export is checked on: the fixture,
// the hostile graph of testdata/hostile.yaml, and the bundled data.
func exportGraphs(t *testing.T) []struct {
	name string
	g    *graph.Graph
} {
	t.Helper()
	bundled, err := graph.Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	return []struct {
		name string
		g    *graph.Graph
	}{
		{"fixture", fixture(t)},
		{"hostile", rendertest.Load(t, "../testdata/hostile.yaml")},
		{"bundled", bundled},
	}
}

// exportAll renders every format of one view, each as one file.
func exportAll(g *graph.Graph, v graph.View, opt render.Options) map[string][]byte {
	concepts, relations := CSV(g, v)
	return map[string][]byte{
		"mmd":           Mermaid(g, v, OptionsOf(opt)),
		"graphml":       GraphML(g, v, OptionsOf(opt)),
		"json":          JSON(g, v),
		"concepts.csv":  concepts,
		"relations.csv": relations,
		"cypher":        Cypher(g, v),
		"dot":           render.DOT(g, v, opt),
	}
}

// TestExportGolden pins every format for the fixture: the whole graph in
// English, and the plan for gqa in Chinese, left to right.
func TestExportGolden(t *testing.T) {
	g := fixture(t)
	pv, popt := planOptions(t, g, render.Options{Look: render.Look{Lang: graph.Zh, RankDir: "LR"}})
	for _, tc := range []struct {
		name string
		v    graph.View
		opt  render.Options
	}{
		{"export-en", g.All(), render.Options{}},
		{"export-zh-lr-plan", pv, popt},
	} {
		for ext, b := range exportAll(g, tc.v, tc.opt) {
			if ext == "dot" {
				continue // the DOT goldens are TestDOTGolden's
			}
			t.Run(tc.name+"."+ext, func(t *testing.T) { rendertest.Golden(t, tc.name+"."+ext, b) })
		}
	}
}

func TestExportDeterministic(t *testing.T) {
	for _, eg := range exportGraphs(t) {
		v := eg.g.All()
		a := exportAll(eg.g, v, render.Options{Look: render.Look{Lang: graph.Both}})
		// A second graph loaded from the same files, so no state is shared.
		var g2 *graph.Graph
		if eg.name == "bundled" {
			g2, _ = graph.Load(data.FS)
		} else {
			g2 = rendertest.Load(t, map[string]string{"fixture": "../testdata/fixture.yaml", "hostile": "../testdata/hostile.yaml"}[eg.name])
		}
		b := exportAll(g2, g2.All(), render.Options{Look: render.Look{Lang: graph.Both}})
		for ext := range a {
			if !bytes.Equal(a[ext], b[ext]) {
				t.Errorf("%s: two %s exports differ", eg.name, ext)
			}
		}
	}
}

// TestExportHandBuiltView checks that an edge to a concept outside the
// view is left out of every format, and that an empty view exports.
func TestExportHandBuiltView(t *testing.T) {
	g := fixture(t)
	v := graph.View{
		Concepts: []*graph.Concept{g.Concept("softmax")},
		Edges:    g.Out("softmax"), // softmax requires vector, which is not in view
	}
	for ext, b := range exportAll(g, v, render.Options{}) {
		if bytes.Contains(b, []byte("vector")) || bytes.Contains(b, []byte("Vector")) {
			t.Errorf("%s names the concept outside the view:\n%s", ext, b)
		}
		if ext != "relations.csv" && !bytes.Contains(b, []byte("softmax")) && !bytes.Contains(b, []byte("Softmax")) {
			t.Errorf("%s lacks softmax:\n%s", ext, b)
		}
	}
	for ext, b := range exportAll(g, graph.View{}, render.Options{}) {
		if len(b) == 0 {
			t.Errorf("%s of an empty view is empty", ext)
		}
	}
}

// TestDOTHostileNative checks that native Graphviz reads the DOT of the
// hostile and bundled graphs, as export writes it: with edge labels up to
// render.EdgeLabelLimit edges. (Graphviz 2.43, Debian 12's, fails to route the
// whole bundled map with edge labels: "lost edge".)
func TestDOTHostileNative(t *testing.T) {
	dot, err := exec.LookPath("dot")
	if err != nil {
		rendertest.Missing(t, "native dot not found; apt-get install graphviz (.ci/run does)")
	}
	for _, eg := range exportGraphs(t) {
		for _, lang := range []graph.Lang{graph.En, graph.Both} {
			v := eg.g.All()
			var stdout, stderr bytes.Buffer
			cmd := exec.Command(dot, "-Tsvg")
			cmd.Stdin = bytes.NewReader(render.DOT(eg.g, v, render.Options{Look: render.Look{Lang: lang, NoEdgeLabels: len(v.Edges) > render.EdgeLabelLimit}}))
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil || stderr.Len() > 0 {
				t.Errorf("%s %s: dot: %v\n%s", eg.name, lang, err, stderr.String())
			}
		}
	}
}

// --- JSON

func TestJSONComplete(t *testing.T) {
	for _, eg := range exportGraphs(t) {
		t.Run(eg.name, func(t *testing.T) {
			g := eg.g
			for _, v := range []graph.View{g.All(), g.Induced(g.Concepts()[:len(g.Concepts())/2], nil)} {
				b := JSON(g, v)
				dec := json.NewDecoder(bytes.NewReader(b))
				dec.DisallowUnknownFields()
				var doc jsonDoc
				if err := dec.Decode(&doc); err != nil {
					t.Fatalf("JSON does not parse: %v", err)
				}
				if doc.Format != "conceptmap" || doc.Version != 1 {
					t.Errorf("format %q version %d", doc.Format, doc.Version)
				}
				// The whole vocabulary and every category, in order.
				if len(doc.Relations) != len(g.Relations()) {
					t.Fatalf("%d relation types, want %d", len(doc.Relations), len(g.Relations()))
				}
				for i, rt := range g.Relations() {
					want := jsonRelation{graph.RelationDoc{ID: rt.ID, Label: rt.Label, Inverse: rt.Inverse, First: rt.First, Role: rt.Role, Reach: rt.Reach}, rt.Style}
					if doc.Relations[i] != want {
						t.Errorf("relation %d = %+v, want %+v", i, doc.Relations[i], want)
					}
				}
				if len(doc.Categories) != len(g.Categories()) {
					t.Fatalf("%d categories, want %d", len(doc.Categories), len(g.Categories()))
				}
				for i, c := range g.Categories() {
					if want := (jsonCategory{c.ID, c.Name}); doc.Categories[i] != want {
						t.Errorf("category %d = %+v, want %+v", i, doc.Categories[i], want)
					}
				}
				// The concepts of the view by id, each as show --json has it
				// but for relations outside the view.
				if len(doc.Nodes) != len(v.Concepts) {
					t.Fatalf("%d nodes, want %d", len(doc.Nodes), len(v.Concepts))
				}
				in := map[string]bool{}
				for _, c := range v.Concepts {
					in[c.ID] = true
				}
				keep := func(es []graph.Edge) []graph.Edge {
					var out []graph.Edge
					for _, e := range es {
						if in[e.From] && in[e.To] {
							out = append(out, e)
						}
					}
					return out
				}
				for i, c := range view.Concepts(v) {
					want := NewConceptJSON(c, keep(g.Out(c.ID)), keep(g.In(c.ID)))
					// What the JSON decoder gives for empty lists and a nil analogy.
					if want.Refs == nil {
						want.Refs = doc.Nodes[i].Refs
					}
					if !reflect.DeepEqual(doc.Nodes[i], want) {
						t.Errorf("node %d:\n got %+v\nwant %+v", i, doc.Nodes[i], want)
					}
				}
				if len(doc.Edges) != len(v.Edges) {
					t.Fatalf("%d edges, want %d", len(doc.Edges), len(v.Edges))
				}
				for i, e := range v.Edges {
					if want := NewEdgeJSON(e); doc.Edges[i] != want {
						t.Errorf("edge %d = %+v, want %+v", i, doc.Edges[i], want)
					}
				}
			}
		})
	}
}

// TestJSONFieldOrder pins the top-level keys and their order, which the
// importer and people reading the file rely on.
func TestJSONFieldOrder(t *testing.T) {
	g := fixture(t)
	dec := json.NewDecoder(bytes.NewReader(JSON(g, g.All())))
	var keys []string
	depth := 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case json.Delim:
			if tok == '{' || tok == '[' {
				depth++
			} else {
				depth--
			}
		case string:
			if depth == 1 && dec.More() {
				keys = append(keys, tok)
			}
		}
	}
	// Values at depth 1 that are strings ("conceptmap") show up too.
	keys = slices.DeleteFunc(keys, func(k string) bool { return k == "conceptmap" })
	if got, want := strings.Join(keys, " "), "format version relations categories nodes edges"; got != want {
		t.Errorf("top-level keys %s, want %s", got, want)
	}
}

// --- CSV

// TestCSVRoundTrip checks the CSV files field by field: the header, the
// concepts by category (in category order) and then by id, each row with
// every field of its concept and its category's names, and the relations
// in the order of the view. The aliases and refs cells read back, with
// graph's readers, as the concept's lists.
func TestCSVRoundTrip(t *testing.T) {
	for _, eg := range exportGraphs(t) {
		t.Run(eg.name, func(t *testing.T) {
			g := eg.g
			v := g.All()
			concepts, relations := CSV(g, v)
			rows := readCSV(t, concepts)
			if !slices.Equal(rows[0], CSVConceptsHeader) || strings.Join(rows[0], ",") != "id,name_en,name_zh,category,summary_en,summary_zh,aliases,analogy_en,analogy_zh,refs,category_en,category_zh" {
				t.Errorf("concepts header %q", rows[0])
			}
			if len(rows)-1 != len(v.Concepts) {
				t.Fatalf("%d concept rows, want %d", len(rows)-1, len(v.Concepts))
			}
			cs := slices.Clone(v.Concepts)
			slices.SortStableFunc(cs, func(a, b *graph.Concept) int {
				if d := g.Category(a.Category).Rank - g.Category(b.Category).Rank; d != 0 {
					return d
				}
				return strings.Compare(a.ID, b.ID)
			})
			for i, c := range cs {
				cat := g.Category(c.Category)
				want := []string{c.ID, c.Name.En, c.Name.Zh, c.Category, c.Summary.En, c.Summary.Zh, graph.JoinCSVAliases(c.Aliases),
					c.Analogy.En, c.Analogy.Zh, graph.FormatCSVRefs(c.Refs), cat.Name.En, cat.Name.Zh}
				for i := range want {
					want[i] = graph.QuoteCSVFormula(want[i])
				}
				row := rows[i+1]
				if !slices.Equal(row, want) {
					t.Errorf("concept row %d:\n got %q\nwant %q", i+1, row, want)
					continue
				}
				if got := graph.SplitCSVAliases(row[6]); !slices.Equal(got, c.Aliases) {
					t.Errorf("%s: aliases %q read back as %q", c.ID, c.Aliases, got)
				}
				if got, err := graph.ParseCSVRefs(row[9]); err != nil || !reflect.DeepEqual(got, c.Refs) {
					t.Errorf("%s: refs %q read back as %q, %v", c.ID, c.Refs, got, err)
				}
			}
			rows = readCSV(t, relations)
			// A relation's own role and reach take two more columns, when
			// any relation has them.
			own := slices.ContainsFunc(v.Edges, func(e graph.Edge) bool { return e.Role != "" || e.Reach != 0 })
			wantHeader := "from,relation,to,why_en,why_zh"
			if own {
				wantHeader += ",role,reach"
			}
			if strings.Join(rows[0], ",") != wantHeader {
				t.Errorf("relations header %q", rows[0])
			}
			if len(rows)-1 != len(v.Edges) {
				t.Fatalf("%d relation rows, want %d", len(rows)-1, len(v.Edges))
			}
			for i, e := range v.Edges {
				want := []string{e.From, e.Relation, e.To, e.Why.En, e.Why.Zh}
				if own {
					j := NewEdgeJSON(e)
					want = append(want, j.Role, j.Reach)
				}
				for i := range want {
					want[i] = graph.QuoteCSVFormula(want[i])
				}
				if !slices.Equal(rows[i+1], want) {
					t.Errorf("relation row %d:\n got %q\nwant %q", i+1, rows[i+1], want)
				}
			}
		})
	}
}

func readCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(b))
	rows, err := r.ReadAll() // checks that every row has as many fields as the header
	if err != nil {
		t.Fatalf("CSV does not parse: %v\n%s", err, b)
	}
	if len(rows) == 0 {
		t.Fatal("CSV has no header")
	}
	// No cell is one that a spreadsheet would run as a formula.
	for _, row := range rows {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("cell %q would run as a formula", cell)
			}
		}
	}
	return rows
}

// --- GraphML

// graphmlBack is what a reader of the GraphML sees, as the test reads it
// with encoding/xml and as networkx reads it: nodes by id and edges in
// order, each with its attributes.
type graphmlBack struct {
	Directed bool                         `json:"directed"`
	Nodes    map[string]map[string]string `json:"nodes"`
	Edges    []graphmlEdge                `json:"edges"`
}

type graphmlEdge struct {
	Source string            `json:"source"`
	Target string            `json:"target"`
	Data   map[string]string `json:"data"`
}

// wantGraphML is the oracle: what each node and edge should carry.
func wantGraphML(g *graph.Graph, v graph.View, lang graph.Lang) graphmlBack {
	want := graphmlBack{Directed: true, Nodes: map[string]map[string]string{}}
	put := func(m map[string]string, k, v string) {
		if v != "" {
			m[k] = xmlClean(v)
		}
	}
	for _, c := range v.Concepts {
		d := map[string]string{}
		put(d, "label", c.Name.In(lang))
		put(d, "name_en", c.Name.En)
		put(d, "name_zh", c.Name.Zh)
		put(d, "category", c.Category)
		put(d, "summary_en", c.Summary.En)
		put(d, "summary_zh", c.Summary.Zh)
		put(d, "analogy_en", c.Analogy.En)
		put(d, "analogy_zh", c.Analogy.Zh)
		put(d, "aliases", graph.JoinAliases(c.Aliases, "; "))
		want.Nodes[xmlClean(c.ID)] = d
	}
	for _, e := range v.Edges {
		d := map[string]string{}
		rt := g.Relation(e.Relation)
		put(d, "relation", e.Relation)
		put(d, "label_en", rt.Label.En)
		put(d, "label_zh", rt.Label.Zh)
		put(d, "why_en", e.Why.En)
		put(d, "why_zh", e.Why.Zh)
		put(d, "role", string(e.Role))
		put(d, "reach", reachText(e.Reach))
		want.Edges = append(want.Edges, graphmlEdge{xmlClean(e.From), xmlClean(e.To), d})
	}
	return want
}

// xmlClean is what XML can carry of s: control characters other than
// tab, line feed and carriage return become U+FFFD.
func xmlClean(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' {
			return '\uFFFD'
		}
		return r
	}, s)
}

// readGraphML reads a GraphML document with encoding/xml, checking its
// namespace and that every data key is declared for its kind of element.
func readGraphML(t *testing.T, b []byte) graphmlBack {
	t.Helper()
	var doc struct {
		XMLName xml.Name
		Keys    []struct {
			ID   string `xml:"id,attr"`
			For  string `xml:"for,attr"`
			Name string `xml:"attr.name,attr"`
			Type string `xml:"attr.type,attr"`
		} `xml:"key"`
		Graph struct {
			EdgeDefault string `xml:"edgedefault,attr"`
			Nodes       []struct {
				ID   string `xml:"id,attr"`
				Data []struct {
					Key   string `xml:"key,attr"`
					Value string `xml:",chardata"`
				} `xml:"data"`
			} `xml:"node"`
			Edges []struct {
				ID     string `xml:"id,attr"`
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
				Data   []struct {
					Key   string `xml:"key,attr"`
					Value string `xml:",chardata"`
				} `xml:"data"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("GraphML is not well-formed XML: %v", err)
	}
	if doc.XMLName.Space != "http://graphml.graphdrawing.org/xmlns" || doc.XMLName.Local != "graphml" {
		t.Errorf("root element %v", doc.XMLName)
	}
	keys := map[string]string{}
	for _, k := range doc.Keys {
		if k.ID != k.Name || k.Type != "string" {
			t.Errorf("key %+v", k)
		}
		keys[k.ID] = k.For
	}
	back := graphmlBack{Directed: doc.Graph.EdgeDefault == "directed", Nodes: map[string]map[string]string{}}
	for _, n := range doc.Graph.Nodes {
		d := map[string]string{}
		for _, x := range n.Data {
			if keys[x.Key] != "node" {
				t.Errorf("node %s: data key %q is not declared for nodes", n.ID, x.Key)
			}
			d[x.Key] = x.Value
		}
		back.Nodes[n.ID] = d
	}
	for _, e := range doc.Graph.Edges {
		d := map[string]string{}
		for _, x := range e.Data {
			if keys[x.Key] != "edge" {
				t.Errorf("edge %s: data key %q is not declared for edges", e.ID, x.Key)
			}
			d[x.Key] = x.Value
		}
		back.Edges = append(back.Edges, graphmlEdge{e.Source, e.Target, d})
	}
	return back
}

func TestGraphMLRoundTrip(t *testing.T) {
	for _, eg := range exportGraphs(t) {
		for _, lang := range []graph.Lang{graph.En, graph.Zh, graph.Both} {
			v := eg.g.All()
			got := readGraphML(t, GraphML(eg.g, v, Options{Lang: lang}))
			compareGraphML(t, eg.name+" "+string(lang), got, wantGraphML(eg.g, v, lang), true)
		}
	}
}

// compareGraphML compares what a reader got with the oracle. ordered says
// whether the reader keeps the order of edges.
func compareGraphML(t *testing.T, name string, got, want graphmlBack, ordered bool) {
	t.Helper()
	if !got.Directed {
		t.Errorf("%s: not directed", name)
	}
	if !reflect.DeepEqual(got.Nodes, want.Nodes) {
		for id, w := range want.Nodes {
			if !reflect.DeepEqual(got.Nodes[id], w) {
				t.Errorf("%s: node %q:\n got %q\nwant %q", name, id, got.Nodes[id], w)
			}
		}
		if len(got.Nodes) != len(want.Nodes) {
			t.Errorf("%s: %d nodes, want %d", name, len(got.Nodes), len(want.Nodes))
		}
	}
	if !ordered {
		key := func(e graphmlEdge) string {
			b, _ := json.Marshal(e)
			return string(b)
		}
		cmp := func(a, b graphmlEdge) int { return strings.Compare(key(a), key(b)) }
		got.Edges, want.Edges = slices.Clone(got.Edges), slices.Clone(want.Edges)
		slices.SortFunc(got.Edges, cmp)
		slices.SortFunc(want.Edges, cmp)
	}
	if len(got.Edges) != len(want.Edges) {
		t.Errorf("%s: %d edges, want %d", name, len(got.Edges), len(want.Edges))
		return
	}
	for i := range want.Edges {
		if !reflect.DeepEqual(got.Edges[i], want.Edges[i]) {
			t.Errorf("%s: edge %d:\n got %q\nwant %q", name, i, got.Edges[i], want.Edges[i])
		}
	}
}

// networkxScript reads a GraphML file with networkx and prints its nodes
// and edges as JSON.
const networkxScript = `
import json, sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
edges = []
for u, v, d in g.edges(data=True):
    d = {k: x for k, x in d.items() if k != "id"}
    edges.append({"source": u, "target": v, "data": d})
json.dump({"directed": g.is_directed(), "nodes": {n: d for n, d in g.nodes(data=True)}, "edges": edges},
          sys.stdout, ensure_ascii=False)
print()
print(nx.__version__, file=sys.stderr)
`

// TestGraphMLNetworkx reads the GraphML of every test graph with networkx,
// as users of Python will, and checks every attribute of every node and
// edge. In CI (CI set) a missing networkx is a failure.
func TestGraphMLNetworkx(t *testing.T) {
	python := pythonWithNetworkx(t)
	dir := t.TempDir()
	for _, eg := range exportGraphs(t) {
		v := eg.g.All()
		path := filepath.Join(dir, eg.name+".graphml")
		if err := os.WriteFile(path, GraphML(eg.g, v, Options{Lang: graph.Both}), 0o644); err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		cmd := exec.Command(python, "-c", networkxScript, path)
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Errorf("%s: networkx cannot read the GraphML: %v\n%s", eg.name, err, stderr.String())
			continue
		}
		var got graphmlBack
		if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
			t.Fatalf("%s: %v\n%s", eg.name, err, stdout.String())
		}
		// networkx keeps edges grouped by source, not in file order.
		compareGraphML(t, eg.name+" (networkx "+strings.TrimSpace(stderr.String())+")", got, wantGraphML(eg.g, v, graph.Both), false)
	}
}

// pythonWithNetworkx returns a Python that can import networkx:
// $CONCEPTMAP_PYTHON, python3 on the PATH, or Debian's /usr/bin/python3,
// where apt-get install python3-networkx puts it.
func pythonWithNetworkx(t *testing.T) string {
	t.Helper()
	for _, p := range []string{os.Getenv("CONCEPTMAP_PYTHON"), "python3", "/usr/bin/python3"} {
		if p == "" {
			continue
		}
		if path, err := exec.LookPath(p); err == nil && exec.Command(path, "-c", "import networkx").Run() == nil {
			return path
		}
	}
	rendertest.Missing(t, "no python3 with networkx; apt-get install python3-networkx (.ci/run does)")
	return ""
}

// lists is a graph whose aliases and references hold what the aliases
// and refs cells of a CSV must escape: separators, backslashes, angle
// brackets, line breaks, URLs that look like arXiv links, references with
// no title or nothing at all.
const lists = `categories:
  - id: b
    name: {en: "B <first>", zh: 乙}
  - id: a
    name: {en: "A; a", zh: "甲；\\"}
concepts:
  - id: x
    name: {en: X}
    category: a
    aliases: ["a;b", "c；d", 'back\slash', 'trailing\', 'two\\;', '\;', 'e\f;g']
    refs:
      - {title: "Title <with> brackets", arxiv: "1234.5678", url: "https://example.com/a?b=c&d=<e>"}
      - {title: "Ends with <x>"}
      - {title: "Two\nlines \\ and a backslash \\", url: "arXiv:not-an-id"}
      - {url: "https://example.com/only-url"}
      - {arxiv: "2501.12948"}
      - {}
      - {title: "arXiv:looks like a link", arxiv: "1", url: "arXiv:2"}
  - id: y
    name: {zh: 乙}
    category: b
    aliases: [Y]
    analogy: {en: "Like x; but \"y\"", zh: 像 x}
    relations:
      - {relation: requires, to: x, why: {en: "x, first", zh: "先 x"}}
  - id: z
    name: {en: Z}
    category: b
    relations:
      - {relation: related_to, to: y}
`

// roundTripGraphs are the graphs that must come back unchanged from JSON
// and CSV: those of every export, the graph package's fixture, and lists.
// vocab is the relation vocabulary that a CSV load needs, as a file.
func roundTripGraphs(t *testing.T) []struct {
	name  string
	g     *graph.Graph
	vocab []byte
} {
	t.Helper()
	var out []struct {
		name  string
		g     *graph.Graph
		vocab []byte
	}
	add := func(name string, g *graph.Graph, vocab []byte) {
		out = append(out, struct {
			name  string
			g     *graph.Graph
			vocab []byte
		}{name, g, vocab})
	}
	for _, eg := range exportGraphs(t) {
		vocab := vocabularyJSON(t, eg.g)
		if eg.name == "bundled" {
			vocab = data.Vocabulary // as conceptmap loads --data
		}
		add(eg.name, eg.g, vocab)
	}
	g := rendertest.Load(t, "../../graph/testdata/fixture.yaml")
	add("graph fixture", g, vocabularyJSON(t, g))
	var l graph.Loader
	l.DefaultVocabulary("relations.yaml", data.Vocabulary)
	l.AddFile("lists.yaml", []byte(lists))
	g, err := l.Load()
	if err != nil {
		t.Fatal(err)
	}
	add("lists", g, data.Vocabulary)
	return out
}

// vocabularyJSON returns g's relation vocabulary alone as a JSON file.
func vocabularyJSON(t *testing.T, g *graph.Graph) []byte {
	t.Helper()
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(JSON(g, graph.View{}), &doc); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(map[string]json.RawMessage{"format": doc["format"], "version": doc["version"], "relations": doc["relations"]})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestExportLoadsBack loads each JSON and CSV export with graph's loader,
// the CSV over the graph's relation vocabulary (which CSV does not
// carry), and checks that the graph that comes back is the same: every
// relation type, every category with its names in order (for CSV, every
// category that has concepts, as a category without any has no row to
// carry it), every concept with all its fields, every edge with its
// reasons, and the same plans. Exporting it again gives the same bytes.
func TestExportLoadsBack(t *testing.T) {
	for _, rg := range roundTripGraphs(t) {
		loadsBack(t, rg.name, rg.g, rg.vocab)
	}
}

// loadsBack checks that g's JSON and CSV exports load back as g (the CSV
// over vocab, g's relation vocabulary as a file), and export again as the
// same bytes.
func loadsBack(t *testing.T, name string, g *graph.Graph, vocab []byte) {
	t.Helper()
	v := g.All()
	js := JSON(g, v)
	var l graph.Loader
	l.AddFile(name+".json", js)
	g2, err := l.Load()
	if err != nil {
		t.Errorf("%s: the JSON export does not load: %v", name, err)
	} else {
		sameGraph(t, name+" JSON", g, g2, false)
		if again := JSON(g2, g2.All()); !bytes.Equal(again, js) {
			t.Errorf("%s: JSON → load → JSON changed the bytes", name)
		}
	}

	concepts, relations := CSV(g, v)
	l = graph.Loader{}
	vocabName := "relations.yaml"
	if bytes.HasPrefix(vocab, []byte("{")) {
		vocabName = "relations.json"
	}
	l.DefaultVocabulary(vocabName, vocab)
	l.AddFile("concepts.csv", concepts)
	l.AddFile("relations.csv", relations)
	g3, err := l.Load()
	if err != nil {
		t.Errorf("%s: the CSV export does not load: %v", name, err)
		return
	}
	sameGraph(t, name+" CSV", g, g3, true)
	c2, r2 := CSV(g3, g3.All())
	if !bytes.Equal(c2, concepts) || !bytes.Equal(r2, relations) {
		t.Errorf("%s: CSV → load → CSV changed the bytes", name)
	}
}

// sameGraph checks that got, loaded from an export of want, is want.
// usedCategories: only the categories that have concepts are compared.
func sameGraph(t *testing.T, name string, want, got *graph.Graph, usedCategories bool) {
	t.Helper()
	// Relation types, in order.
	var wr, gr []graph.RelationType
	for _, r := range want.Relations() {
		wr = append(wr, *r)
		wr[len(wr)-1].Pos = graph.Pos{}
	}
	for _, r := range got.Relations() {
		gr = append(gr, *r)
		gr[len(gr)-1].Pos = graph.Pos{}
	}
	if !reflect.DeepEqual(gr, wr) {
		t.Errorf("%s: relation types\n got %+v\nwant %+v", name, gr, wr)
	}
	// Categories: ids and names, in rank order.
	used := map[string]bool{}
	for _, c := range want.Concepts() {
		used[c.Category] = true
	}
	var wc, gc []string
	for _, c := range want.Categories() {
		if !usedCategories || used[c.ID] {
			wc = append(wc, fmt.Sprintf("%q %q %q", c.ID, c.Name.En, c.Name.Zh))
		}
	}
	for i, c := range got.Categories() {
		gc = append(gc, fmt.Sprintf("%q %q %q", c.ID, c.Name.En, c.Name.Zh))
		if c.Rank != i {
			t.Errorf("%s: category %s has rank %d at place %d", name, c.ID, c.Rank, i)
		}
	}
	if !slices.Equal(gc, wc) {
		t.Errorf("%s: categories\n got %s\nwant %s", name, strings.Join(gc, ", "), strings.Join(wc, ", "))
	}
	// Concepts, every field but the position; an empty list is no list.
	strip := func(c *graph.Concept) graph.Concept {
		x := *c
		x.Pos = graph.Pos{}
		if len(x.Aliases) == 0 {
			x.Aliases = nil
		}
		if len(x.Refs) == 0 {
			x.Refs = nil
		}
		return x
	}
	if len(got.Concepts()) != len(want.Concepts()) {
		t.Errorf("%s: %d concepts, want %d", name, len(got.Concepts()), len(want.Concepts()))
	}
	missing := false
	for _, w := range want.Concepts() {
		g := got.Concept(w.ID)
		if g == nil {
			t.Errorf("%s: concept %q is missing", name, w.ID)
			missing = true
			continue
		}
		if gs, ws := strip(g), strip(w); !reflect.DeepEqual(gs, ws) {
			t.Errorf("%s: concept %q\n got %#v\nwant %#v", name, w.ID, gs, ws)
		}
	}
	// Edges, in order, with their reasons.
	edges := func(g *graph.Graph) []graph.Edge {
		es := slices.Clone(g.Edges())
		for i := range es {
			es[i].Pos = graph.Pos{}
		}
		return es
	}
	if ge, we := edges(got), edges(want); !reflect.DeepEqual(ge, we) {
		t.Errorf("%s: edges\n got %+v\nwant %+v", name, ge, we)
	}
	// Plans: each concept alone, and a few together over a known one.
	if missing {
		return
	}
	plan := func(g *graph.Graph, targets, known []string) string {
		find := func(ids []string) []*graph.Concept {
			var cs []*graph.Concept
			for _, id := range ids {
				cs = append(cs, g.Concept(id))
			}
			return cs
		}
		var b strings.Builder
		for _, s := range g.Plan(find(targets), find(known)).Steps {
			fmt.Fprintf(&b, "%s %v", s.Concept.ID, s.Target)
			for _, e := range s.Because {
				fmt.Fprintf(&b, " %s-%s-%s", e.From, e.Relation, e.To)
			}
			b.WriteString("; ")
		}
		return b.String()
	}
	var ids []string
	for _, c := range want.Concepts() {
		ids = append(ids, c.ID)
	}
	var every3 []string
	for i := 0; i < len(ids); i += 3 {
		every3 = append(every3, ids[i])
	}
	cases := [][2][]string{{ids[len(ids)/2:], ids[:1]}, {every3, nil}}
	for _, id := range ids {
		cases = append(cases, [2][]string{{id}, nil})
	}
	for _, c := range cases {
		if gp, wp := plan(got, c[0], c[1]), plan(want, c[0], c[1]); gp != wp {
			t.Errorf("%s: plan %v knowing %v\n got %s\nwant %s", name, c[0], c[1], gp, wp)
		}
	}
}
