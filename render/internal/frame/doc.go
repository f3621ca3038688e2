// Package frame fits a drawn map to its page: it scales a Graphviz SVG to
// a page size (FitSVG), zooms an SVG or layout onto what it draws, finds
// room on a map for a legend laid out apart, and draws that legend onto
// the map's SVG or layout.
//
// It reads what Graphviz drew (render/readcheck, render/internal/engine's
// layouts, render/internal/fonts's text widths) and imports nothing else
// of the project: never render, which calls it, nor graph.
package frame
