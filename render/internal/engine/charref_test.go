package engine

import (
	"bytes"
	"testing"
)

// asciiDOT leaves ASCII as it is and writes other characters of the
// Basic Multilingual Plane as references, which charsOf turns back.
func TestCharRefs(t *testing.T) {
	for in, want := range map[string]string{
		"digraph { a }":             "digraph { a }",
		`n [label="分词器 é"]`:         `n [label="&#20998;&#35789;&#22120; &#233;"]`,
		"emoji 😀 stays":             "emoji 😀 stays",
		"not \xff UTF-8":            "not \xff UTF-8",
		"&#45;&#45; &amp; &#20998;": "&#45;&#45; &amp; &#20998;",
	} {
		got := asciiDOT([]byte(in))
		if string(got) != want {
			t.Errorf("asciiDOT(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"&#20998;&#35789;&#22120; &#233;": "分词器 é",
		"&#45;&#45; &amp; &#;":            "&#45;&#45; &amp; &#;",
		"&#99999999999; &#1114112; &#":    "&#99999999999; &#1114112; &#",
		"tail &#20998":                    "tail &#20998",
	} {
		if got := charsOf([]byte(in)); !bytes.Equal(got, []byte(want)) {
			t.Errorf("charsOf(%q) = %q, want %q", in, got, want)
		}
	}
}
