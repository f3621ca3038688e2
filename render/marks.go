package render

import (
	"strings"

	"github.com/conceptmap/conceptmap/graph"
)

// Mark sets the marks of a selected view (see graph.Graph.Select): plan
// steps, targets, known and highlighted concepts, a path brought forward,
// and a title, in o.Lang, that says what the view shows.
func (o *Options) Mark(m graph.Marks) {
	o.Steps, o.Targets, o.Known, o.Highlight = m.Steps, m.Targets, m.Known, m.Highlight
	if m.Path != nil {
		o.Focus = &Focus{Concepts: m.Path.Concepts, Edges: m.Path.Edges}
	}
	o.Title = Title(m, o.Lang)
}

// Title says what a selected view shows: the targets of its plan, its
// focus, the ends of its path, or its category; "" for the whole graph.
func Title(m graph.Marks, lang graph.Lang) string {
	switch {
	case m.Plan != nil:
		var names []string
		for _, s := range m.Plan.Steps {
			if s.Target {
				names = append(names, s.Concept.Name.In(lang))
			}
		}
		return PlanTitle(lang, names)
	case m.Focus != nil:
		return m.Focus.Name.In(lang)
	case m.From != nil && m.To != nil:
		return m.From.Name.In(lang) + " → " + m.To.Name.In(lang)
	case m.Category != nil:
		return m.Category.Name.In(lang)
	}
	return ""
}

// PlanTitle is the title of a learning plan for the named targets.
func PlanTitle(lang graph.Lang, targets []string) string {
	if lang == graph.Zh {
		return "学习路线:" + strings.Join(targets, "、")
	}
	return "Learning plan: " + strings.Join(targets, ", ")
}
