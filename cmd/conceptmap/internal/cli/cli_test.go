package cli

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/graph"
)

func TestHoist(t *testing.T) {
	global := Global{"data": true, "lang": true, "json": false}
	for _, c := range []struct {
		args []string
		name string
		rest []string
		err  string
	}{
		{[]string{"plan", "X"}, "plan", []string{"X"}, ""},
		{[]string{"--data", "d", "--lang=zh", "--json", "plan", "X"}, "plan", []string{"--data", "d", "--lang=zh", "--json", "X"}, ""},
		{[]string{"--data"}, "", nil, "flag needs an argument: --data"},
		{[]string{"--dat", "d", "plan"}, "", nil, "unknown flag --dat before the command (did you mean --data?); only --data, --json and --lang may come before it, the other flags after it"},
		{[]string{"--json"}, "", []string{"--json"}, ""},
	} {
		name, rest, err := Hoist(c.args, global)
		if fmt.Sprint(err) != c.err && !(err == nil && c.err == "") {
			t.Errorf("Hoist(%q) error %v, want %s", c.args, err, c.err)
		}
		if err == nil && (name != c.name || !slices.Equal(rest, c.rest)) {
			t.Errorf("Hoist(%q) = %q, %q; want %q, %q", c.args, name, rest, c.name, c.rest)
		}
	}
}

func TestParseErrorSuggestsFlag(t *testing.T) {
	fs := pflag.NewFlagSet("plan", pflag.ContinueOnError)
	fs.SetOutput(nil)
	fs.StringArray("known", nil, "")
	err := fs.Parse([]string{"--knwon", "x"})
	got := ParseError("plan", fs, err).Error()
	if got != "unknown flag: --knwon (did you mean --known?)" {
		t.Errorf("got %q", got)
	}
}

// Help shows a boolean flag alone, a value by a word, and a default once.
func TestFlagUsages(t *testing.T) {
	fs := pflag.NewFlagSet("x", pflag.ContinueOnError)
	fs.Bool("json", false, "print JSON")
	fs.StringArray("known", nil, "concepts you know")
	fs.String("lang", "both", "language, `LANG` (default: $CONCEPTMAP_LANG, else both)")
	fs.String("theme", "light", "colours")
	got := FlagUsages(fs, 100)
	want := `      --json         print JSON
      --known LIST   concepts you know
      --lang LANG    language, LANG (default: $CONCEPTMAP_LANG, else both)
      --theme TEXT   colours (default "light")
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// Every unknown concept without a close name gets a search to try, once,
// in a joined and wrapped error too.
func TestReportHintsSearch(t *testing.T) {
	err := fmt.Errorf("known: %w", errors.Join(
		&graph.NotFoundError{Name: "nope"},
		&graph.NotFoundError{Name: "ppoo", Suggestions: []*graph.Concept{{ID: "ppo"}}},
		&graph.NotFoundError{Name: "zz"}))
	var b strings.Builder
	if code := Report(err, &b); code != ExitFailure {
		t.Errorf("exit %d", code)
	}
	got := b.String()
	for _, want := range []string{
		`unknown concept "nope", and no name is close to it; try 'conceptmap search nope'` + "\n",
		`unknown concept "zz", and no name is close to it; try 'conceptmap search zz'` + "\n",
	} {
		if strings.Count(got, want) != 1 {
			t.Errorf("report %q lacks %q once", got, want)
		}
	}
	if strings.Count(got, "try") != 2 {
		t.Errorf("report %q: a hint for a concept with suggestions", got)
	}
}
