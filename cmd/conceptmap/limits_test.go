package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/dataset"
	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/server/servertest"
)

// The size limit of a data file is raised, lowered or lifted with an
// environment variable, and the message of a file over it says so.
func TestMaxFileSizeEnv(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "big.csv")
	rows := "from,relation,to\n"
	for i := range 60 {
		rows += fmt.Sprintf("a long name %d,requires,another long name %d\n", i, i)
	}
	if err := os.WriteFile(p, []byte(rows), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		env, stderr string
		code        int
	}{
		{"1KiB", p + ": the file is 2.6 KiB, over the limit of 1 KiB for one data file; split it into several files, or raise the limit with CONCEPTMAP_MAX_FILE_SIZE=200MiB (or =off)\nconceptmap: 1 problem in the data; fix them and run again ('conceptmap validate' checks the data alone)\n", 1},
		{"2x", "conceptmap: CONCEPTMAP_MAX_FILE_SIZE=2x: unknown unit \"x\"; give a size such as 200MiB, or off for no limit\n", 1},
		{"-5", "conceptmap: CONCEPTMAP_MAX_FILE_SIZE=-5: not a positive size; give a size such as 200MiB, or off for no limit\n", 1},
		{"off", "", 0},
		{"3k", "", 0},
	} {
		t.Setenv(dataset.MaxFileSizeEnv, tc.env)
		var stdout, stderr bytes.Buffer
		code := report(run(context.Background(), []string{"stats", "--data", p}, &stdout, &stderr), &stderr)
		if code != tc.code || stderr.String() != tc.stderr {
			t.Errorf("%s=%s: exit %d, stderr:\n%s\nwant exit %d, stderr:\n%s", dataset.MaxFileSizeEnv, tc.env, code, stderr.String(), tc.code, tc.stderr)
		}
	}
}

func TestParseSize(t *testing.T) {
	for s, want := range map[string]int64{"1048576": 1 << 20, "512KiB": 512 << 10, "64MiB": 64 << 20, "2G": 2 << 30, "10 MB": 10 << 20, "off": -1, "OFF": -1} {
		if got, err := dataset.ParseSize(s); err != nil || got != want {
			t.Errorf("dataset.ParseSize(%q) = %d, %v; want %d", s, got, err, want)
		}
	}
	for _, s := range []string{"", "MiB", "0", "1.5MiB", "9999999999G"} {
		if _, err := dataset.ParseSize(s); err == nil {
			t.Errorf("dataset.ParseSize(%q) succeeded", s)
		}
	}
}

// The explorer's status shows the same bounded report as the command
// line: a window of a long line, and at most graph.MaxProblemsPerFile
// problems of a file.
func TestServeStatusBounded(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("concepts:\n  - {id: a, name: A")
	for i := range 200 {
		fmt.Fprintf(&b, ", %s%d: x", strings.Repeat("f", 500), i)
	}
	b.WriteString("}\n")
	if err := os.WriteFile(filepath.Join(dir, "x.yaml"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	_, hs, _ := testServer(t, true, dir)
	var g struct{ Error string }
	json.Unmarshal(servertest.Get(t, hs.URL+"/api/graph").Body, &g)
	if !strings.Contains(g.Error, dir+"/x.yaml: 180 more problems not shown") || len(g.Error) > 40_000 {
		t.Errorf("status error of %d bytes, ending %q", len(g.Error), g.Error[max(0, len(g.Error)-200):])
	}
}

// What a terminal would act on in the data is escaped in text output.
func TestTextOutputEscaped(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.yaml")
	data := "concepts:\n  - id: a\n    name: A\n    summary: \"\\u009b2J wiped \\u202egnp.exe\"\n  - id: b\n    name: B\n    summary: ok\n    relations:\n      - {relation: requires, to: a, why: \"\\u009b31m red\"}\n"
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"show", "a"}, {"show", "b"}, {"list"}, {"plan", "b"}} {
		var stdout, stderr bytes.Buffer
		code := report(run(context.Background(), append(args, "--data", p), &stdout, &stderr), &stderr)
		out := stdout.String()
		if code != 0 || strings.ContainsAny(out, "\u009b\u202e") {
			t.Errorf("%v: exit %d, raw control characters in:\n%s%s", args, code, out, stderr.String())
		}
		if args[0] == "show" && !strings.Contains(out, `\x9b`) {
			t.Errorf("%v: the escaped text is not shown:\n%s", args, out)
		}
	}
}
