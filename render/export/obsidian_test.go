package export

import (
	"bytes"
	"testing"
	"testing/fstest"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/internal/rendertest"
)

// vaultFS puts the files of an Obsidian export in a file system.
func vaultFS(files []File) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range files {
		fsys["vault/"+f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

// TestObsidianLoadsBack loads each Obsidian export with graph's loader, as
// a vault, and checks that the graph that comes back is the same: every
// relation type and category in order, every concept with all its
// fields, every edge with its reasons, and the same plans. Exporting it
// again gives the same files.
func TestObsidianLoadsBack(t *testing.T) {
	for _, rg := range roundTripGraphs(t) {
		files := Obsidian(rg.g, rg.g.All())
		var l graph.Loader
		if err := l.AddFS(vaultFS(files), "vault", "vault"); err != nil {
			t.Fatal(err)
		}
		got, err := l.Load()
		if err != nil {
			t.Errorf("%s: the vault does not load: %v", rg.name, err)
			continue
		}
		sameGraph(t, rg.name+" Obsidian", rg.g, got, false)
		again := Obsidian(got, got.All())
		if len(again) != len(files) {
			t.Errorf("%s: %d files, then %d", rg.name, len(files), len(again))
			continue
		}
		for i := range files {
			if again[i].Name != files[i].Name || !bytes.Equal(again[i].Data, files[i].Data) {
				t.Errorf("%s: vault → load → vault changed %s", rg.name, files[i].Name)
			}
		}
	}
}

// TestObsidianGolden pins the vault of the fixture, file by file.
func TestObsidianGolden(t *testing.T) {
	g := rendertest.Load(t, "../testdata/fixture.yaml")
	var b bytes.Buffer
	for _, f := range Obsidian(g, g.All()) {
		b.WriteString("-- " + f.Name + " --\n")
		b.Write(f.Data)
	}
	rendertest.Golden(t, "export-obsidian.txtar", b.Bytes())
}
