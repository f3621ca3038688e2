// Package edgekey holds the rules of a map's numbered key, which stands in
// for edge labels that would collide: which maps get one when the choice
// is left open (Serves), and how an edge's line in the key is cut to the
// key's width (Cut).
//
// edgekey knows nothing of graphs, Graphviz or drawing: it must not import
// graph, render or the layout engine.
package edgekey
