package render

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	stdhtml "html"
	"regexp"
	"strings"
	"testing"

	"github.com/conceptmap/conceptmap/data"
	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/web"
)

// The explorer page is tested here as a document; cmd/conceptmap's
// browser tests run it in Chromium.

var (
	jsonScript = regexp.MustCompile(`(?s)<script type="application/json" id="(cm-[a-z]+)">(.*?)</script>`)
	codeScript = regexp.MustCompile(`(?s)<script>(.*?)</script>`)
)

// embeddedMaps returns the maps of a page's cm-maps block by language,
// and how many distinct maps it holds.
func embeddedMaps(t *testing.T, blocks map[string][]byte) (map[graph.Lang]string, int) {
	t.Helper()
	return embeddedSet(t, blocks, "cm-maps")
}

// embeddedSet is embeddedMaps of the block id: cm-maps or cm-overviews.
func embeddedSet(t *testing.T, blocks map[string][]byte, id string) (map[graph.Lang]string, int) {
	t.Helper()
	var ms struct {
		En, Zh, Both *int
		Maps         []string
	}
	if err := json.Unmarshal(blocks[id], &ms); err != nil {
		t.Fatalf("the embedded %s: %v", id, err)
	}
	out := map[graph.Lang]string{}
	for l, i := range map[graph.Lang]*int{graph.En: ms.En, graph.Zh: ms.Zh, graph.Both: ms.Both} {
		if i == nil || *i < 0 || *i >= len(ms.Maps) {
			t.Fatalf("the embedded %s have no map for %s: %.200s", id, l, blocks[id])
		}
		out[l] = ms.Maps[*i]
	}
	return out, len(ms.Maps)
}

// pageParts returns the JSON blocks of a page by id, and its code.
func pageParts(t *testing.T, page []byte) (map[string][]byte, string) {
	t.Helper()
	blocks := map[string][]byte{}
	for _, m := range jsonScript.FindAllSubmatch(page, -1) {
		blocks[string(m[1])] = m[2]
	}
	code := codeScript.FindAllSubmatch(page, -1)
	if len(code) != 1 {
		t.Fatalf("the page has %d code scripts, want 1", len(code))
	}
	return blocks, string(code[0][1])
}

