package export

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/conceptmap/conceptmap/data"
	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render"
	"github.com/conceptmap/conceptmap/render/internal/rendertest"
	"github.com/conceptmap/conceptmap/render/internal/view"
)

// The Mermaid export is checked by the real thing: mermaid.js, the version
// .ci/run installs, parses and renders each chart in headless Chromium,
// and the test reads the drawing back from the page: one node per concept
// with its label, one box per category, one label per edge.
//
// The test needs Chromium and mermaid's dist/mermaid.min.js, found through
// $CONCEPTMAP_MERMAID_JS or where .ci/run installs it. In CI (CI set) a
// missing one is a failure; elsewhere the test is skipped.

// mermaidJS returns the path of mermaid.min.js.
func mermaidJS(t *testing.T) string {
	t.Helper()
	paths := []string{os.Getenv("CONCEPTMAP_MERMAID_JS")}
	if dir, err := os.UserCacheDir(); err == nil {
		paths = append(paths, filepath.Join(dir, "conceptmap", "mermaid", "node_modules", "mermaid", "dist", "mermaid.min.js"))
	}
	for _, p := range paths {
		if p == "" {
			continue
		}
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	rendertest.Missing(t, "mermaid.min.js not found (looked at $CONCEPTMAP_MERMAID_JS and %s); .ci/run installs it with npm", paths[len(paths)-1])
	return ""
}

// chromium returns the path of a Chromium or Chrome binary.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{os.Getenv("CONCEPTMAP_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	rendertest.Missing(t, "Chromium not found; apt-get install chromium (.ci/run does)")
	return ""
}

// mermaidPage renders a chart with mermaid.js and describes the drawing.
// Line breaks in labels come back as "\n".
const mermaidPage = `<!doctype html>
<html><head><meta charset="utf-8"><script src="/mermaid.min.js"></script></head>
<body><script>
mermaid.initialize({startOnLoad: false, securityLevel: "strict"});
let n = 0;
window.renderChart = async (text) => {
  try {
    await mermaid.parse(text);
    const {svg} = await mermaid.render("chart" + (++n), text);
    const div = document.createElement("div");
    div.innerHTML = svg;
    document.body.appendChild(div);
    const label = (el) => {
      el = el.cloneNode(true);
      el.querySelectorAll("br").forEach((b) => b.replaceWith("\n"));
      return el.textContent;
    };
    const all = (sel) => [...div.querySelectorAll(sel)];
    const out = {
      svg: svg.length,
      nodes: all("g.node").map((g) => ({id: g.id, label: label(g.querySelector(".label") || g)})),
      clusters: all("g.cluster").map((g) => ({id: g.id, label: label(g.querySelector(".cluster-label") || g)})),
      edgeLabels: all("g.edgeLabel").map(label).filter((s) => s !== ""),
      edges: all("path.flowchart-link").length,
    };
    div.remove();
    return out;
  } catch (e) {
    return {error: String(e && (e.message || e.str) || e)};
  }
};
window.ready = true;
</script></body></html>`

type mermaidDrawing struct {
	Error      string         `json:"error"`
	SVG        int            `json:"svg"`
	Nodes      []mermaidGroup `json:"nodes"`
	Clusters   []mermaidGroup `json:"clusters"`
	EdgeLabels []string       `json:"edgeLabels"`
	Edges      int            `json:"edges"`
}

type mermaidGroup struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

func TestMermaidRendersInBrowser(t *testing.T) {
	js := mermaidJS(t)
	chrome := chromium(t)

	bundled, err := graph.Load(data.FS)
	if err != nil {
		t.Fatal(err)
	}
	fix := fixture(t)
	hostile := rendertest.Load(t, "../testdata/hostile.yaml")
	bv, bopt := planOptions(t, bundled, render.Options{Look: render.Look{Lang: graph.En, RankDir: "LR"}})
	fv, fopt := planOptions(t, fix, render.Options{Look: render.Look{Lang: graph.Zh}})
	cases := []struct {
		name string
		g    *graph.Graph
		v    graph.View
		opt  render.Options
	}{
		{"bundled-both", bundled, bundled.All(), render.Options{Look: render.Look{Lang: graph.Both}}},
		{"bundled-plan-en-lr", bundled, bv, bopt},
		{"fixture-en", fix, fix.All(), render.Options{}},
		{"fixture-zh-plan", fix, fv, fopt},
		{"hostile-both", hostile, hostile.All(), render.Options{Look: render.Look{Lang: graph.Both}}},
		{"hostile-en-nolabels", hostile, hostile.All(), render.Options{Look: render.Look{NoEdgeLabels: true, RankDir: "LR"}}},
	}

	page, err := os.ReadFile(js)
	if err != nil {
		t.Fatal(err)
	}
	var pkg struct{ Version string }
	if b, err := os.ReadFile(filepath.Join(filepath.Dir(js), "..", "package.json")); err == nil && json.Unmarshal(b, &pkg) == nil {
		t.Logf("mermaid %s from %s, in %s", pkg.Version, js, chrome)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(mermaidPage))
		case "/mermaid.min.js":
			w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
			w.Write(page)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
	)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	ctx, cancel = chromedp.NewExecAllocator(ctx, opts...)
	defer cancel()
	ctx, cancel = chromedp.NewContext(ctx)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool]("window.ready === true && typeof mermaid !== 'undefined'", chromedp.WithPollingTimeout(time.Minute))); err != nil {
		t.Fatalf("loading mermaid in Chromium: %v", err)
	}

	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			text := Mermaid(tc.g, tc.v, OptionsOf(tc.opt))
			arg, _ := json.Marshal(string(text))
			d, err := chromedp.Run(ctx, chromedp.Evaluate[mermaidDrawing]("renderChart("+string(arg)+")", chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatalf("running mermaid: %v", err)
			}
			if d.Error != "" {
				t.Fatalf("mermaid cannot render the chart: %s\n%s", d.Error, text)
			}
			checkDrawing(t, tc.g, tc.v, OptionsOf(tc.opt), &d)
		})
	}
}

