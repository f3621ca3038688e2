package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/api"
	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render"
	"github.com/conceptmap/conceptmap/render/web"
)

var serveCommand = &command{
	name:    "serve",
	summary: "Explore the concept map in a web browser",
	examples: []string{
		"conceptmap serve --open",
		"conceptmap serve --addr 127.0.0.1:9000 --lang zh",
		"conceptmap serve --data mine/ --watch      # reload as you edit; problems show in the page",
	},
	new: func() runner { return &serveCmd{} },
}

type serveCmd struct {
	addr        string
	open, watch bool
}

func (c *serveCmd) flags(fs *pflag.FlagSet) {
	fs.StringVar(&c.addr, "addr", "127.0.0.1:8080", "listen on `HOST:PORT`; the default serves this machine only")
	fs.BoolVar(&c.open, "open", false, "open the page in a web browser")
	fs.BoolVar(&c.watch, "watch", false, "reload the data when a file under --data changes; problems show in the page, and the last good data stays in service")
}

func (c *serveCmd) run(e *env, co *common, args []string) error {
	addr, open, watch := &c.addr, &c.open, &c.watch
	if len(args) > 0 {
		return usagef("serve", "takes no arguments; open the page and search there")
	}
	if *watch && len(co.data) == 0 {
		return usagef("serve", "--watch watches the files given with --data; the bundled data does not change")
	}
	s, err := newServer(e, co, *watch)
	if err != nil {
		return err
	}
	return s.listenAndServe(e, *addr, *open)
}

// maxDepth bounds the depth of a neighbourhood a request may ask for.
const maxDepth = 5

// server is conceptmap serve: the explorer page and the API behind it.
type server struct {
	co     *common
	lang   graph.Lang // the page's first language
	watch  bool
	stderr io.Writer
	svg    *svgRenderer
	page   []byte
	// loopback makes the server answer only requests addressed to a
	// loopback name, which defeats DNS rebinding.
	loopback bool
	// look and drawing are map's and export's flags at their defaults:
	// the explorer draws as they do when given only a selection.
	look    look
	drawing drawing

	mu      sync.RWMutex
	g       *graph.Graph // the last good graph; nil before the first
	model   []byte       // g's web.Model as JSON
	loadErr string       // the problems of the last load, if it failed
	version int          // counts changes of g and loadErr
	files   [32]byte     // the data files as of the last load (see dataFingerprint)
}

// newServer loads the data and makes the server. Without --watch, data
// with problems is an error, as for every command; with it, the server
// starts anyway and shows the problems until they are fixed.
func newServer(e *env, co *common, watch bool) (*server, error) {
	lang, _ := graph.ParseLang(co.lang)
	s := &server{co: co, lang: lang, watch: watch, stderr: e.stderr, svg: newSVGRenderer(e.stderr), loopback: true}
	fs := pflag.NewFlagSet("serve", pflag.ContinueOnError)
	s.look.flags(fs, "")
	s.drawing.flags(fs)
	if err := fs.Parse(nil); err != nil {
		return nil, err
	}
	if err := s.drawing.check("serve"); err != nil {
		return nil, err
	}
	var formats []web.Format
	for _, d := range downloads {
		formats = append(formats, web.Format{ID: d.id, Label: d.label})
	}
	page, err := (&web.Page{Lang: lang, Title: "conceptmap", Watch: watch, Formats: formats}).HTML()
	if err != nil {
		return nil, err
	}
	s.page = page
	if err := s.reload(); err != nil && !watch {
		var le *graph.LoadError
		if errors.As(err, &le) {
			fmt.Fprintln(e.stderr, le.Error())
			return nil, fmt.Errorf("%s in the data; fix them and run again ('conceptmap validate' checks the data alone, and 'serve --watch' waits for the fix)", plural(len(le.Diags), "problem"))
		}
		return nil, err
	}
	return s, nil
}

