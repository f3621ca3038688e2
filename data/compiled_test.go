package data_test

import (
	"reflect"
	"testing"

	"github.com/conceptmap/conceptmap/data/compiled"
	"github.com/conceptmap/conceptmap/graph"
)

// The compiled snapshot (data/compiled) must be the graph the YAML gives: a
// change to the YAML without regenerating it fails here.
func TestSnapshotCurrent(t *testing.T) {
	l, err := compiled.Loader()
	if err != nil {
		t.Fatal(err)
	}
	want, err := l.Load()
	if err != nil {
		t.Fatalf("the bundled YAML does not load:\n%v", err)
	}
	got, err := graph.ReadSnapshot(compiled.Snapshot)
	if err != nil {
		t.Fatalf("data/compiled/graph.gob cannot be read (%v); regenerate it with: go generate ./data/...", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatal("data/compiled/graph.gob is out of date: the YAML under data/ has changed since it was compiled. " +
			"Regenerate it with: go generate ./data/...")
	}
}
