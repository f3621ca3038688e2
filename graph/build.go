package graph

import (
	"cmp"
	"path"
	"regexp"
	"slices"
	"strings"
	"unicode"
)

var (
	relIDPattern = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	arrowPattern = regexp.MustCompile(`^[a-z]+$`)
)

// LineStyles are the lines a relation type can be drawn with (Style.Line).
var LineStyles = []string{"solid", "dashed", "dotted", "bold"}

// DefaultStyle fills a relation type's missing style fields, and draws a
// relation whose type a view does not know.
var DefaultStyle = Style{Color: "#4a5568", Line: "solid", Arrow: "normal"}

// otherCategory holds concepts that name no category.
var otherCategory = Text{En: "Other", Zh: "其他"}

// build checks the records of a load and, when they are sound, makes the
// graph. It returns nil and every problem otherwise.
func (rs *records) build() (*Graph, []Diagnostic) {
	g := &Graph{}
	rs.checkText()
	rs.checkRelations(g)
	rs.noteEdges(g)
	if rs.linkErr != nil {
		return nil, nil
	}
	rs.implicitConcepts()
	rs.checkCategories(g)
	rs.checkConcepts(g)
	edges, ends := rs.checkEdges(g)
	// Cycles are looked for among the sound edges even when others are
	// broken, so that one run reports every problem.
	g.index(edges, ends)
	rs.checkCycles(g)
	if len(rs.diags) > 0 {
		sortDiags(rs.diags)
		return nil, rs.diags
	}
	return g, nil
}

func (rs *records) checkRelations(g *Graph) {
	g.relIndex = map[string]int{}
	for _, sr := range rs.relations {
		r := sr.r
		switch {
		case r.ID == "":
			rs.errorf(sr.idPos, "relation type has no id; give it one such as improves_on")
			continue
		case !relIDPattern.MatchString(r.ID):
			rs.errorf(sr.idPos, "relation type id %q must be snake_case (lower-case letters, digits and _)", r.ID)
		}
		if i, dup := g.relIndex[r.ID]; dup {
			d := rs.errorf(sr.idPos, "duplicate relation type %q", r.ID)
			d.Notes = append(d.Notes, rs.note(g.relations[i].Pos, "%q is first defined here", r.ID))
			continue
		}
		if r.Label.IsZero() {
			rs.errorf(r.Pos, "relation type %q has no label; add label: {en: ..., zh: ...}", r.ID)
		}
		if r.Inverse.IsZero() {
			r.Inverse = r.Label
		}
		switch {
		case r.First == "":
			rs.errorf(r.Pos, "relation type %q does not say which end is learned first; add first: source, target or none", r.ID)
		case !isOrder(string(r.First)):
			rs.errorf(sr.firstP, "first must be source, target or none, not %q", string(r.First))
		}
		rs.checkRole(sr)
		r.Style.Color = cmp.Or(r.Style.Color, DefaultStyle.Color)
		r.Style.Line = cmp.Or(r.Style.Line, DefaultStyle.Line)
		r.Style.Arrow = cmp.Or(r.Style.Arrow, DefaultStyle.Arrow)
		if !contains(LineStyles, r.Style.Line) {
			rs.errorf(sr.stylePos("line"), "relation type %q: style line must be one of %s, not %q", r.ID, strings.Join(LineStyles, ", "), r.Style.Line)
		}
		if hex, ok := ColorHex(r.Style.Color); ok {
			r.Style.Color = hex
		} else {
			msg := sprintf("relation type %q: style color %q is not a colour; use #rrggbb or a CSS colour name such as steelblue", r.ID, r.Style.Color)
			if s := nearest(r.Style.Color, keys(cssColors)); s != "" {
				msg += sprintf(" (did you mean %q?)", s)
			}
			rs.errorf(sr.stylePos("color"), "%s", msg)
		}
		if !arrowPattern.MatchString(r.Style.Arrow) {
			rs.errorf(sr.stylePos("arrow"), "relation type %q: style arrow %q is not a Graphviz arrowhead such as normal, vee or none", r.ID, r.Style.Arrow)
		}
		g.relIndex[r.ID] = len(g.relations)
		g.relations = append(g.relations, r)
	}
}

