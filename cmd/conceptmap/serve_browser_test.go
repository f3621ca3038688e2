package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/server"
	"github.com/conceptmap/conceptmap/graph"
)

// The explorer in a real browser: headless Chromium, driven by chromedp,
// served by conceptmap serve and opened as an exported file. The tests
// need Chromium (found as $CONCEPTMAP_CHROMIUM, chromium,
// chromium-browser or google-chrome); without it they are skipped, and
// in CI (CI set) they fail.
//
// CONCEPTMAP_SCREENSHOT=$PWD/docs/explorer.png go test ./cmd/conceptmap -run TestExplorerScreenshot
// saves a screenshot of the explorer's first screen, for the README.

func findChromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{os.Getenv("CONCEPTMAP_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("Chromium not found, and CI is set; apt-get install chromium (.ci/run does)")
	}
	t.Skip("Chromium not found; apt-get install chromium to run the browser tests")
	return ""
}

// tab is a page in headless Chromium.
type tab struct {
	t       *testing.T
	ctx     context.Context
	dialogs atomic.Int32 // alert, confirm and prompt dialogs that opened
}

func newTab(t *testing.T) *tab {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(findChromium(t)),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.WindowSize(1440, 900),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	tb := &tab{t: t, ctx: ctx}
	// A dialog would mean that the data's markup ran as script: count it,
	// and dismiss it so that the page goes on.
	dialogs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for _, err := range dialogs {
			if err != nil {
				return
			}
			tb.dialogs.Add(1)
			go chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	return tb
}

func (tb *tab) do(actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, time.Minute)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		tb.t.Fatalf("in Chromium: %v\nstate: %s", err, tb.state())
	}
}

// eval evaluates a JavaScript expression into out (JSON-decoded).
func (tb *tab) eval(expr string, out any) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, time.Minute)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string]("Promise.resolve(("+expr+")).then((v) => JSON.stringify(v))", chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("evaluating %s: %v", expr, err)
	}
	if err := json.Unmarshal([]byte(s), out); err != nil {
		tb.t.Fatalf("evaluating %s: %v in %s", expr, err, s)
	}
}

func (tb *tab) str(expr string) string {
	tb.t.Helper()
	var s string
	tb.eval(expr, &s)
	return s
}

// wait waits until the page is idle and cond holds.
func (tb *tab) wait(cond string) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
	defer cancel()
	expr := "document.body.dataset.busy === '0' && window.conceptmap !== undefined && (" + cond + ")"
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingInterval(20*time.Millisecond))); err != nil {
		tb.t.Fatalf("waiting for %s: %v\nstate: %s", cond, err, tb.state())
	}
}

func (tb *tab) state() string {
	ctx, cancel := context.WithTimeout(tb.ctx, 5*time.Second)
	defer cancel()
	s, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify({hash: location.hash, busy: document.body.dataset.busy, status: (document.querySelector('.cm-status')||{}).textContent, banner: document.querySelector('#cm-banner pre').textContent})`))
	return s
}

// search types text into the search box and picks the suggestion id.
func (tb *tab) search(text, id string) {
	tb.t.Helper()
	tb.do(chromedp.Click(chromedp.CSS("#cm-search")), chromedp.SendKeys(chromedp.CSS("#cm-search"), text))
	sel := fmt.Sprintf(`#cm-suggest li[data-id=%q]`, id)
	tb.wait(fmt.Sprintf("document.querySelector(%q) !== null", sel))
	tb.do(chromedp.Click(chromedp.CSS(sel)))
	tb.wait(fmt.Sprintf("conceptmap.state.focus === %q", id))
}

// clickNode clicks, with the mouse, a concept of the map that is in view
// (other than the focus), and returns its id.
func (tb *tab) clickNode(prefer string) string {
	tb.t.Helper()
	var n struct {
		ID   string
		X, Y float64
	}
	tb.eval(`(() => {
		const r = document.getElementById('cm-map').getBoundingClientRect();
		const inView = [...document.querySelectorAll('#cm-map svg g.node:not(.legend)')].filter((g) => {
			if (g.id === conceptmap.state.focus) return false;
			if (g.closest('svg').classList.contains('cm-dim') && !g.classList.contains('cm-lit')) return false;
			const b = g.getBoundingClientRect(), x = b.x + b.width / 2, y = b.y + b.height / 2;
			return x > r.left + 5 && x < r.right - 5 && y > r.top + 5 && y < r.bottom - 5;
		});
		const g = inView.find((g) => g.id === `+fmt.Sprintf("%q", prefer)+`) || inView[0];
		const b = g.getBoundingClientRect();
		return {id: g.id, x: b.x + b.width / 2, y: b.y + b.height / 2};
	})()`, &n)
	tb.do(chromedp.MouseClickXY(n.X, n.Y))
	tb.wait(fmt.Sprintf("conceptmap.state.focus === %q", n.ID))
	return n.ID
}

