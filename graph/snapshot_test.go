package graph

import (
	"bytes"
	"errors"
	"os"
	"reflect"
	"testing"
)

func TestSnapshotRoundTrip(t *testing.T) {
	for name, g := range map[string]*Graph{
		"bundled":   loadDir(t, "../data"),
		"generated": generate(t, 300, 3, 7),
	} {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			if err := g.WriteSnapshot(&b); err != nil {
				t.Fatal(err)
			}
			back, err := ReadSnapshot(b.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(back, g) {
				t.Error("the graph read back from its snapshot differs from the graph")
			}
		})
	}
}

func TestSnapshotRefused(t *testing.T) {
	var b bytes.Buffer
	if err := loadDir(t, "../data").WriteSnapshot(&b); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"empty":     nil,
		"truncated": b.Bytes()[:b.Len()/2],
		"yaml":      []byte("concepts: []\n"),
	} {
		if _, err := ReadSnapshot(data); !errors.Is(err, ErrSnapshot) {
			t.Errorf("%s: got %v, want ErrSnapshot", name, err)
		}
	}
}

func loadDir(t testing.TB, dir string) *Graph {
	t.Helper()
	g, err := Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func BenchmarkReadSnapshotBundled(b *testing.B) {
	var buf bytes.Buffer
	if err := loadDir(b, "../data").WriteSnapshot(&buf); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	for b.Loop() {
		if _, err := ReadSnapshot(buf.Bytes()); err != nil {
			b.Fatal(err)
		}
	}
}
