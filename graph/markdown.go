package graph

import (
	"bytes"
	"encoding/json"
	"path"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Markdown notes, as Obsidian keeps them, are read one note a concept:
//
//	---
//	aliases: [MHA]                 # Obsidian's own property
//	category: architecture         # else the note's folder
//	name_zh: 多头注意力             # the name in the other language
//	part_of: "[[Transformer]]"     # a property named after a relation
//	---
//	# Multi-Head Attention          (the name: this title, else the file name)
//
//	Several attention heads look at the text in parallel.   (the summary)
//
//	- requires:: [[Attention]] each head is one attention.
//	  - zh: 每个头就是一次注意力。
//	- improves on:: [[Attention#Single head|attention]] more views at once.
//
// The id is the file name, in lower case with blanks as _, unless the
// frontmatter gives id. A typed link is a Dataview inline field
// (key:: value, alone on a line or in a list item) or a frontmatter
// property whose key names a relation type (its id, or its label or
// inverse label in either language, the inverse swapping the ends) and
// whose value holds [[wikilinks]]. The text after a link, up to the next
// one, is the relation's why; its language is told by its script, and an
// indented list item "en: …" or "zh: …" under the field gives a language
// explicitly (in JSON's double quotes when it holds line breaks). Links lead to the note of that file name ([[Note|shown]],
// [[Note#Heading]] and [[folder/Note]] too), or to a concept of that id,
// name or alias. Other fields and properties are left alone, unless their
// key is one edit from a relation type. Untyped links are relations only
// when the Loader gives LinkRelation.

// NoteExt is the extension of Markdown notes. A directory is read as
// notes when it holds .obsidian/ (an Obsidian vault); a note named
// directly is always read.
const NoteExt = ".md"

// VaultMarker is the folder that makes a directory an Obsidian vault.
const VaultMarker = ".obsidian"

// noteFields are the frontmatter properties that describe the note's
// concept; any other property is either a relation or left alone.
var noteFields = []string{"id", "title", "name_en", "name_zh", "aliases", "category",
	"summary", "summary_en", "summary_zh", "analogy", "analogy_en", "analogy_zh", "refs"}

// noteLink is one [[link]] of a note.
type noteLink struct {
	target string // the note it leads to: the file name, without #heading or |text
	pos    Pos
	why    Text
	// role and reach override the relation type's, as written.
	role             Role
	reach            string
	rolePos, reachAt Pos
}

// noteField is a Dataview inline field or frontmatter property that may be
// a typed link; the vocabulary decides, once it is known.
type noteField struct {
	from  string // the note's concept id
	key   string
	pos   Pos
	links []noteLink
	// strict: the field is a relation, so a key that names no relation
	// type is an error (GraphML edges); else it is other metadata.
	strict bool
}

// notes is what the notes of a load leave for building: their fields, their
// untyped links and which concept each file name leads to.
type notes struct {
	fields []noteField
	plain  []noteField // untyped links, one field a note, key ""
	byFile map[string]string
}

var (
	wikiLink   = regexp.MustCompile(`(!?)\[\[([^\[\]]*)\]\]`)
	inlineKey  = regexp.MustCompile(`^(\s*)((?:[-*+]|\d+[.)])\s+(?:\[.\]\s+)?)?([^:\[\]()` + "`" + `]+?)::(\s*)`)
	langChild  = regexp.MustCompile(`^(\s+)[-*+]\s+(en|zh|role|reach):\s*(.*)$`)
	fenceLine  = regexp.MustCompile("^\\s*(```+|~~~+)")
	codeSpan   = regexp.MustCompile("`[^`]*`")
	headingH1  = regexp.MustCompile(`^#\s+(.+?)\s*#*\s*$`)
	blockStart = regexp.MustCompile(`^\s*([#>|]|[-*+]\s|\d+[.)]\s|<|%%|---|\*\*\*|___|!\[\[)`)
)

// noteReader holds what is read of one note, for readMarkdown.
type noteReader struct {
	rs       *records
	name     string // the file, as messages name it
	lines    []string
	sc       srcConcept
	names    Text
	given    struct{ en, zh bool } // the frontmatter gives name_en, name_zh
	title    string
	titlePos Pos
	summary  Text
	analogy  Text
	fields   []noteField // inline fields and properties that may be typed links
	plain    noteField   // untyped links
	paras    []Text      // the first paragraphs, up to two
}

// readMarkdown reads one note. folder is its folder within the vault, ""
// for a note at the top or named directly.
func (rs *records) readMarkdown(name, folder string, data []byte) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	rs.addFile(name, data)
	base := strings.TrimSuffix(path.Base(name), path.Ext(name))
	n := &noteReader{rs: rs, name: name, lines: rs.fileLines(name)}
	n.sc.c = &Concept{ID: noteID(base), Pos: Pos{File: name, Line: 1, Col: 1}}
	n.sc.idPos, n.sc.namePos, n.sc.catPos, n.titlePos = n.sc.c.Pos, n.sc.c.Pos, n.sc.c.Pos, n.sc.c.Pos
	n.sc.c.Category = folderCategory(folder)
	n.sc.folderCat = n.sc.c.Category != ""
	body, ok := n.frontmatter()
	if !ok {
		return
	}
	n.body(body)
	n.finish(base)
}

