package export

import (
	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render"
)

// Options are what the exports heed of a map's options: the language of
// names and labels, the direction, whether edges carry labels, and the
// plan's steps and targets. The zero value writes English names, top to
// bottom, with edge labels.
type Options struct {
	// Lang picks the names written: graph.En (the default), graph.Zh, or
	// graph.Both.
	Lang graph.Lang
	// RankDir is "TB" (the default) or "LR", as render.Look's.
	RankDir string
	// NoEdgeLabels leaves the relation labels off Mermaid's edges.
	NoEdgeLabels bool
	// Steps maps concept ids to plan step numbers, written before the
	// name ("3. Softmax").
	Steps map[string]int
	// Targets marks concept ids to write emphasised.
	Targets map[string]bool
}

// OptionsOf returns what the exports heed of a map's options.
func OptionsOf(o render.Options) Options {
	return Options{Lang: o.Lang, RankDir: o.RankDir, NoEdgeLabels: o.NoEdgeLabels, Steps: o.Steps, Targets: o.Targets}
}

// File is one file of an export that writes several, named by its path
// with slashes, relative to the export's directory.
type File struct {
	Name string
	Data []byte
}
