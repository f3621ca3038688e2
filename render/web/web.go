// Package web is conceptmap's explorer: one HTML page, with its script and
// style, that shows a concept graph in a browser. Search, a concept panel,
// a zoomable map to click through, a learning plan and a language switch.
//
// The same page runs two ways. Served (Page.Offline false), it asks
// conceptmap serve for search results, plans and maps (the /api/ endpoints)
// and offers downloads. Offline, it is one self-contained file: the graph
// as JSON and a map drawn beforehand, in each language of the page's
// switch, are embedded in it, and the script searches, plans and
// highlights on its own, with no server and no network.
//
// Everything the page needs is embedded in the binary: there are no
// external scripts, styles or fonts. Concept text reaches the page only as
// JSON (with <, >, &, U+2028 and U+2029 escaped) and is put into the
// document with textContent, never as markup; the page's Content Security
// Policy allows its own script alone. The maps, SVG whose text Graphviz
// has escaped, are embedded as JSON strings too, with every "</" and "<!"
// escaped (see scriptJSON), and parsed as SVG.
package web

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"encoding/json"
	"html/template"
	"strings"
	"sync"

	"github.com/conceptmap/conceptmap/graph"
)

var (
	//go:embed explorer.html
	pageHTML string
	//go:embed explorer.css
	pageCSS string
	//go:embed plan.js
	planJS string
	//go:embed explorer.js
	explorerJS string
)

var (
	// Parsed, and the script hashed, on first use: not when every
	// command of the program starts.
	pageTmpl = sync.OnceValue(func() *template.Template {
		return template.Must(template.New("explorer").Parse(pageHTML))
	})
	// script is the page's one script: the graph algorithms, then the UI.
	script = planJS + "\n" + explorerJS
	// csp allows the page's own script (by its hash) and inline styles,
	// and nothing from anywhere else.
	scriptHash = sync.OnceValue(func() string {
		sum := sha256.Sum256([]byte(script))
		return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	})
)

// Format is a download the served page offers.
type Format struct {
	ID    string `json:"id"`    // the format parameter of /download
	Label string `json:"label"` // what the menu shows
}

// Page says what the explorer page shows and how it gets its data.
type Page struct {
	// Offline makes a self-contained page: Model and Maps are embedded,
	// and the page needs no server.
	Offline bool
	// Lang is the language shown first.
	Lang graph.Lang
	// Title is the page's title.
	Title string
	// Model is the graph (Offline only).
	Model *Model
	// Maps are the map (Offline only) by language, each as render.SVG
	// draws it with that Lang: the page shows the one of the language
	// chosen. A language without one shows Lang's map, or else another.
	Maps map[graph.Lang][]byte
	// Overviews are the overview of the same view (Offline only), one
	// node per category, by language as Maps are: an offline page with
	// them opens on it, as a served page opens on the server's.
	Overviews map[graph.Lang][]byte
	// Categories are the maps of each category's part of the view
	// (Offline only), by category id, each by language as Maps are: a
	// click on a category of the overview shows its map.
	Categories map[string]map[graph.Lang][]byte
	// Focus and Targets are what an offline page shows first: a concept,
	// and the targets of a plan.
	Focus   string
	Targets []string
	// Watch makes a served page ask the server for changes to the data.
	Watch bool
	// Formats are the downloads a served page offers.
	Formats []Format
	// KnownFile lets a served page read and write the known file
	// (/api/known): it starts from it when the browser's storage holds
	// nothing yet, and offers to move its list there and back.
	KnownFile bool
}

// config is what the script learns of the page, as JSON.
type config struct {
	Mode    string     `json:"mode"` // "server" or "offline"
	Lang    graph.Lang `json:"lang"`
	Watch   bool       `json:"watch,omitempty"`
	Formats []Format   `json:"formats,omitempty"`
	Focus   string     `json:"focus,omitempty"`
	Targets []string   `json:"targets,omitempty"`
	// KnownFile: the server offers /api/known.
	KnownFile bool `json:"knownFile,omitempty"`
	// ArXiv is where a reference's arXiv id leads (graph.ArXivAbs): the
	// page's code names no address itself.
	ArXiv string `json:"arxiv"`
}

