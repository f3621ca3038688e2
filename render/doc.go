// Package render draws concept maps: it turns a graph.View into Graphviz
// DOT source (DOT), SVG (SVG), PNG (PNG) or PDF (PDF, PDFPages), as
// Options say. It never reads flags, and reads no files but fonts.
//
//	g, _ := graph.Load(fsys)
//	v := g.All()
//	svg, err := render.SVG(ctx, g, v, render.Options{Look: render.Look{Lang: graph.Zh}})
//
// # What a map shows
//
// Concepts are rounded boxes grouped in one box per category, in category
// order, each filled with a light colour of the category's palette entry.
// Each box carries the concept's name in the chosen language (both: the
// English line, then the Chinese one), its step number when Options.Steps
// has one ("3. Softmax"), and its summary as tooltip; targets get a thick
// border and class "target". In SVG, each concept's <g> element has the
// concept id as its id attribute, exactly as written.
//
// Every relation of the view is one edge, labelled with the relation
// type's label and drawn in its style (colour, line, arrowhead) from the
// relation vocabulary; several relations between two concepts make several
// edges. The layout puts the end a relation says to learn first above the
// other (left of it with RankDir "LR"), whichever way the arrow points; a
// relation that sets no order does not affect the layout. A legend shows
// one sample edge for each relation type in the view.
//
// # Text
//
// Names and labels come out in the SVG exactly as written, whatever they
// hold: quotes, backslashes (a name "a\nb" shows the backslash), markup,
// ampersands, line breaks (drawn as line breaks) and any script, with two
// exceptions: control characters, which XML cannot hold, become U+FFFD,
// and Graphviz writes a run of spaces with no-break spaces so that viewers
// keep it.
//
// Graphviz underestimates the width of Chinese text by about a fifth, so
// render estimates each label's width itself (one em for CJK and full-width
// characters, Helvetica's widths for ASCII) and sizes boxes to fit. The SVG
// names a list of fonts that ends with Chinese-capable fonts and the
// generic sans-serif.
//
// # PNG and PDF
//
// PNG and PDF ask Graphviz for the layout only, as xdot (DOT whose
// clusters, nodes and edges carry their drawing operations), and draw it
// with github.com/tdewolff/canvas: go-graphviz's own PNG draws no lines
// and it writes no PDF. They draw text with a Font: SystemFont, which
// finds a font that draws Chinese (Noto Sans CJK SC first, as Debian's
// fonts-noto-cjk installs it), or LoadFont, for a file the user names.
// Boxes are sized with that font's metrics (Options.Measure), so every
// label fits its box, and a map with characters that no face of the font
// has fails with a *MissingCharsError that names them.
//
// The drawing library cannot cut glyphs out of the fonts most systems
// draw Chinese with (Noto Sans CJK is a collection of CID-keyed CFF
// fonts), so for each document render builds a small TrueType font of
// just the glyphs it uses, read with golang.org/x/image/font/sfnt, and
// draws with that. PDFs hold it embedded, and their text is real text:
// it can be selected, searched and copied. The same input gives the same
// bytes, PNG and PDF alike.
//
// # Graphviz
//
// SVG uses github.com/goccy/go-graphviz, which runs Graphviz compiled to
// WebAssembly in a single module per process. render keeps one instance
// and lays out one map at a time, so SVG, PNG and PDF are safe to call
// from many goroutines. The WebAssembly module is compiled when the
// program starts (go-graphviz does this in an init function and caches
// the machine code under os.TempDir()/go-graphviz), and each render leaves
// some memory behind, which suits a command-line tool. A program that
// draws many maps can lay them out elsewhere: a Renderer makes every
// layout with its Layouter (SVG, PNG, PDF and HTML are Renderer{}'s, which
// uses Local, the Graphviz of this process).
//
// # Rooms
//
// render holds the DOT writer, the legend, the themes, the marks and
// titles, and the functions that tie the rooms together. The Graphviz
// engine and its xdot reader (internal/engine), fonts (internal/fonts),
// the PNG and PDF painter (internal/paint), the framing of a picture on
// its page and of a legend laid out apart (internal/frame), DOT's syntax
// (internal/dotlang), the print theme's looks (internal/printlook), and
// what the pictures share with the exports (internal/view: a view's
// concepts, edges and groups in a fixed order, text as lines, colours)
// are packages of their own; only engine imports go-graphviz, only paint
// imports the drawing library. render imports graph and its own rooms, never cmd or
// render/export; graph never imports render.
//
// # Export
//
// The exports for other tools (Mermaid, GraphML, JSON, CSV, Cypher, an
// Obsidian vault) and the one table of every format, pictures included,
// are package render/export, which calls render for the pictures.
package render
