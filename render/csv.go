package render

import (
	"bytes"
	"encoding/csv"
	"strings"

	"github.com/conceptmap/conceptmap/graph"
)

// The header rows of the two CSV files.
var (
	CSVConceptsHeader  = []string{"id", "name_en", "name_zh", "category", "summary_en", "summary_zh", "aliases"}
	CSVRelationsHeader = []string{"from", "relation", "to", "why_en", "why_zh"}
)

// CSV returns the view as two CSV files, for spreadsheets and scripts:
// the concepts, one a row in id order (aliases joined with ";"), and the
// relations, one a row in the order of the view. Both are UTF-8 with a
// header row, quoted as RFC 4180 says (encoding/csv, which ends lines with
// LF); text is written exactly as it is, line breaks and all.
func CSV(g *graph.Graph, v graph.View) (concepts, relations []byte) {
	rows := [][]string{CSVConceptsHeader}
	for _, c := range viewConcepts(v) {
		rows = append(rows, []string{c.ID, c.Name.En, c.Name.Zh, c.Category, c.Summary.En, c.Summary.Zh, strings.Join(c.Aliases, ";")})
	}
	concepts = csvBytes(rows)
	rows = [][]string{CSVRelationsHeader}
	for _, e := range viewEdges(v) {
		rows = append(rows, []string{e.From, e.Relation, e.To, e.Why.En, e.Why.Zh})
	}
	return concepts, csvBytes(rows)
}

func csvBytes(rows [][]string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	// Writing to memory cannot fail, and WriteAll flushes.
	_ = w.WriteAll(rows)
	return b.Bytes()
}
