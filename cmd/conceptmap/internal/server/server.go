// Package server is conceptmap serve: the explorer page, the JSON API
// behind it (the shapes of --json, from package api), downloads of a view
// in every format, a cache that shares one layout among the requests that
// want it, render workers to lay maps out in, and a watcher that reloads
// changed data.
//
// It speaks in its own words (query parameters, HTTP statuses), never in
// the command line's flags; it must not import package main's flag
// handling, and it takes its data through Config.Load.
package server

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
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

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/api"
	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/knownfile"
	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render"
	"github.com/conceptmap/conceptmap/render/export"
	"github.com/conceptmap/conceptmap/render/web"
	"github.com/conceptmap/conceptmap/render/worker"
	"golang.org/x/net/netutil"
)

// maxDepth bounds the depth of a neighbourhood a request may ask for.
const maxDepth = 5

// maxQuery and maxTerms bound the text of a search, in bytes and in
// words: each word is matched against every name of every concept.
const (
	maxQuery = 256
	maxTerms = 16
)

// Config is what a Server serves, and how.
type Config struct {
	Lang  graph.Lang // the page's first language
	Watch bool       // reload the data when it changes; show its problems in the page
	// Load loads the data. Fingerprint, needed with Watch, sums up the
	// data files: when it changes, the data is loaded again.
	Load        func() (*graph.Graph, error)
	Fingerprint func() [32]byte
	// Data says what the data is, for the log: "the bundled data".
	Data   string
	Stdout io.Writer // where the page's address goes
	Stderr io.Writer // warnings and the log
	// Open, if set, opens the page's address in a browser.
	Open func(url string, stderr io.Writer)
	// AllowHosts are more host names (or addresses) that requests may be
	// addressed to, besides localhost and the names and addresses the
	// server listens on.
	AllowHosts []string
	// Limits bound connections and layouts; zero fields take
	// DefaultLimits' values.
	Limits Limits
	// IgnoreKnownFile leaves the known file ('conceptmap known') alone:
	// /api/known answers errKnownFileOff, and the page starts from the
	// browser's storage alone. Otherwise the page starts from the file
	// when the browser's storage holds nothing yet.
	IgnoreKnownFile bool
}

// Limits bound what one connection, one request or one layout may take.
type Limits struct {
	ReadHeaderTimeout time.Duration // to read a request's header
	ReadTimeout       time.Duration // to read a whole request
	WriteTimeout      time.Duration // from a request's header to the end of its answer
	IdleTimeout       time.Duration // a kept-alive connection waiting for its next request
	MaxHeaderBytes    int           // the size of a request's header
	MaxConns          int           // connections open at once; more wait to be accepted
	LayoutTimeout     time.Duration // one layout in a render worker; the worker is then killed
	Workers           int           // render workers at once
}

// DefaultLimits are the limits of a server that sets none. The layout
// timeout is twice the longest layout seen on a loaded 2-core machine;
// the write timeout leaves room for a map fitted by several layouts and
// the drawing of a PNG.
var DefaultLimits = Limits{
	ReadHeaderTimeout: 10 * time.Second,
	ReadTimeout:       30 * time.Second,
	WriteTimeout:      2 * time.Minute,
	IdleTimeout:       60 * time.Second,
	MaxHeaderBytes:    64 << 10,
	MaxConns:          256,
	LayoutTimeout:     20 * time.Second,
	Workers:           runtime.NumCPU(),
}

// withDefaults fills l's zero fields from DefaultLimits.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	or := func(v *time.Duration, def time.Duration) {
		if *v <= 0 {
			*v = def
		}
	}
	or(&l.ReadHeaderTimeout, d.ReadHeaderTimeout)
	or(&l.ReadTimeout, d.ReadTimeout)
	or(&l.WriteTimeout, d.WriteTimeout)
	or(&l.IdleTimeout, d.IdleTimeout)
	or(&l.LayoutTimeout, d.LayoutTimeout)
	if l.MaxHeaderBytes <= 0 {
		l.MaxHeaderBytes = d.MaxHeaderBytes
	}
	if l.MaxConns <= 0 {
		l.MaxConns = d.MaxConns
	}
	if l.Workers <= 0 {
		l.Workers = max(d.Workers, 1)
	}
	return l
}

