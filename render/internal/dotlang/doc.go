// Package dotlang writes the pieces of Graphviz's DOT language that
// render's maps are made of: quoted strings for labels, ids and tooltips,
// HTML-like labels (escaped lines, a table cell of a given width), and
// lengths in inches, each escaped so that Graphviz draws the text exactly
// as written.
//
// It imports render/internal/view (text made fit for XML) and nothing
// else of the project: never render or Graphviz.
package dotlang