// planSteps returns the ids of the steps the plan panel lists.
func (tb *tab) planSteps() []string {
	var ids []string
	tb.eval(`[...document.querySelectorAll('#cm-plan .cm-step')].map((e) => e.dataset.id)`, &ids)
	return ids
}

func stepIDs(p *graph.Plan) []string {
	var ids []string
	for _, s := range p.Steps {
		ids = append(ids, s.Concept.ID)
	}
	return ids
}

func goPlan(t *testing.T, g *graph.Graph, targets, known []string) *graph.Plan {
	t.Helper()
	return goPlanWith(t, g, targets, known, graph.PlanOptions{})
}

func goPlanWith(t *testing.T, g *graph.Graph, targets, known []string, o graph.PlanOptions) *graph.Plan {
	t.Helper()
	ts, err := g.LookupAll(targets)
	if err != nil {
		t.Fatal(err)
	}
	ks, err := g.LookupAll(known)
	if err != nil {
		t.Fatal(err)
	}
	return g.PlanWith(ts, ks, o)
}

func TestExplorerServed(t *testing.T) {
	tb := newTab(t)
	_, hs, _ := testServer(t, false)
	g := bundled(t)

	tb.do(chromedp.Navigate(hs.URL + "/"))
	tb.wait("document.querySelector('#cm-map svg') !== null")

	// Search, in English and in Chinese, and pick a suggestion.
	tb.search("grpo", "grpo")
	tb.wait("document.body.dataset.map.includes('focus=grpo')")
	if h := tb.str(`document.querySelector('#cm-concept h2').textContent`); h != "Group Relative Policy Optimization" {
		t.Errorf("the concept panel shows %q", h)
	}
	tb.do(chromedp.SendKeys(chromedp.CSS("#cm-search"), "相对"))
	tb.wait(`document.querySelector('#cm-suggest li[data-id="grpo"]') !== null`)
	tb.str(`(document.querySelector('#cm-search').value = '')`)

	// Hover a concept for its summary; zoom with the wheel; drag to pan,
	// which is not a click.
	var c struct{ X, Y float64 }
	tb.eval(`(() => { const b = document.querySelector('#cm-map svg g.node[id="grpo"]').getBoundingClientRect(); return {x: b.x + b.width / 2, y: b.y + b.height / 2}; })()`, &c)
	tb.do(chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, c.X, c.Y))
	tb.wait("!document.getElementById('cm-hover').hidden")
	if h := tb.str(`document.getElementById('cm-hover').textContent`); !strings.Contains(h, g.Concept("grpo").Summary.En) {
		t.Errorf("hovering GRPO shows %q", h)
	}
	viewBox := func() (b [4]float64) {
		tb.eval(`document.querySelector('#cm-map svg').getAttribute('viewBox').split(' ').map(Number)`, &b)
		return b
	}
	before := viewBox()
	// (A wheel event needs both deltas, and a zero one is left out.)
	tb.do(chromedp.MouseEvent(input.DispatchMouseEventTypeMouseWheel, c.X, c.Y, func(p *input.DispatchMouseEventParams) { p.DeltaX, p.DeltaY = 0.001, -300 }))
	tb.wait(fmt.Sprintf("+document.querySelector('#cm-map svg').getAttribute('viewBox').split(' ')[2] < %v", before[2]))
	zoomed := viewBox()
	tb.do(
		chromedp.MouseEvent(input.DispatchMouseEventTypeMousePressed, c.X, c.Y, chromedp.ButtonLeft, chromedp.ClickCount(1)),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, c.X+60, c.Y+30, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, c.X+120, c.Y+60, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseReleased, c.X+120, c.Y+60, chromedp.ButtonLeft, chromedp.ClickCount(1)),
	)
	panned := viewBox()
	if !(panned[0] < zoomed[0] && panned[1] < zoomed[1] && panned[2] == zoomed[2]) || tb.str("conceptmap.state.focus") != "grpo" {
		t.Errorf("dragging the map: viewBox %v to %v, focus %s", zoomed, panned, tb.str("conceptmap.state.focus"))
	}
	tb.do(chromedp.Click(chromedp.CSS(`.cm-zoom button[data-zoom="fit"]`)))

	// Click a concept on the map: the map moves there.
	clicked := tb.clickNode("ppo")
	tb.wait(fmt.Sprintf("document.body.dataset.map.includes('focus=%s')", clicked))
	if h := tb.str(`document.querySelector('#cm-concept h2').textContent`); h != g.Concept(clicked).Name.En {
		t.Errorf("after clicking %s, the panel shows %q", clicked, h)
	}
	// Back: GRPO again.
	tb.do(chromedp.NavigateBack())
	tb.wait("conceptmap.state.focus === 'grpo' && document.body.dataset.map.includes('focus=grpo')")
	if h := tb.str(`document.querySelector('#cm-concept h2').textContent`); h != "Group Relative Policy Optimization" {
		t.Errorf("back: the panel shows %q", h)
	}

	// Plan to learn GRPO: the plan, in Go's order, numbered on the map.
	tb.do(chromedp.Click(chromedp.CSS("#cm-learn")))
	tb.wait("conceptmap.state.show === 'plan' && document.body.dataset.map.includes('show=plan')")
	want := stepIDs(goPlan(t, g, []string{"grpo"}, nil))
	if got := tb.planSteps(); !slices.Equal(got, want) {
		t.Errorf("the plan for GRPO:\n got %v\nwant %v", got, want)
	}
	if label := tb.str(`document.querySelector('#cm-map svg g.node[id="grpo"]').textContent.trim()`); !strings.HasPrefix(label, fmt.Sprintf("%d. Group Relative Policy Optimization", len(want))) {
		t.Errorf("the map labels GRPO %q", label)
	}
	// Tick what is known: the plan shrinks, as Go's does.
	tb.do(chromedp.Click(chromedp.CSS(`#cm-plan .cm-step[data-id="transformer"] .cm-tick`)))
	tb.wait("conceptmap.state.known.includes('transformer') && document.body.dataset.map.includes('known=transformer')")
	want = stepIDs(goPlan(t, g, []string{"grpo"}, []string{"transformer"}))
	if got := tb.planSteps(); !slices.Equal(got, want) {
		t.Errorf("the plan for GRPO knowing the Transformer:\n got %v\nwant %v", got, want)
	}
	// Switch to Chinese: the panel and the map.
	tb.do(chromedp.Click(chromedp.CSS(`.cm-langs button[data-lang="zh"]`)))
	tb.wait("conceptmap.state.lang === 'zh' && document.body.dataset.map.includes('lang=zh')")
	if h := tb.str(`document.querySelector('#cm-concept h2').textContent`); h != "组相对策略优化" {
		t.Errorf("in Chinese the panel shows %q", h)
	}
	if !strings.Contains(tb.str(`document.querySelector('#cm-map svg').textContent`), "组相对策略优化") {
		t.Error("the map is not in Chinese")
	}

	// Download the view: what `conceptmap map` writes for it.
	svg := tb.str(`fetch(document.querySelector('a[data-format="svg"]').href).then((r) => r.text())`)
	if want := string(runStdout(t, "map", "--plan", "grpo", "--known", "transformer", "--lang", "zh")); svg != want {
		t.Errorf("the SVG download differs from conceptmap map (%d bytes, want %d)", len(svg), len(want))
	}
	var head []int
	tb.eval(`fetch(document.querySelector('a[data-format="png"]').href).then((r) => r.arrayBuffer()).then((b) => [...new Uint8Array(b.slice(0, 4))])`, &head)
	if !slices.Equal(head, []int{0x89, 'P', 'N', 'G'}) {
		t.Errorf("the PNG download starts %v", head)
	}

	// Back: English again.
	tb.do(chromedp.NavigateBack())
	tb.wait("conceptmap.state.lang === 'both' && document.body.dataset.map.includes('lang=both')")
	if h := tb.str(`document.querySelector('#cm-concept h2').textContent`); h != "Group Relative Policy Optimization" {
		t.Errorf("back from Chinese: the panel shows %q", h)
	}
	if n := tb.dialogs.Load(); n != 0 {
		t.Errorf("%d dialogs opened", n)
	}
}

