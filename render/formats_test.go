package render

import (
	"bytes"
	"context"
	"slices"
	"testing"

	"github.com/conceptmap/conceptmap/graph"
)

// TestFormats checks the table of formats: names and extensions that pick
// one format each, and writers that give the parts the table names, the
// same bytes as the format's own function.
func TestFormats(t *testing.T) {
	g := fixture(t)
	v := g.All()
	opt := Options{Look: Look{Lang: graph.Both, Font: cjkFont(t)}}
	ctx := context.Background()
	names, exts := map[string]bool{}, map[string]bool{}
	for _, f := range Formats {
		if names[f.Name] || f.Name == "" || f.Title == "" || f.Dir != (f.MediaType == "") || f.Dir != (len(f.Exts) == 0) || f.Write == nil {
			t.Errorf("%q: a name used twice or a field missing: %+v", f.Name, f)
		}
		names[f.Name] = true
		for _, e := range f.Exts {
			if exts[e] {
				t.Errorf("extension %s picks two formats", e)
			}
			exts[e] = true
			if got, ok := FormatOfFile("dir.x/Map" + e); !ok || got.Name != f.Name {
				t.Errorf("FormatOfFile(Map%s) = %q, %v; want %s", e, got.Name, ok, f.Name)
			}
		}
		if got, ok := FormatNamed(f.Name); !ok || got.Name != f.Name {
			t.Errorf("FormatNamed(%s) = %q, %v", f.Name, got.Name, ok)
		}
		if !f.Picture && !f.Export {
			t.Errorf("%s is neither a picture nor an export", f.Name)
		}
		parts, err := f.Write(ctx, Renderer{}, g, v, opt)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		var got []string
		for _, p := range parts {
			got = append(got, p.Name)
			if len(p.Data) == 0 {
				t.Errorf("%s: part %q is empty", f.Name, p.Name)
			}
		}
		want := f.Parts
		if want == nil {
			want = []string{""}
		}
		if f.Dir {
			want = nil
			for _, p := range Obsidian(g, v, opt) {
				want = append(want, p.Name)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s wrote parts %q, want %q", f.Name, got, want)
		}
		if own := ownWriter(t, f.Name, g, v, opt); own != nil && !bytes.Equal(parts[0].Data, own) {
			t.Errorf("%s: the table's writer differs from the format's function", f.Name)
		}
	}
	for _, name := range []string{"", "map", "map.SVG.bak", "dir.svg/map"} {
		if f, ok := FormatOfFile(name); ok {
			t.Errorf("FormatOfFile(%q) = %s, want none", name, f.Name)
		}
	}
	if f, ok := FormatOfFile("MAP.SVG"); !ok || f.Name != "svg" {
		t.Errorf("FormatOfFile(MAP.SVG) = %q, %v", f.Name, ok)
	}
	if f, ok := FormatNamed("PNG"); !ok || f.Name != "png" {
		t.Errorf("FormatNamed(PNG) = %q, %v", f.Name, ok)
	}
}

// ownWriter returns what the function of a format of one file writes.
func ownWriter(t *testing.T, name string, g *graph.Graph, v graph.View, opt Options) []byte {
	t.Helper()
	ctx := context.Background()
	var b []byte
	var err error
	switch name {
	case "svg":
		b, err = SVG(ctx, g, v, opt)
	case "png":
		b, err = PNG(ctx, g, v, opt)
	case "pdf":
		b, err = PDF(ctx, g, v, opt)
	case "html":
		b, err = HTML(ctx, g, v, opt)
	case "dot":
		fitted, ferr := Fit(ctx, g, v, opt)
		if ferr != nil {
			t.Fatal(ferr)
		}
		b = DOT(g, v, fitted)
	case "mermaid":
		b = Mermaid(g, v, opt)
	case "graphml":
		b = GraphML(g, v, opt)
	case "json":
		b = JSON(g, v)
	case "cypher":
		b = Cypher(g, v)
	default:
		return nil
	}
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return b
}
