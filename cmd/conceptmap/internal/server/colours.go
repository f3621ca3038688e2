package server

import (
	"bytes"
	"regexp"
	"strconv"
)

// The colours of a map change how it is drawn, not where: Graphviz places
// nodes, edges and labels the same whatever their colours, and writes
// each colour out as it was given. So the server lays a map out with its
// colours taken out of the DOT and each put back afterwards: two maps
// that differ only in their colours (the same view in the light and the
// dark theme) share one layout.
//
// A colours value is a DOT with its colours taken out. Each colour given
// as a quoted attribute, #rrggbb in lower case (an alpha part stays, and
// stays in the key), becomes a placeholder: a colour of its own, #dddddd
// in decimal digits, that occurs nowhere else in the DOT, so that it can
// be found again in Graphviz's output and nowhere else. What is left, with
// the placeholders in, is the DOT that Graphviz lays out and the cache key;
// put puts the colours back into its output.
type colours struct {
	dot    []byte   // the DOT with placeholders for its colours
	marks  []string // the placeholders, in order
	values []string // the colours they stand for
}

// colourAttr finds the colours that colours takes out: the value of a
// colour attribute of the graph, a cluster, a node or an edge, or of a
// FONT, TABLE or TD of an HTML-like label. A quote inside a DOT string is
// written \" and inside an HTML-like label &quot;, so a name or a label
// cannot hold this.
var colourAttr = regexp.MustCompile(`(?i:\b(?:color|fillcolor|fontcolor|bgcolor|pencolor|labelfontcolor))="(#[0-9a-f]{6})`)

// Placeholders are firstMark and on, skipping any that the DOT holds;
// Graphviz's own colours (black, white, lightgrey) are not among them.
const firstMark, lastMark = 100000, 999999

// takeColours takes the colours out of dot. It returns ok false when dot
// has more colours than placeholders are left for.
func takeColours(dot []byte) (c colours, ok bool) {
	ms := colourAttr.FindAllSubmatchIndex(dot, -1)
	if len(ms) == 0 {
		return colours{dot: dot}, true
	}
	c.dot = bytes.Clone(dot)
	c.marks = make([]string, 0, len(ms))
	c.values = make([]string, 0, len(ms))
	// The placeholders must not occur in the DOT as it will be laid out;
	// they are the same length as the colours, so checking the DOT with
	// any one placeholder in place of another is checking them all: the
	// DOT with every colour blanked.
	blank := bytes.Clone(dot)
	for _, m := range ms {
		copy(blank[m[2]:m[3]], "#......")
	}
	next := firstMark
	for _, m := range ms {
		var mark string
		for {
			if next > lastMark {
				return colours{}, false
			}
			mark = "#" + strconv.Itoa(next)
			next++
			if !bytes.Contains(blank, []byte(mark)) {
				break
			}
		}
		c.values = append(c.values, string(dot[m[2]:m[3]]))
		c.marks = append(c.marks, mark)
		copy(c.dot[m[2]:m[3]], mark)
	}
	return c, true
}

// put returns Graphviz's output for c.dot with the colours put back: the
// output Graphviz gives for the DOT the colours were taken from.
func (c colours) put(out []byte) []byte {
	if len(c.marks) == 0 {
		return out
	}
	first, _ := strconv.Atoi(c.marks[0][1:])
	index := make(map[int]int, len(c.marks))
	for i, m := range c.marks {
		n, _ := strconv.Atoi(m[1:])
		index[n] = i
	}
	b := make([]byte, 0, len(out))
	rest := out
	for {
		i := bytes.IndexByte(rest, '#')
		if i < 0 || len(rest)-i < 7 {
			break
		}
		n, ok := digits(rest[i+1 : i+7])
		if ok && n >= first {
			if k, ok := index[n]; ok {
				b = append(b, rest[:i]...)
				b = append(b, c.values[k]...)
				rest = rest[i+7:]
				continue
			}
		}
		b = append(b, rest[:i+1]...)
		rest = rest[i+1:]
	}
	return append(b, rest...)
}

// digits reads six decimal digits.
func digits(b []byte) (int, bool) {
	n := 0
	for _, d := range b {
		if d < '0' || d > '9' {
			return 0, false
		}
		n = n*10 + int(d-'0')
	}
	return n, true
}
