package export

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render/internal/view"
)

// Obsidian returns the view as an Obsidian vault, which graph's loader
// reads back as the same graph: one note a concept, in a folder a
// category (named after the category), each note named after its
// concept. A note holds its concept's id, other names, aliases, category,
// analogy and references as properties, its summary as its first
// paragraphs (as properties when a paragraph cannot carry it exactly),
// and its relations as Dataview inline fields, one a list item, each with
// its why, the Chinese in an item under it:
//
//   - improves_on:: [[Multi-head attention]] GQA shares the key/value heads…
//   - zh: GQA 让查询头共享…
//
// Obsidian's graph view and backlinks then show the relations both ways.
// conceptmap.yaml holds the relation vocabulary and the categories, in
// order; .obsidian/app.json makes the folder a vault. Notes and folders
// come in a fixed order, and the same input gives the same bytes.
func Obsidian(g *graph.Graph, v graph.View) []File {
	cs := view.Concepts(v)
	grps := view.Groups(g, cs)
	// Folders and notes are named apart; a note's name is unique in the
	// whole vault, as links name notes by it alone.
	folders, notes := fileNames{}, fileNames{}
	folder := map[string]string{} // category id → folder
	for _, grp := range grps {
		folder[grp.Cat.ID] = folders.claim(grp.Cat.Name.In(graph.En), grp.Cat.ID)
	}
	note := map[string]string{} // concept id → note name, without .md
	for _, grp := range grps {
		for _, c := range grp.Members {
			note[c.ID] = notes.claim(c.Name.In(graph.En), c.ID)
		}
	}
	out := []File{
		{".obsidian/app.json", []byte("{}\n")},
		{"conceptmap.yaml", vaultVocabulary(g)},
	}
	edges := view.Edges(v)
	for _, grp := range grps {
		for _, c := range grp.Members {
			out = append(out, File{folder[c.Category] + "/" + note[c.ID] + graph.NoteExt, obsidianNote(c, edges, note)})
		}
	}
	return out
}

// fileNames hands out file and folder names that are safe in Obsidian and
// on every file system, and unique regardless of case.
type fileNames map[string]bool

var unsafeName = regexp.MustCompile(`[\\/:*?"<>|#^\[\]\x00-\x1f\x7f]+`)

// claim returns a name made of want, or of want and id, or of id, that no
// earlier claim has.
func (f fileNames) claim(want, id string) string {
	clean := func(s string) string {
		s = strings.Join(strings.Fields(unsafeName.ReplaceAllString(s, " ")), " ")
		s = strings.TrimLeft(s, ". ")
		if utf8.RuneCountInString(s) > 80 {
			s = strings.TrimSpace(string([]rune(s)[:80]))
		}
		return s
	}
	for _, c := range []string{clean(want), clean(want + " (" + id + ")"), clean(id)} {
		if c != "" && !f[strings.ToLower(c)] {
			f[strings.ToLower(c)] = true
			return c
		}
	}
	for i := 2; ; i++ {
		c := strings.TrimSpace(clean(id) + " " + strconv.Itoa(i))
		if !f[strings.ToLower(c)] {
			f[strings.ToLower(c)] = true
			return c
		}
	}
}

var yamlPlain = regexp.MustCompile(`^\pL[\pL\pN _.()-]*$`)

// yamlScalar writes s plain when YAML reads it back as that string, and
// quoted otherwise.
func yamlScalar(s string) string {
	switch strings.ToLower(s) {
	case "true", "false", "null", "yes", "no", "on", "off", "y", "n":
		return yamlString(s)
	}
	if yamlPlain.MatchString(s) && !strings.HasSuffix(s, " ") {
		return s
	}
	return yamlString(s)
}

// yamlString quotes s for YAML: JSON's double quotes, which YAML reads.
func yamlString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}

