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

// Role says what the end of a relation that is learned first is to a
// learner of the other end.
type Role string

// The three learning roles a relation can have.
const (
	// RolePrerequisite: the first end must be learned first ("gqa
	// improves_on mha": a plan for GQA teaches MHA).
	RolePrerequisite Role = "prerequisite"
	// RoleBackground: the first end is worth knowing but not required
	// ("transformer replaces lstm": a plan for the Transformer offers the
	// LSTM as background).
	RoleBackground Role = "background"
	// RoleNone: the relation pulls nothing into a plan.
	RoleNone Role = "none"
)

// ReachAll, as an edge's Reach, lifts its relation type's reach.
const ReachAll = -1

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
	// Role is what the end learned first is to a learner of the other:
	// a prerequisite, background, or nothing. It defaults to prerequisite
	// for a type with an order and none for one without.
	Role Role `json:"role"`
	// Reach limits how far from the targets a relation of this type still
	// pulls its first end into a plan: with reach 1 only a target's own
	// relations do ("ffn part_of transformer" puts the FFN in a plan for
	// the Transformer, not in every plan that needs a Transformer). 0 is
	// no limit.
	Reach int   `json:"reach,omitempty"`
	Style Style `json:"style"`
	Pos   Pos   `json:"-"`
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
		return ArXivAbs + r.ArXiv
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
	// Role and Reach override the relation type's for this one relation;
	// empty and 0 keep the type's. A Reach of ReachAll lifts the limit.
	Role  Role
	Reach int
	Pos   Pos
}
