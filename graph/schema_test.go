package graph

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

// The schema names exactly the fields the loader reads: every field list
// of the loader is in it, with a description, and every description is
// of a field the loader reads.
func TestSchemaInStep(t *testing.T) {
	b, used := buildSchema()
	for k := range fieldDocs {
		if !used[k] {
			t.Errorf("fieldDocs describes %q, which the loader does not read", k)
		}
	}
	var doc struct {
		Defs map[string]struct {
			Properties map[string]any `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	for def, fields := range map[string][]string{
		"relationType": relationFields, "category": categoryFields, "ref": refFields,
		"relation": edgeFields, "edge": topEdgeFields, "concept": yamlSchema.concept,
		"node": jsonSchema.concept, "dataFile": yamlSchema.top, "export": jsonSchema.top,
	} {
		var got []string
		for k := range doc.Defs[def].Properties {
			got = append(got, k)
		}
		slices.Sort(got)
		want := slices.Sorted(slices.Values(fields))
		if !slices.Equal(got, want) {
			t.Errorf("schema %s has %v; the loader reads %v", def, got, want)
		}
	}
}

// docs/conceptmap.schema.json, which the bundled files and editors point
// at, is what JSONSchema returns.
func TestSchemaFile(t *testing.T) {
	golden(t, filepath.Join("..", "docs", "conceptmap.schema.json"), string(JSONSchema()))
}

// An independent validator (Python's jsonschema, draft 2020-12) accepts
// every bundled file and the test fixture, and rejects files that the
// loader rejects for their shape, each for the reason the loader gives.
func TestSchemaValidates(t *testing.T) {
	python := ""
	for _, p := range []string{os.Getenv("CONCEPTMAP_PYTHON"), "python3", "/usr/bin/python3"} {
		if path, err := exec.LookPath(p); p != "" && err == nil && exec.Command(path, "-c", "import jsonschema").Run() == nil {
			python = path
			break
		}
	}
	if python == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("no python3 with jsonschema; apt-get install python3-jsonschema (.ci/run does)")
		}
		t.Skip("no python3 with jsonschema; apt-get install python3-jsonschema")
	}
	dir := t.TempDir()
	schema := filepath.Join(dir, "schema.json")
	if err := os.WriteFile(schema, JSONSchema(), 0o644); err != nil {
		t.Fatal(err)
	}
	good, _ := filepath.Glob("../data/concepts/*.yaml")
	good = append(good, "../data/relations.yaml", "../data/categories.yaml", "testdata/fixture.yaml")
	bad := map[string]string{
		"unknown_field.yaml": "concepts:\n  - id: a\n    name: A\n    sumary: typo\n",
		"bad_first.yaml":     "relations:\n  - {id: r, label: R, first: before}\n",
		"bad_text.yaml":      "concepts:\n  - id: a\n    name: {en: A, fr: Ah}\n",
		"no_name.yaml":       "concepts:\n  - id: a\n",
		"top_level.yaml":     "conceptz: []\n",
		"bad_line.yaml":      "relations:\n  - {id: r, label: R, first: none, style: {line: wavy}}\n",
	}
	var instances []string
	convert := func(name string, src []byte) {
		var v any
		if err := yaml.Unmarshal(src, &v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		p := filepath.Join(dir, filepath.Base(name)+".json")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		instances = append(instances, p)
	}
	for _, f := range good {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		convert(f, b)
	}
	for _, name := range slices.Sorted(mapKeys(bad)) {
		// The loader refuses each of them too.
		var l Loader
		l.DefaultVocabulary("vocab.yaml", []byte(vocab))
		l.AddFile(name, []byte(bad[name]))
		if _, err := l.Load(); err == nil {
			t.Errorf("the loader accepts %s", name)
		}
		convert(name, []byte(bad[name]))
	}
	script := `import json, sys
from jsonschema import Draft202012Validator
v = Draft202012Validator(json.load(open(sys.argv[1])))
Draft202012Validator.check_schema(v.schema)
for p in sys.argv[2:]:
    errs = list(v.iter_errors(json.load(open(p))))
    print(p.rsplit("/", 1)[-1], "ok" if not errs else "invalid")
`
	out, err := exec.Command(python, append([]string{"-c", script, schema}, instances...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		name, verdict, _ := strings.Cut(line, " ")
		name = strings.TrimSuffix(name, ".json")
		_, isBad := bad[name]
		if want := map[bool]string{true: "invalid", false: "ok"}[isBad]; verdict != want {
			t.Errorf("%s: the schema says %s, want %s", name, verdict, want)
		}
	}
	if n := len(strings.Split(strings.TrimSpace(string(out)), "\n")); n != len(instances) {
		t.Errorf("validated %d files of %d", n, len(instances))
	}
}

func mapKeys(m map[string]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}
