package graph

// RelationDoc is a relation type as conceptmap's JSON writes it, in one
// shape everywhere: `relations --json` (with its rule added), the
// explorer page's model (with its colour) and the JSON export (with its
// style, which Load reads back). Scripts rely on its field names: add
// fields, never rename or remove them.
type RelationDoc struct {
	ID      string `json:"id"`
	Label   Text   `json:"label"`
	Inverse Text   `json:"inverse"`
	First   Order  `json:"first"`
	Role    Role   `json:"role"`
	Reach   int    `json:"reach,omitempty"`
}

// Doc returns r in the shape of conceptmap's JSON.
func (r *RelationType) Doc() RelationDoc {
	return RelationDoc{ID: r.ID, Label: r.Label, Inverse: r.Inverse, First: r.First, Role: r.Role, Reach: r.Reach}
}