// frontmatter reads the properties between the --- lines that open the
// note, and returns the index of the body's first line.
func (n *noteReader) frontmatter() (int, bool) {
	lines, sc := n.lines, &n.sc
	if len(lines) == 0 || strings.TrimRight(lines[0], " \t\r") != "---" {
		return 0, true
	}
	end := -1
	for i := 1; i < len(lines); i++ {
		if l := strings.TrimRight(lines[i], " \t\r"); l == "---" || l == "..." {
			end = i
			break
		}
	}
	if end < 0 {
		n.rs.errorf(sc.c.Pos, "the frontmatter opened with --- is not closed; end it with a line of --- before the note's text")
		return 0, false
	}
	// A blank first line keeps the frontmatter's line numbers those of the note.
	fm := "\n" + strings.Join(lines[1:end], "\n")
	r := reader{n.rs, n.name}
	for _, doc := range n.rs.parseYAML(n.name, []byte(fm)) {
		if doc.kind == nullNode {
			continue
		}
		if doc.kind != mapNode {
			n.rs.errorf(r.at(doc.pos), "the frontmatter must be properties (key: value), not %s", doc.kindName())
			continue
		}
		for _, e := range doc.keys {
			v := e.val
			switch e.key {
			case "id":
				sc.c.ID, sc.idPos = r.str(v, "id"), r.at(v.pos)
			case "title":
				n.title, n.titlePos = r.str(v, "title"), r.at(v.pos)
			case "name_en":
				n.names.En, sc.namePos, n.given.en = r.str(v, "name_en"), r.at(v.pos), true
			case "name_zh":
				n.names.Zh, n.given.zh = r.str(v, "name_zh"), true
				if !n.given.en {
					sc.namePos = r.at(v.pos)
				}
			case "aliases":
				items := []*node{v}
				if v.kind == listNode {
					items = v.items
				}
				for _, a := range items {
					if a.kind == nullNode {
						continue
					}
					sc.c.Aliases = append(sc.c.Aliases, r.str(a, "alias"))
					sc.aliasPos = append(sc.aliasPos, r.at(a.pos))
				}
			case "category":
				sc.c.Category, sc.catPos = r.str(v, "category"), r.at(v.pos)
				sc.folderCat = false
			case "summary":
				n.summary = r.text(v, "summary")
			case "summary_en":
				n.summary.En = r.str(v, e.key)
			case "summary_zh":
				n.summary.Zh = r.str(v, e.key)
			case "analogy":
				n.analogy = r.text(v, "analogy")
			case "analogy_en":
				n.analogy.En = r.str(v, e.key)
			case "analogy_zh":
				n.analogy.Zh = r.str(v, e.key)
			case "refs":
				sc.c.Refs = append(sc.c.Refs, r.noteRefs(v)...)
			default:
				if f, ok := propertyLinks(e, n.name); ok {
					n.fields = append(n.fields, f)
				}
			}
		}
	}
	return end + 1, true
}

