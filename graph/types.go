package graph

import (
	"strconv"
	"strings"
)

// Lang selects which names a caller wants to show.
type Lang string

// The languages conceptmap speaks.
const (
	En   Lang = "en"
	Zh   Lang = "zh"
	Both Lang = "both"
)

// ParseLang turns "en", "zh" or "both" into a Lang.
func ParseLang(s string) (Lang, bool) {
	switch l := Lang(strings.ToLower(s)); l {
	case En, Zh, Both:
		return l, true
	}
	return "", false
}

// Text is a string in English and Chinese. Either may be empty.
type Text struct {
	En string `json:"en"`
	Zh string `json:"zh"`
}

// IsZero reports whether both languages are empty.
func (t Text) IsZero() bool { return t.En == "" && t.Zh == "" }

// In returns the text in lang, falling back to the other language when the
// one asked for is empty. Both gives "English (中文)" when the two differ.
func (t Text) In(lang Lang) string {
	switch lang {
	case Zh:
		if t.Zh != "" {
			return t.Zh
		}
		return t.En
	case Both:
		switch {
		case t.En == "":
			return t.Zh
		case t.Zh == "" || t.Zh == t.En:
			return t.En
		}
		return t.En + " (" + t.Zh + ")"
	}
	if t.En != "" {
		return t.En
	}
	return t.Zh
}

// Pos is a place in a data file. Line and Col count from 1; a zero Line
// means the whole file.
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.File == "":
		return "-"
	case p.Line == 0:
		return p.File
	}
	return p.File + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Col)
}

// Order says which end of a relation a learner must know first.
type Order string

// The three learning orders a relation type can set.
const (
	FirstSource Order = "source" // "ffn part_of transformer": ffn first
	FirstTarget Order = "target" // "gqa improves_on mha": mha first
	FirstNone   Order = "none"   // "a related_to b": no order
)

// Style says how a map draws a relation's edges, in Graphviz terms.
type Style struct {
	Color string `json:"color"`
	Line  string `json:"line"`  // solid, dashed, dotted or bold
	Arrow string `json:"arrow"` // a Graphviz arrowhead: normal, vee, empty, diamond, none…
}

// RelationType is one entry of the relation vocabulary.
type RelationType struct {
	ID      string `json:"id"`
	Label   Text   `json:"label"`   // read from source to target: "improves on"
	Inverse Text   `json:"inverse"` // read from target to source: "is improved by"
	First   Order  `json:"first"`
	Style   Style  `json:"style"`
	Pos     Pos    `json:"-"`
}

// Category groups concepts. Rank is its place in the load order of
// category declarations; plans learn earlier categories first among equals.
type Category struct {
	ID   string `json:"id"`
	Name Text   `json:"name"`
	Rank int    `json:"-"`
	Pos  Pos    `json:"-"`
}

// Ref points to a paper or page about a concept.
type Ref struct {
	Title string `json:"title"`
	ArXiv string `json:"arxiv,omitempty"`
	URL   string `json:"url,omitempty"`
}

// Link returns the reference's address: its URL, or its arXiv abstract page.
func (r Ref) Link() string {
	if r.URL != "" {
		return r.URL
	}
	if r.ArXiv != "" {
		return "https://arxiv.org/abs/" + r.ArXiv
	}
	return ""
}

// Concept is one node of the graph.
type Concept struct {
	ID       string
	Name     Text
	Aliases  []string
	Category string
	Summary  Text
	Analogy  Text
	Refs     []Ref
	Pos      Pos
}

// Edge is one relation as written in the data: From Relation To.
type Edge struct {
	From     string
	Relation string
	To       string
	Why      Text
	Pos      Pos
}
