package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/dataset"
	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/server"
	"github.com/conceptmap/conceptmap/graph"
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
	allowHosts  []string
	open, watch bool
	ignoreKnown bool
}

func (c *serveCmd) flags(fs *pflag.FlagSet) {
	fs.StringVar(&c.addr, "addr", "127.0.0.1:8080", "listen on `HOST:PORT`; the default serves this machine only")
	fs.StringArrayVar(&c.allowHosts, "allow-host", nil, "also answer requests addressed to `NAME` (a host name or address, repeatable); without it the server answers only localhost and the names and addresses it listens on")
	fs.BoolVar(&c.open, "open", false, "open the page in a web browser")
	fs.BoolVar(&c.ignoreKnown, "ignore-known-file", false, "leave the file that 'conceptmap known' keeps alone: the page starts from what the browser keeps, and cannot read or write the file")
	fs.BoolVar(&c.watch, "watch", false, "reload the data when a file under --data changes; problems show in the page, and the last good data stays in service")
}

func (c *serveCmd) run(e *env, co *common, args []string) error {
	if len(args) > 0 {
		return usagef("serve", "takes no arguments; open the page and search there")
	}
	if c.watch && len(co.data) == 0 {
		return usagef("serve", "--watch watches the files given with --data; the bundled data does not change")
	}
	cfg := serverConfig(e, co, c.watch)
	cfg.AllowHosts, cfg.IgnoreKnownFile = c.allowHosts, c.ignoreKnown
	if c.open {
		cfg.Open = openBrowser
	}
	s, err := server.New(cfg)
	var le *graph.LoadError
	if errors.As(err, &le) {
		fmt.Fprintln(e.stderr, le.Error())
		return fmt.Errorf("%s in the data; fix them and run again ('conceptmap validate' checks the data alone, and 'serve --watch' waits for the fix)", plural(len(le.Diags), "problem"))
	} else if err != nil {
		return err
	}
	return s.ListenAndServe(e.ctx, c.addr)
}

// openBrowser is how --open opens the page.
var openBrowser = server.OpenBrowser

// serverConfig is what the server serves: the data of --data, or the
// bundled data.
func serverConfig(e *env, co *common, watch bool) server.Config {
	lang, _ := graph.ParseLang(co.lang)
	data := "the bundled data"
	if len(co.data) > 0 {
		data = strings.Join(co.data, ", ")
		if watch {
			data += ", reloading on changes"
		}
	}
	return server.Config{
		Lang: lang, Watch: watch, Data: data, Stdout: e.stdout, Stderr: e.stderr,
		Load: func() (*graph.Graph, error) {
			l, _, err := dataset.Loader(co.data, co.links)
			if err != nil {
				return nil, err
			}
			g, err := l.Load()
			printWarnings(e.stderr, l)
			return g, err
		},
		Fingerprint: func() [32]byte { return dataset.Fingerprint(co.data) },
	}
}