var mermaidNodeID = regexp.MustCompile(`flowchart-(n[0-9]+)-`)

// checkDrawing compares what mermaid drew with the view: every concept a
// node with its label, every category in view a box with its name, and
// every edge drawn, with its label.
func checkDrawing(t *testing.T, g *graph.Graph, v graph.View, opt Options, d *mermaidDrawing) {
	t.Helper()
	cs := view.Concepts(v)
	if len(d.Nodes) != len(cs) {
		t.Errorf("drew %d nodes, want %d", len(d.Nodes), len(cs))
	}
	labels := map[string]string{}
	for _, n := range d.Nodes {
		m := mermaidNodeID.FindStringSubmatch(n.ID)
		if m == nil {
			t.Errorf("node with unexpected id %q", n.ID)
			continue
		}
		labels[m[1]] = n.Label
	}
	for i, c := range cs {
		want := wantMermaidLines(c.Name, opt.Lang)
		if n, ok := opt.Steps[c.ID]; ok {
			want[0] = itoa(n) + ". " + want[0]
		}
		got, ok := labels["n"+itoa(i)]
		if !ok {
			t.Errorf("%s: not drawn", c.ID)
			continue
		}
		if norm(got) != norm(strings.Join(want, "\n")) || !strings.Contains(got, "\n") && len(want) > 1 {
			t.Errorf("%s: label %q, want %q", c.ID, got, strings.Join(want, "\n"))
		}
	}
	gs := view.Groups(g, cs)
	if len(d.Clusters) != len(gs) {
		t.Errorf("drew %d category boxes, want %d", len(d.Clusters), len(gs))
	}
	var clusters []string
	for _, c := range d.Clusters {
		clusters = append(clusters, norm(c.Label))
	}
	for _, gr := range gs {
		want := norm(strings.Join(wantMermaidLines(gr.Cat.Name, opt.Lang), "\n"))
		found := false
		for _, c := range clusters {
			found = found || c == want
		}
		if !found {
			t.Errorf("category %s: no box labelled %q among %q", gr.Cat.ID, want, clusters)
		}
	}
	es := view.Edges(v)
	if d.Edges != len(es) {
		t.Errorf("drew %d edges, want %d", d.Edges, len(es))
	}
	if opt.NoEdgeLabels {
		if len(d.EdgeLabels) != 0 {
			t.Errorf("edge labels drawn without labels: %q", d.EdgeLabels)
		}
	} else {
		want := map[string]int{}
		for _, e := range es {
			want[norm(strings.Join(wantMermaidLines(view.RelationOf(g, e.Relation).Label, opt.Lang), "\n"))]++
		}
		got := map[string]int{}
		for _, l := range d.EdgeLabels {
			got[norm(l)]++
		}
		for l, n := range want {
			if got[l] != n {
				t.Errorf("edge label %q drawn %d times, want %d (drawn: %q)", l, got[l], n, d.EdgeLabels)
			}
		}
	}
}

// wantMermaidLines is the oracle for a label: the lines of wantLines, with
// control characters as U+FFFD and tabs as spaces, as clean makes them.
func wantMermaidLines(t graph.Text, lang graph.Lang) []string {
	if lang == "" {
		lang = graph.En
	}
	ls := rendertest.WantLines(t, lang)
	for i, l := range ls {
		ls[i] = strings.Map(func(r rune) rune {
			switch {
			case r == '\t':
				return ' '
			case r < 0x20 || r == 0x7f:
				return '\uFFFD'
			}
			return r
		}, l)
	}
	return ls
}

// norm makes a label comparable: each line with its runs of white space
// collapsed, as HTML shows them, without empty lines at either end, and
// without the word joiners that mermaidText adds.
func norm(s string) string {
	ls := strings.Split(strings.ReplaceAll(s, "\u2060", ""), "\n")
	for i, l := range ls {
		ls[i] = strings.Join(strings.Fields(l), " ")
	}
	return strings.Trim(strings.Join(ls, "\n"), "\n")
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
