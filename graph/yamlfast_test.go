package graph

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fastAgrees checks the property fastYAML promises: when it reads a text,
// the YAML parser reads the same text into the same tree, positions
// included, with no problem. It returns whether fastYAML read it.
func fastAgrees(t *testing.T, src string) bool {
	t.Helper()
	fast, ok := fastYAML([]byte(src))
	if !ok {
		return false
	}
	rs := &records{}
	full := rs.parseAnyYAML("a.yaml", []byte(src))
	switch {
	case len(rs.diags) > 0:
		t.Errorf("fastYAML read what the YAML parser refuses (%s):\n%s", rs.diags[0].Msg, src)
	case len(full) != 1:
		t.Errorf("fastYAML read one document, the YAML parser %d:\n%s", len(full), src)
	default:
		if d := nodeDiff(fast, full[0], "root"); d != "" {
			t.Errorf("fastYAML and the YAML parser differ at %s:\n%s", d, src)
		}
	}
	return true
}

// nodeDiff describes the first difference between two trees, or "".
func nodeDiff(a, b *node, at string) string {
	if a.kind != b.kind || a.pos != b.pos || a.str != b.str {
		return sprintf("%s: %s %v %q against %s %v %q", at, a.kindName(), a.pos, a.str, b.kindName(), b.pos, b.str)
	}
	if len(a.items) != len(b.items) || len(a.keys) != len(b.keys) {
		return sprintf("%s: %d items and %d keys against %d and %d", at, len(a.items), len(a.keys), len(b.items), len(b.keys))
	}
	for i := range a.items {
		if d := nodeDiff(a.items[i], b.items[i], sprintf("%s[%d]", at, i)); d != "" {
			return d
		}
	}
	for i, e := range a.keys {
		f := b.keys[i]
		if e.key != f.key || e.keyPos != f.keyPos {
			return sprintf("%s: key %q at %v against %q at %v", at, e.key, e.keyPos, f.key, f.keyPos)
		}
		if d := nodeDiff(e.val, f.val, at+"."+e.key); d != "" {
			return d
		}
	}
	return ""
}

// yamlGen writes random YAML in and around the plain shape.
type yamlGen struct {
	r *rand.Rand
	b strings.Builder
}

var (
	genWords = []string{
		"a", "id", "en", "zh", "x y", "概念", "名字 甲", "it's", "a,b", "a, b", "http://x.org/a#b", "-1",
		"1.5", "0x1F", "true", "no", "null", "~", "Null", "q\"uote", "back\\slash", "2305.13245",
		"\u00e9t\u00e9", "\U0001F600", ".inf",
	}
	oddWords = []string{
		"c: d", "e #f", "- g", "", " lead", "trail ", "tab\there", "esc\u001b", "nl\nin", "&anc", "*ali", "!tag",
		"|", ">", "%p", "@x", "`t", "?q", ":c", "<<", "a]b", "a}b", "[x", "\u202e", "x\u0085y", "k:", "#h", "-", "--", "...",
	}
)

