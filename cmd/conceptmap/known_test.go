package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// known add, list, remove and clear keep a file in the configuration
// directory, which plan, map, export and slides take as --known unless
// told to ignore it.
func TestKnownFile(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	t.Setenv("CONCEPTMAP_LANG", "en")
	file := filepath.Join(dir, "conceptmap", "known.txt")

	plan := func(args ...string) string {
		out, stderr, code := runCLI(t, append([]string{"plan", "GQA", "--json"}, args...)...)
		if code != 0 {
			t.Fatalf("plan: exit %d: %s", code, stderr)
		}
		return out
	}
	before := plan()
	if out, _, code := runCLI(t, "known", "list"); code != 0 || !strings.Contains(out, "You know nothing yet") {
		t.Errorf("empty list: exit %d, %q", code, out)
	}
	if _, stderr, code := runCLI(t, "known", "add", "Multi-Head Attention", "kv_cache"); code != 0 {
		t.Fatalf("add: exit %d: %s", code, stderr)
	}
	b, _ := os.ReadFile(file)
	if !strings.HasSuffix(string(b), "\nkv_cache\nmha\n") {
		t.Errorf("the file holds %q", b)
	}
	out, _, _ := runCLI(t, "known", "list", "--json")
	if strings.Join(strings.Fields(out), "") != `["kv_cache","mha"]` {
		t.Errorf("list --json = %s", out)
	}
	with := plan()
	if with == before || !strings.Contains(with, `"known": [`) || !strings.Contains(with, `"mha"`) {
		t.Errorf("plan does not take the known file:\n%s", with)
	}
	if plan("--ignore-known-file") != before {
		t.Error("--ignore-known-file still takes the file")
	}
	if _, stderr, code := runCLI(t, "map", "--plan", "GQA", "--format", "dot"); code != 0 {
		t.Errorf("map: exit %d: %s", code, stderr)
	}
	// The known file's concepts and what they imply leave the plan's view.
	withFile, _, _ := runCLI(t, "export", "--plan", "GQA", "--format", "json")
	without, _, _ := runCLI(t, "export", "--plan", "GQA", "--format", "json", "--ignore-known-file")
	if len(withFile) >= len(without) {
		t.Errorf("export --plan with the known file is %d bytes, without %d", len(withFile), len(without))
	}
	if _, _, code := runCLI(t, "known", "remove", "mha"); code != 0 {
		t.Errorf("remove: exit %d", code)
	}
	if b, _ := os.ReadFile(file); strings.Contains(string(b), "mha") {
		t.Errorf("remove left %q", b)
	}
	// An id from other data is left out with a note.
	os.WriteFile(file, []byte("kv_cache\nno_such_concept\n"), 0o644)
	if _, stderr, code := runCLI(t, "plan", "GQA"); code != 0 || !strings.Contains(stderr, "names concepts these data do not have: no_such_concept") {
		t.Errorf("foreign id: exit %d, stderr %q", code, stderr)
	}
	if _, _, code := runCLI(t, "known", "clear"); code != 0 {
		t.Errorf("clear: exit %d", code)
	}
	if _, err := os.Stat(file); !os.IsNotExist(err) {
		t.Errorf("clear left the file: %v", err)
	}
	if plan() != before {
		t.Error("after clear the plan differs from the first")
	}
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"known"}, "say what to do: add, remove, list or clear"},
		{[]string{"known", "forget", "x"}, `unknown action "forget"; use add, remove, list or clear`},
		{[]string{"known", "add"}, "name the concepts to add"},
		{[]string{"known", "list", "x"}, "list takes no concepts"},
		{[]string{"known", "add", "no_such_concept"}, `unknown concept "no_such_concept"`},
	} {
		if _, stderr, code := runCLI(t, tc.args...); code == 0 || !strings.Contains(stderr, tc.msg) {
			t.Errorf("%v: exit %d, stderr %q, want %q", tc.args, code, stderr, tc.msg)
		}
	}
}

// A picture of a plan leaves the background out, and says so.
func TestMapBackgroundNote(t *testing.T) {
	_, stderr, code := runCLI(t, "map", "--plan", "transformer", "--format", "dot", "--lang", "en")
	if code != 0 || !strings.Contains(stderr, "note: background left out (worth a look, not required): ") ||
		!strings.Contains(stderr, "rnn") || !strings.Contains(stderr, "'conceptmap plan transformer' says why") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if _, stderr, _ := runCLI(t, "map", "--plan", "gqa", "--format", "dot"); strings.Contains(stderr, "background") {
		t.Errorf("a plan without background: stderr %q", stderr)
	}
}
