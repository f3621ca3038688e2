package main

import (
	"os"
	"testing"
)

// conceptmap schema prints docs/conceptmap.schema.json, which the bundled
// data files name as their schema.
func TestSchemaCommand(t *testing.T) {
	want, err := os.ReadFile("../../docs/conceptmap.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runCLI(t, "schema")
	if code != 0 || stdout != string(want) || stderr != "" {
		t.Errorf("schema: exit %d, stderr %q, stdout equal to the file: %v", code, stderr, stdout == string(want))
	}
}