// Server is the explorer: the page and the API behind it.
type Server struct {
	cfg    Config
	lang   graph.Lang
	watch  bool
	stderr io.Writer
	svg    *svgRenderer
	page   []byte
	limits Limits
	// hosts are the names and addresses, besides localhost and loopback
	// addresses, that requests may be addressed to: checking the Host of
	// every request defeats DNS rebinding.
	hosts map[string]bool

	mu      sync.RWMutex
	g       *graph.Graph // the last good graph; nil before the first
	model   []byte       // g's web.Model as JSON
	loadErr string       // the problems of the last load, if it failed
	version int          // counts changes of g and loadErr
	files   [32]byte     // the data files as of the last load (see Config.Fingerprint)
}

// New loads the data and makes the server. Without Watch, data with
// problems is an error (a *graph.LoadError); with it, the server starts
// anyway and shows the problems until they are fixed.
func New(cfg Config) (*Server, error) {
	limits := cfg.Limits.withDefaults()
	s := &Server{cfg: cfg, lang: cfg.Lang, watch: cfg.Watch, stderr: cfg.Stderr, limits: limits, svg: newSVGRenderer(cfg.Stderr, limits.Workers, limits.LayoutTimeout)}
	s.hosts = map[string]bool{}
	for _, h := range cfg.AllowHosts {
		s.hosts[hostName(h)] = true
	}
	var formats []web.Format
	for _, d := range downloads {
		formats = append(formats, web.Format{ID: d.id, Label: d.label})
	}
	page, err := (&web.Page{Lang: cfg.Lang, Title: "conceptmap", Watch: cfg.Watch, Formats: formats, KnownFile: !cfg.IgnoreKnownFile}).HTML()
	if err != nil {
		return nil, err
	}
	s.page = page
	if err := s.reload(); err != nil && !cfg.Watch {
		s.Close()
		return nil, err
	}
	return s, nil
}

// reload loads the data again. On success the new graph replaces the old;
// on failure the old one stays, and the problems are kept to show.
func (s *Server) reload() error {
	var files [32]byte
	if s.cfg.Fingerprint != nil {
		files = s.cfg.Fingerprint()
	}
	g, err := s.cfg.Load()
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

func (s *Server) graph() *graph.Graph {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.g
}

// serveMemoryLimit is the heap the server aims to stay under, unless
// GOMEMLIMIT says otherwise: drawing a PNG takes tens of megabytes for a
// moment, and without a limit the collector lets such peaks pile up.
const serveMemoryLimit = 160 << 20

// ListenAndServe serves on addr until ctx is done. It prints the page's
// address to Config.Stdout, and warns when addr is not this machine's
// only.
func (s *Server) ListenAndServe(ctx context.Context, addr string) error {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(serveMemoryLimit)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w", addr, err)
	}
	if h, _, err := net.SplitHostPort(addr); err == nil && h != "" && net.ParseIP(h) == nil {
		s.hosts[hostName(h)] = true // the name it was asked to listen on
	}
	return s.Serve(ctx, ln)
}