// reload loads the data again. On success the new graph replaces the old;
// on failure the old one stays, and the problems are kept to show.
func (s *server) reload() error {
	files := dataFingerprint(s.co.data)
	l, _, err := newLoader(s.co)
	var g *graph.Graph
	if err == nil {
		g, err = l.Load()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.files = files
	if err != nil {
		if msg := err.Error(); msg != s.loadErr {
			s.loadErr = msg
			s.version++
		}
		return err
	}
	model, merr := web.NewModel(g).JSON()
	if merr != nil {
		return merr
	}
	s.g, s.model, s.loadErr = g, model, ""
	s.version++
	return nil
}

func (s *server) graph() *graph.Graph {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.g
}

// serveMemoryLimit is the heap the server aims to stay under, unless
// GOMEMLIMIT says otherwise: drawing a PNG takes tens of megabytes for a
// moment, and without a limit the collector lets such peaks pile up.
const serveMemoryLimit = 160 << 20

func (s *server) listenAndServe(e *env, addr string, open bool) error {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(serveMemoryLimit)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w", addr, err)
	}
	host, port, _ := net.SplitHostPort(ln.Addr().String())
	ip := net.ParseIP(host)
	s.loopback = ip != nil && ip.IsLoopback()
	if !s.loopback {
		fmt.Fprintf(e.stderr, "conceptmap serve: warning: listening on %s, not on this machine only: anyone who can reach it can read the data\n", ln.Addr())
		if ip == nil || ip.IsUnspecified() {
			host = "localhost"
		}
	}
	u := "http://" + net.JoinHostPort(host, port) + "/"
	fmt.Fprintf(e.stdout, "conceptmap explorer: %s\n", u)
	fmt.Fprintf(e.stderr, "serving %s; press Ctrl-C to stop\n", dataDescription(s.co, s.watch))
	if open {
		openBrowser(u, e.stderr)
	}
	hs := &http.Server{Handler: s.handler(), ReadHeaderTimeout: 10 * time.Second, MaxHeaderBytes: 64 << 10}
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		select {
		case <-e.ctx.Done():
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			hs.Shutdown(ctx)
		case <-stop:
		}
	}()
	if s.watch {
		go s.watchData(e.ctx, 500*time.Millisecond)
	}
	err = hs.Serve(ln)
	s.svg.close()
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

func dataDescription(co *common, watch bool) string {
	if len(co.data) == 0 {
		return "the bundled data"
	}
	d := strings.Join(co.data, ", ")
	if watch {
		d += ", reloading on changes"
	}
	return d
}

// openBrowser is how --open opens the page; a failure is a warning.
var openBrowser = func(u string, stderr io.Writer) {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", u)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", u)
	default:
		cmd = exec.Command("xdg-open", u)
	}
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(stderr, "conceptmap serve: warning: cannot open a browser (%v); open %s yourself\n", err, u)
		return
	}
	go func() {
		if err := cmd.Wait(); err != nil {
			fmt.Fprintf(stderr, "conceptmap serve: warning: %s failed (%v); open %s yourself\n", cmd.Path, err, u)
		}
	}()
}

func (s *server) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.handlePage)
	mux.HandleFunc("GET /api/graph", s.handleGraph)
	mux.HandleFunc("GET /api/status", s.handleStatus)
	mux.HandleFunc("GET /api/search", s.handleSearch)
	mux.HandleFunc("GET /api/plan", s.handlePlan)
	mux.HandleFunc("GET /api/map", s.handleMap)
	mux.HandleFunc("GET /download", s.handleDownload)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cache-Control", "no-cache")
		if s.loopback && !loopbackHost(r.Host) {
			http.Error(w, fmt.Sprintf("this server answers requests for localhost only, not %q", r.Host), http.StatusForbidden)
			return
		}
		mux.ServeHTTP(w, r)
	})
}

// loopbackHost reports whether a Host header names this machine.
func loopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// handlePage answers the page. The page keeps its state in the address's
// fragment; a link that puts it in the query, as in /?focus=grpo, is sent
// there.
func (s *server) handlePage(w http.ResponseWriter, r *http.Request) {
	if r.URL.RawQuery != "" {
		vs, err := query(r, "focus", "depth", "rel", "lang", "targets", "known", "show")
		if err != nil {
			badRequest(w, err)
			return
		}
		http.Redirect(w, r, "/#"+vs.Encode(), http.StatusFound)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "frame-ancestors 'none'")
	w.Write(s.page)
}

// handleGraph answers the whole graph as the page's script reads it (see
// render/web.Model), with the state of the data.
func (s *server) handleGraph(w http.ResponseWriter, r *http.Request) {
	if _, err := query(r); err != nil {
		badRequest(w, err)
		return
	}
	s.mu.RLock()
	out := struct {
		Version int             `json:"version"`
		Error   string          `json:"error,omitempty"`
		Model   json.RawMessage `json:"model"`
	}{s.version, s.loadErr, s.model}
	s.mu.RUnlock()
	if out.Model == nil {
		out.Model = json.RawMessage("null")
	}
	sendJSON(w, out)
}

