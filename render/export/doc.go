// Package export writes a view of the graph for other tools, one file per
// format: Mermaid for Markdown and slides (mermaid.go), GraphML for Gephi,
// yEd and networkx (graphml.go), JSON for conceptmap itself and scripts
// (jsonexport.go), CSV for spreadsheets (csv.go), Cypher for Neo4j
// (cypher.go) and an Obsidian vault (obsidian.go). Each carries every
// text exactly as written, escaped for its format, and gives the same
// bytes for the same input. Only Mermaid and GraphML's label attribute
// heed Options.
//
// It also holds Formats, the one table of every format conceptmap writes,
// pictures included: help texts, the choice of a format from a file name,
// the export command and the server's downloads are all made from it. The
// pictures (SVG, PNG, PDF, DOT, the HTML explorer) are render's; the
// table calls render for them.
//
// export imports graph, render and render's internal view; render never
// imports export, and neither reads flags or knows a command.
package export