// checkRole checks a relation type's role and reach, and fills in the
// default role: prerequisite for a type with an order, none otherwise.
func (rs *records) checkRole(sr srcRelation) {
	r := sr.r
	switch {
	case r.Role == "" && r.First == FirstNone:
		r.Role = RoleNone
	case r.Role == "":
		r.Role = RolePrerequisite
	case !isRole(string(r.Role)):
		rs.errorf(sr.roleP, "role must be prerequisite (learned first, required), background (worth a look, not required) or none, not %q", string(r.Role))
	case r.Role != RoleNone && r.First == FirstNone:
		rs.errorf(sr.roleP, "relation type %q has role %s but first: none; a %s is learned first, so say which end: first: source or target (or role: none)", r.ID, r.Role, r.Role)
	}
	if sr.reachS != "" {
		n, ok := parseReach(sr.reachS)
		if !ok {
			rs.errorf(sr.reachP, "reach must be a number of links, 1 or more, or all; not %q", sr.reachS)
		}
		r.Reach = max(n, 0) // all is no limit
	}
}

func (rs *records) checkCategories(g *Graph) {
	g.catIndex = map[string]int{}
	add := func(c *Category) {
		c.Rank = len(g.categories)
		g.catIndex[c.ID] = c.Rank
		g.categories = append(g.categories, c)
	}
	for _, sc := range rs.categories {
		c := sc.c
		if c.ID == "" {
			rs.errorf(sc.idPos, "category has no id")
			continue
		}
		if i, dup := g.catIndex[c.ID]; dup {
			d := rs.errorf(sc.idPos, "duplicate category %q", c.ID)
			d.Notes = append(d.Notes, rs.note(g.categories[i].Pos, "%q is first defined here", c.ID))
			continue
		}
		if c.Name.IsZero() {
			c.Name = Text{En: c.ID}
		}
		add(c)
	}
	declared := len(g.categories) > 0
	rs.declareCSVCategories(g, declared, add)
	var implicit []string
	for _, sc := range rs.concepts {
		id := sc.c.Category
		if id == "" {
			id = "other"
			sc.c.Category = id
		}
		if _, ok := g.catIndex[id]; ok || contains(implicit, id) {
			continue
		}
		if sc.folderCat {
			// A note's folder, or a yEd group: a declared category of
			// that name, or else a category of its own.
			if c := g.categoryNamed(id); c != "" {
				sc.c.Category = c
				continue
			}
		} else if declared && id != "other" {
			msg := sprintf("unknown category %q", id)
			if s := nearest(id, keys(g.catIndex)); s != "" {
				msg += sprintf(" (did you mean %q?)", s)
			} else {
				msg += "; declare it under categories: or use one of " + strings.Join(keys(g.catIndex), ", ")
			}
			rs.errorf(sc.catPos, "%s", msg)
			continue
		}
		implicit = append(implicit, id)
	}
	slices.Sort(implicit)
	for _, id := range implicit {
		name := Text{En: id}
		if id == "other" {
			name = otherCategory
		}
		add(&Category{ID: id, Name: name})
	}
}

// categoryNamed returns the id of the category whose name, in either
// language, is s, ignoring case; or "".
func (g *Graph) categoryNamed(s string) string {
	for _, c := range g.categories {
		if fold(s) == fold(c.Name.En) || fold(s) == fold(c.Name.Zh) {
			return c.ID
		}
	}
	return ""
}

