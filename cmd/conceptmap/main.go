// Command conceptmap turns a field of knowledge into a graph to learn from:
// learning plans, paths between concepts, neighbourhoods, search, and
// concept maps drawn with Graphviz. Run 'conceptmap help' for its commands.
//
// Package main only wires: commands.go holds the table of commands, and
// each command's file parses its flags and hands them to graph, render
// and the rooms under internal/ (api and textout for answers, dataset for
// the data, atomicfile for output files, server for serve). It must not
// import net/http: the web lives in internal/server.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/conceptmap/conceptmap/render"
	"github.com/conceptmap/conceptmap/render/worker"
)

func main() {
	if _, err := render.GraphvizCache(); err != nil {
		fmt.Fprintf(os.Stderr, "conceptmap: warning: %s\n", err)
	}
	// conceptmap serve lays its maps out in render workers: this binary,
	// started again in worker mode.
	if worker.Requested() {
		os.Exit(worker.Serve(os.Stdin, os.Stdout, os.Stderr))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(report(err, os.Stderr))
}

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// usageError is a mistake in how the command was called. It is reported
// with a hint to the command's help and exit code 2.
type usageError struct {
	cmd string // "" for the top level
	msg string
}

func (e *usageError) Error() string { return e.msg }

func usagef(cmd, format string, args ...any) error {
	return &usageError{cmd: cmd, msg: fmt.Sprintf(format, args...)}
}

// silentError is a failure whose details were already printed.
type silentError struct{ error }

// report prints err and returns the exit code for it.
func report(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	var ue *usageError
	if errors.As(err, &ue) {
		name := "conceptmap"
		if ue.cmd != "" {
			name += " " + ue.cmd
		}
		fmt.Fprintf(stderr, "%s: %s\nrun '%s --help' for usage\n", name, ue.msg, name)
		return exitUsage
	}
	var se silentError
	if !errors.As(err, &se) {
		fmt.Fprintf(stderr, "conceptmap: %s\n", err)
	}
	return exitFailure
}