// body reads the note's text from line index first on: the title, the
// first paragraphs, inline fields and links. Fenced code is skipped.
func (n *noteReader) body(first int) {
	name := n.name
	var para []string // the paragraph being read
	paraDone := false // a block other than a paragraph has come after the first one
	inFence := ""
	var last *noteField // the inline field of the list item just read, for en:/zh: lines
	lastIndent := -1
	flush := func() {
		if len(para) > 0 && !paraDone && len(n.paras) < 2 {
			n.paras = append(n.paras, scriptText(joinParagraph(para)))
		}
		if len(para) > 0 && len(n.paras) == 2 {
			paraDone = true
		}
		para = para[:0]
	}
	endParagraphs := func() {
		flush()
		paraDone = paraDone || len(n.paras) > 0
	}
	sawContent := false
	for i := first; i < len(n.lines); i++ {
		line := strings.TrimRight(n.lines[i], " \t\r")
		ln := i + 1
		if m := fenceLine.FindStringSubmatch(line); m != nil {
			switch {
			case inFence == "":
				inFence = m[1][:3]
				endParagraphs()
			case strings.HasPrefix(m[1], inFence):
				inFence = ""
			}
			continue
		}
		if inFence != "" {
			continue
		}
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		// Code spans hold no links; blank them, keeping columns.
		scan := codeSpan.ReplaceAllStringFunc(line, func(s string) string { return strings.Repeat(" ", len(s)) })
		if !sawContent {
			sawContent = true
			if m := headingH1.FindStringSubmatch(line); m != nil {
				if n.title == "" {
					n.title, n.titlePos = m[1], Pos{File: name, Line: ln, Col: 3}
				}
				continue
			}
		}
		if m := langChild.FindStringSubmatch(line); m != nil && last != nil && len(m[1]) > lastIndent && len(last.links) > 0 {
			l := &last.links[len(last.links)-1]
			why := strings.TrimSpace(m[3])
			var q string
			if strings.HasPrefix(why, `"`) && json.Unmarshal([]byte(why), &q) == nil {
				why = strings.TrimSpace(q) // a why with line breaks, in JSON's quotes
			}
			at := Pos{File: name, Line: ln, Col: len(m[1]) + 3}
			switch m[2] {
			case "en":
				l.why.En = why
			case "zh":
				l.why.Zh = why
			case "role":
				l.role, l.rolePos = Role(why), at
			case "reach":
				l.reach, l.reachAt = why, at
			}
			continue
		}
		last, lastIndent = nil, -1
		if m := inlineKey.FindStringSubmatchIndex(scan); m != nil {
			endParagraphs()
			key := strings.Trim(strings.TrimSpace(scan[m[6]:m[7]]), "*_")
			f := noteField{key: key, pos: Pos{File: name, Line: ln, Col: utf8.RuneCountInString(line[:m[6]]) + 1}}
			f.links = lineLinks(line, scan, m[1], name, ln)
			n.fields = append(n.fields, f)
			if m[4] >= 0 { // a list item: en: and zh: lines may follow
				last, lastIndent = &n.fields[len(n.fields)-1], m[3]-m[2]
			}
			continue
		}
		for _, l := range lineLinks(line, scan, 0, name, ln) {
			l.why = Text{}
			n.plain.links = append(n.plain.links, l)
		}
		if blockStart.MatchString(line) {
			endParagraphs()
			continue
		}
		para = append(para, stripLinks(line))
	}
	flush()
}

