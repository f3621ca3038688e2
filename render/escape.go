package render

import (
	"github.com/conceptmap/conceptmap/render/internal/dotlang"
	"github.com/conceptmap/conceptmap/render/internal/view"
)

// DOT's syntax (quoted strings, HTML-like labels, inches) is
// internal/dotlang's; text fit for XML and the lines it is drawn as are
// view's.
var (
	quote, quoteTip = dotlang.Quote, dotlang.QuoteTip
	html, htmlLines = dotlang.HTML, dotlang.HTMLLines
	table, inches   = dotlang.Table, dotlang.Inches
	clean, lines    = view.Clean, view.Lines
)
