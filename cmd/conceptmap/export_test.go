package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/cli"
	"github.com/conceptmap/conceptmap/render/export"
)

func TestExportFormat(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		format, out, want string
	}{
		{"", "a.mmd", "mermaid"},
		{"", "a.graphml", "graphml"},
		{"", "A.GRAPHML", "graphml"},
		{"", "a.json", "json"},
		{"", "a.csv", "csv"},
		{"", "a.cypher", "cypher"},
		{"", "a.dot", "dot"},
		{"", "a.gv", "dot"},
		{"", "out/", "csv"},
		{"", dir, "csv"}, // an existing directory
		{"JSON", "a.mmd", "json"},
		{"mermaid", "", "mermaid"},
		{"", "a.png", ""},
		{"", "a", ""},
		{"", "", ""},
		{"yaml", "a.json", ""},
		{"svg", "", ""},
	} {
		got, err := exportFormat(tc.format, tc.out)
		if got != tc.want || (err == nil) != (tc.want != "") {
			t.Errorf("exportFormat(%q, %q) = %q, %v; want %q", tc.format, tc.out, got, err, tc.want)
		}
		if err != nil {
			if _, ok := err.(*cli.UsageError); !ok {
				t.Errorf("exportFormat(%q, %q): %v is not a usage error", tc.format, tc.out, err)
			}
		}
	}
}

func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var o, e bytes.Buffer
	code = report(run(context.Background(), args, &o, &e), &e)
	return o.String(), e.String(), code
}

// A file written with -o holds what stdout gets with --format.
func TestExportFileEqualsStdout(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []struct{ format, ext string }{
		{"mermaid", ".mmd"}, {"graphml", ".graphml"}, {"json", ".json"}, {"cypher", ".cypher"}, {"dot", ".gv"},
	} {
		want, _, code := runCLI(t, "export", "--plan", "GQA", "--format", f.format)
		if code != 0 || want == "" {
			t.Fatalf("%s to stdout: exit %d", f.format, code)
		}
		out := filepath.Join(dir, "gqa"+f.ext)
		stdout, stderr, code := runCLI(t, "export", "--plan", "GQA", "-o", out)
		if code != 0 || stdout != "" || !regexp.MustCompile(`^wrote `+regexp.QuoteMeta(out)+`: [1-9][0-9]* concepts, `).MatchString(stderr) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", f.format, code, stdout, stderr)
		}
		if got, err := os.ReadFile(out); err != nil || string(got) != want {
			t.Errorf("%s: the file differs from stdout (%v)", f.format, err)
		}
	}
}

// CSV goes into a directory, made if -o ends in a slash, or beside
// NAME.csv; both files parse back with a header and a row per concept or
// relation.
func TestExportCSVFiles(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		out                 string
		concepts, relations string
	}{
		{filepath.Join(dir, "new", "sub") + "/", "new/sub/concepts.csv", "new/sub/relations.csv"},
		{dir, "concepts.csv", "relations.csv"},
		{filepath.Join(dir, "kb.csv"), "kb.concepts.csv", "kb.relations.csv"},
		{filepath.Join(dir, "KB.CSV"), "KB.concepts.csv", "KB.relations.csv"},
	} {
		_, stderr, code := runCLI(t, "export", "--category", "post_training", "-o", tc.out)
		if code != 0 {
			t.Fatalf("-o %s: exit %d: %s", tc.out, code, stderr)
		}
		c, r := filepath.Join(dir, tc.concepts), filepath.Join(dir, tc.relations)
		if want := "wrote " + c + " and " + r + ": "; !strings.HasPrefix(stderr, want) {
			t.Errorf("-o %s: stderr %q, want %q…", tc.out, stderr, want)
		}
		rows := readCSVFile(t, c)
		if !slices.Equal(rows[0], export.CSVConceptsHeader) || len(rows) < 5 {
			t.Errorf("%s: %d rows, header %q", c, len(rows), rows[0])
		}
		for _, row := range rows[1:] {
			if row[3] != "post_training" {
				t.Errorf("%s: concept %s is in %s", c, row[0], row[3])
			}
		}
		rows = readCSVFile(t, r)
		if !slices.Equal(rows[0], []string{"from", "relation", "to", "why_en", "why_zh"}) || len(rows) < 3 {
			t.Errorf("%s: %d rows, header %q", r, len(rows), rows[0])
		}
	}
}

func readCSVFile(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil || len(rows) == 0 {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

// When the second CSV file cannot be written, the first is put back as it
// was, and no temporary file is left behind.
func TestExportCSVAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	concepts := filepath.Join(dir, "concepts.csv")
	os.WriteFile(concepts, []byte("precious"), 0o644)
	// A directory in the way of relations.csv makes its rename fail.
	os.MkdirAll(filepath.Join(dir, "relations.csv", "x"), 0o755)
	_, stderr, code := runCLI(t, "export", "-o", dir+"/")
	if code != 1 || !strings.Contains(stderr, "cannot write "+filepath.Join(dir, "relations.csv")) {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if b, _ := os.ReadFile(concepts); string(b) != "precious" {
		t.Errorf("concepts.csv was changed: %.40q", b)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{"concepts.csv", "relations.csv"}) {
		t.Errorf("left behind: %q", names)
	}

	// Where neither file was there before, neither is after.
	dir = t.TempDir()
	os.MkdirAll(filepath.Join(dir, "relations.csv", "x"), 0o755)
	if _, _, code := runCLI(t, "export", "-o", dir); code != 1 {
		t.Errorf("exit %d", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "concepts.csv")); err == nil {
		t.Error("concepts.csv was left behind")
	}
}

// A failed export leaves an existing output file as it was.
func TestExportNeverClobbers(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "map.mmd")
	os.WriteFile(out, []byte("precious"), 0o644)
	for _, args := range [][]string{
		{"export", "--plan", "no-such-concept", "-o", out},
		{"export", "--focus", "GQA", "--relation", "bogus", "-o", out},
		{"export", "--data", filepath.Join(dir, "missing.yaml"), "-o", out},
	} {
		if _, _, code := runCLI(t, args...); code == 0 {
			t.Errorf("%v: exit %d, want a failure", args, code)
		}
		if b, _ := os.ReadFile(out); string(b) != "precious" {
			t.Errorf("%v clobbered the output: %q", args, b)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left files behind: %v", entries)
	}
}

// The bundled graph, exported as an Obsidian vault and loaded back with
// --data, is the same graph: its JSON export is byte for byte the
// bundled one's. A second export into the same directory is refused and
// leaves the vault as it was.
func TestExportObsidianRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "vault")
	if _, stderr, code := runCLI(t, "export", "--format", "obsidian", "-o", dir+"/"); code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	want, _, _ := runCLI(t, "export", "--format", "json")
	got, stderr, code := runCLI(t, "export", "--format", "json", "--data", dir)
	if code != 0 || got != want {
		t.Errorf("the vault loads back as another graph (exit %d): %s", code, stderr)
	}
	note := filepath.Join(dir, "Optimisation and inference", "Grouped-Query Attention.md")
	before, err := os.ReadFile(note)
	if err != nil {
		t.Fatal(err)
	}
	_, stderr, code = runCLI(t, "export", "--format", "obsidian", "-o", dir)
	if code != 1 || !strings.Contains(stderr, "the directory is not empty") {
		t.Errorf("export into a vault: exit %d: %s", code, stderr)
	}
	if after, _ := os.ReadFile(note); !bytes.Equal(after, before) {
		t.Errorf("a refused export changed %s", note)
	}
}
