// Package view holds what render's pictures and its exports share about a
// view of the graph: its concepts and edges in a fixed order, the
// categories that group them, the relation type of an edge, text as the
// lines it is drawn as, and the light theme's colours, which the pictures
// draw with and Mermaid writes.
//
// It imports graph only; never render or render/export, which both
// import it.
package view