// yamlText writes a Text as {en: …, zh: …}, leaving out an empty language.
func yamlText(t graph.Text) string {
	var parts []string
	if t.En != "" {
		parts = append(parts, "en: "+yamlScalar(t.En))
	}
	if t.Zh != "" {
		parts = append(parts, "zh: "+yamlScalar(t.Zh))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// vaultVocabulary is conceptmap.yaml: the relation types and categories.
func vaultVocabulary(g *graph.Graph) []byte {
	var b strings.Builder
	b.WriteString("# The relation vocabulary and the categories of this vault, for conceptmap.\nrelations:\n")
	for _, r := range g.Relations() {
		b.WriteString("  - id: " + yamlScalar(r.ID) + "\n")
		b.WriteString("    label: " + yamlText(r.Label) + "\n")
		b.WriteString("    inverse: " + yamlText(r.Inverse) + "\n")
		b.WriteString("    first: " + string(r.First) + "\n")
		if r.Role != "" {
			b.WriteString("    role: " + yamlScalar(string(r.Role)) + "\n")
		}
		if s := reachText(r.Reach); s != "" {
			b.WriteString("    reach: " + s + "\n")
		}
		b.WriteString("    style: {color: " + yamlString(r.Style.Color) + ", line: " + yamlScalar(r.Style.Line) + ", arrow: " + yamlScalar(r.Style.Arrow) + "}\n")
	}
	b.WriteString("categories:\n")
	for _, c := range g.Categories() {
		b.WriteString("  - id: " + yamlScalar(c.ID) + "\n")
		b.WriteString("    name: " + yamlText(c.Name) + "\n")
	}
	return []byte(b.String())
}

// paragraphSafe reports whether s, written as a line of a note, reads
// back as itself, in lang: one line, no link, nothing that Markdown or
// the note reader takes for more than text.
func paragraphSafe(s string, lang graph.Lang) bool {
	if s == "" || strings.ContainsAny(s, "\n\r`") || strings.Contains(s, "[[") || strings.Contains(s, "::") ||
		s != strings.TrimSpace(s) || graph.ScriptLang(s) != lang {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || r == '(' || r == '"' || r == '“'
}

// titleSafe reports whether "# "+s reads back as the title s.
func titleSafe(s string) bool {
	return s != "" && !strings.ContainsAny(s, "\n\r") && s == strings.TrimSpace(s) && !strings.HasSuffix(s, "#")
}

// whySafe reports whether s, written after a link, reads back as itself.
func whySafe(s string) bool {
	if s == "" || strings.ContainsAny(s, "\n\r") || strings.Contains(s, "[[") {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(",;，；、:：—–- ", first) && !strings.ContainsRune(",;，；、 ", last)
}

func obsidianNote(c *graph.Concept, edges []graph.Edge, note map[string]string) []byte {
	var b strings.Builder
	prop := func(k, v string) {
		if v != "" {
			b.WriteString(k + ": " + yamlScalar(v) + "\n")
		}
	}
	title := c.Name.En
	if title == "" {
		title = c.Name.Zh
	}
	b.WriteString("---\n")
	prop("id", c.ID)
	if !titleSafe(title) {
		prop("title", title)
	}
	// The title fills the name that the properties do not give, in the
	// language of its script when they give none.
	switch {
	case c.Name.En == "":
		prop("name_zh", c.Name.Zh)
	case c.Name.Zh == c.Name.En || (c.Name.Zh == "" && graph.ScriptLang(c.Name.En) != graph.En):
		prop("name_en", c.Name.En)
		prop("name_zh", c.Name.Zh)
	default:
		prop("name_zh", c.Name.Zh)
	}
	if len(c.Aliases) > 0 {
		b.WriteString("aliases:\n")
		for _, a := range c.Aliases {
			b.WriteString("  - " + yamlScalar(a) + "\n")
		}
	}
	prop("category", c.Category)
	s := c.Summary
	inBody := (s.En == "" || paragraphSafe(s.En, graph.En)) && (s.Zh == "" || paragraphSafe(s.Zh, graph.Zh))
	if !inBody {
		prop("summary_en", s.En)
		prop("summary_zh", s.Zh)
	}
	prop("analogy_en", c.Analogy.En)
	prop("analogy_zh", c.Analogy.Zh)
	if len(c.Refs) > 0 {
		b.WriteString("refs:\n")
		for _, r := range c.Refs {
			b.WriteString("  - " + yamlString(graph.FormatCSVRefs([]graph.Ref{r})) + "\n")
		}
	}
	b.WriteString("---\n")
	if titleSafe(title) {
		b.WriteString("# " + title + "\n")
	}
	if inBody {
		for _, p := range []string{s.En, s.Zh} {
			if p != "" {
				b.WriteString("\n" + p + "\n")
			}
		}
	}
	first := true
	for _, e := range edges {
		if e.From != c.ID {
			continue
		}
		if first {
			b.WriteString("\n## Relations\n\n")
			first = false
		}
		b.WriteString("- " + e.Relation + ":: [[" + note[e.To] + "]]")
		w := e.Why
		switch {
		case whySafe(w.En) && graph.ScriptLang(w.En) == graph.En:
			b.WriteString(" " + w.En)
			w.En = ""
		case w.En == "" && whySafe(w.Zh) && graph.ScriptLang(w.Zh) == graph.Zh:
			b.WriteString(" " + w.Zh)
			w.Zh = ""
		}
		b.WriteString("\n")
		for _, l := range []struct{ tag, s string }{{"en", w.En}, {"zh", w.Zh}, {"role", string(e.Role)}, {"reach", reachText(e.Reach)}} {
			if l.s != "" {
				v := l.s
				if strings.HasPrefix(v, `"`) || strings.IndexFunc(v, unicode.IsControl) >= 0 {
					v = yamlString(v)
				}
				b.WriteString("  - " + l.tag + ": " + v + "\n")
			}
		}
	}
	return []byte(b.String())
}