// implicitConcepts makes a concept for each end of a relation from a CSV
// file that names no concept, unless it looks like a typo (likelyTypos)
// of a concept a file defines, or of another new name that is used more
// often, or as often and first. Such a name is then an unknown concept,
// reported with the name it is close to.
func (rs *records) implicitConcepts() {
	if !slices.ContainsFunc(rs.edges, func(se srcEdge) bool { return se.implicit }) {
		return // every concept is defined: no new name can be a typo
	}
	index := map[string]int{} // folded name → its place in names
	var names []string
	var weight []int
	const defined = 1 << 30 // weighs more than any count of uses
	for _, sc := range rs.concepts {
		for _, k := range sc.c.keys() {
			if f := fold(k); f != "" {
				if _, ok := index[f]; !ok {
					index[f] = len(names)
					names = append(names, f)
					weight = append(weight, defined)
				}
			}
		}
	}
	// The new names, in order, with where each is first written and how
	// often it is used.
	type end struct {
		name string
		pos  Pos
	}
	var ends []end // by place in names
	for _, se := range rs.edges {
		if !se.implicit {
			continue
		}
		for _, e := range [2]end{{se.e.From, se.fromPos}, {se.e.To, se.toPos}} {
			f := fold(e.name)
			if f == "" {
				continue
			}
			i, ok := index[f]
			if !ok {
				i = len(names)
				index[f] = i
				names = append(names, f)
				weight = append(weight, 0)
				ends = append(ends, e)
			}
			if weight[i] < defined {
				weight[i]++
			}
		}
	}
	first := len(names) - len(ends)
	typos := likelyTypos(names, weight)
	rs.concepts = slices.Grow(rs.concepts, len(ends))
	for k, e := range ends {
		if _, typo := typos[first+k]; typo {
			continue
		}
		rs.concepts = append(rs.concepts, srcConcept{
			c:     &Concept{ID: e.name, Name: Text{En: e.name}, Pos: e.pos},
			idPos: e.pos, namePos: e.pos, catPos: e.pos,
		})
	}
}

func stripDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return -1
		}
		return r
	}, s)
}

// nameKey is one way of naming a concept: its id, a name or an alias.
type nameKey struct {
	concept int
	kind    string
	pos     Pos
}

func (rs *records) checkConcepts(g *Graph) {
	byID := map[string]int{}
	for i, sc := range rs.concepts {
		c := sc.c
		if c.ID == "" {
			if !sc.badID {
				rs.errorf(sc.idPos, "concept has no id; give it a short unique id such as gqa")
			}
			continue
		}
		if strings.Contains(c.ID, ",") {
			rs.errorf(sc.idPos, "concept id %q has a comma; the command line lists concepts with commas, so use another character", c.ID)
			continue
		}
		if j, dup := byID[c.ID]; dup {
			d := rs.errorf(sc.idPos, "duplicate concept id %q", c.ID)
			d.Notes = append(d.Notes, rs.note(rs.concepts[j].idPos, "%q is first defined here", c.ID))
			continue
		}
		byID[c.ID] = i
		if c.Name.IsZero() && !sc.badName {
			rs.errorf(sc.namePos, "concept %q has no name; add name: {en: ..., zh: ...}", c.ID)
		}
		for k, a := range c.Aliases {
			if a == "" {
				rs.errorf(sc.aliasPos[k], "concept %q has an empty alias", c.ID)
			}
		}
	}
	// Every id, name and alias must point to one concept.
	seen := make(map[string]nameKey, 3*len(rs.concepts)) // an id and two names each, most often
	for i, sc := range rs.concepts {
		c := sc.c
		if c.ID == "" || byID[c.ID] != i {
			continue
		}
		claim := func(s, kind string, p Pos) {
			k := fold(s)
			if k == "" {
				return
			}
			prev, taken := seen[k]
			if !taken {
				seen[k] = nameKey{i, kind, p}
				return
			}
			if prev.concept == i {
				return
			}
			other := rs.concepts[prev.concept].c.ID
			d := rs.errorf(p, "%s %q of concept %q collides with the %s of concept %q; names and aliases must each name one concept", kind, s, c.ID, prev.kind, other)
			d.Notes = append(d.Notes, rs.note(prev.pos, "the %s of %q", prev.kind, other))
		}
		claim(c.ID, "id", sc.idPos)
		claim(c.Name.En, "English name", sc.namePos)
		claim(c.Name.Zh, "Chinese name", sc.namePos)
		for k, a := range c.Aliases {
			claim(a, "alias", sc.aliasPos[k])
		}
	}
	g.concepts = make([]*Concept, 0, len(byID))
	for _, sc := range rs.concepts {
		if sc.c.ID != "" {
			if i := byID[sc.c.ID]; rs.concepts[i].c == sc.c {
				g.concepts = append(g.concepts, sc.c)
			}
		}
	}
	slices.SortFunc(g.concepts, func(a, b *Concept) int { return strings.Compare(a.ID, b.ID) })
	g.byID = make(map[string]int32, len(g.concepts))
	for i, c := range g.concepts {
		g.byID[c.ID] = int32(i)
	}
	g.names = make(map[string][]int32, 4*len(g.concepts))
	for i, c := range g.concepts {
		for _, s := range c.keys() {
			k := fold(s)
			if l := g.names[k]; len(l) == 0 || l[len(l)-1] != int32(i) {
				g.names[k] = append(l, int32(i))
			}
		}
	}
}