// handleStatus answers what a page watching for changes needs: the
// version of the data and its problems, and how maps were drawn.
func (s *server) handleStatus(w http.ResponseWriter, r *http.Request) {
	if _, err := query(r); err != nil {
		badRequest(w, err)
		return
	}
	s.mu.RLock()
	out := struct {
		Version int         `json:"version"`
		Error   string      `json:"error,omitempty"`
		Watch   bool        `json:"watch"`
		Render  renderStats `json:"render"`
	}{s.version, s.loadErr, s.watch, s.svg.snapshot()}
	s.mu.RUnlock()
	sendJSON(w, out)
}

// handleSearch answers `conceptmap search --json`.
func (s *server) handleSearch(w http.ResponseWriter, r *http.Request) {
	vs, err := query(r, "q", "limit")
	if err != nil {
		badRequest(w, err)
		return
	}
	if !vs.Has("q") {
		badRequest(w, errors.New("give the text to search for as q=TEXT"))
		return
	}
	limit := 10
	if l := vs.Get("limit"); l != "" {
		if limit, err = strconv.Atoi(l); err != nil || limit < 1 || limit > 100 {
			badRequest(w, fmt.Errorf("limit must be a whole number from 1 to 100, not %q", l))
			return
		}
	}
	g := s.graph()
	if g == nil {
		s.noData(w)
		return
	}
	sendJSON(w, api.NewMatches(g.Search(vs.Get("q"), limit)))
}

// handlePlan answers `conceptmap plan --json`.
func (s *server) handlePlan(w http.ResponseWriter, r *http.Request) {
	vs, err := query(r, "targets", "known")
	if err != nil {
		badRequest(w, err)
		return
	}
	targets := splitList([]string{vs.Get("targets")})
	if len(targets) == 0 {
		badRequest(w, errors.New("give the concepts to learn as targets=C,..."))
		return
	}
	g := s.graph()
	if g == nil {
		s.noData(w)
		return
	}
	p, err := g.PlanOf(targets, splitList([]string{vs.Get("known")}))
	if err != nil {
		badRequest(w, paramError(err))
		return
	}
	sendJSON(w, api.NewPlan(p))
}

// handleMap answers the SVG of a view, as `conceptmap map` draws it.
func (s *server) handleMap(w http.ResponseWriter, r *http.Request) {
	vs, err := query(r, viewParams...)
	if err != nil {
		badRequest(w, err)
		return
	}
	b, _, err := s.make(r.Context(), vs, downloads[0])
	if err != nil {
		s.fail(w, err)
		return
	}
	w.Header().Set("Content-Type", "image/svg+xml")
	w.Write(b)
}

// handleDownload answers a view in any of the download formats, as a file
// to save: byte for byte what the command line writes for the same view.
func (s *server) handleDownload(w http.ResponseWriter, r *http.Request) {
	vs, err := query(r, append([]string{"format"}, viewParams...)...)
	if err != nil {
		badRequest(w, err)
		return
	}
	f := vs.Get("format")
	i := slices.IndexFunc(downloads, func(d download) bool { return d.id == f })
	if i < 0 {
		var ids []string
		for _, d := range downloads {
			ids = append(ids, d.id)
		}
		badRequest(w, fmt.Errorf("format must be one of %s, not %q", strings.Join(ids, ", "), f))
		return
	}
	d := downloads[i]
	b, name, err := s.make(r.Context(), vs, d)
	if err != nil {
		s.fail(w, err)
		return
	}
	w.Header().Set("Content-Type", d.mime)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name + d.ext}))
	w.Write(b)
}

// download is one format of /download: its name, how it is served, which
// command writes it (map or export, whose options it takes), and how it is
// made. Adding a format is adding a line.
type download struct {
	id, label, ext, mime string
	cmd                  string
	make                 maker
}

type maker func(ctx context.Context, s *server, g *graph.Graph, v graph.View, opt render.Options) ([]byte, error)

