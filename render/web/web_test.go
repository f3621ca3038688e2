package web

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/conceptmap/conceptmap/graph"
)

// A served page embeds no data: it asks the server, which its Content
// Security Policy allows, for everything.
func TestServedPage(t *testing.T) {
	p := &Page{Lang: graph.Zh, Watch: true, Formats: []Format{{ID: "svg", Label: "SVG"}}}
	b, err := p.HTML()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<html lang="zh">`,
		`{"mode":"server","lang":"zh","watch":true,"formats":[{"id":"svg","label":"SVG"}],"arxiv":"https://arxiv.org/abs/"}`,
		`connect-src &#39;self&#39;`,
		`script-src ` + strings.ReplaceAll(strings.ReplaceAll(scriptHash(), "'", "&#39;"), "+", "&#43;"),
	} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("the served page lacks %s", want)
		}
	}
	if bytes.Contains(b, []byte(`id="cm-model"`)) || bytes.Contains(b, []byte(`id="cm-maps"`)) {
		t.Error("the served page embeds data")
	}
}

// The offline page may connect nowhere.
func TestOfflinePage(t *testing.T) {
	p := &Page{Offline: true, Model: &Model{}, Maps: map[graph.Lang][]byte{graph.Both: []byte(`<?xml version="1.0"?><!-- c --><svg></svg>`)}, Focus: "a", Targets: []string{"b"}}
	b, err := p.HTML()
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b, []byte("connect-src")) || !bytes.Contains(b, []byte(`default-src &#39;none&#39;`)) {
		t.Error("the offline page may connect to a server")
	}
	for _, want := range []string{`"mode":"offline"`, `"focus":"a","targets":["b"]`, `<script type="application/json" id="cm-maps">{"en":0,"zh":0,"both":0,"maps":["<svg><\/svg>"]}</script>`} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("the offline page lacks %s", want)
		}
	}
}

// The maps of an offline page: one per language, those drawn alike
// shared, and a language without one showing the first language's map
// (or else another).
func TestOfflineMaps(t *testing.T) {
	svg := func(s string) []byte { return []byte(`<?xml version="1.0"?>` + "\n<!-- x -->\n<svg>" + s + "</svg>\n") }
	for _, c := range []struct {
		lang graph.Lang
		maps map[graph.Lang][]byte
		want string
	}{
		{graph.En, map[graph.Lang][]byte{graph.En: svg("a"), graph.Zh: svg("b"), graph.Both: svg("c")},
			`{"en":0,"zh":1,"both":2,"maps":["<svg>a<\/svg>\n","<svg>b<\/svg>\n","<svg>c<\/svg>\n"]}`},
		{graph.Zh, map[graph.Lang][]byte{graph.En: svg("a"), graph.Zh: svg("a"), graph.Both: svg("c")},
			`{"en":0,"zh":0,"both":1,"maps":["<svg>a<\/svg>\n","<svg>c<\/svg>\n"]}`},
		{graph.Zh, map[graph.Lang][]byte{graph.Zh: svg("z")},
			`{"en":0,"zh":0,"both":0,"maps":["<svg>z<\/svg>\n"]}`},
		{graph.Zh, map[graph.Lang][]byte{graph.Both: svg("b")},
			`{"en":0,"zh":0,"both":0,"maps":["<svg>b<\/svg>\n"]}`},
		{graph.En, nil, `{"en":0,"zh":0,"both":0,"maps":[""]}`},
	} {
		p := &Page{Offline: true, Lang: c.lang, Model: &Model{}, Maps: c.maps}
		b, err := p.HTML()
		if err != nil {
			t.Fatal(err)
		}
		if want := `<script type="application/json" id="cm-maps">` + c.want + `</script>`; !bytes.Contains(b, []byte(want)) {
			i := bytes.Index(b, []byte(`id="cm-maps"`))
			t.Errorf("maps %s in %s: the page holds\n%s\nwant\n%s", c.maps, c.lang, b[i:i+bytes.IndexByte(b[i:], '\n')], want)
		}
	}
}

// An offline page's overviews are a set of maps of their own, as its maps
// are; a page without them has no such block. A served page says whether
// it may use the known file.
func TestOverviewsAndKnownFile(t *testing.T) {
	svg := func(s string) []byte { return []byte("<svg>" + s + "</svg>") }
	p := &Page{Offline: true, Lang: graph.En, Model: &Model{}, Maps: map[graph.Lang][]byte{graph.En: svg("m")},
		Overviews: map[graph.Lang][]byte{graph.En: svg("o"), graph.Zh: svg("p")}}
	b, err := p.HTML()
	if err != nil {
		t.Fatal(err)
	}
	if want := `<script type="application/json" id="cm-overviews">{"en":0,"zh":1,"both":0,"maps":["<svg>o<\/svg>","<svg>p<\/svg>"]}</script>`; !bytes.Contains(b, []byte(want)) {
		t.Errorf("the offline page lacks %s", want)
	}
	p.Categories = map[string]map[graph.Lang][]byte{"b": {graph.Zh: svg("b")}, "a": {graph.En: svg("a")}}
	if b, _ = p.HTML(); !bytes.Contains(b, []byte(`<script type="application/json" id="cm-categories">{"a":{"en":0,"zh":0,"both":0,"maps":["<svg>a<\/svg>"]},"b":{"en":0,"zh":0,"both":0,"maps":["<svg>b<\/svg>"]}}</script>`)) {
		t.Error("the offline page lacks its categories' maps, by id")
	}
	p.Overviews, p.Categories = nil, nil
	if b, _ = p.HTML(); bytes.Contains(b, []byte(`id="cm-overviews"`)) || bytes.Contains(b, []byte(`id="cm-categories"`)) {
		t.Error("a page without overviews or categories has a block for them")
	}
	for _, on := range []bool{true, false} {
		b, _ := (&Page{KnownFile: on}).HTML()
		if got := bytes.Contains(b, []byte(`"knownFile":true`)); got != on {
			t.Errorf("KnownFile %v: the page's configuration says %v", on, got)
		}
	}
}

// scriptJSON escapes what could end or change a script element, and
// decodes to what it encoded.
func TestScriptJSON(t *testing.T) {
	in := []string{"</script><script>alert(1)</script>", "</SCRIPT >", "<!--<script>", "<![CDATA[", "a\u2028b\u2029c", `\</`, "<svg>&amp;&lt;/script&gt;</svg>"}
	b, err := scriptJSON(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"</", "<!", "\u2028", "\u2029"} {
		if bytes.Contains(b, []byte(bad)) {
			t.Errorf("%s holds %q", b, bad)
		}
	}
	var out []string
	if err := json.Unmarshal(b, &out); err != nil || !slices.Equal(out, in) {
		t.Errorf("%s decodes to %q (%v), want %q", b, out, err, in)
	}
}
