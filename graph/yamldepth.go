package graph

import "unicode/utf8"

// maxYAMLDepth bounds how deep a YAML data file may nest. The data format
// needs about six levels; the YAML parser recurses once per level, and a
// few kilobytes of brackets would otherwise take gigabytes.
const maxYAMLDepth = 100

// yamlTooDeep scans YAML source, in one pass and without parsing it, for
// the first place where collections nest deeper than limit: block levels
// (indentation, and "- " or "? " entries on one line) plus flow levels
// ([ and {). It skips comments, quoted strings and block scalars, whose
// text does not nest. It returns the line and column (in characters,
// from 1) of that place, or ok false when there is none.
//
// The count is an estimate, meant only to stop runaway nesting before the
// parser sees it: it may be off by a level where YAML is unusual, but
// real data stays far below the limit.
func yamlTooDeep(data []byte, limit int) (line, col int, found bool) {
	var (
		stack     []int // columns of the open block levels
		flow      int   // open [ and {
		lineNo    = 1
		lineStart = 0
	)
	at := func(i int) (int, int, bool) {
		return lineNo, utf8.RuneCount(data[lineStart:i]) + 1, true
	}
	i := 0
	for i < len(data) {
		// At the start of a line.
		lineStart = i
		indent := 0
		for i < len(data) && data[i] == ' ' {
			i++
			indent++
		}
		if i >= len(data) {
			break
		}
		blank := data[i] == '\n' || data[i] == '\r' || data[i] == '#'
		if flow == 0 && !blank {
			for len(stack) > 0 && stack[len(stack)-1] >= indent {
				stack = stack[:len(stack)-1]
			}
			stack = append(stack, indent)
			if len(stack) > limit {
				return at(i)
			}
		}
		// The rest of the line.
		valueStart := true // a flow collection, quote or block scalar may start here
		for i < len(data) && data[i] != '\n' {
			c := data[i]
			next := byte(' ')
			if i+1 < len(data) && data[i+1] != '\r' && data[i+1] != '\n' {
				next = data[i+1]
			}
			prevBlank := i == lineStart || data[i-1] == ' ' || data[i-1] == '\t'
			switch {
			case c == '#' && prevBlank:
				for i < len(data) && data[i] != '\n' {
					i++
				}
				continue
			case c == ' ' || c == '\t' || c == '\r':
				i++
				continue
			case (c == '-' || c == '?') && flow == 0 && valueStart && (next == ' ' || next == '\t'):
				stack = append(stack, i-lineStart+2)
				if len(stack)+flow > limit {
					return at(i)
				}
				i++
				continue
			case c == '[' || c == '{':
				if flow > 0 || valueStart {
					flow++
					if len(stack)+flow > limit {
						return at(i)
					}
					valueStart = true
					i++
					continue
				}
			case (c == ']' || c == '}') && flow > 0:
				flow--
			case c == ',' && flow > 0:
				valueStart = true
				i++
				continue
			case c == ':' && (next == ' ' || next == '\t' || (flow > 0 && (next == ',' || next == ']' || next == '}'))):
				valueStart = true
				i++
				continue
			case (c == '"' || c == '\'') && (valueStart || (flow > 0 && prevBlank)):
				// A quoted string, perhaps over several lines.
				i++
				for i < len(data) {
					d := data[i]
					if d == '\n' {
						lineNo++
						lineStart = i + 1
					}
					if c == '"' && d == '\\' {
						i += 2
						continue
					}
					if d == c {
						if c == '\'' && i+1 < len(data) && data[i+1] == '\'' {
							i += 2
							continue
						}
						break
					}
					i++
				}
				i++
				valueStart = false
				continue
			case (c == '|' || c == '>') && flow == 0 && valueStart:
				// A block scalar: its lines are those indented more
				// than this one, and blank lines.
				for i < len(data) && data[i] != '\n' {
					i++
				}
				for i < len(data) {
					j, n := i+1, 0
					for j < len(data) && data[j] == ' ' {
						j++
						n++
					}
					if j < len(data) && data[j] != '\n' && data[j] != '\r' && n <= indent {
						break
					}
					for j < len(data) && data[j] != '\n' {
						j++
					}
					lineNo++
					i = j
				}
				continue
			case (c == '&' || c == '!') && valueStart:
				// An anchor or a tag: what follows it may still start
				// a collection.
				for i < len(data) && data[i] != ' ' && data[i] != '\t' && data[i] != '\n' && data[i] != '\r' {
					i++
				}
				continue
			}
			valueStart = false
			i++
		}
		if i < len(data) {
			i++ // the newline
			lineNo++
		}
	}
	return 0, 0, false
}