// scalar writes a scalar in one of the styles.
func (g *yamlGen) scalar(flow bool) {
	w := genWords[g.r.IntN(len(genWords))]
	if g.r.IntN(30) == 0 {
		w = oddWords[g.r.IntN(len(oddWords))]
	}
	switch g.r.IntN(4) {
	case 0: // double-quoted, escaped
		var e strings.Builder
		for _, c := range w {
			switch {
			case c == '"' || c == '\\':
				e.WriteString(`\` + string(c))
			case c == '\n':
				e.WriteString(`\n`)
			case c == '\t':
				e.WriteString(`\t`)
			case c < 0x20:
				fmt.Fprintf(&e, `\x%02x`, c)
			case c > 0x7f && g.r.IntN(3) == 0:
				if c > 0xffff {
					fmt.Fprintf(&e, `\U%08x`, c)
				} else {
					fmt.Fprintf(&e, `\u%04X`, c)
				}
			default:
				e.WriteRune(c)
			}
		}
		if g.r.IntN(8) == 0 {
			e.WriteString([]string{`\/`, `\a`, `\b`, `\e`, `\f`, `\v`, `\r`, `\0`, `\N`, `\_`, `\ `, `\q`, `\x80`, `\ud800`}[g.r.IntN(14)])
		}
		g.b.WriteString(`"` + e.String() + `"`)
	case 1:
		g.b.WriteString("'" + strings.ReplaceAll(w, "'", "''") + "'")
	default:
		g.b.WriteString(w)
	}
}

func (g *yamlGen) key() {
	if g.r.IntN(6) == 0 {
		g.scalar(true)
		return
	}
	g.b.WriteString([]string{"id", "name", "en", "zh", "relations", "to", "why", "k1", "名", "a b", "1"}[g.r.IntN(11)])
}

// flow writes a one-line flow collection.
func (g *yamlGen) flow(depth int) {
	sp := []string{"", " ", "  "}
	if g.r.IntN(2) == 0 {
		g.b.WriteString("{" + sp[g.r.IntN(3)])
		for i := range g.r.IntN(4) {
			if i > 0 {
				g.b.WriteString("," + sp[g.r.IntN(3)])
			}
			g.key()
			g.b.WriteString(":" + sp[1+g.r.IntN(2)])
			g.flowValue(depth)
		}
		g.b.WriteString(sp[g.r.IntN(3)] + "}")
		return
	}
	g.b.WriteString("[" + sp[g.r.IntN(3)])
	for i := range g.r.IntN(4) {
		if i > 0 {
			g.b.WriteString("," + sp[g.r.IntN(3)])
		}
		g.flowValue(depth)
	}
	g.b.WriteString(sp[g.r.IntN(3)] + "]")
}

func (g *yamlGen) flowValue(depth int) {
	if depth < 3 && g.r.IntN(4) == 0 {
		g.flow(depth + 1)
		return
	}
	g.scalar(true)
}

// value writes what follows "key:" or "- ": an inline value and its line
// end, or the next lines' block.
func (g *yamlGen) value(ind, depth int, inSeq bool) {
	switch n := g.r.IntN(10); {
	case depth < 4 && n < 3:
		g.b.WriteString("\n")
		g.comments(ind + 2)
		g.block(ind+2, depth+1)
	case depth < 4 && n == 3 && !inSeq:
		g.b.WriteString("\n")
		g.seq(ind, depth+1) // a list at the key's indentation
	case n < 6:
		g.b.WriteString(" ")
		g.flow(depth)
		g.lineEnd()
	default:
		g.b.WriteString(" ")
		g.scalar(false)
		g.lineEnd()
	}
}

func (g *yamlGen) lineEnd() {
	switch g.r.IntN(8) {
	case 0:
		g.b.WriteString("  # note: [x]")
	case 1:
		g.b.WriteString("   ")
	}
	g.b.WriteString("\n")
}

func (g *yamlGen) comments(ind int) {
	switch g.r.IntN(8) {
	case 0:
		g.b.WriteString("\n")
	case 1:
		g.b.WriteString(strings.Repeat(" ", g.r.IntN(ind+3)) + "# a comment: - [\n")
	}
}

func (g *yamlGen) block(ind, depth int) {
	if g.r.IntN(3) == 0 {
		g.seq(ind, depth)
		return
	}
	g.mapping(ind, depth, false)
}

// mapping writes a block mapping at ind; first says its first key
// follows "- " on the current line.
func (g *yamlGen) mapping(ind, depth int, first bool) {
	for i := range 1 + g.r.IntN(4) {
		if i > 0 || !first {
			g.b.WriteString(strings.Repeat(" ", ind))
		}
		g.key()
		g.b.WriteString(":")
		g.value(ind, depth, false)
		g.comments(ind)
	}
}

func (g *yamlGen) seq(ind, depth int) {
	for range 1 + g.r.IntN(4) {
		g.b.WriteString(strings.Repeat(" ", ind) + "-")
		if depth < 4 && g.r.IntN(3) == 0 {
			g.b.WriteString(" ")
			g.mapping(ind+2, depth+1, true)
			continue
		}
		g.value(ind, depth, true)
		g.comments(ind)
	}
}

// mutate changes src a little: a byte dropped, one inserted, a line
// doubled or two lines swapped.
func mutate(r *rand.Rand, src string) string {
	if src == "" {
		return src
	}
	i := r.IntN(len(src))
	switch r.IntN(4) {
	case 0:
		return src[:i] + src[i+1:]
	case 1:
		const ins = " :-#\"'{}[],\n\t&!|"
		return src[:i] + string(ins[r.IntN(len(ins))]) + src[i:]
	}
	lines := strings.SplitAfter(src, "\n")
	a, b := r.IntN(len(lines)), r.IntN(len(lines))
	if r.IntN(2) == 0 {
		lines[a], lines[b] = lines[b], lines[a]
	} else {
		lines = append(lines[:a], append([]string{lines[a]}, lines[a:]...)...)
	}
	return strings.Join(lines, "")
}

// TestFastYAMLAgrees checks fastYAML against the YAML parser on the
// bundled data, generated files and their mutations, and that it reads
// the bundled data and the benchmark's files itself.
func TestFastYAMLAgrees(t *testing.T) {
	files, _ := filepath.Glob("../data/*.yaml")
	more, _ := filepath.Glob("../data/concepts/*.yaml")
	files = append(files, more...)
	if len(files) < 3 {
		t.Fatalf("bundled data not found: %v", files)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !fastAgrees(t, string(src)) {
			t.Errorf("fastYAML does not read %s", f)
		}
	}
	if !fastAgrees(t, string(conceptsYAML(300))) {
		t.Errorf("fastYAML does not read the benchmark's concepts")
	}
	// A long line, whose columns are counted on from the last.
	if !fastAgrees(t, "a: ["+strings.Repeat("概念, {en: x}, ", 3000)+"y]\n") {
		t.Errorf("fastYAML does not read a long flow list")
	}
	r := rand.New(rand.NewPCG(7, 7))
	read, mutants, total := 0, 0, 0
	for range 3000 {
		g := &yamlGen{r: r}
		g.block(0, 0)
		src := g.b.String()
		if fastAgrees(t, src) {
			read++
		}
		for range 5 {
			src = mutate(r, src)
			total++
			if fastAgrees(t, src) {
				mutants++
			}
		}
		if t.Failed() {
			return
		}
	}
	// The generator mixes in things outside the shape; enough must be read
	// for the comparison to mean something.
	if read < 300 || mutants < 300 {
		t.Errorf("fastYAML read only %d of 3000 generated files and %d of %d mutants", read, mutants, total)
	}
	t.Logf("read %d of 3000 generated files, %d of %d mutants", read, mutants, total)
}

func FuzzFastYAML(f *testing.F) {
	f.Add(vocab + "concepts:\n  - id: a\n    name: {en: A, zh: 甲}\n")
	f.Add("a:\n- b\n- {c: d}\ne: 'f''g'\n")
	f.Add("k: \"\\u00e9\\x41\"  # c\n")
	f.Fuzz(func(t *testing.T, src string) {
		fastAgrees(t, src)
	})
}
