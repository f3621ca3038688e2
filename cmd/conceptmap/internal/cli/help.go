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