// keys lists the strings that name c.
func (c *Concept) keys() []string {
	ks := make([]string, 0, 3+len(c.Aliases))
	ks = append(ks, c.ID)
	if c.Name.En != "" {
		ks = append(ks, c.Name.En)
	}
	if c.Name.Zh != "" {
		ks = append(ks, c.Name.Zh)
	}
	return append(ks, c.Aliases...)
}

// checkEdges resolves and checks every relation, returning the sound ones
// and the concepts at their ends.
func (rs *records) checkEdges(g *Graph) ([]Edge, [][2]int32) {
	n := len(rs.edges)
	for _, sc := range rs.concepts {
		n += len(sc.edges)
	}
	type triple struct{ from, rel, to int32 }
	seen := make(map[triple]Pos, n)
	out := make([]Edge, 0, n)
	ends := make([][2]int32, 0, n)
	check := func(se *srcEdge, owner string) {
		e := se.e
		if owner != "" {
			e.From = owner
		}
		fromPos, toPos := se.fromPos, se.toPos
		rel, ok := g.relIndex[e.Relation]
		if !ok && se.implicit {
			// A spreadsheet may name the relation by its label in either
			// language, or by its inverse label with the ends swapped:
			// "RNN, is improved by, LSTM" is "LSTM improves_on RNN".
			if id, reverse, found := g.relationNamed(e.Relation); found {
				e.Relation = id
				if reverse {
					e.From, e.To, fromPos, toPos = e.To, e.From, toPos, fromPos
				}
				rel, ok = g.relIndex[id]
			}
		}
		switch {
		case e.Relation == "":
			rs.errorf(se.relPos, "relation from %q has no relation type; add relation: one of %s", e.From, strings.Join(g.relationIDs(), ", "))
		case !ok:
			rs.errorf(se.relPos, "%s", g.unknownRelation(e.Relation))
		}
		from, okFrom := rs.resolveEnd(g, e.From, fromPos, "source", se.implicit)
		to, okTo := rs.resolveEnd(g, e.To, toPos, "target", se.implicit)
		if !ok || !okFrom || !okTo {
			return
		}
		e.From, e.To = g.concepts[from].ID, g.concepts[to].ID
		if from == to {
			rs.errorf(toPos, "concept %q relates to itself; a relation needs two different concepts", e.From)
			return
		}
		k := triple{from, int32(rel), to}
		if p, dup := seen[k]; dup {
			d := rs.errorf(e.Pos, "duplicate relation %s %s %s", e.From, e.Relation, e.To)
			d.Notes = append(d.Notes, rs.note(p, "first given here"))
			return
		}
		seen[k] = e.Pos
		if !rs.checkEdgeRole(g, se, &e) {
			return
		}
		out = append(out, e)
		ends = append(ends, [2]int32{from, to})
	}
	for _, sc := range rs.concepts {
		for i := range sc.edges {
			check(&sc.edges[i], sc.c.ID)
		}
	}
	for i := range rs.edges {
		check(&rs.edges[i], "")
	}
	return out, ends
}