// Serve serves on ln until ctx is done, as ListenAndServe does.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	host, port, _ := net.SplitHostPort(ln.Addr().String())
	ip := net.ParseIP(host)
	if ip != nil && !ip.IsUnspecified() {
		s.hosts[hostName(host)] = true
	}
	if ip == nil || !ip.IsLoopback() {
		fmt.Fprintf(s.stderr, "conceptmap serve: warning: listening on %s, not on this machine only: anyone who can reach it can read the data\n", ln.Addr())
		if ip == nil || ip.IsUnspecified() {
			host = "localhost"
			s.addMachineHosts()
			fmt.Fprintf(s.stderr, "conceptmap serve: warning: listening on all interfaces; requests must be addressed to localhost or one of: %s\n", strings.Join(slices.Sorted(maps.Keys(s.hosts)), ", "))
		}
	}
	u := "http://" + net.JoinHostPort(host, port) + "/"
	fmt.Fprintf(s.cfg.Stdout, "conceptmap explorer: %s\n", u)
	fmt.Fprintf(s.stderr, "serving %s; press Ctrl-C to stop\n", s.cfg.Data)
	if s.cfg.Open != nil {
		s.cfg.Open(u, s.stderr)
	}
	l := s.limits
	hs := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: l.ReadHeaderTimeout,
		ReadTimeout:       l.ReadTimeout,
		WriteTimeout:      l.WriteTimeout,
		IdleTimeout:       l.IdleTimeout,
		MaxHeaderBytes:    l.MaxHeaderBytes,
	}
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		select {
		case <-ctx.Done():
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			hs.Shutdown(ctx)
		case <-stop:
		}
	}()
	if s.watch {
		go s.Watch(ctx, 500*time.Millisecond)
	}
	err := hs.Serve(netutil.LimitListener(ln, l.MaxConns))
	s.Close()
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// Close stops the server's render worker, if one runs.
func (s *Server) Close() { s.svg.close() }

// OpenBrowser opens u in the system's web browser; a failure is a
// warning on stderr.
func OpenBrowser(u string, stderr io.Writer) {
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

// Handler answers the page and the API.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.handlePage)
	mux.HandleFunc("GET /api/graph", s.handleGraph)
	mux.HandleFunc("GET /api/status", s.handleStatus)
	mux.HandleFunc("GET /api/search", s.handleSearch)
	mux.HandleFunc("GET /api/plan", s.handlePlan)
	mux.HandleFunc("GET /api/known", s.handleKnown)
	mux.HandleFunc("PUT /api/known", s.handlePutKnown)
	mux.HandleFunc("GET /api/map", s.handleMap)
	mux.HandleFunc("GET /download", s.handleDownload)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cache-Control", "no-cache")
		if !s.allowedHost(r.Host) {
			http.Error(w, fmt.Sprintf("this server does not answer requests addressed to %q: only to localhost, the addresses and names it listens on, and the hosts it is allowed", r.Host), http.StatusForbidden)
			return
		}
		mux.ServeHTTP(w, r)
	})
}

