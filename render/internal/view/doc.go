// Package view holds what render's pictures and its exports share about a
// view of the graph: its concepts and edges in a fixed order, the
// categories that group them, the relation type of an edge, text as the
// lines it is drawn as, the light theme's colours, which the pictures
// draw with and Mermaid writes, and the arithmetic that makes the other
// themes' colours from them (Mix, Grey).
//
// It imports graph only; never render or render/export, which both
// import it.
package view
