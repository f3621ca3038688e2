// Package engine holds the one Graphviz of the process and reads what it
// writes. Graphviz runs as WebAssembly through github.com/goccy/go-graphviz;
// every use of that module lives here, behind one lock (Run), and nowhere
// else in the project. ParseLayout reads Graphviz's xdot output into a
// Layout: what to draw, in Graphviz's coordinates.
//
// engine knows nothing of concepts, options or pictures: it takes DOT
// source and returns bytes or a Layout. It must not import graph, render
// or any other package of the project.
package engine
