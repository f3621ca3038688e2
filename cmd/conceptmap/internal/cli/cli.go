// Package cli holds the command-line machinery of conceptmap that knows
// no command: usage errors and how they are reported, global flags
// accepted before the command, did-you-mean hints for commands and flags,
// the hints that the command line adds to graph's typed errors, and the
// help text of a command and its flags. It knows nothing of the
// data, of rendering or of any particular command; it must not import
// render, the server or any other package of the project but graph (for
// its did-you-mean distance, graph.Nearest).
package cli

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/graph"
)

// Exit codes.
const (
	ExitOK      = 0
	ExitFailure = 1
	ExitUsage   = 2
	// ExitInterrupted is a run stopped by SIGINT or SIGTERM, as shells
	// report it (128+2).
	ExitInterrupted = 130
)

// UsageError is a mistake in how a command was called. It is reported
// with a hint to the command's help and exit code 2.
type UsageError struct {
	Cmd  string // "" for the top level
	Msg  string
	Hint string // what to run for help; "" for "conceptmap CMD --help"
}

func (e *UsageError) Error() string { return e.Msg }

// Usagef makes a UsageError of command cmd.
func Usagef(cmd, format string, args ...any) error {
	return &UsageError{Cmd: cmd, Msg: fmt.Sprintf(format, args...)}
}

// SilentError is a failure whose details were already printed.
type SilentError struct{ error }

// Silent wraps err as a SilentError.
func Silent(err error) error { return SilentError{err} }

// Report prints err and returns the exit code for it.
func Report(err error, stderr io.Writer) int {
	if err == nil {
		return ExitOK
	}
	var ue *UsageError
	if errors.As(err, &ue) {
		name := "conceptmap"
		if ue.Cmd != "" {
			name += " " + ue.Cmd
		}
		hint := ue.Hint
		if hint == "" {
			hint = fmt.Sprintf("run '%s --help' for usage", name)
		}
		fmt.Fprintf(stderr, "%s: %s\n%s\n", name, ue.Msg, hint)
		return ExitUsage
	}
	var se SilentError
	if !errors.As(err, &se) {
		fmt.Fprintf(stderr, "conceptmap: %s\n", withHints(err))
	}
	return ExitFailure
}

// UnknownCommand is the error for a command name that is none of names,
// with the nearest as a suggestion.
func UnknownCommand(name string, names []string) error {
	msg := fmt.Sprintf("unknown command %q", name)
	if s := graph.Nearest(name, names); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	return &UsageError{Msg: msg, Hint: "run 'conceptmap help' for the list of commands"}
}

// Global describes the flags that may come before the command: each
// name, and whether it takes a value.
type Global map[string]bool

// Hoist splits the arguments into the command name and the command's
// arguments, moving the global flags given before the command after it,
// where the command parses them: "--data d plan X" is "plan --data d X".
// Flags before the command that are not global are a usage error, with
// a did-you-mean among the global flags. name is "" if no command is
// given.
func Hoist(args []string, global Global) (name string, rest []string, err error) {
	var pre []string
	for len(args) > 0 && strings.HasPrefix(args[0], "--") && len(args[0]) > 2 {
		flag, _, hasValue := strings.Cut(strings.TrimPrefix(args[0], "--"), "=")
		takes, ok := global[flag]
		if !ok {
			return "", nil, unknownGlobal(flag, global)
		}
		pre = append(pre, args[0])
		args = args[1:]
		if takes && !hasValue {
			if len(args) == 0 {
				return "", nil, &UsageError{Msg: fmt.Sprintf("flag needs an argument: --%s", flag)}
			}
			pre = append(pre, args[0])
			args = args[1:]
		}
	}
	if len(args) == 0 {
		return "", pre, nil
	}
	return args[0], append(pre, args[1:]...), nil
}

func unknownGlobal(flag string, global Global) error {
	names := make([]string, 0, len(global))
	for n := range global {
		names = append(names, n)
	}
	msg := fmt.Sprintf("unknown flag --%s before the command", flag)
	if s := graph.Nearest(flag, names); s != "" {
		msg += fmt.Sprintf(" (did you mean --%s?)", s)
	}
	return &UsageError{Msg: msg + "; only " + globalList(global) + " may come before it, the other flags after it"}
}

// globalList is "--data, --json, --lang and --links".
func globalList(global Global) string {
	var names []string
	for n := range global {
		names = append(names, "--"+n)
	}
	sort.Strings(names)
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// ParseError turns an error of fs.Parse into a usage error of cmd, with
// a did-you-mean for an unknown flag.
func ParseError(cmd string, fs *pflag.FlagSet, err error) error {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "unknown flag: --"); ok {
		var names []string
		fs.VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
		if s := graph.Nearest(name, names); s != "" {
			msg += fmt.Sprintf(" (did you mean --%s?)", s)
		}
	}
	return Usagef(cmd, "%s", msg)
}

// OrList writes a list as a person says it: "a, b or c".
func OrList(ss []string) string {
	if len(ss) < 2 {
		return strings.Join(ss, "")
	}
	return strings.Join(ss[:len(ss)-1], ", ") + " or " + ss[len(ss)-1]
}

// withHints is err's message with what to run next after each unknown
// concept that has no close name: graph's errors speak of no command.
func withHints(err error) string {
	msg := err.Error()
	done := map[string]bool{}
	var walk func(error)
	walk = func(err error) {
		if nf, ok := err.(*graph.NotFoundError); ok {
			if e := nf.Error(); len(nf.Suggestions) == 0 && !done[e] {
				done[e] = true
				msg = strings.ReplaceAll(msg, e, e+"; try 'conceptmap search "+nf.Name+"'")
			}
			return
		}
		switch u := err.(type) {
		case interface{ Unwrap() []error }:
			for _, e := range u.Unwrap() {
				walk(e)
			}
		case interface{ Unwrap() error }:
			walk(u.Unwrap())
		}
	}
	walk(err)
	return msg
}
