package graph

import (
	"fmt"
	"unicode/utf8"
)

// Text hygiene: characters that data may not hold.
//
// No text may hold what XML cannot (control characters other than tab and
// line breaks, and noncharacters such as U+FFFE and U+FFFF): a map is SVG,
// and one such character makes the whole picture unreadable. Ids, names
// and aliases, which people type and compare, may moreover hold no C1
// control, no bidi control and no zero-width character: those are
// invisible, and make two names that look the same but differ.

// badRune describes why r may not be in any text, or "".
func badRune(r rune) string {
	switch {
	case r < 0x20 && r != '\t' && r != '\n' && r != '\r':
		return "a control character, which a map cannot show"
	case r >= 0xfdd0 && r <= 0xfdef, r&0xfffe == 0xfffe:
		return "a noncharacter, which a map cannot show"
	}
	return ""
}

// badNameRune describes why r may not be in an id, a name or an alias, or
// "".
func badNameRune(r rune) string {
	switch {
	case r == 0x7f || (r >= 0x80 && r < 0xa0):
		return "a control character, which a map cannot show"
	case isBidiControl(r):
		return "a bidi control, which reorders the text around it and makes look-alike names"
	case r == 0x200b || r == 0x200c || r == 0x200d || r == 0x2060 || r == 0xfeff:
		return "an invisible zero-width character, which makes look-alike names"
	}
	return badRune(r)
}

// cleanText reports the first character of s that bad refuses, at p; what
// names the text.
func (rs *records) cleanText(s, what string, p Pos, bad func(rune) string) {
	i := 0
	for _, r := range s {
		i++
		if why := bad(r); why != "" {
			rs.errorf(p, "%s, %q, holds %U at character %d, %s; remove it", what, s, r, i, why)
			return
		}
	}
}

// checkText looks for characters that data may not hold in every text of
// the records, whatever file format they come from.
func (rs *records) checkText() {
	text := func(t Text, what, of string, p Pos, bad func(rune) string) {
		rs.cleanText(t.En, "the English "+what+of, p, bad)
		rs.cleanText(t.Zh, "the Chinese "+what+of, p, bad)
	}
	edge := func(se srcEdge) {
		rs.cleanText(se.e.From, "the relation's source", se.fromPos, badNameRune)
		rs.cleanText(se.e.Relation, "the relation type", se.relPos, badRune)
		rs.cleanText(se.e.To, "the relation's target", se.toPos, badNameRune)
		text(se.e.Why, "why", " of the relation", se.e.Pos, badRune)
	}
	for _, sr := range rs.relations {
		r := sr.r
		rs.cleanText(r.ID, "the relation type id", sr.idPos, badNameRune)
		of := fmt.Sprintf(" of relation type %q", r.ID)
		text(r.Label, "label", of, r.Pos, badRune)
		text(r.Inverse, "inverse", of, r.Pos, badRune)
	}
	for _, sc := range rs.categories {
		rs.cleanText(sc.c.ID, "the category id", sc.idPos, badNameRune)
		text(sc.c.Name, "name", fmt.Sprintf(" of category %q", sc.c.ID), sc.c.Pos, badRune)
	}
	for _, cc := range rs.csvCats.list {
		rs.cleanText(cc.c.Name.En, fmt.Sprintf("the category_en of %q", cc.c.ID), cc.namePos[0], badRune)
		rs.cleanText(cc.c.Name.Zh, fmt.Sprintf("the category_zh of %q", cc.c.ID), cc.namePos[1], badRune)
	}
	for _, sc := range rs.concepts {
		c := sc.c
		rs.cleanText(c.ID, "the concept id", sc.idPos, badNameRune)
		of := fmt.Sprintf(" of concept %q", c.ID)
		text(c.Name, "name", of, sc.namePos, badNameRune)
		for i, a := range c.Aliases {
			rs.cleanText(a, "the alias"+of, sc.aliasPos[i], badNameRune)
		}
		rs.cleanText(c.Category, "the category"+of, sc.catPos, badNameRune)
		text(c.Summary, "summary", of, c.Pos, badRune)
		text(c.Analogy, "analogy", of, c.Pos, badRune)
		for _, r := range c.Refs {
			rs.cleanText(r.Title, "a reference title"+of, c.Pos, badRune)
			rs.cleanText(r.ArXiv, "a reference's arXiv id"+of, c.Pos, badRune)
			rs.cleanText(r.URL, "a reference URL"+of, c.Pos, badRune)
		}
		for _, se := range sc.edges {
			edge(se)
		}
	}
	for _, se := range rs.edges {
		edge(se)
	}
}

// checkUTF8 reports, at its place, the first byte of data that is not
// UTF-8, and says whether there is none.
func (rs *records) checkUTF8(name string, data []byte) bool {
	off := invalidUTF8(data)
	if off < 0 {
		return true
	}
	rs.addFile(name, data)
	p := newPositions(name, data).pos(int64(off))
	rs.errorf(p, "the file is not UTF-8: byte %#02x here is not a character; save the file as UTF-8", data[off])
	return false
}

// invalidUTF8 returns the offset of the first byte of data that is not
// UTF-8, or -1.
func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}
