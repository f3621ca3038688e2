package render

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/internal/rendertest"
)

// The fixture graph, testdata/fixture.yaml. Arrows point from source to
// target as written in the data; categories in brackets.
//
//	[foundations]                  [architecture]
//	vector ◀─requires── softmax ◀─requires── attention ◀─improves_on── mha ◀─improves_on── gqa
//	  ▲                   ▲                                             │  ◀┄┄related_to┄┄┘
//	  ┊related_to         │requires                                     └─part_of─▶ transformer
//	  evil ───────────────┘                               [other] orphan
//
// evil is the concept with a hostile id, name and summary. The vocabulary
// also declares uses, which no edge has, and the category training, which
// no concept is in.
func fixture(t testing.TB) *graph.Graph {
	t.Helper()
	return load(t, "testdata/fixture.yaml")
}

func load(t testing.TB, name string) *graph.Graph { return rendertest.Load(t, name) }

func loadBytes(t testing.TB, name string, data []byte) *graph.Graph {
	return rendertest.LoadBytes(t, name, data)
}

func golden(t *testing.T, name string, got []byte) { t.Helper(); rendertest.Golden(t, name, got) }

func wantLines(t graph.Text, lang graph.Lang) []string { return rendertest.WantLines(t, lang) }

// bigGraph makes a graph of n concepts in 8 categories, with names of
// mixed lengths in English and Chinese and about two relations each, the
// same every time.
func bigGraph(t testing.TB, n int) *graph.Graph {
	t.Helper()
	rels, err := os.ReadFile("../data/relations.yaml")
	if err != nil {
		t.Fatal(err)
	}
	en := []string{"Attention", "Softmax", "Layer norm", "Residual stream", "Key-value cache", "Tokenizer", "Rotary position embedding", "Mixture of experts"}
	zh := []string{"注意力", "归一化指数函数", "层归一化", "残差流", "键值缓存", "分词器", "旋转位置编码", "混合专家模型"}
	var b strings.Builder
	b.WriteString("categories:\n")
	for i := range 8 {
		fmt.Fprintf(&b, "  - {id: c%d, name: {en: \"Category %d\", zh: \"第%d类概念\"}}\n", i, i, i)
	}
	b.WriteString("concepts:\n")
	r := rand.New(rand.NewPCG(1, 2))
	for i := range n {
		k := r.IntN(len(en))
		fmt.Fprintf(&b, "  - id: k%02d\n    name: {en: \"%s %d\", zh: \"%s%d\"}\n    category: c%d\n", i, en[k], i, zh[k], i, r.IntN(8))
		fmt.Fprintf(&b, "    summary: {en: \"Concept %d.\", zh: \"概念 %d。\"}\n", i, i)
		if i == 0 {
			continue
		}
		b.WriteString("    relations:\n")
		// Keep learning order acyclic: what a concept points to with
		// requires or uses comes earlier; what it is part of, later.
		for range 1 + r.IntN(2) {
			j := r.IntN(i)
			switch r.IntN(4) {
			case 0:
				fmt.Fprintf(&b, "      - {relation: uses, to: k%02d}\n", j)
			case 1:
				fmt.Fprintf(&b, "      - {relation: related_to, to: k%02d}\n", j)
			default:
				fmt.Fprintf(&b, "      - {relation: requires, to: k%02d}\n", j)
			}
		}
	}
	var l graph.Loader
	l.AddFile("relations.yaml", rels)
	l.AddFile("big.yaml", []byte(b.String()))
	g, err := l.Load()
	if err != nil {
		t.Fatalf("loading the generated graph: %v", err)
	}
	return g
}

// An svgDoc is what the tests need from a rendered map.
type svgDoc struct {
	nodes    []*svgGroup
	edges    []*svgGroup
	clusters []*svgGroup
	fonts    map[string]bool // every font-family
}

