// Package compiled gives the bundled data as a graph, fast: the YAML under
// data/ compiled at build time into a graph snapshot (graph.gob), which
// loads in about a millisecond where parsing and checking the YAML takes
// several. Regenerate the snapshot after changing the YAML with
//
//	go generate ./data/...
//
// TestSnapshotCurrent, in package data, fails while the snapshot is out of date.
package compiled

import (
	_ "embed"

	"github.com/conceptmap/conceptmap/data"
	"github.com/conceptmap/conceptmap/graph"
)

//go:generate go run ./gen

// Snapshot is the bundled data's graph as graph.WriteSnapshot writes it.
//
//go:embed graph.gob
var Snapshot []byte

// Loader returns a loader of the bundled YAML files, named data/… in
// messages, with the bundled relation vocabulary as the default one.
func Loader() (*graph.Loader, error) {
	l := &graph.Loader{}
	l.DefaultVocabulary("data/relations.yaml", data.Vocabulary)
	if err := l.AddFS(data.FS, ".", "data"); err != nil {
		return nil, err
	}
	return l, nil
}

// Graph returns the bundled data's graph from its compiled snapshot, or,
// should the snapshot not be readable, from the YAML.
func Graph() (*graph.Graph, error) {
	if g, err := graph.ReadSnapshot(Snapshot); err == nil {
		return g, nil
	}
	l, err := Loader()
	if err != nil {
		return nil, err
	}
	return l.Load()
}