var downloads = []download{
	{"svg", "SVG", ".svg", "image/svg+xml", "map", svgOf},
	{"png", "PNG", ".png", "image/png", "map", raster("png")},
	{"pdf", "PDF", ".pdf", "application/pdf", "map", raster("pdf")},
	{"dot", "DOT (Graphviz)", ".dot", "text/vnd.graphviz; charset=utf-8", "map", pure(render.DOT)},
	{"mermaid", "Mermaid", ".mmd", "text/plain; charset=utf-8", "export", pure(render.Mermaid)},
	{"json", "JSON", ".json", "application/json", "export", pure(func(g *graph.Graph, v graph.View, _ render.Options) []byte { return render.JSON(g, v) })},
	{"graphml", "GraphML", ".graphml", "application/graphml+xml", "export", pure(render.GraphML)},
	{"html", "HTML (offline explorer)", ".html", "text/html; charset=utf-8", "export", htmlOf},
}

// svgOf draws the SVG laid out in a render worker, as render.SVG would.
func svgOf(ctx context.Context, s *server, g *graph.Graph, v graph.View, opt render.Options) ([]byte, error) {
	return render.Renderer{Layouter: s.svg}.SVG(ctx, g, v, opt)
}

// raster draws a PNG or a PDF as map does (see drawing.picture), cached:
// laid out in a render worker, and drawn in this process.
func raster(format string) maker {
	return func(ctx context.Context, s *server, g *graph.Graph, v graph.View, opt render.Options) ([]byte, error) {
		return s.svg.draw(ctx, format, render.DOT(g, v, opt), func() ([]byte, error) {
			ro, err := s.drawing.raster()
			if err != nil {
				return nil, err
			}
			r := render.Renderer{Layouter: s.svg}
			// The drawing goes on for the cache if the request goes away.
			ctx := context.WithoutCancel(ctx)
			if format == "png" {
				return r.PNG(ctx, g, v, opt, ro)
			}
			return r.PDF(ctx, g, v, opt, ro)
		})
	}
}

// pure makes a format that needs no layout.
func pure(f func(*graph.Graph, graph.View, render.Options) []byte) maker {
	return func(_ context.Context, _ *server, g *graph.Graph, v graph.View, opt render.Options) ([]byte, error) {
		return f(g, v, opt), nil
	}
}

// htmlOf is render.HTML with the maps drawn in a render worker.
func htmlOf(ctx context.Context, s *server, g *graph.Graph, v graph.View, opt render.Options) ([]byte, error) {
	return render.Renderer{Layouter: s.svg}.HTML(ctx, g, v, opt)
}

// viewParams are the query parameters that choose a view: what the
// command line's selection flags choose.
var viewParams = []string{"show", "focus", "depth", "rel", "targets", "known", "category", "lang", "rankdir"}

// make builds the view that vs selects and makes it in format d. It
// returns the bytes and a file name (without extension) for them.
func (s *server) make(ctx context.Context, vs url.Values, d download) ([]byte, string, error) {
	req, err := s.parseView(vs)
	if err != nil {
		return nil, "", err
	}
	g := s.graph()
	if g == nil {
		return nil, "", errNoData
	}
	v, m, err := g.Select(req.sel)
	if err != nil {
		return nil, "", badParams{paramError(err)}
	}
	// As map or export sets them, with their flags' defaults.
	opt := render.Options{Lang: req.lang}
	opt.Mark(m)
	lk := s.look
	lk.rankdir = req.rankdir
	lk.apply(&opt, len(v.Edges))
	if d.cmd == "map" {
		s.drawing.apply(&opt)
	}
	b, err := d.make(ctx, s, g, v, opt)
	return b, req.name, err
}

// viewRequest is what the query of /api/map or /download asks for.
type viewRequest struct {
	sel     graph.Selection
	lang    graph.Lang
	rankdir string
	name    string // a file name for it, without extension
}

// paramNames are the query parameters that set each field of a
// graph.Selection.
var paramNames = map[string]string{
	"plan": "targets", "known": "known", "focus": "focus", "depth": "depth",
	"category": "category", "relations": "rel",
}

// paramError puts an error of a selection in the words of the query.
func paramError(err error) error {
	var se *graph.SelectionError
	if errors.As(err, &se) && paramNames[se.Field] != "" && se.Field != "category" {
		return fmt.Errorf("%s: %w", paramNames[se.Field], se.Err)
	}
	return err
}

