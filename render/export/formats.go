package export

import (
	"context"
	"fmt"
	"strings"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render"
)

// A Format is one kind of file conceptmap writes: its names, its media type,
// who writes it, and its writer. Formats lists them all; help texts, the
// choice of a format from a file name, the export and the server's
// downloads are all made from that one table.
type Format struct {
	// Name is how a person asks for the format: "svg".
	Name string
	// Title names it in a menu: "DOT (Graphviz)".
	Title string
	// Exts are the file extensions that mean the format, the first the one
	// written.
	Exts []string
	// MediaType is its Content-Type.
	MediaType string
	// Picture says that it draws the map as a picture, with the page and
	// the look a picture has (theme, page size, transparency, font); the
	// others carry the view for other tools.
	Picture bool
	// Raster says that render draws it itself from Graphviz's layout,
	// with render.Options.Font (and, for PNG, Scale): PNG and PDF.
	Raster bool
	// Export says that it writes the view for other tools to read.
	Export bool
	// Parts name the files the format writes, when it writes more than
	// one: CSV writes "concepts" and "relations". Nil means one file.
	Parts []string
	// Dir says that it writes a directory of files, named by their paths
	// in it (an Obsidian vault); it has no extension or media type.
	Dir bool
	// Write writes a view in the format, with r's layouts when it needs
	// any: one File per name in Parts, one File with no name, or for a Dir
	// format the files of the directory.
	Write Writer
}

// A Writer writes a view in a format (see Format.Write).
type Writer func(ctx context.Context, r render.Renderer, g *graph.Graph, v graph.View, opt render.Options) ([]File, error)

// one makes the Writer of a format of one file that needs no layout.
func one(write func(*graph.Graph, graph.View, Options) []byte) Writer {
	return func(_ context.Context, _ render.Renderer, g *graph.Graph, v graph.View, opt render.Options) ([]File, error) {
		return []File{{Data: write(g, v, OptionsOf(opt))}}, nil
	}
}

// drawn makes the Writer of a format that render.Renderer draws.
func drawn(draw func(render.Renderer, context.Context, *graph.Graph, graph.View, render.Options) ([]byte, error)) Writer {
	return func(ctx context.Context, r render.Renderer, g *graph.Graph, v graph.View, opt render.Options) ([]File, error) {
		b, err := draw(r, ctx, g, v, opt)
		if err != nil {
			return nil, err
		}
		return []File{{Data: b}}, nil
	}
}

// Formats are the formats conceptmap writes: the pictures first, then the
// exports.
var Formats = []Format{
	{Name: "svg", Title: "SVG", Exts: []string{".svg"}, MediaType: "image/svg+xml", Picture: true,
		Write: drawn(render.Renderer.SVG)},
	{Name: "png", Title: "PNG", Exts: []string{".png"}, MediaType: "image/png", Picture: true, Raster: true,
		Write: drawn(render.Renderer.PNG)},
	{Name: "pdf", Title: "PDF", Exts: []string{".pdf"}, MediaType: "application/pdf", Picture: true, Raster: true,
		Write: drawn(render.Renderer.PDF)},
	{Name: "mermaid", Title: "Mermaid", Exts: []string{".mmd"}, MediaType: "text/plain; charset=utf-8", Export: true,
		Write: one(Mermaid)},
	{Name: "graphml", Title: "GraphML", Exts: []string{".graphml"}, MediaType: "application/graphml+xml", Export: true,
		Write: one(GraphML)},
	{Name: "json", Title: "JSON", Exts: []string{".json"}, MediaType: "application/json", Export: true,
		Write: one(func(g *graph.Graph, v graph.View, _ Options) []byte { return JSON(g, v) })},
	{Name: "csv", Title: "CSV", Exts: []string{".csv"}, MediaType: "text/csv; charset=utf-8", Export: true,
		Parts: []string{"concepts", "relations"},
		Write: func(_ context.Context, _ render.Renderer, g *graph.Graph, v graph.View, _ render.Options) ([]File, error) {
			concepts, relations := CSV(g, v)
			return []File{{Name: "concepts", Data: concepts}, {Name: "relations", Data: relations}}, nil
		}},
	{Name: "cypher", Title: "Cypher (Neo4j)", Exts: []string{".cypher"}, MediaType: "text/plain; charset=utf-8", Export: true,
		Write: one(func(g *graph.Graph, v graph.View, _ Options) []byte { return Cypher(g, v) })},
	{Name: "dot", Title: "DOT (Graphviz)", Exts: []string{".dot", ".gv"}, MediaType: "text/vnd.graphviz; charset=utf-8", Picture: true, Export: true,
		Write: func(ctx context.Context, r render.Renderer, g *graph.Graph, v graph.View, opt render.Options) ([]File, error) {
			if err := opt.Check(); err != nil {
				return nil, err
			}
			// The DOT of the map as SVG, PNG and PDF lay it out: fitted.
			opt, err := r.Fit(ctx, g, v, opt)
			if err != nil {
				return nil, err
			}
			return []File{{Data: render.DOT(g, v, opt)}}, nil
		}},
	{Name: "html", Title: "HTML (offline explorer)", Exts: []string{".html"}, MediaType: "text/html; charset=utf-8", Export: true,
		Write: drawn(render.Renderer.HTML)},
	{Name: "obsidian", Title: "Obsidian vault", Export: true, Dir: true,
		Write: func(_ context.Context, _ render.Renderer, g *graph.Graph, v graph.View, _ render.Options) ([]File, error) {
			return Obsidian(g, v), nil
		}},
}

// Lookup returns the format of a name, in any case, or an
// *UnknownFormatError.
func Lookup(name string) (Format, error) {
	for _, f := range Formats {
		if strings.EqualFold(f.Name, name) {
			return f, nil
		}
	}
	return Format{}, &UnknownFormatError{Name: name}
}

// An UnknownFormatError is a name that is not one of Formats'.
type UnknownFormatError struct{ Name string }

func (e *UnknownFormatError) Error() string {
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = f.Name
	}
	return fmt.Sprintf("unknown format %q; use one of %s", e.Name, strings.Join(names, ", "))
}

// FormatOfFile returns the format that a file name's extension means, in
// any case.
func FormatOfFile(name string) (Format, bool) {
	i := strings.LastIndexByte(name, '.')
	if i < 0 || strings.ContainsAny(name[i:], `/\`) {
		return Format{}, false
	}
	ext := strings.ToLower(name[i:])
	for _, f := range Formats {
		for _, e := range f.Exts {
			if e == ext {
				return f, true
			}
		}
	}
	return Format{}, false
}

// Ext is the extension of the files a format writes: ".svg"; "" for a
// directory.
func (f Format) Ext() string {
	if len(f.Exts) == 0 {
		return ""
	}
	return f.Exts[0]
}