// checkEdgeRole checks the role and reach one relation overrides.
func (rs *records) checkEdgeRole(g *Graph, se *srcEdge, e *Edge) bool {
	ok := true
	rt := g.relations[g.relIndex[e.Relation]]
	switch {
	case e.Role == "":
	case !isRole(string(e.Role)):
		rs.errorf(se.rolePos, "role must be prerequisite (learned first, required), background (worth a look, not required) or none, not %q", string(e.Role))
		ok = false
	case e.Role != RoleNone && rt.First == FirstNone:
		rs.errorf(se.rolePos, "%s %s %s cannot be a %s: relation type %q sets no learning order (first: none); use a type that does", e.From, e.Relation, e.To, e.Role, rt.ID)
		ok = false
	}
	if se.reachS != "" {
		n, good := parseReach(se.reachS)
		if !good {
			rs.errorf(se.reachP, "reach must be a number of links, 1 or more, or all; not %q", se.reachS)
			ok = false
		}
		e.Reach = n
	}
	return ok
}

// resolveEnd finds the concept that an edge end names, by id, name or
// alias, and returns its index.
func (rs *records) resolveEnd(g *Graph, name string, p Pos, end string, implicit bool) (int32, bool) {
	if name == "" {
		rs.errorf(p, "relation has no %s concept; add to: with a concept id", end)
		return 0, false
	}
	if i, ok := g.byID[name]; ok {
		return i, true
	}
	if l := g.names[fold(name)]; len(l) == 1 {
		return l[0], true
	}
	msg := sprintf("unknown concept %q", name)
	if s := g.Suggest(name, 1); len(s) > 0 {
		msg += sprintf(" (did you mean %q?)", s[0].ID)
		if implicit {
			msg += "; a new name in a relations CSV makes a concept, but this one is so close to another that it looks like a typo. Define it in a concepts file to keep it"
		}
	} else if strings.EqualFold(path.Ext(p.File), NoteExt) {
		msg += "; fix the link, or load the note it leads to"
	} else {
		msg += "; fix the id, or add the concept under concepts:"
	}
	rs.errorf(p, "%s", msg)
	return 0, false
}

func (g *Graph) relationIDs() []string {
	ids := make([]string, len(g.relations))
	for i, r := range g.relations {
		ids[i] = r.ID
	}
	return ids
}

// relationByLabel returns the id of the relation type whose id or label,
// in either language, is s, ignoring case.
func (g *Graph) relationByLabel(s string) string {
	for _, r := range g.relations {
		if fold(s) == r.ID || fold(s) == fold(r.Label.En) || fold(s) == fold(r.Label.Zh) {
			return r.ID
		}
	}
	return ""
}

// unknownRelation says that the vocabulary has no relation type s, with
// the nearest one or the list of them.
func (g *Graph) unknownRelation(s string) string {
	msg := sprintf("unknown relation type %q", s)
	if near := g.suggestRelation(s); near != "" {
		return msg + sprintf(" (did you mean %q? %s)", near, g.relationRule(g.Relation(near)))
	}
	rules := make([]string, len(g.relations))
	for i, r := range g.relations {
		rules[i] = g.relationRule(r)
	}
	return msg + "; known types: " + strings.Join(rules, "; ")
}

func (g *Graph) relationRule(r *RelationType) string { return r.ID + ": " + r.Rule() }

