package compiled

import (
	"reflect"
	"testing"

	"github.com/conceptmap/conceptmap/graph"
)

// The compiled snapshot must be the graph the YAML gives: a change to the
// YAML without regenerating it fails here.
func TestSnapshotCurrent(t *testing.T) {
	l, err := Loader()
	if err != nil {
		t.Fatal(err)
	}
	want, err := l.Load()
	if err != nil {
		t.Fatalf("the bundled YAML does not load:\n%v", err)
	}
	got, err := graph.ReadSnapshot(snapshot)
	if err != nil {
		t.Fatalf("data/compiled/graph.gob cannot be read (%v); regenerate it with: go generate ./data/...", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatal("data/compiled/graph.gob is out of date: the YAML under data/ has changed since it was compiled. " +
			"Regenerate it with: go generate ./data/...")
	}
}

func BenchmarkGraph(b *testing.B) {
	for b.Loop() {
		if _, err := Graph(); err != nil {
			b.Fatal(err)
		}
	}
}
