package export

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/internal/rendertest"
)

// The JSON export of the fixture, bundled and hostile graphs is valid
// under graph.JSONSchema, as Python's jsonschema (draft 2020-12) judges.
func TestJSONExportMatchesSchema(t *testing.T) {
	python := ""
	for _, p := range []string{os.Getenv("CONCEPTMAP_PYTHON"), "python3", "/usr/bin/python3"} {
		if path, err := exec.LookPath(p); p != "" && err == nil && exec.Command(path, "-c", "import jsonschema").Run() == nil {
			python = path
			break
		}
	}
	if python == "" {
		rendertest.Missing(t, "no python3 with jsonschema; apt-get install python3-jsonschema (.ci/run does)")
	}
	dir := t.TempDir()
	schema := filepath.Join(dir, "schema.json")
	if err := os.WriteFile(schema, graph.JSONSchema(), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"-c", `import json, sys
from jsonschema import Draft202012Validator
v = Draft202012Validator(json.load(open(sys.argv[1])))
for p in sys.argv[2:]:
    for e in v.iter_errors(json.load(open(p))):
        print(p.rsplit("/", 1)[-1], list(e.absolute_path), e.message[:200])
`, schema}
	for _, eg := range exportGraphs(t) {
		p := filepath.Join(dir, eg.name+".json")
		if err := os.WriteFile(p, JSON(eg.g, eg.g.All()), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	out, err := exec.Command(python, args...).CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "" {
		t.Errorf("the JSON exports do not match the schema (%v):\n%s", err, out)
	}
}
