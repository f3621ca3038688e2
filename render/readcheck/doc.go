// Package readcheck judges a map as it will be seen: it reads an SVG that
// conceptmap (through Graphviz) wrote and measures what a reader meets on
// the page.
//
//   - Text sizes as printed: each text's font size times the scale from
//     the drawing to the page, in points, for concept names, relation
//     labels, category titles and the map's title and caption.
//   - Text overlaps: two labels whose boxes touch, or a label on a concept
//     box that is not its own.
//   - Edges through labels: an edge whose line passes through another
//     edge's label, or through a category's title.
//   - The legend's share of the drawing, and the drawing's aspect and how
//     much of the page it fills.
//
// Text boxes are measured with the widths the caller gives (Measure): a
// real font's advance widths make the boxes those a viewer draws.
//
// readcheck reads SVG only. It imports nothing of conceptmap, so render
// can use it on its own output (to choose a layout that reads) and tests
// can use it on any map.
package readcheck
