package graph

// ConceptDoc is a concept as conceptmap's JSON writes it, in one shape
// everywhere: the nodes of the JSON export (which Load reads back), `show
// --json` and `list --json` (with the concept's relations added), and the
// explorer page's model. Scripts rely on its field names: add fields,
// never rename or remove them. Aliases is written as [], never null.
type ConceptDoc struct {
	ID       string   `json:"id"`
	Names    Text     `json:"names"`
	Aliases  []string `json:"aliases"`
	Category string   `json:"category"`
	Summary  Text     `json:"summary"`
	Analogy  *Text    `json:"analogy,omitempty"`
	Refs     []Ref    `json:"refs,omitempty"`
}

// ArXivAbs is the address of arXiv's abstract pages: a Ref's ArXiv id
// goes after it (see Ref.Link).
const ArXivAbs = "https://arxiv.org/abs/"

// Doc returns c in the shape of conceptmap's JSON.
func (c *Concept) Doc() ConceptDoc {
	d := ConceptDoc{ID: c.ID, Names: c.Name, Aliases: c.Aliases, Category: c.Category, Summary: c.Summary, Refs: c.Refs}
	if d.Aliases == nil {
		d.Aliases = []string{}
	}
	if !c.Analogy.IsZero() {
		a := c.Analogy
		d.Analogy = &a
	}
	return d
}