// Rule says in a few words which end of a relation of this type is
// learned first and what it is to the other end: "its target first, a
// prerequisite".
func (r *RelationType) Rule() string {
	rule := ""
	switch {
	case r.First == FirstNone:
		return rule + "no learning order"
	case r.First == FirstTarget:
		rule += "its target first"
	default:
		rule += "its source first"
	}
	switch r.Role {
	case RoleNone:
		return rule + ", pulling nothing into plans"
	case RoleBackground:
		rule += ", as background"
	default:
		rule += ", a prerequisite"
	}
	if r.Reach > 0 {
		rule += sprintf(" up to %d link(s) from a plan's targets", r.Reach)
	}
	return rule
}

// suggestRelation finds the relation type nearest to s by id or label.
func (g *Graph) suggestRelation(s string) string {
	if r := nearest(s, g.relationIDs()); r != "" {
		return r
	}
	for _, r := range g.relations {
		if fold(s) == fold(r.Label.En) || fold(s) == fold(r.Label.Zh) ||
			fold(strings.ReplaceAll(s, "_", " ")) == fold(r.Label.En) {
			return r.ID
		}
	}
	return ""
}

func keys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// index builds, once, the adjacency that every query runs over. edges
// must be unique; ends holds the concepts at the ends of each.
func (g *Graph) index(edges []Edge, ends [][2]int32) {
	// Sorted as compareEdges sorts, by the concepts' places rather than
	// their ids: concepts are sorted by id.
	perm := make([]int32, len(edges))
	for i := range perm {
		perm[i] = int32(i)
	}
	slices.SortFunc(perm, func(a, b int32) int {
		return cmp.Or(cmp.Compare(ends[a][0], ends[b][0]), cmp.Compare(ends[a][1], ends[b][1]),
			strings.Compare(edges[a].Relation, edges[b].Relation))
	})
	g.edges = make([]Edge, len(edges))
	for i, k := range perm {
		g.edges[i] = edges[k]
	}

	n := len(g.concepts)
	g.from = make([]int32, len(g.edges))
	g.to = make([]int32, len(g.edges))
	g.first = make([]Order, len(g.edges))
	g.role = make([]Role, len(g.edges))
	g.reach = make([]int32, len(g.edges))
	g.out = make([][]int32, n)
	g.in = make([][]int32, n)
	g.before = make([][]int32, n)
	g.after = make([][]int32, n)
	for i, e := range g.edges {
		f, t := ends[perm[i]][0], ends[perm[i]][1]
		g.from[i], g.to[i] = f, t
		rt := g.relations[g.relIndex[e.Relation]]
		g.first[i] = rt.First
		g.role[i] = cmp.Or(e.Role, rt.Role)
		switch e.Reach {
		case 0:
			g.reach[i] = int32(rt.Reach)
		case ReachAll:
			g.reach[i] = 0
		default:
			g.reach[i] = int32(e.Reach)
		}
		g.out[f] = append(g.out[f], int32(i))
		g.in[t] = append(g.in[t], int32(i))
		if first, then, ok := g.order(int32(i)); ok {
			g.after[first] = append(g.after[first], int32(i))
			g.before[then] = append(g.before[then], int32(i))
		}
	}
	// Rank every concept once for "foundations first among equals, ties
	// broken by name".
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	cat := make([]int, n)
	name := make([]string, n)
	for i, c := range g.concepts {
		cat[i], name[i] = g.catIndex[c.Category], fold(c.Name.In(En))
	}
	slices.SortFunc(order, func(a, b int32) int {
		return cmp.Or(
			cmp.Compare(cat[a], cat[b]),
			strings.Compare(name[a], name[b]),
			strings.Compare(g.concepts[a].ID, g.concepts[b].ID),
		)
	})
	g.rank = make([]int32, n)
	for r, v := range order {
		g.rank[v] = int32(r)
	}
}

// order returns, for edge i, the concept to learn first and the one that
// comes after it. ok is false for a relation that sets no order.
func (g *Graph) order(i int32) (first, then int32, ok bool) {
	switch g.first[i] {
	case FirstTarget:
		return g.to[i], g.from[i], true
	case FirstSource:
		return g.from[i], g.to[i], true
	}
	return 0, 0, false
}
