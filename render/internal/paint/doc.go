// Package paint draws a Graphviz layout (engine.Layout) as PNG or PDF with
// github.com/tdewolff/canvas, its text in a fonts.Font, and patches the PDF
// writer's bytes (the dates it stamps) so that the same pages give the
// same bytes.
//
// paint draws what it is given: it must not import graph or render, and
// never runs Graphviz itself.
package paint
