package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/cli"

	"github.com/conceptmap/conceptmap/graph"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// env is what every command runs with.
type env struct {
	ctx    context.Context
	stdout io.Writer
	stderr io.Writer
}

// common holds the flags that most commands share.
type common struct {
	data  []string
	links string
	lang  string
	json  bool
}

// commands is the table of conceptmap's commands, in the order help lists
// them: the questions first, then the data, then the pictures and tools.
// Adding a command is adding a line here and a file that defines it.
var commands = []*command{
	planCommand, pathCommand, neighborsCommand, prereqsCommand, unlocksCommand,
	searchCommand, showCommand, listCommand, statsCommand,
	knownCommand, relationsCommand, validateCommand, schemaCommand, mapCommand, slidesCommand, exportCommand, serveCommand,
}

// command is one subcommand: its help, and how to make its flags and run it.
type command struct {
	name     string
	args     string // argument synopsis, for usage
	summary  string
	examples []string
	json     bool // takes --json
	// new makes the command's flags and action for one run.
	new func() runner
}

// runner is one run of a command: it adds its own flags, then runs with
// the parsed positional arguments and the flags every command shares.
type runner interface {
	flags(fs *pflag.FlagSet)
	run(e *env, co *common, args []string) error
}

func lookupCommand(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// globalFlags are the flags that may also come before the command, as
// in 'conceptmap --data mine/ plan X': those of common.
var globalFlags = cli.Global{"data": true, "links": true, "lang": true, "json": false}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	e := &env{ctx: ctx, stdout: stdout, stderr: stderr}
	if len(args) > 0 {
		switch args[0] {
		case "help", "-h", "--help":
			if len(args) > 1 {
				c := lookupCommand(args[1])
				if c == nil {
					return unknownCommand(args[1])
				}
				fs, _ := c.flagSet()
				c.help().Print(stdout, fs)
				return nil
			}
			topUsage(stdout)
			return nil
		case "version", "--version", "-v":
			fmt.Fprintf(stdout, "conceptmap %s\n", version)
			return nil
		}
	}
	name, rest, err := cli.Hoist(args, globalFlags)
	if err != nil {
		return err
	}
	if name == "" {
		topUsage(stderr)
		return usagef("", "no command given")
	}
	c := lookupCommand(name)
	if c == nil {
		return unknownCommand(name)
	}
	return c.run(e, rest)
}

func unknownCommand(name string) error {
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i] = c.name
	}
	return cli.UnknownCommand(name, names)
}

func (c *command) help() cli.Help {
	return cli.Help{Name: c.name, Args: c.args, Summary: c.summary, Examples: c.examples}
}

func (c *command) flagSet() (*pflag.FlagSet, func(e *env, args []string) error) {
	fs := pflag.NewFlagSet(c.name, pflag.ContinueOnError)
	fs.SortFlags = false
	fs.SetOutput(io.Discard)
	co := &common{}
	r := c.new()
	r.flags(fs)
	fs.StringArrayVar(&co.data, "data", nil, "load concept data from `PATH`, a file or directory, instead of the bundled data (repeatable)")
	fs.StringVar(&co.links, "links", "", "make untyped [[links]] between Markdown notes, and GraphML edges without a relation, relations of `TYPE` (an id or label, such as related_to)")
	fs.StringVar(&co.lang, "lang", defaultLang(), "language of names and text, `LANG`: en, zh or both (default: $CONCEPTMAP_LANG, else both)")
	if c.json {
		fs.BoolVar(&co.json, "json", false, "print JSON for scripts instead of text")
	}
	fs.BoolP("help", "h", false, "show this help")
	return fs, func(e *env, args []string) error {
		if _, ok := graph.ParseLang(co.lang); !ok {
			if !fs.Changed("lang") {
				return usagef(c.name, "$CONCEPTMAP_LANG must be en, zh or both, not %q", co.lang)
			}
			return usagef(c.name, "--lang must be en, zh or both, not %q", co.lang)
		}
		return r.run(e, co, args)
	}
}

func defaultLang() string {
	if l := os.Getenv("CONCEPTMAP_LANG"); l != "" {
		return l
	}
	return "both"
}

func (c *command) run(e *env, args []string) error {
	fs, action := c.flagSet()
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			c.help().Print(e.stdout, fs)
			return nil
		}
		return cli.ParseError(c.name, fs, err)
	}
	if h, _ := fs.GetBool("help"); h {
		c.help().Print(e.stdout, fs)
		return nil
	}
	return action(e, fs.Args())
}

func topUsage(w io.Writer) {
	hs := make([]cli.Help, len(commands))
	for i, c := range commands {
		hs[i] = c.help()
	}
	cli.TopUsage(w, hs)
}
