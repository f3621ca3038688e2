package export

import (
	"bytes"
	"encoding/csv"
	"slices"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/internal/view"
)

// The header rows of the two CSV files. The concepts file's first seven
// columns are those of earlier versions, in the same places.
var (
	CSVConceptsHeader  = []string{"id", "name_en", "name_zh", "category", "summary_en", "summary_zh", "aliases", "analogy_en", "analogy_zh", "refs", "category_en", "category_zh"}
	CSVRelationsHeader = []string{"from", "relation", "to", "why_en", "why_zh"}
)

// CSV returns the view as two CSV files, for spreadsheets and scripts,
// which graph's loader reads back as the same concepts, relations and
// categories. The concepts come one a row, by category in category order
// and then by id, each row carrying its category's names, so that the
// categories come back in their order with their names; aliases are
// joined with ";" and refs written one a line as "title <arXiv:ID> <URL>",
// as graph.JoinCSVAliases and graph.FormatCSVRefs escape them. The
// relations come one a row in the order of the view. Both are UTF-8 with a
// header row, quoted as RFC 4180 says (encoding/csv, which ends lines with
// LF); text is written exactly as it is, line breaks and all, except
// that a cell a spreadsheet would run as a formula (=, +, - or @ first)
// starts with a ', which the loader takes off again.
func CSV(g *graph.Graph, v graph.View) (concepts, relations []byte) {
	rows := [][]string{CSVConceptsHeader}
	for _, grp := range view.Groups(g, view.Concepts(v)) {
		for _, c := range grp.Members {
			rows = append(rows, []string{c.ID, c.Name.En, c.Name.Zh, c.Category, c.Summary.En, c.Summary.Zh,
				graph.JoinCSVAliases(c.Aliases), c.Analogy.En, c.Analogy.Zh, graph.FormatCSVRefs(c.Refs),
				grp.Cat.Name.En, grp.Cat.Name.Zh})
		}
	}
	concepts = csvBytes(rows)
	// A relation's own role and reach, where any relation has them, in
	// two more columns.
	es := view.Edges(v)
	own := slices.ContainsFunc(es, func(e graph.Edge) bool { return e.Role != "" || e.Reach != 0 })
	header := CSVRelationsHeader
	if own {
		header = append(slices.Clone(header), "role", "reach")
	}
	rows = [][]string{header}
	for _, e := range es {
		row := []string{e.From, e.Relation, e.To, e.Why.En, e.Why.Zh}
		if own {
			j := NewEdgeJSON(e)
			row = append(row, j.Role, j.Reach)
		}
		rows = append(rows, row)
	}
	return concepts, csvBytes(rows)
}

// csvBytes writes rows, a header and then data, as CSV. Data cells that a
// spreadsheet would run as formulas are quoted (graph.QuoteCSVFormula).
func csvBytes(rows [][]string) []byte {
	for _, row := range rows[1:] {
		for i, cell := range row {
			row[i] = graph.QuoteCSVFormula(cell)
		}
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	// Writing to memory cannot fail, and WriteAll flushes.
	_ = w.WriteAll(rows)
	return b.Bytes()
}
