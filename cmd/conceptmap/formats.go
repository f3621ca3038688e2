package main

import (
	"context"
	"strings"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render"
)

// The formats that map and export write, from render's table.
var (
	pictureFormats = formatsWhere(func(f render.Format) bool { return f.Picture })
	exportFormats  = formatsWhere(func(f render.Format) bool { return f.Export })
)

func formatsWhere(keep func(render.Format) bool) []render.Format {
	var fs []render.Format
	for _, f := range render.Formats {
		if keep(f) {
			fs = append(fs, f)
		}
	}
	return fs
}

// formatNames returns the names of formats.
func formatNames(fs []render.Format) []string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.Name
	}
	return names
}

// formatExts returns the extension each of formats writes, or with all
// every extension that picks one of them.
func formatExts(fs []render.Format, all bool) []string {
	var exts []string
	for _, f := range fs {
		if all {
			exts = append(exts, f.Exts...)
		} else if f.Ext() != "" {
			exts = append(exts, f.Ext())
		}
	}
	return exts
}

// orList writes a list as a person says it: "a, b or c".
func orList(ss []string) string {
	if len(ss) < 2 {
		return strings.Join(ss, "")
	}
	return strings.Join(ss[:len(ss)-1], ", ") + " or " + ss[len(ss)-1]
}

// formatIn returns the format of fs that a name, or else a file name's
// extension, picks.
func formatIn(fs []render.Format, name, file string) (render.Format, bool) {
	f, ok := render.FormatNamed(name)
	if name == "" {
		f, ok = render.FormatOfFile(file)
	}
	if ok {
		for _, in := range fs {
			if in.Name == f.Name {
				return f, true
			}
		}
	}
	return render.Format{}, false
}

// writeOne writes a view in a format of one file.
func writeOne(ctx context.Context, r render.Renderer, format string, g *graph.Graph, v graph.View, opt render.Options) ([]byte, error) {
	f, _ := render.FormatNamed(format)
	parts, err := f.Write(ctx, r, g, v, opt)
	if err != nil {
		return nil, err
	}
	return parts[0].Data, nil
}
