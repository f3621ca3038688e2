// Command conceptmap turns a field of knowledge into a graph to learn from:
// learning plans, paths between concepts, neighbourhoods, search, and
// concept maps drawn with Graphviz. Run 'conceptmap help' for its commands.
//
// Package main only wires: commands.go holds the table of commands, and
// each command's file parses its flags and hands them to graph, render
// and the rooms under internal/ (api and textout for answers, dataset
// for the data, atomicfile for output files, server for serve, cli for
// usage errors, help and did-you-mean, drawflags for the flags of
// pictures). It must not import net/http: the web lives in
// internal/server.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/atomicfile"
	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/cli"

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
	// One command draws a few maps at most (serve draws in its workers).
	render.PauseGCInLayouts(true)
	os.Exit(runInterruptible(os.Args[1:]))
}

// runInterruptible runs the command, and stops it on SIGINT (Ctrl-C) or
// SIGTERM: the run's context is cancelled, every temporary file staged
// for output is removed and no output file is put in place
// (atomicfile.Abort), and the process exits 130 as soon as the command
// returns, or after a grace period if it does not (a Graphviz layout
// inside WebAssembly does not look at the context).
func runInterruptible(args []string) int {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- run(ctx, args, os.Stdout, os.Stderr) }()
	select {
	case err := <-done:
		return report(err, os.Stderr)
	case <-sig:
	}
	signal.Stop(sig) // a second Ctrl-C kills at once
	cancel()
	atomicfile.Abort()
	select {
	case <-done:
	case <-time.After(interruptGrace(args)):
	}
	atomicfile.Abort() // anything staged since
	fmt.Fprintln(os.Stderr, "conceptmap: interrupted")
	return cli.ExitInterrupted
}

// interruptGrace is how long an interrupted command may take to return:
// serve closes its connections gracefully; other commands only stop.
func interruptGrace(args []string) time.Duration {
	if name, _, _ := cli.Hoist(args, globalFlags); name == "serve" {
		return 6 * time.Second
	}
	return time.Second
}

// usagef makes a usage error of the command cmd ("" for the top level),
// reported with a hint to its help and exit code 2.
var usagef = cli.Usagef

// report prints err and returns the exit code for it.
var report = cli.Report
