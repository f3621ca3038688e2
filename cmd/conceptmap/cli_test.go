package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden transcripts")

// TestTranscripts runs the real CLI in-process on each transcript in
// testdata/cli. A transcript is a txtar archive:
//
//	-- args --      one argument per line; $DIR is a temporary directory,
//	                $FIXTURE the fixture data set, testdata/fixture
//	-- stdout --    expected standard output
//	-- stderr --    expected standard error
//	-- exit --      expected exit code
//	-- files/NAME --  files written into $DIR before the run
//
// Transcripts run on the fixture (--data $FIXTURE), a small graph that
// uses every relation type, so that a change to the bundled data changes
// no transcript but those about the bundled data, named bundled_*.
//
// go test ./cmd/conceptmap -update rewrites stdout, stderr and exit.
func TestTranscripts(t *testing.T) {
	fixture, err := filepath.Abs("testdata/fixture")
	if err != nil {
		t.Fatal(err)
	}
	paths, err := filepath.Glob("testdata/cli/*.txtar")
	for i, p := range paths {
		if paths[i], err = filepath.Abs(p); err != nil {
			t.Fatal(err)
		}
	}
	if err != nil || len(paths) == 0 {
		t.Fatalf("no transcripts: %v", err)
	}
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".txtar"), func(t *testing.T) {
			t.Setenv("CONCEPTMAP_LANG", "")
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			t.Chdir(dir) // a transcript that writes a file writes it there
			var args []string
			want := map[string]string{}
			for _, f := range ar.Files {
				switch {
				case f.Name == "args":
					for _, a := range strings.Split(strings.TrimRight(string(f.Data), "\n"), "\n") {
						if a != "" {
							a = strings.ReplaceAll(a, "$FIXTURE", fixture)
							args = append(args, strings.ReplaceAll(a, "$DIR", dir))
						}
					}
				case strings.HasPrefix(f.Name, "files/"):
					p := filepath.Join(dir, strings.TrimPrefix(f.Name, "files/"))
					if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(p, f.Data, 0o644); err != nil {
						t.Fatal(err)
					}
				default:
					want[f.Name] = string(f.Data)
				}
			}
			var stdout, stderr bytes.Buffer
			code := report(run(context.Background(), args, &stdout, &stderr), &stderr)
			got := map[string]string{
				"stdout": strings.NewReplacer(dir, "$DIR", fixture, "$FIXTURE").Replace(stdout.String()),
				"stderr": strings.NewReplacer(dir, "$DIR", fixture, "$FIXTURE").Replace(stderr.String()),
				"exit":   strconv.Itoa(code) + "\n",
			}
			if *update {
				var files []txtar.File
				for _, f := range ar.Files {
					if _, ok := got[f.Name]; !ok {
						files = append(files, f)
					}
				}
				for _, name := range []string{"stdout", "stderr", "exit"} {
					files = append(files, txtar.File{Name: name, Data: []byte(got[name])})
				}
				ar.Files = files
				if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			for _, name := range []string{"exit", "stderr", "stdout"} {
				if got[name] != want[name] {
					t.Errorf("%s differs (run go test ./cmd/conceptmap -update to accept)\n--- got\n%s\n--- want\n%s", name, got[name], want[name])
				}
			}
		})
	}
}