// svgGroup is one node, edge or cluster.
type svgGroup struct {
	id, class, title string
	tooltip          string
	stroke           string  // of the first shape
	minX, maxX       float64 // of the first shape
	texts            []svgText
}

type svgText struct {
	anchor string
	x      float64
	size   float64
	text   string
}

func (g *svgGroup) lines() []string {
	var s []string
	for _, t := range g.texts {
		s = append(s, t.text)
	}
	return s
}

var numRE = regexp.MustCompile(`-?[0-9]*\.?[0-9]+`)

// parseSVG decodes the whole document, failing the test if it is not
// well-formed XML, and collects its nodes, edges and clusters.
func parseSVG(t testing.TB, b []byte) *svgDoc {
	t.Helper()
	doc := &svgDoc{fonts: map[string]bool{}}
	dec := xml.NewDecoder(bytes.NewReader(b))
	var cur *svgGroup
	depth, curDepth := 0, 0
	var text *svgText
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			depth++
			attr := map[string]string{}
			for _, a := range tok.Attr {
				attr[a.Name.Local] = a.Value
			}
			if f, ok := attr["font-family"]; ok {
				doc.fonts[f] = true
			}
			switch tok.Name.Local {
			case "g":
				kind, _, _ := strings.Cut(attr["class"], " ")
				if cur == nil && (kind == "node" || kind == "edge" || kind == "cluster") {
					cur = &svgGroup{id: attr["id"], class: attr["class"], minX: 1e9, maxX: -1e9}
					curDepth = depth
					switch kind {
					case "node":
						doc.nodes = append(doc.nodes, cur)
					case "edge":
						doc.edges = append(doc.edges, cur)
					default:
						doc.clusters = append(doc.clusters, cur)
					}
				}
			case "a":
				if cur != nil && cur.tooltip == "" {
					cur.tooltip = attr["title"]
				}
			case "title":
				if cur != nil {
					text = &svgText{anchor: "title"}
				}
			case "path", "polygon", "ellipse":
				if cur == nil || cur.stroke != "" {
					break
				}
				cur.stroke = attr["stroke"]
				if tok.Name.Local == "ellipse" {
					cx, _ := strconv.ParseFloat(attr["cx"], 64)
					rx, _ := strconv.ParseFloat(attr["rx"], 64)
					cur.minX, cur.maxX = cx-rx, cx+rx
					break
				}
				nums := numRE.FindAllString(attr["d"]+attr["points"], -1)
				for i := 0; i < len(nums); i += 2 {
					x, _ := strconv.ParseFloat(nums[i], 64)
					cur.minX, cur.maxX = min(cur.minX, x), max(cur.maxX, x)
				}
			case "text":
				if cur != nil {
					x, _ := strconv.ParseFloat(attr["x"], 64)
					size, _ := strconv.ParseFloat(attr["font-size"], 64)
					text = &svgText{anchor: attr["text-anchor"], x: x, size: size}
				}
			}
		case xml.CharData:
			if text != nil {
				text.text += string(tok)
			}
		case xml.EndElement:
			if text != nil && (tok.Name.Local == "text" || tok.Name.Local == "title") {
				if text.anchor == "title" {
					cur.title = text.text
				} else {
					cur.texts = append(cur.texts, *text)
				}
				text = nil
			}
			if cur != nil && depth == curDepth {
				cur = nil
			}
			depth--
		}
	}
	return doc
}

// byID returns the nodes of the document by their id attribute.
func (d *svgDoc) byID() map[string]*svgGroup {
	m := map[string]*svgGroup{}
	for _, n := range d.nodes {
		m[n.id] = n
	}
	return m
}

// withClass returns the groups that have class c besides their kind.
func withClass(gs []*svgGroup, c string) []*svgGroup {
	var out []*svgGroup
	for _, g := range gs {
		if strings.Contains(" "+g.class+" ", " "+c+" ") {
			out = append(out, g)
		}
	}
	return out
}