// TestExplorerWatch edits the data under a page served with --watch: a
// problem shows in the page with its place, the last good map stays, and
// the fix reloads the page's data.
func TestExplorerWatch(t *testing.T) {
	tb := newTab(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "mine.yaml")
	write := func(s string) {
		if err := os.WriteFile(file, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("concepts:\n  - id: a\n    name: Alpha\n  - id: b\n    name: Beta\n    relations:\n      - {relation: requires, to: a}\n")
	s, hs, _ := testServer(t, true, dir)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Watch(ctx, 20*time.Millisecond)
	// Data of one category open on the whole map, not a one-node overview.
	tb.do(chromedp.Navigate(hs.URL + "/"))
	tb.wait("document.body.dataset.map !== undefined")
	if show := tb.str("conceptmap.state.show"); show != "all" {
		t.Errorf("data of one category open on %q", show)
	}
	tb.do(chromedp.Navigate(hs.URL + "/#focus=b&lang=en"))
	tb.wait("document.body.dataset.map !== undefined && document.body.dataset.map.includes('focus=b')")

	write("concepts:\n  - id: a\n    name: Alpha\n  - id: b\n    name: Beta\n    relations:\n      - {relation: requires, to: zeta}\n")
	tb.wait("!document.getElementById('cm-banner').hidden")
	if msg := tb.str(`document.querySelector('#cm-banner pre').textContent`); !strings.Contains(msg, file+`:7:34: unknown concept "zeta"`) {
		t.Errorf("the page shows %q", msg)
	}
	if n := tb.str(`document.querySelector('#cm-concept h2').textContent`); n != "Beta" {
		t.Errorf("the last good data is not shown: %q", n)
	}

	write("concepts:\n  - id: a\n    name: Alpha\n  - id: b\n    name: Beta Two\n    relations:\n      - {relation: requires, to: a}\n")
	tb.wait("document.getElementById('cm-banner').hidden && document.querySelector('#cm-concept h2').textContent === 'Beta Two'")
	if !strings.Contains(tb.str(`document.querySelector('#cm-map svg').textContent`), "Beta Two") {
		t.Error("the map was not drawn again after the fix")
	}
}

// TestExplorerScreenshot saves the explorer's first screen, the overview,
// as $CONCEPTMAP_SCREENSHOT (a PNG), when that is set; with
// CONCEPTMAP_SCREENSHOT_AT=FRAGMENT, the view of that address instead.
func TestExplorerScreenshot(t *testing.T) {
	shot := os.Getenv("CONCEPTMAP_SCREENSHOT")
	if shot == "" {
		t.Skip("set CONCEPTMAP_SCREENSHOT=FILE.png to save a screenshot")
	}
	tb := newTab(t)
	_, hs, _ := testServer(t, false)
	at := os.Getenv("CONCEPTMAP_SCREENSHOT_AT")
	tb.do(chromedp.EmulateViewport(1600, 1000), chromedp.Navigate(hs.URL+"/"+at))
	tb.wait("document.body.dataset.map !== undefined")
	b, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(shot, b, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", shot)
}

// TestExplorerHostile opens concepts whose names and texts are markup:
// they must show as text, and nothing may run.
func TestExplorerHostile(t *testing.T) {
	tb := newTab(t)
	_, hs, _ := testServer(t, false, "testdata/serve/hostile.yaml")
	tb.do(chromedp.Navigate(hs.URL + "/#focus=xss&targets=xss&show=focus&lang=both"))
	tb.wait("document.body.dataset.map.includes('focus=xss')")
	if h := tb.str(`document.querySelector('#cm-concept h2').textContent`); h != "<img src=x onerror=alert(1)>" {
		t.Errorf("the name shows as %q", h)
	}
	checkNoMarkup(tb, 2)
	// Search for the markup itself.
	tb.search("<img", "xss")
	checkNoMarkup(tb, 2)
}

// checkNoMarkup checks that the page has only its own scripts, and no
// element made of the data's markup.
func checkNoMarkup(tb *tab, scripts int) {
	tb.t.Helper()
	var n struct{ Img, Scripts, JSLinks, Bold int }
	tb.eval(`({img: document.querySelectorAll('img, svg svg').length, scripts: document.querySelectorAll('script').length,
		jSLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^javascript:/i.test(a.getAttribute('href'))).length,
		bold: document.querySelectorAll('#cm-concept b, #cm-plan b, #cm-map b').length})`, &n)
	if n.Img != 0 || n.Scripts != scripts || n.JSLinks != 0 || n.Bold != 0 {
		tb.t.Errorf("the data's markup became elements: %+v", n)
	}
	if d := tb.dialogs.Load(); d != 0 {
		tb.t.Errorf("%d dialogs opened: the data's markup ran", d)
	}
}

// TestExplorerOffline opens the HTML export from a file: search, click
// and plan work with no server. (That the script's plans, searches and
// neighbourhoods are package graph's is render/web's TestScriptParity.)
func TestExplorerOffline(t *testing.T) {
	tb := newTab(t)
	g := bundled(t)
	file := filepath.Join(t.TempDir(), "map.html")
	runStdout(t, "export", "--format", "html", "--lang", "en", "-o", file)
	tb.do(chromedp.Navigate("file://" + file))
	tb.wait("document.querySelector('#cm-map svg') !== null")

	// Search and pick: the neighbourhood lights up.
	tb.search("grpo", "grpo")
	var lit []string
	tb.eval(`[...document.querySelectorAll('#cm-map g.node.cm-lit')].map((g) => g.id).sort()`, &lit)
	ns, _ := g.Neighbors(g.Concept("grpo"), graph.NeighborOptions{Depth: 1})
	want := []string{"grpo"}
	for _, n := range ns {
		want = append(want, n.Concept.ID)
	}
	slices.Sort(want)
	if !slices.Equal(lit, want) {
		t.Errorf("GRPO's neighbourhood lit: %v, want %v", lit, want)
	}
	// Click a neighbour, then go back.
	clicked := tb.clickNode("ppo")
	if h := tb.str(`document.querySelector('#cm-concept h2').textContent`); h != g.Concept(clicked).Name.En {
		t.Errorf("after clicking %s the panel shows %q", clicked, h)
	}
	tb.do(chromedp.NavigateBack())
	tb.wait("conceptmap.state.focus === 'grpo'")

	// Plan in the page: the steps, in order, marked on the map.
	tb.do(chromedp.Click(chromedp.CSS("#cm-learn")))
	tb.wait("conceptmap.state.show === 'plan'")
	wantSteps := stepIDs(goPlan(t, g, []string{"grpo"}, nil))
	if got := tb.planSteps(); !slices.Equal(got, wantSteps) {
		t.Errorf("the plan for GRPO:\n got %v\nwant %v", got, wantSteps)
	}
	var badges int
	tb.eval(`document.querySelectorAll('#cm-map .cm-numbadge').length`, &badges)
	if badges != len(wantSteps) {
		t.Errorf("%d steps numbered on the map, want %d", badges, len(wantSteps))
	}
	tb.do(chromedp.Click(chromedp.CSS(`#cm-plan .cm-step[data-id="transformer"] .cm-tick`)))
	tb.wait("conceptmap.state.known.includes('transformer')")
	if got, want := tb.planSteps(), stepIDs(goPlan(t, g, []string{"grpo"}, []string{"transformer"})); !slices.Equal(got, want) {
		t.Errorf("the plan knowing the Transformer:\n got %v\nwant %v", got, want)
	}
	if !strings.Contains(tb.str("location.hash"), "known=transformer") {
		t.Errorf("the address does not hold the state: %s", tb.str("location.hash"))
	}
	tb.do(chromedp.NavigateBack())
	tb.wait("conceptmap.state.known.length === 0")
	if got := tb.planSteps(); !slices.Equal(got, wantSteps) {
		t.Errorf("back: the plan is %v", got)
	}

	// The language switch changes the map too: the page holds it drawn in
	// each language, and shows the one chosen, lit, numbered and
	// clickable as the other was.
	grpo := g.Concept("grpo")
	mapText := func() string { return tb.str(`document.querySelector('#cm-map svg').textContent`) }
	if m := mapText(); !strings.Contains(m, grpo.Name.En) || strings.Contains(m, grpo.Name.Zh) {
		t.Errorf("the map in English does not name GRPO in English alone")
	}
	if n := tb.str(`String(document.querySelectorAll('#cm-map svg').length)`); n != "1" {
		t.Errorf("%s maps in the page", n)
	}
	checkPlanOnMap := func(lang string) {
		t.Helper()
		var lit []string
		tb.eval(`[...document.querySelectorAll('#cm-map g.node.cm-lit')].map((g) => g.id).sort()`, &lit)
		if want := slices.Sorted(slices.Values(wantSteps)); !slices.Equal(lit, want) {
			t.Errorf("%s: the map lights %v, want the plan's steps %v", lang, lit, want)
		}
		var badges []string
		tb.eval(`[...document.querySelectorAll('#cm-map .cm-numbadge')].map((b) => b.closest('g.node').id + '=' + b.textContent)`, &badges)
		var want []string
		for i, id := range wantSteps {
			want = append(want, fmt.Sprintf("%s=%d", id, i+1))
		}
		if slices.Sort(badges); !slices.Equal(badges, slices.Sorted(slices.Values(want))) {
			t.Errorf("%s: the map numbers %v, want %v", lang, badges, want)
		}
	}
	tb.do(chromedp.Click(chromedp.CSS(`.cm-langs button[data-lang="zh"]`)))
	tb.wait("conceptmap.state.lang === 'zh' && document.querySelector('#cm-map svg').textContent.includes(" + jsString(grpo.Name.Zh) + ")")
	if m := mapText(); strings.Contains(m, grpo.Name.En) {
		t.Errorf("the map in Chinese names GRPO in English too")
	}
	if h := tb.str(`document.querySelector('#cm-concept h2').textContent`); h != grpo.Name.Zh {
		t.Errorf("in Chinese the panel shows %q", h)
	}
	checkPlanOnMap("zh")
	// Hover and click on the Chinese map.
	var c struct{ X, Y float64 }
	tb.eval(`(() => { const b = document.querySelector('#cm-map svg g.node[id="grpo"]').getBoundingClientRect(); return {x: b.x + b.width / 2, y: b.y + b.height / 2}; })()`, &c)
	tb.do(chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, c.X, c.Y))
	tb.wait("!document.getElementById('cm-hover').hidden")
	if h := tb.str(`document.getElementById('cm-hover').textContent`); !strings.Contains(h, grpo.Summary.Zh) {
		t.Errorf("hovering GRPO on the Chinese map shows %q", h)
	}
	clicked = tb.clickNode("ppo")
	if h := tb.str(`document.querySelector('#cm-concept h2').textContent`); h != g.Concept(clicked).Name.Zh || tb.str("conceptmap.state.show") != "plan" {
		t.Errorf("after clicking %s on the Chinese map the panel shows %q, the map %s", clicked, h, tb.str("conceptmap.state.show"))
	}
	checkPlanOnMap("zh, after a click")
	tb.do(chromedp.Click(chromedp.CSS(`.cm-langs button[data-lang="both"]`)))
	tb.wait("conceptmap.state.lang === 'both' && document.querySelector('#cm-map svg').textContent.includes(" + jsString(grpo.Name.En) + ")")
	if m := mapText(); !strings.Contains(m, grpo.Name.Zh) {
		t.Errorf("the map in both languages does not name GRPO in Chinese")
	}
	checkPlanOnMap("both")
	// Back: the Chinese map again, then the English one.
	tb.do(chromedp.NavigateBack())
	tb.wait("conceptmap.state.lang === 'zh' && !document.querySelector('#cm-map svg').textContent.includes(" + jsString(grpo.Name.En) + ")")
	tb.do(chromedp.NavigateBack(), chromedp.NavigateBack())
	tb.wait("conceptmap.state.lang === 'en' && conceptmap.state.focus === 'grpo' && !document.querySelector('#cm-map svg').textContent.includes(" + jsString(grpo.Name.Zh) + ")")
	checkPlanOnMap("en, back")
	if n := tb.dialogs.Load(); n != 0 {
		t.Errorf("%d dialogs opened", n)
	}
}

// jsString is s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestExplorerOfflineHostile opens the HTML export of concepts whose
// texts are markup, in each language of its maps: they show as text, and
// nothing runs.
func TestExplorerOfflineHostile(t *testing.T) {
	tb := newTab(t)
	file := filepath.Join(t.TempDir(), "hostile.html")
	runStdout(t, "export", "--data", "testdata/serve/hostile.yaml", "--lang", "en", "-o", file)
	tb.do(chromedp.Navigate("file://" + file + "#focus=xss&targets=xss&show=focus"))
	tb.wait("document.querySelector('#cm-map svg') !== null")
	for _, c := range []struct{ lang, name string }{
		{"en", "<img src=x onerror=alert(1)>"},
		{"zh", "<script>alert('zh')</script>"},
		{"both", "<img src=x onerror=alert(1)>"},
	} {
		tb.do(chromedp.Click(chromedp.CSS(`.cm-langs button[data-lang="` + c.lang + `"]`)))
		tb.wait("conceptmap.state.lang === '" + c.lang + "' && document.querySelector('#cm-map svg').textContent.includes(" + jsString(c.name) + ")")
		if h := tb.str(`document.querySelector('#cm-concept h2').textContent`); h != c.name {
			t.Errorf("%s: the name shows as %q", c.lang, h)
		}
		checkNoMarkup(tb, 4) // config, model, maps, code: one category, no overview
	}
}

// The plan panel lists the background apart from the steps; what is
// ticked as known comes back on a fresh visit, from the browser's storage.
func TestExplorerBackgroundAndStoredKnown(t *testing.T) {
	tb := newTab(t)
	_, hs, _ := testServer(t, false)
	tb.do(chromedp.Navigate(hs.URL + "/#focus=transformer&lang=en&targets=transformer&known=token&show=plan"))
	tb.wait("document.querySelectorAll('#cm-plan .cm-step').length > 0 && document.querySelectorAll('#cm-plan .cm-bgstep').length > 0")
	var bg []string
	tb.eval(`[...document.querySelectorAll('#cm-plan .cm-bgstep')].map((e) => e.dataset.id)`, &bg)
	if !slices.Contains(bg, "rnn") || !slices.Contains(bg, "lstm") {
		t.Errorf("background %v lacks rnn or lstm", bg)
	}
	for _, id := range tb.planSteps() {
		if slices.Contains(bg, id) {
			t.Errorf("%s is both a step and background", id)
		}
	}
	// A fresh visit, with no address state, takes the known concepts
	// from the browser's storage.
	tb.do(chromedp.Navigate(hs.URL + "/"))
	tb.wait("document.body.dataset.map !== undefined")
	if got := tb.str(`JSON.parse(localStorage.getItem('conceptmap.known') || '[]').join(',')`); got != "token" {
		t.Errorf("stored known = %q", got)
	}
	tb.wait("location.hash.includes('known=token')")
}

// TestExplorerOverview: the explorer, served and offline, opens on the
// overview (one node per category, as map --overview draws it) at a size
// that reads; a click on a category shows its concepts, and back returns
// to the overview.
func TestExplorerOverview(t *testing.T) {
	g := bundled(t)
	cats := map[string][]string{} // category id: its concepts' ids
	for _, c := range g.Concepts() {
		cats[c.Category] = append(cats[c.Category], c.ID)
	}
	var catIDs []string
	for _, c := range g.Categories() {
		if len(cats[c.ID]) > 0 {
			catIDs = append(catIDs, "category-"+c.ID)
		}
	}
	slices.Sort(catIDs)
	const cat = "training"
	want := slices.Sorted(slices.Values(cats[cat]))

	_, hs, _ := testServer(t, false)
	file := filepath.Join(t.TempDir(), "map.html")
	runStdout(t, "export", "--format", "html", "--lang", "en", "-o", file)
	for _, c := range []struct{ name, url string }{{"served", hs.URL + "/"}, {"offline", "file://" + file}} {
		t.Run(c.name, func(t *testing.T) {
			tb := newTab(t)
			tb.do(chromedp.Navigate(c.url))
			tb.wait("document.querySelector('#cm-map svg g.node.category') !== null")
			if s := tb.str("conceptmap.state.show"); s != "overview" {
				t.Errorf("the page opens on %q", s)
			}
			// Every category, in view, its label at least 12 px.
			var ov struct {
				IDs     []string
				MinFont float64
				InView  bool
			}
			tb.eval(`(() => {
				const svg = document.querySelector('#cm-map svg'), r = document.getElementById('cm-map').getBoundingClientRect();
				const gs = [...svg.querySelectorAll('g.node.category')];
				const scale = svg.getScreenCTM().a;
				const fonts = gs.flatMap((g) => [...g.querySelectorAll('text')].map((t) => parseFloat(t.getAttribute('font-size')) * scale));
				const inView = gs.every((g) => { const b = g.getBoundingClientRect(); return b.left >= r.left && b.right <= r.right && b.top >= r.top && b.bottom <= r.bottom; });
				return {ids: gs.map((g) => g.id).sort(), minFont: Math.min(...fonts), inView};
			})()`, &ov)
			if !slices.Equal(ov.IDs, catIDs) {
				t.Errorf("the overview shows %v, want %v", ov.IDs, catIDs)
			}
			t.Logf("the overview's smallest label prints at %.1f px", ov.MinFont)
			if ov.MinFont < 12 || !ov.InView {
				t.Errorf("the overview's labels print at %.1f px (want 12 or more), all in view: %v", ov.MinFont, ov.InView)
			}
			if n := tb.str(`String(document.querySelectorAll('#cm-map svg g.node:not(.category):not(.legend)').length)`); n != "0" {
				t.Errorf("the overview shows %s concepts", n)
			}
			// Hovering a link's number names the two categories.
			var link struct {
				X, Y             float64
				From, To, Number string
			}
			tb.eval(`(() => {
				for (const e of document.querySelectorAll('#cm-map svg g.edge')) {
					const t = e.querySelector('text'); if (!t) continue;
					const b = t.getBoundingClientRect(), x = b.x + b.width / 2, y = b.y + b.height / 2;
					if (document.elementFromPoint(x, y) !== t) continue;
					const name = (id) => { const c = conceptmap.categories.find((c) => 'category-' + c.id === id); return c.name.en; };
					return {x, y, from: name(e.dataset.from), to: name(e.dataset.to), number: t.textContent};
				}
			})()`, &link)
			tb.do(chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, link.X, link.Y))
			tb.wait("!document.getElementById('cm-hover').hidden")
			if h := tb.str(`document.getElementById('cm-hover').textContent`); !strings.HasPrefix(h, link.From) || !strings.Contains(h, " → "+link.To) || !strings.Contains(h, link.Number+" relation") {
				t.Errorf("hovering a link shows %q, want %s → %s, %s relations", h, link.From, link.To, link.Number)
			}

			// Click a category: its concepts, on the map and in the panel.
			var at struct{ X, Y float64 }
			tb.eval(`(() => { const b = document.querySelector('#cm-map svg g.node[id="category-`+cat+`"]').getBoundingClientRect(); return {x: b.x + b.width / 2, y: b.y + b.height / 2}; })()`, &at)
			tb.do(chromedp.MouseClickXY(at.X, at.Y))
			tb.wait("conceptmap.state.show === 'category' && conceptmap.state.category === '" + cat + "' && document.querySelector('#cm-map svg g.node.category') === null")
			var shown, listed []string
			if c.name == "served" {
				tb.wait("document.body.dataset.map.includes('category=" + cat + "')")
			}
			tb.eval(`[...document.querySelectorAll('#cm-map svg g.node:not(.legend)')].map((g) => g.id).sort()`, &shown)
			if !slices.Equal(shown, want) {
				t.Errorf("the map of %s shows %v, want %v", cat, shown, want)
			}
			tb.eval(`[...document.querySelectorAll('#cm-concept .cm-members li')].map((e) => e.dataset.id).sort()`, &listed)
			if !slices.Equal(listed, want) {
				t.Errorf("the panel lists %v, want %v", listed, want)
			}
			if h := tb.str(`document.querySelector('#cm-concept h2').textContent`); h != g.Category(cat).Name.En && h != g.Category(cat).Name.In(graph.Both) {
				t.Errorf("the panel is headed %q", h)
			}
			if !strings.Contains(tb.str("location.hash"), "category="+cat) {
				t.Errorf("the address does not hold the category: %s", tb.str("location.hash"))
			}

			// Back: the overview again.
			tb.do(chromedp.NavigateBack())
			tb.wait("conceptmap.state.show === 'overview' && document.querySelector('#cm-map svg g.node.category') !== null")
			var back []string
			tb.eval(`[...document.querySelectorAll('#cm-map svg g.node.category')].map((g) => g.id).sort()`, &back)
			if !slices.Equal(back, catIDs) {
				t.Errorf("back: the overview shows %v", back)
			}
		})
	}
}

// A first visit starts from the known file, when the browser's storage
// holds nothing yet; once it holds a list, the storage wins and the file
// is not merged in. With the known file ignored, the page starts from the
// storage alone and offers no way to the file.
func TestExplorerKnownFile(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	runStdout(t, "known", "add", "transformer", "sft")
	_, hs, _ := testServer(t, false)
	known := func(tb *tab) string {
		var ids []string
		tb.eval(`conceptmap.state.known.slice().sort()`, &ids)
		return strings.Join(ids, ",")
	}

	tb := newTab(t)
	tb.do(chromedp.Navigate(hs.URL + "/"))
	tb.wait("document.body.dataset.map !== undefined")
	if got := known(tb); got != "sft,transformer" {
		t.Errorf("a first visit knows %q, want the file's sft,transformer", got)
	}
	if got := tb.str(`JSON.parse(localStorage.getItem('conceptmap.known')).sort().join(',')`); got != "sft,transformer" {
		t.Errorf("the browser keeps %q", got)
	}
	// The plan leaves out what the file holds, and offers the file's buttons.
	tb.do(chromedp.Navigate(hs.URL + "/#targets=grpo&lang=en&known=sft,transformer&show=plan"))
	tb.wait("document.querySelectorAll('#cm-plan .cm-step').length > 0")
	if got, want := tb.planSteps(), stepIDs(goPlan(t, bundled(t), []string{"grpo"}, []string{"sft", "transformer"})); !slices.Equal(got, want) {
		t.Errorf("the plan knowing the file's concepts:\n got %v\nwant %v", got, want)
	}
	if n := tb.str(`String(document.querySelectorAll('#cm-plan .cm-knownfile button').length)`); n != "2" {
		t.Errorf("%s buttons to the known file", n)
	}
	// The browser's list wins over the file's on the next visit.
	tb.str(`(localStorage.setItem('conceptmap.known', '["mha"]'), '')`)
	tb.do(chromedp.Navigate(hs.URL + "/"))
	tb.wait("document.body.dataset.map !== undefined && conceptmap.state.known.length > 0")
	if got := known(tb); got != "mha" {
		t.Errorf("a visit with a list in the browser knows %q, want mha alone", got)
	}

	// A server that leaves the file alone.
	e := &env{ctx: context.Background(), stdout: io.Discard, stderr: io.Discard}
	cfg := serverConfig(e, &common{lang: "both"}, false)
	cfg.IgnoreKnownFile = true
	s, err := server.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	hs2 := httptest.NewServer(s.Handler())
	t.Cleanup(func() { hs2.Close(); s.Close() })
	tb = newTab(t)
	tb.do(chromedp.Navigate(hs2.URL + "/"))
	tb.wait("document.body.dataset.map !== undefined")
	if got := known(tb); got != "" {
		t.Errorf("with the file ignored, a first visit knows %q", got)
	}
	tb.do(chromedp.Navigate(hs2.URL + "/#targets=grpo&lang=en&show=plan"))
	tb.wait("document.querySelectorAll('#cm-plan .cm-step').length > 0")
	if n := tb.str(`String(document.querySelectorAll('#cm-plan .cm-knownfile button').length)`); n != "0" {
		t.Errorf("with the file ignored, %s buttons to it", n)
	}
}