func TestExplorerPage(t *testing.T) {
	g, err := graph.Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	v := g.All()
	opt := Options{Look: Look{Lang: graph.Both, NoEdgeLabels: true}}
	page, err := HTML(context.Background(), g, v, opt)
	if err != nil {
		t.Fatal(err)
	}
	blocks, code := pageParts(t, page)

	var m web.Model
	if err := json.Unmarshal(blocks["cm-model"], &m); err != nil {
		t.Fatalf("the embedded model: %v", err)
	}
	if len(m.Concepts) != len(g.Concepts()) || len(m.Edges) != len(g.Edges()) || len(m.Relations) != len(g.Relations()) || len(m.Categories) != len(g.Categories()) {
		t.Errorf("the model has %d concepts, %d edges, %d relation types, %d categories", len(m.Concepts), len(m.Edges), len(m.Relations), len(m.Categories))
	}
	for i, e := range g.Edges() {
		if me := m.Edges[i]; me.From != e.From || me.To != e.To || me.Relation != e.Relation {
			t.Fatalf("edge %d is %v in the model, %v in the graph: the plan needs the graph's order", i, me, e)
		}
	}
	// The map in each language of the page's switch: SVG's drawing of the
	// view with the same options in that language.
	maps, n := embeddedMaps(t, blocks)
	if n != 3 {
		t.Fatalf("the page holds %d maps, want 3", n)
	}
	for _, l := range []graph.Lang{graph.En, graph.Zh, graph.Both} {
		o := opt
		o.Lang = l
		want, err := SVG(context.Background(), g, v, o)
		if err != nil {
			t.Fatal(err)
		}
		if svg := maps[l]; !strings.HasPrefix(svg, "<svg") || !bytes.HasSuffix(want, []byte(svg)) {
			t.Errorf("the %s map is not SVG's drawing of the view in %s", l, l)
		}
	}
	// And the overview, which the page opens on, in each language.
	overviews, _ := embeddedSet(t, blocks, "cm-overviews")
	for _, l := range []graph.Lang{graph.En, graph.Zh, graph.Both} {
		o := opt
		o.Lang, o.Overview = l, true
		want, err := SVG(context.Background(), g, v, o)
		if err != nil {
			t.Fatal(err)
		}
		if svg := overviews[l]; !strings.HasPrefix(svg, "<svg") || !bytes.HasSuffix(want, []byte(svg)) || !strings.Contains(svg, `id="category&#45;foundations"`) {
			t.Errorf("the %s overview is not SVG's overview of the view in %s", l, l)
		}
	}
	// And each category's map, untitled.
	var cats map[string]json.RawMessage
	if err := json.Unmarshal(blocks["cm-categories"], &cats); err != nil || len(cats) != len(categoryViews(v)) {
		t.Fatalf("the page holds the maps of %d categories (%v), want %d", len(cats), err, len(categoryViews(v)))
	}
	for _, part := range categoryViews(v) {
		got, _ := embeddedSet(t, map[string][]byte{"cm-categories": cats[part.id]}, "cm-categories")
		for _, l := range []graph.Lang{graph.En, graph.Zh, graph.Both} {
			o := opt
			o.Lang = l
			want, err := SVG(context.Background(), g, part.v, o)
			if err != nil {
				t.Fatal(err)
			}
			if svg := got[l]; !strings.HasPrefix(svg, "<svg") || !bytes.HasSuffix(want, []byte(svg)) {
				t.Errorf("the %s map of %s is not SVG's drawing of its concepts", l, part.id)
			}
		}
		for _, c := range part.v.Concepts {
			if c.Category != part.id {
				t.Errorf("the map of %s holds %s, of %s", part.id, c.ID, c.Category)
			}
		}
	}
	grpo := g.Concept("grpo").Name
	for l, want := range map[graph.Lang][2]bool{graph.En: {true, false}, graph.Zh: {false, true}, graph.Both: {true, true}} {
		if has := [2]bool{strings.Contains(maps[l], ">"+grpo.En+"<"), strings.Contains(maps[l], grpo.Zh)}; has != want {
			t.Errorf("the %s map names GRPO in English, Chinese: %v, want %v", l, has, want)
		}
	}
	var cfg struct {
		Mode, Lang, Focus string
		Targets           []string
	}
	if err := json.Unmarshal(blocks["cm-config"], &cfg); err != nil || cfg.Mode != "offline" || cfg.Lang != "both" {
		t.Errorf("config %s: %v", blocks["cm-config"], err)
	}

	// Self-contained: the only script is inline and allowed by its hash;
	// nothing is loaded from anywhere.
	sum := sha256.Sum256([]byte(code))
	csp := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`).FindSubmatch(page)
	if want := "default-src 'none'; script-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "';"; csp == nil || !strings.HasPrefix(stdhtml.UnescapeString(string(csp[1])), want) {
		t.Errorf("the page's Content Security Policy does not allow exactly its script: %q", csp)
	}
	markup := bytes.ReplaceAll(jsonScript.ReplaceAll(page, nil), []byte("http://www.w3.org/"), nil)
	for _, bad := range []string{"<script src", "<link", "@import", "url(", "http://", "https://", "<iframe", "<img"} {
		if bytes.Contains(markup, []byte(bad)) {
			t.Errorf("the page's own markup, style or code holds %q", bad)
		}
	}
}

func TestExplorerPageStart(t *testing.T) {
	g := fixture(t)
	var p graph.Plan
	cs := g.Concepts()
	p.Targets = cs[:1]
	p.Steps = []graph.Step{{Concept: cs[0], Target: true}}
	var plan Options
	plan.MarkPlan(&p)
	for _, c := range []struct {
		opt          Options
		focus, plans string
	}{
		{Options{}, "", ""},
		{Options{Marks: Marks{Targets: map[string]bool{cs[1].ID: true}}}, cs[1].ID, ""},
		{plan, "", cs[0].ID},
	} {
		page, err := htmlPage(g, c.opt, pageMaps{maps: map[graph.Lang][]byte{graph.En: []byte("<svg/>")}})
		if err != nil {
			t.Fatal(err)
		}
		blocks, _ := pageParts(t, page)
		var cfg struct {
			Focus   string
			Targets []string
		}
		json.Unmarshal(blocks["cm-config"], &cfg)
		if cfg.Focus != c.focus || strings.Join(cfg.Targets, ",") != c.plans {
			t.Errorf("options %+v open on focus %q, targets %v; want %q, %q", c.opt, cfg.Focus, cfg.Targets, c.focus, c.plans)
		}
	}
}

// TestExplorerPageEscapes checks that no text of the data can end a
// script element or be read as markup, in the model or in any of the
// three maps.
func TestExplorerPageEscapes(t *testing.T) {
	g := loadBytes(t, "hostile.yaml", []byte(`
relations:
  - {id: requires, label: needs, first: target}
concepts:
  - id: xss
    name: {en: "<img src=x onerror=alert(1)>", zh: "</script><script>alert(2)</script>"}
    aliases: ["<!--", "]]>"]
    summary: {en: "line`+"\u2028"+`separator & <b>bold</b>"}
    relations:
      - {relation: requires, to: b, why: "<svg onload=alert(3)>"}
  - id: b
    name: {en: "B <!-- <script>", zh: "乙`+"\u2029"+`</SCRIPT >"}
    refs: [{title: "<i>t</i>", url: "javascript:alert(4)"}]
`))
	page, err := HTML(context.Background(), g, g.All(), Options{Look: Look{Lang: graph.Both}, Page: Page{Title: "</title><script>alert(5)</script>"}})
	if err != nil {
		t.Fatal(err)
	}
	checkPageEscapes(t, page)
	blocks, _ := pageParts(t, page)
	var m web.Model
	if err := json.Unmarshal(blocks["cm-model"], &m); err != nil {
		t.Fatal(err)
	}
	if m.Concepts[1].Names.Zh != "</script><script>alert(2)</script>" || m.Concepts[0].Refs[0].Link() != "javascript:alert(4)" {
		t.Errorf("the model does not carry the texts exactly: %+v", m.Concepts)
	}
	// The maps carry the names as SVG text, which Graphviz escaped.
	maps, n := embeddedMaps(t, blocks)
	if n != 3 {
		t.Errorf("the page holds %d maps, want 3", n)
	}
	for l, want := range map[graph.Lang]string{graph.En: "&lt;img src=x onerror=alert(1)&gt;", graph.Zh: "&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;", graph.Both: "&lt;!&#45;&#45; &lt;script&gt;"} {
		if !strings.Contains(maps[l], want) {
			t.Errorf("the %s map lacks %s", l, want)
		}
	}

	// And every text of the hostile fixture, in every export format's way.
	g = load(t, "testdata/hostile.yaml")
	page, err = HTML(context.Background(), g, g.All(), Options{Look: Look{Lang: graph.Zh}})
	if err != nil {
		t.Fatal(err)
	}
	checkPageEscapes(t, page)
	blocks, _ = pageParts(t, page)
	if maps, n := embeddedMaps(t, blocks); n != 3 || !strings.Contains(maps[graph.Zh], "结束") || strings.Contains(maps[graph.En], "结束") {
		t.Errorf("the hostile fixture's page holds %d maps, or not in their languages", n)
	}
}

// checkPageEscapes checks that a page has its script elements (the
// configuration, the model, the maps, the code, and with two categories
// or more, the overviews and the categories' maps) and
// nothing that could end one early or make markup of the data.
func checkPageEscapes(t *testing.T, page []byte) {
	t.Helper()
	for _, bad := range []string{"<img", "</script><script>", "<svg onload", "<b>", "<i>", "<!--", "\u2028", "\u2029", "alert(5)</script>", "</SCRIPT"} {
		if bytes.Contains(page, []byte(bad)) {
			t.Errorf("the page holds %q unescaped", bad)
		}
	}
	want := 4
	if bytes.Contains(page, []byte(`<script type="application/json" id="cm-overviews">`)) {
		want += 2 // and the categories' maps
	}
	if n := bytes.Count(page, []byte("<script")); n != want {
		t.Errorf("the page has %d <script elements, want %d", n, want)
	}
	if n := bytes.Count(bytes.ToLower(page), []byte("</script")); n != want {
		t.Errorf("the page has %d </script, want %d", n, want)
	}
	// Inside a script element, only "</" and "<!" count.
	for _, m := range jsonScript.FindAllSubmatch(page, -1) {
		if bytes.Contains(m[2], []byte("</")) || bytes.Contains(m[2], []byte("<!")) {
			t.Errorf("the %s block holds </ or <!", m[1])
		}
	}
}
