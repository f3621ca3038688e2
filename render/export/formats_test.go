package export

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render"
)

// TestFormats checks the table of formats: names and extensions that pick
// one format each, and writers that give the parts the table names, the
// same bytes as the format's own function.
func TestFormats(t *testing.T) {
	g := fixture(t)
	v := g.All()
	opt := render.Options{Look: render.Look{Lang: graph.Both, Font: cjkFont(t)}}
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
		if got, err := Lookup(strings.ToUpper(f.Name)); err != nil || got.Name != f.Name {
			t.Errorf("Lookup(%s) = %q, %v", strings.ToUpper(f.Name), got.Name, err)
		}
		if !f.Picture && !f.Export {
			t.Errorf("%s is neither a picture nor an export", f.Name)
		}
		parts, err := f.Write(ctx, render.Renderer{}, g, v, opt)
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
			for _, p := range Obsidian(g, v) {
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
	_, err := Lookup("jpeg")
	var fe *UnknownFormatError
	if !errors.As(err, &fe) || fe.Name != "jpeg" ||
		err.Error() != `unknown format "jpeg"; use one of svg, png, pdf, mermaid, graphml, json, csv, cypher, dot, html, obsidian` {
		t.Errorf("Lookup(jpeg): %v; want an *UnknownFormatError", err)
	}
}

// ownWriter returns what the function of a format of one file writes.
func ownWriter(t *testing.T, name string, g *graph.Graph, v graph.View, opt render.Options) []byte {
	t.Helper()
	ctx := context.Background()
	var b []byte
	var err error
	switch name {
	case "svg":
		b, err = render.SVG(ctx, g, v, opt)
	case "png":
		b, err = render.PNG(ctx, g, v, opt)
	case "pdf":
		b, err = render.PDF(ctx, g, v, opt)
	case "html":
		b, err = render.HTML(ctx, g, v, opt)
	case "dot":
		fitted, ferr := render.Fit(ctx, g, v, opt)
		if ferr != nil {
			t.Fatal(ferr)
		}
		b = render.DOT(g, v, fitted)
	case "mermaid":
		b = Mermaid(g, v, OptionsOf(opt))
	case "graphml":
		b = GraphML(g, v, OptionsOf(opt))
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

// TestUnknownTheme checks that every picture refuses a theme it does not
// know, with an *UnknownThemeError that names it, instead of drawing the
// default.
func TestUnknownTheme(t *testing.T) {
	g := fixture(t)
	opt := render.Options{Look: render.Look{Theme: "neon"}}
	for _, f := range Formats {
		if !f.Picture {
			continue
		}
		parts, err := f.Write(context.Background(), render.Renderer{}, g, g.All(), opt)
		var te *render.UnknownThemeError
		if !errors.As(err, &te) || te.Name != "neon" || parts != nil {
			t.Errorf("%s with theme neon: %d parts, error %v; want an *UnknownThemeError", f.Name, len(parts), err)
		}
	}
	if _, err := render.HTML(context.Background(), g, g.All(), opt); err == nil {
		t.Error("HTML with theme neon: no error")
	}
}
