package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"
)

// Help is what a command's --help shows above its flags.
type Help struct {
	Name     string
	Args     string // argument synopsis
	Summary  string
	Examples []string
}

// Print writes the command's help and its flags to w.
func (h Help) Print(w io.Writer, fs *pflag.FlagSet) {
	fmt.Fprintf(w, "%s\n\nUsage:\n  conceptmap %s [flags]", h.Summary, h.Name)
	if h.Args != "" {
		fmt.Fprintf(w, " %s", h.Args)
	}
	fmt.Fprintf(w, "\n\nExamples:\n")
	for _, ex := range h.Examples {
		fmt.Fprintf(w, "  %s\n", ex)
	}
	fmt.Fprintf(w, "\nFlags:\n%s", FlagUsages(fs, 100))
}

// placeholders name a flag's value by its type when its usage gives no
// `NAME`: words for a user, not Go's type names.
var placeholders = map[string]string{
	"string": "TEXT", "stringArray": "LIST", "stringSlice": "LIST",
	"int": "N", "uint": "N", "float64": "NUMBER", "duration": "DURATION",
}

// FlagUsages lists the flags of fs, in their order, wrapped at width: a
// boolean flag stands alone (no "[=true|false]"), a value is named by
// the `NAME` in its usage or a word for its type, and a default is shown
// once, unless the usage speaks of its default itself or it is empty.
func FlagUsages(fs *pflag.FlagSet, width int) string {
	type line struct{ left, usage string }
	var lines []line
	col := 0
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		name, usage := pflag.UnquoteUsage(f)
		if f.Value.Type() != "bool" {
			if p, ok := placeholders[name]; ok {
				name = p
			}
			left += " " + name
		}
		if d := f.DefValue; d != "" && d != "false" && d != "0" && d != "[]" && !strings.Contains(usage, "default") {
			if f.Value.Type() == "string" {
				d = fmt.Sprintf("%q", d)
			}
			usage += " (default " + d + ")"
		}
		lines = append(lines, line{left, usage})
		col = max(col, len(left))
	})
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l.left)
		b.WriteString(strings.Repeat(" ", col-len(l.left)+3))
		b.WriteString(wrap(l.usage, width-col-3, col+3))
		b.WriteString("\n")
	}
	return b.String()
}

// wrap breaks s into lines of at most width, indenting every line after
// the first by indent.
func wrap(s string, width, indent int) string {
	if width < 20 {
		width = 20
	}
	var b strings.Builder
	n := 0
	for i, word := range strings.Fields(s) {
		switch {
		case i == 0:
		case n+1+len(word) > width:
			b.WriteString("\n" + strings.Repeat(" ", indent))
			n = 0
		default:
			b.WriteString(" ")
			n++
		}
		b.WriteString(word)
		n += len(word)
	}
	return b.String()
}

// TopUsage writes conceptmap's help: its commands, with their summaries.
func TopUsage(w io.Writer, commands []Help) {
	fmt.Fprintf(w, `conceptmap turns a field of knowledge into a graph to learn from.

Usage:
  conceptmap <command> [flags] [arguments]

Commands:
`)
	for _, c := range commands {
		fmt.Fprintf(w, "  %-9s %s\n", c.Name, c.Summary)
	}
	fmt.Fprintf(w, `
A concept can be named by its id, an alias, or its English or Chinese name,
in any case: "gqa", "GQA", "Grouped-Query Attention" and "分组查询注意力" are one.

Run 'conceptmap help <command>' or 'conceptmap <command> --help' for its flags
and examples, and 'conceptmap --version' for the version.
`)
}

// ExactArgs checks the number of positional arguments.
func ExactArgs(cmd string, args []string, n int, what string) error {
	if len(args) != n {
		return Usagef(cmd, "want %s, got %d argument(s)", what, len(args))
	}
	return nil
}

// SplitList splits comma-separated flag values, as in --known a,b --known c.
func SplitList(vals []string) []string {
	var out []string
	for _, v := range vals {
		for _, s := range strings.Split(v, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}