// finish makes the note's concept, and leaves its links for building.
// base is its file name without .md.
func (n *noteReader) finish(base string) {
	sc, rs := n.sc, n.rs
	// Names: name_en and name_zh; the title (or file name) fills the one
	// not given, in the language of its script when neither is.
	title, names := n.title, n.names
	if title == "" {
		title, n.titlePos = base, Pos{File: n.name}
	}
	switch {
	case n.given.en && n.given.zh:
	case n.given.zh:
		if title != names.Zh {
			names.En = title
		}
	case n.given.en:
		if title != names.En {
			names.Zh = title
		}
	default:
		names, sc.namePos = scriptText(title), n.titlePos
	}
	sc.c.Name = names
	// Summary: from the frontmatter, else the first paragraph, and the one
	// after it when that is in the other language.
	summary := n.summary
	if summary.IsZero() && len(n.paras) > 0 {
		summary = n.paras[0]
		if len(n.paras) > 1 && (summary.En == "") != (n.paras[1].En == "") {
			summary.En, summary.Zh = summary.En+n.paras[1].En, summary.Zh+n.paras[1].Zh
		}
	}
	sc.c.Summary, sc.c.Analogy = summary, n.analogy
	if sc.c.ID == "" {
		rs.errorf(sc.idPos, "the note has no id; give the frontmatter an id: or the file a name")
		sc.badID = true
	}
	rs.concepts = append(rs.concepts, sc)

	if rs.notes.byFile == nil {
		rs.notes.byFile = map[string]string{}
	}
	key := fold(base)
	if prev, ok := rs.notes.byFile[key]; ok && prev != sc.c.ID {
		rs.notes.byFile[key] = "" // two notes of one name: a link to it must name an id
	} else {
		rs.notes.byFile[key] = sc.c.ID
	}
	for i := range n.fields {
		n.fields[i].from = sc.c.ID
	}
	n.plain.from = sc.c.ID
	rs.notes.fields = append(rs.notes.fields, n.fields...)
	rs.notes.plain = append(rs.notes.plain, n.plain)
}

// noteID makes a concept id of a file name: lower case, blanks and commas
// as _.
func noteID(base string) string {
	f := strings.FieldsFunc(strings.ToLower(base), func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == '，' })
	return strings.Join(f, "_")
}

// folderCategory is the category of a note in folder: the folder's own
// name, "" at the top of the vault.
func folderCategory(folder string) string {
	if folder == "" || folder == "." {
		return ""
	}
	return path.Base(folder)
}

// scriptText puts s in the language of its script: Chinese when it has
// Han characters and at most twice as many Latin letters.
func scriptText(s string) Text {
	han, latin := 0, 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case r < 0x250 && unicode.IsLetter(r):
			latin++
		}
	}
	if han > 0 && latin <= 2*han {
		return Text{Zh: s}
	}
	return Text{En: s}
}

// ScriptLang says in which language a text in one language would be read
// back from a note: Zh when it is mostly Han characters, else En.
func ScriptLang(s string) Lang {
	if scriptText(s).Zh != "" {
		return Zh
	}
	return En
}

