// Package fonts finds, reads and measures the fonts that PNG and PDF draw
// text with: font discovery on the system (SystemFont) or from files
// (LoadFont), each character's glyph from the first face that has it,
// widths (Font.Width, and TextWidth, the estimate used when no font is
// given), and the small TrueType fonts that hold just the glyphs a
// document uses (Font.Subset), read with golang.org/x/image/font/sfnt.
//
// fonts knows nothing of maps, layouts or drawing: it must not import
// graph, render, Graphviz or the drawing library.
package fonts