// parseView turns the query into the selection that `conceptmap map`
// would make of the same flags: show=focus (focus, depth), show=plan
// (targets, known) or show=all, each with rel and category.
func (s *server) parseView(vs url.Values) (viewRequest, error) {
	bad := func(format string, args ...any) (viewRequest, error) {
		return viewRequest{}, badParams{fmt.Errorf(format, args...)}
	}
	req := viewRequest{lang: s.lang, name: "concepts"}
	if l := vs.Get("lang"); l != "" {
		var ok bool
		if req.lang, ok = graph.ParseLang(l); !ok {
			return bad("lang must be en, zh or both, not %q", l)
		}
	}
	req.rankdir = strings.ToUpper(vs.Get("rankdir"))
	switch req.rankdir {
	case "":
		req.rankdir = "TB"
	case "TB", "LR":
	default:
		return bad("rankdir must be TB or LR, not %q", vs.Get("rankdir"))
	}
	show := vs.Get("show")
	if show == "" {
		switch {
		case vs.Get("focus") != "":
			show = "focus"
		case vs.Get("targets") != "":
			show = "plan"
		default:
			show = "all"
		}
	}
	sel := &req.sel
	sel.Relations = splitList([]string{vs.Get("rel")})
	sel.Category = vs.Get("category")
	switch show {
	case "focus":
		if sel.Focus = strings.TrimSpace(vs.Get("focus")); sel.Focus == "" {
			return bad("show=focus needs the concept to show, as focus=C")
		}
		if d := vs.Get("depth"); d != "" {
			var err error
			if sel.Depth, err = strconv.Atoi(d); err != nil || sel.Depth < 1 || sel.Depth > maxDepth {
				return bad("depth must be a whole number from 1 to %d, not %q", maxDepth, d)
			}
		}
		req.name = sel.Focus
	case "plan":
		if sel.Plan = splitList([]string{vs.Get("targets")}); len(sel.Plan) == 0 {
			return bad("show=plan needs the concepts to learn, as targets=C,...")
		}
		sel.Known = splitList([]string{vs.Get("known")})
		req.name = "plan-" + strings.Join(sel.Plan, "-")
	case "all":
	default:
		return bad("show must be focus, plan or all, not %q", show)
	}
	if sel.Category != "" {
		req.name += "-" + sel.Category
	}
	req.name = fileName(req.name)
	return req, nil
}

// fileName makes a safe file name of s.
func fileName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
		if b.Len() >= 64 {
			break
		}
	}
	if b.Len() == 0 {
		return "concepts"
	}
	return b.String()
}

// badParams is a request that asks for something wrong: a 400.
type badParams struct{ error }

func (e badParams) Unwrap() error { return e.error }

var errNoData = errors.New("no data to show: the data has problems (see the page) and no good version has loaded yet")

// query parses the query string, which may hold only the given
// parameters, each once.
func query(r *http.Request, allowed ...string) (url.Values, error) {
	vs, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, fmt.Errorf("malformed query string: %v", err)
	}
	keys := make([]string, 0, len(vs))
	for k := range vs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if !slices.Contains(allowed, k) {
			if len(allowed) == 0 {
				return nil, fmt.Errorf("unknown parameter %q: %s takes none", k, r.URL.Path)
			}
			return nil, fmt.Errorf("unknown parameter %q: %s takes %s", k, r.URL.Path, strings.Join(allowed, ", "))
		}
		if n := len(vs[k]); n > 1 {
			return nil, fmt.Errorf("parameter %q is given %d times; give it once (lists are comma-separated)", k, n)
		}
	}
	return vs, nil
}

func badRequest(w http.ResponseWriter, err error) {
	http.Error(w, err.Error(), http.StatusBadRequest)
}

// fail answers an error: a 400 for a request that asks for something
// wrong, a 503 while there is no data, a 500 otherwise.
func (s *server) fail(w http.ResponseWriter, err error) {
	var bp badParams
	var nf *graph.NotFoundError
	var ur *graph.UnknownRelationError
	var amb *graph.AmbiguousError
	switch {
	case errors.As(err, &bp), errors.As(err, &nf), errors.As(err, &ur), errors.As(err, &amb):
		badRequest(w, err)
	case errors.Is(err, errNoData):
		s.noData(w)
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		http.Error(w, "request cancelled", http.StatusServiceUnavailable)
	default:
		fmt.Fprintf(s.stderr, "conceptmap serve: %v\n", err)
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

func (s *server) noData(w http.ResponseWriter) {
	http.Error(w, errNoData.Error(), http.StatusServiceUnavailable)
}

// sendJSON writes v as JSON, with <, > and & escaped.
func sendJSON(w http.ResponseWriter, v any) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(b.Bytes())
}