// joinParagraph joins the lines of a paragraph as Markdown does, with a
// blank, except between Chinese lines.
func joinParagraph(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(b.String())
			next, _ := utf8.DecodeRuneInString(l)
			if !isWide(prev) || !isWide(next) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// stripLinks replaces each [[link]] of a line by the text it shows.
func stripLinks(line string) string {
	return wikiLink.ReplaceAllStringFunc(line, func(s string) string {
		m := wikiLink.FindStringSubmatch(s)
		target, shown, _ := parseLink(m[2])
		if shown != "" {
			return shown
		}
		return target
	})
}

// parseLink splits the inside of [[…]] into the note it leads to (its file
// name, without folders, .md, #heading or ^block) and the text it shows.
func parseLink(inner string) (target, shown string, heading bool) {
	target, shown, _ = strings.Cut(inner, "|")
	if i := strings.IndexAny(target, "#^"); i >= 0 {
		target, heading = target[:i], true
	}
	target = strings.TrimSpace(target)
	if i := strings.LastIndexByte(target, '/'); i >= 0 {
		target = target[i+1:]
	}
	if strings.EqualFold(path.Ext(target), NoteExt) {
		target = target[:len(target)-len(NoteExt)]
	}
	return strings.TrimSpace(target), strings.TrimSpace(shown), heading
}

// lineLinks returns the links of a line from byte from on, each with the
// text that follows it, up to the next link, as its why. scan is the line
// with its code spans blanked.
func lineLinks(line, scan string, from int, file string, ln int) []noteLink {
	var out []noteLink
	ms := wikiLink.FindAllStringSubmatchIndex(scan[from:], -1)
	for k, m := range ms {
		if m[3] > m[2] { // ![[embed]]
			continue
		}
		target, _, _ := parseLink(scan[from+m[4] : from+m[5]])
		end := len(line)
		if k+1 < len(ms) {
			end = from + ms[k+1][0]
		}
		why := strings.Trim(strings.TrimSpace(line[from+m[1]:end]), ",;，；、")
		why = strings.TrimSpace(strings.TrimLeft(why, ":：—–- "))
		out = append(out, noteLink{
			target: target,
			pos:    Pos{File: file, Line: ln, Col: utf8.RuneCountInString(line[:from+m[0]]) + 1},
			why:    scriptText(stripLinks(why)),
		})
	}
	return out
}

// propertyLinks reads a frontmatter property whose value holds wikilinks:
// "[[A]] why", a list of them, or [[A]] unquoted, which YAML reads as a
// list in a list.
func propertyLinks(e *entry, file string) (noteField, bool) {
	f := noteField{key: e.key, pos: e.keyPos.in(file)}
	var walk func(n *node)
	walk = func(n *node) {
		switch n.kind {
		case scalarNode:
			if strings.Contains(n.str, "[[") {
				for _, l := range lineLinks(n.str, n.str, 0, file, int(n.pos.line)) {
					l.pos = n.pos.in(file)
					f.links = append(f.links, l)
				}
			}
		case listNode:
			if len(n.items) == 1 && n.items[0].kind == listNode && len(n.items[0].items) == 1 && n.items[0].items[0].kind == scalarNode {
				target, _, _ := parseLink(n.items[0].items[0].str)
				f.links = append(f.links, noteLink{target: target, pos: n.pos.in(file)})
				return
			}
			for _, it := range n.items {
				walk(it)
			}
		}
	}
	walk(e.val)
	return f, len(f.links) > 0
}

// noteRefs reads a note's refs: a list of {title, arxiv, url}, as in YAML
// files, or of "title <arXiv:ID> <URL>" strings, as in CSV.
func (r reader) noteRefs(n *node) []Ref {
	var out []Ref
	for _, item := range r.list(n, "refs") {
		if item.kind == scalarNode {
			refs, err := ParseCSVRefs(item.str)
			if err != nil {
				r.errorf(r.at(item.pos), "refs: %v", err)
			}
			out = append(out, refs...)
			continue
		}
		out = append(out, r.ref(item))
	}
	return out
}

// relationNamed finds the relation type that s names: its id, or its
// label in either language, or its inverse label, which swaps the ends.
// Dataview's habits are allowed: any case, and - or _ for blanks.
func (g *Graph) relationNamed(s string) (id string, reverse, ok bool) {
	if fold(s) == "" {
		return "", false, false
	}
	if id := g.relationByLabel(s); id != "" {
		return id, false, true
	}
	alt := strings.NewReplacer("_", " ", "-", " ").Replace(fold(s))
	for _, r := range g.relations {
		if alt == strings.ReplaceAll(r.ID, "_", " ") || alt == fold(r.Label.En) {
			return r.ID, false, true
		}
	}
	for _, r := range g.relations {
		if alt == fold(r.Inverse.En) || fold(s) == fold(r.Inverse.Zh) {
			return r.ID, true, true
		}
	}
	return "", false, false
}

// LinkRelationError says that Loader.LinkRelation names no relation type.
type LinkRelationError struct {
	Name       string
	Suggestion string   // the nearest relation type, if any is near
	Known      []string // the relation types of the load
}

func (e *LinkRelationError) Error() string {
	msg := sprintf("unknown relation type %q for links that name none", e.Name)
	if e.Suggestion != "" {
		return msg + sprintf(" (did you mean %q?)", e.Suggestion)
	}
	return msg + "; known types: " + strings.Join(e.Known, ", ")
}

// noteEdges turns the fields of notes that name a relation type into
// relations, once the vocabulary is known, and untyped links into
// relations of type rs.linkRel when that is given. Strict fields (GraphML
// edges) must name a relation type, or take rs.linkRel when they name none.
func (rs *records) noteEdges(g *Graph) {
	var linkID string
	var linkReverse bool
	if rs.linkRel != "" {
		var ok bool
		if linkID, linkReverse, ok = g.relationNamed(rs.linkRel); !ok {
			rs.linkErr = &LinkRelationError{Name: rs.linkRel, Suggestion: g.suggestRelation(rs.linkRel), Known: g.relationIDs()}
			return
		}
	}
	to := func(l noteLink) string {
		if id := rs.notes.byFile[fold(l.target)]; id != "" {
			return id
		}
		return l.target
	}
	typed := map[[2]string]bool{}
	for _, f := range rs.notes.fields {
		rel, reverse, ok := g.relationNamed(f.key)
		switch {
		case ok:
		case f.strict && f.key == "" && linkID != "":
			rel, reverse, ok = linkID, linkReverse, true
		case f.strict && f.key == "":
			rs.errorf(f.pos, "the edge names no relation type; label it with one (%s)", strings.Join(g.relationIDs(), ", "))
		case f.strict:
			rs.errorf(f.pos, "%s", g.unknownRelation(f.key))
		default:
			if s := g.suggestRelation(f.key); s != "" && len(f.links) > 0 {
				rs.errorf(f.pos, "unknown relation type %q (did you mean %q?)", f.key, s)
			}
		}
		if !ok {
			continue
		}
		if len(f.links) == 0 {
			rs.errorf(f.pos, "%s:: links to no note; write %s:: [[Note]], then why if you like", f.key, f.key)
			continue
		}
		for _, l := range f.links {
			if l.target == "" {
				rs.errorf(l.pos, "the link leads to a heading of this note, not to another; name the note: [[Note#Heading]]")
				continue
			}
			e := srcEdge{e: Edge{From: f.from, Relation: rel, To: to(l), Why: l.why, Pos: l.pos, Role: l.role},
				fromPos: f.pos, relPos: f.pos, toPos: l.pos, rolePos: l.rolePos, reachS: l.reach, reachP: l.reachAt}
			if reverse {
				e.e.From, e.e.To, e.fromPos, e.toPos = e.e.To, e.e.From, e.toPos, e.fromPos
			}
			rs.edges = append(rs.edges, e)
			typed[[2]string{f.from, to(l)}] = true
		}
	}
	if linkID == "" {
		return
	}
	rel, reverse := linkID, linkReverse
	for _, f := range rs.notes.plain {
		for _, l := range f.links {
			id := rs.notes.byFile[fold(l.target)]
			k := [2]string{f.from, id}
			if id == "" || id == f.from || typed[k] {
				continue // a link to no note, to itself, or one already made
			}
			typed[k] = true
			e := srcEdge{e: Edge{From: f.from, Relation: rel, To: id, Pos: l.pos}, fromPos: l.pos, relPos: l.pos, toPos: l.pos}
			if reverse {
				e.e.From, e.e.To = e.e.To, e.e.From
			}
			rs.edges = append(rs.edges, e)
		}
	}
}