// HTML returns the page.
func (p *Page) HTML() ([]byte, error) {
	cfg := config{Mode: "server", Lang: p.Lang, Watch: p.Watch, Formats: p.Formats, KnownFile: p.KnownFile}
	csp := "default-src 'none'; script-src " + scriptHash() + "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
	if p.Offline {
		cfg = config{Mode: "offline", Lang: p.Lang, Focus: p.Focus, Targets: p.Targets}
	} else {
		csp += "; connect-src 'self'"
	}
	if cfg.Lang == "" {
		cfg.Lang = graph.Both
	}
	cfg.ArXiv = graph.ArXivAbs
	cfgJSON, err := marshal(cfg)
	if err != nil {
		return nil, err
	}
	data := struct {
		Title, CSP, Lang string
		CSS              template.CSS
		Script           template.JS
		Config           template.JS
		Model, Maps      template.JS
		Overviews        template.JS
		Categories       template.JS
	}{
		Title: p.Title, CSP: csp, Lang: htmlLang(cfg.Lang),
		CSS: template.CSS(pageCSS), Script: template.JS(script), Config: template.JS(cfgJSON),
	}
	if data.Title == "" {
		data.Title = "conceptmap"
	}
	if p.Offline {
		m := p.Model
		if m == nil {
			m = &Model{}
		}
		mj, err := m.JSON()
		if err != nil {
			return nil, err
		}
		sj, err := scriptJSON(newMapSet(p.Maps, cfg.Lang))
		if err != nil {
			return nil, err
		}
		data.Model, data.Maps = template.JS(mj), template.JS(sj)
		if len(p.Overviews) > 0 {
			oj, err := scriptJSON(newMapSet(p.Overviews, cfg.Lang))
			if err != nil {
				return nil, err
			}
			data.Overviews = template.JS(oj)
		}
		if len(p.Categories) > 0 {
			cs := map[string]mapSet{}
			for id, m := range p.Categories {
				cs[id] = newMapSet(m, cfg.Lang)
			}
			cj, err := scriptJSON(cs)
			if err != nil {
				return nil, err
			}
			data.Categories = template.JS(cj)
		}
	}
	var b bytes.Buffer
	if err := pageTmpl().Execute(&b, data); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// langs are the languages of the page's switch.
var langs = []graph.Lang{graph.En, graph.Zh, graph.Both}

// mapSet is an offline page's maps as its script reads them: for each
// language, the index in Maps of its map. Languages whose maps are the
// same share one.
type mapSet struct {
	En   int      `json:"en"`
	Zh   int      `json:"zh"`
	Both int      `json:"both"`
	Maps []string `json:"maps"`
}

// newMapSet returns a page's maps (Maps or Overviews); first is the
// language shown first, whose map stands in for a language without one.
func newMapSet(byLang map[graph.Lang][]byte, first graph.Lang) mapSet {
	ms := mapSet{Maps: []string{}}
	seen := map[string]int{}
	at := func(l graph.Lang) int {
		svg, ok := byLang[l]
		if !ok {
			svg, ok = byLang[first]
		}
		for _, o := range langs {
			if ok {
				break
			}
			svg, ok = byLang[o]
		}
		s := stripProlog(string(svg))
		i, dup := seen[s]
		if !dup {
			i = len(ms.Maps)
			seen[s] = i
			ms.Maps = append(ms.Maps, s)
		}
		return i
	}
	ms.En, ms.Zh, ms.Both = at(graph.En), at(graph.Zh), at(graph.Both)
	return ms
}

// scriptJSON encodes v as JSON to embed in an HTML <script> element, as
// marshal does but legible and smaller for markup such as SVG: it escapes
// only the < that begin "</" and "<!". In a script element's text nothing
// else counts: "</" begins the end tag that may close the element, and
// "<!" the "<!--" after which a "<script" moves where the element ends.
// Every < of JSON is inside a string, where \/ is a valid escape of /.
// encoding/json escapes U+2028 and U+2029 always.
func scriptJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	out := bytes.TrimRight(b.Bytes(), "\n")
	out = bytes.ReplaceAll(out, []byte("</"), []byte(`<\/`))
	return bytes.ReplaceAll(out, []byte("<!"), []byte(`\u003c!`)), nil
}

// stripProlog drops what comes before the <svg> element: the XML
// declaration, the doctype and Graphviz's comments.
func stripProlog(svg string) string {
	if i := strings.Index(svg, "<svg"); i > 0 {
		return svg[i:]
	}
	return svg
}

func htmlLang(l graph.Lang) string {
	if l == graph.Zh {
		return "zh"
	}
	return "en"
}