// allowedHost reports whether a Host header names this machine as the
// server knows it: localhost, a loopback address, or one of s.hosts.
func (s *Server) allowedHost(hostport string) bool {
	host := hostName(hostport)
	if host == "localhost" || s.hosts[host] {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// hostName is the host of a Host header or an address, without its port
// or brackets, in lower case, an IP address in its usual form.
func hostName(hostport string) string {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
	if ip := net.ParseIP(host); ip != nil {
		return ip.String()
	}
	return host
}

// addMachineHosts allows this machine's interface addresses and host
// name, for a server that listens on all interfaces.
func (s *Server) addMachineHosts() {
	if addrs, err := net.InterfaceAddrs(); err == nil {
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok && !n.IP.IsLinkLocalUnicast() {
				s.hosts[n.IP.String()] = true
			}
		}
	}
	if h, err := os.Hostname(); err == nil && h != "" {
		s.hosts[hostName(h)] = true
	}
}

// handlePage answers the page. The page keeps its state in the address's
// fragment; a link that puts it in the query, as in /?focus=grpo, is sent
// there.
func (s *Server) handlePage(w http.ResponseWriter, r *http.Request) {
	if r.URL.RawQuery != "" {
		vs, err := query(r, "focus", "depth", "rel", "lang", "targets", "known", "show", "category")
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

// dataState is how every answer about the data starts: its version and
// its problems.
type dataState struct {
	Version int    `json:"version"`
	Error   string `json:"error,omitempty"`
}

// sendState answers a request that takes no parameters with what state
// makes of the data's state, read under the lock.
func (s *Server) sendState(w http.ResponseWriter, r *http.Request, state func(dataState) any) {
	if _, err := query(r); err != nil {
		badRequest(w, err)
		return
	}
	s.mu.RLock()
	out := state(dataState{s.version, s.loadErr})
	s.mu.RUnlock()
	sendJSON(w, out)
}

// handleGraph answers the whole graph as the page's script reads it (see
// render/web.Model), with the state of the data.
func (s *Server) handleGraph(w http.ResponseWriter, r *http.Request) {
	s.sendState(w, r, func(d dataState) any {
		model := s.model
		if model == nil {
			model = json.RawMessage("null")
		}
		return struct {
			dataState
			Model json.RawMessage `json:"model"`
		}{d, model}
	})
}

// handleStatus answers what a page watching for changes needs: the
// version of the data and its problems, and how maps were drawn.
func (s *Server) handleStatus(w http.ResponseWriter, r *http.Request) {
	s.sendState(w, r, func(d dataState) any {
		return struct {
			dataState
			Watch  bool        `json:"watch"`
			Render renderStats `json:"render"`
		}{d, s.watch, s.svg.snapshot()}
	})
}

// handleSearch answers `conceptmap search --json`.
func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) {
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
	q := vs.Get("q")
	if len(q) > maxQuery {
		badRequest(w, fmt.Errorf("the search text is %d bytes; search for at most %d", len(q), maxQuery))
		return
	}
	if n := len(strings.Fields(q)); n > maxTerms {
		badRequest(w, fmt.Errorf("the search text has %d words; search for at most %d", n, maxTerms))
		return
	}
	g := s.graph()
	if g == nil {
		s.noData(w)
		return
	}
	ms, err := g.SearchContext(r.Context(), q, limit)
	if err != nil {
		s.fail(w, err)
		return
	}
	sendJSON(w, api.NewMatches(ms))
}

// handlePlan answers `conceptmap plan --json`.
func (s *Server) handlePlan(w http.ResponseWriter, r *http.Request) {
	vs, err := query(r, "targets", "known")
	if err != nil {
		badRequest(w, err)
		return
	}
	targets := params(vs.Get("targets"))
	if len(targets) == 0 {
		badRequest(w, errors.New("give the concepts to learn as targets=C,..."))
		return
	}
	g := s.graph()
	if g == nil {
		s.noData(w)
		return
	}
	p, err := g.PlanOf(targets, params(vs.Get("known")))
	if err != nil {
		badRequest(w, paramError(err))
		return
	}
	sendJSON(w, api.NewPlan(p))
}

// handleKnown answers what the known file ('conceptmap known') holds:
// {"known": [ids], "file": path}.
func (s *Server) handleKnown(w http.ResponseWriter, r *http.Request) {
	if s.cfg.IgnoreKnownFile {
		http.Error(w, errKnownFileOff.Error(), http.StatusNotFound)
		return
	}
	ids, path, err := knownfile.Read()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if ids == nil {
		ids = []string{}
	}
	sendJSON(w, map[string]any{"known": ids, "file": path})
}

// handlePutKnown replaces the known file with the JSON list of concept
// ids in the body, ids the data has, and answers as handleKnown. It
// takes only JSON from the page's own origin, so another site cannot
// write the file through the browser.
func (s *Server) handlePutKnown(w http.ResponseWriter, r *http.Request) {
	if s.cfg.IgnoreKnownFile {
		http.Error(w, errKnownFileOff.Error(), http.StatusNotFound)
		return
	}
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		http.Error(w, "send the known concepts as a JSON list, with Content-Type: application/json", http.StatusUnsupportedMediaType)
		return
	}
	if o := r.Header.Get("Origin"); o != "" && o != "http://"+r.Host {
		http.Error(w, "only the explorer's own page may change what you know", http.StatusForbidden)
		return
	}
	var ids []string
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&ids); err != nil {
		badRequest(w, fmt.Errorf("the body must be a JSON list of concept ids: %v", err))
		return
	}
	g := s.graph()
	if g == nil {
		s.noData(w)
		return
	}
	for _, id := range ids {
		if g.Concept(id) == nil {
			badRequest(w, fmt.Errorf("unknown concept %q", id))
			return
		}
	}
	ids = slices.Compact(slices.Sorted(slices.Values(ids)))
	_, path, err := knownfile.Read()
	if err == nil {
		err = knownfile.Write(path, ids)
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	sendJSON(w, map[string]any{"known": ids, "file": path})
}

// handleMap answers the SVG of a view, as `conceptmap map` draws it.
func (s *Server) handleMap(w http.ResponseWriter, r *http.Request) {
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
func (s *Server) handleDownload(w http.ResponseWriter, r *http.Request) {
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

// Format is one format of /download, for those who list them.
type Format struct {
	ID, Label, Ext, Mime string
	Command              string // the command that writes it: map or export
}

// Formats lists the formats of /download, in the page's order.
func Formats() []Format {
	out := make([]Format, len(downloads))
	for i, d := range downloads {
		out[i] = Format{ID: d.id, Label: d.label, Ext: d.ext, Mime: d.mime, Command: d.cmd}
	}
	return out
}

type maker func(ctx context.Context, s *Server, g *graph.Graph, v graph.View, opt render.Options) ([]byte, error)

// downloads are the formats of one file (export.Formats), pictures
// first, each made as map (a picture) or export would make it, with every
// layout made in a render worker.
var downloads = func() []download {
	var ds []download
	for _, pictures := range []bool{true, false} {
		for _, f := range export.Formats {
			if f.Picture != pictures || len(f.Parts) > 0 || f.Dir {
				continue
			}
			cmd := "export"
			if f.Picture {
				cmd = "map"
			}
			ds = append(ds, download{f.Name, f.Title, f.Ext(), f.MediaType, cmd, makerOf(f)})
		}
	}
	return ds
}()

// makerOf makes a format with the server's renderer, whose layouts are
// made in a render worker. PNG and PDF, drawn in this process with map's
// defaults (scale 2, a system font), are cached.
func makerOf(f export.Format) maker {
	write := func(ctx context.Context, s *Server, g *graph.Graph, v graph.View, opt render.Options) ([]byte, error) {
		files, err := f.Write(ctx, render.Renderer{Layouter: s.svg}, g, v, opt)
		if err != nil {
			return nil, err
		}
		return files[0].Data, nil
	}
	if !f.Raster {
		return write
	}
	return func(ctx context.Context, s *Server, g *graph.Graph, v graph.View, opt render.Options) ([]byte, error) {
		return s.svg.draw(ctx, f.Name, render.DOT(g, v, opt), func() ([]byte, error) {
			// The drawing goes on for the cache if the request goes away.
			return write(context.WithoutCancel(ctx), s, g, v, opt)
		})
	}
}

// viewParams are the query parameters that choose a view: what the
// command line's selection flags choose, and how it looks (map's
// --lang, --rankdir and --theme).
var viewParams = []string{"show", "focus", "depth", "rel", "targets", "known", "category", "lang", "rankdir", "theme"}

// make builds the view that vs selects and makes it in format d. It
// returns the bytes and a file name (without extension) for them.
func (s *Server) make(ctx context.Context, vs url.Values, d download) ([]byte, string, error) {
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
	// As map or export draws a selection, their other flags at their
	// defaults: edge labels while there are few edges, fitted to the
	// page, and for map, the theme asked for (light by default) and the
	// dot layout.
	opt := render.Options{Look: render.Look{Lang: req.lang, RankDir: req.rankdir, NoEdgeLabels: len(v.Edges) > render.EdgeLabelLimit, NoEdgeKey: true, Fit: true, Overview: req.overview}}
	opt.Mark(m)
	if d.cmd == "map" {
		opt.Theme, opt.Layout = cmp.Or(req.theme, "light"), "dot"
	}
	b, err := d.make(ctx, s, g, v, opt)
	return b, req.name, err
}

// viewRequest is what the query of /api/map or /download asks for.
type viewRequest struct {
	sel     graph.Selection
	lang    graph.Lang
	rankdir string
	theme   string // of a picture; "" for the default
	name    string // a file name for it, without extension
	// overview draws one node per category, as map --overview.
	overview bool
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
// (targets, known), show=all or show=overview (all of it, one node per
// category), each with rel and category.
func (s *Server) parseView(vs url.Values) (viewRequest, error) {
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
	case "", "AUTO":
		req.rankdir = "" // chosen to fit, as map's --rankdir auto
	case "TB", "LR":
	default:
		return bad("rankdir must be TB, LR or auto, not %q", vs.Get("rankdir"))
	}
	var te *render.UnknownThemeError
	if req.theme = vs.Get("theme"); errors.As(render.CheckTheme(req.theme), &te) {
		return bad("theme must be one of %s, not %q", strings.Join(render.Themes, ", "), te.Name)
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
	sel.Relations = params(vs.Get("rel"))
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
		if sel.Plan = params(vs.Get("targets")); len(sel.Plan) == 0 {
			return bad("show=plan needs the concepts to learn, as targets=C,...")
		}
		sel.Known = params(vs.Get("known"))
		req.name = "plan-" + strings.Join(sel.Plan, "-")
	case "all":
	case "overview":
		req.overview = true
		req.name = "overview"
	default:
		return bad("show must be focus, plan, all or overview, not %q", show)
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

var errKnownFileOff = errors.New("this server leaves the known file alone: what you know stays in the browser")

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
func (s *Server) fail(w http.ResponseWriter, err error) {
	var bp badParams
	var nf *graph.NotFoundError
	var ur *graph.UnknownRelationError
	var amb *graph.AmbiguousError
	switch {
	case errors.As(err, &bp), errors.As(err, &nf), errors.As(err, &ur), errors.As(err, &amb):
		badRequest(w, err)
	case errors.Is(err, errNoData):
		s.noData(w)
	case errors.As(err, new(errLayoutTimeout)):
		fmt.Fprintf(s.stderr, "conceptmap serve: %v\n", err)
		http.Error(w, err.Error(), http.StatusServiceUnavailable)
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		http.Error(w, "request cancelled", http.StatusServiceUnavailable)
	default:
		fmt.Fprintf(s.stderr, "conceptmap serve: %v\n", err)
		// The log tells whoever runs the server what went wrong in
		// Graphviz's or render's words; the reader gets the server's.
		msg := err.Error()
		var mc *render.MissingCharsError
		var le *worker.LayoutError
		switch {
		case errors.As(err, &mc):
			msg = missingChars(mc)
		case errors.As(err, &le):
			msg = "Graphviz could not lay this map out; the server's log says why"
		}
		http.Error(w, msg, http.StatusInternalServerError)
	}
}

// missingChars says, to a reader of the page, that the server's fonts
// cannot draw some characters of a PNG or PDF, and what to take instead.
func missingChars(e *render.MissingCharsError) string {
	var cs []string
	for _, r := range e.Chars[:min(len(e.Chars), 8)] {
		cs = append(cs, fmt.Sprintf("U+%04X", r))
	}
	if len(e.Chars) > 8 {
		cs = append(cs, "…")
	}
	return fmt.Sprintf("the server has no font that draws %s of this map (%s); download it as SVG, which your browser draws with its own fonts",
		graph.Plural(len(e.Chars), "character"), strings.Join(cs, ", "))
}

func (s *Server) noData(w http.ResponseWriter) {
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

// params splits a comma-separated parameter, as in targets=grpo,dpo.
func params(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}
