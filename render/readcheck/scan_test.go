package readcheck

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// xmlTokens reads what parse needs of an SVG with encoding/xml: the oracle
// of the scanner.
func xmlTokens(t *testing.T, b []byte) []xml.Token {
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = false
	var ts []xml.Token
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return ts
		}
		if err != nil {
			t.Fatal(err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			x.Name.Space = ""
			var as []xml.Attr
			for _, a := range x.Attr {
				a.Name.Space = ""
				as = append(as, a)
			}
			x.Attr = as
			ts = append(ts, x)
		case xml.EndElement:
			x.Name.Space = ""
			ts = append(ts, x)
		case xml.CharData:
			ts = append(ts, xml.CharData(bytes.Clone(x)))
		}
	}
}

func scanTokens(t *testing.T, b []byte) []xml.Token {
	s := &scanner{b: b}
	var ts []xml.Token
	for {
		tok, err := s.Token()
		if err == io.EOF {
			return ts
		}
		if err != nil {
			t.Fatal(err)
		}
		ts = append(ts, tok)
	}
}

// TestScannerAsXML reads Graphviz's SVGs of the render goldens, and markup
// with what Graphviz writes less often, as encoding/xml does.
func TestScannerAsXML(t *testing.T) {
	files, err := filepath.Glob("../testdata/*.svg.golden")
	if err != nil || len(files) == 0 {
		t.Fatalf("no SVG goldens in ../testdata (%v)", err)
	}
	inputs := map[string][]byte{
		"markup": []byte(`<?xml version="1.0"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">
<!-- a comment -->
<svg width="1pt" xmlns:xlink="http://www.w3.org/1999/xlink"><g id='a' class="node"><title>a&#45;&gt;b &amp; &#x4e2d;</title>
<a xlink:href="#x" xlink:title="&lt;i&gt;"><text x="1" y = "2">A&#160;B</text></a><path d="M0,0"/><![CDATA[<raw>]]></g></svg>`),
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs[filepath.Base(f)] = b
	}
	for name, b := range inputs {
		want, got := xmlTokens(t, b), scanTokens(t, b)
		if len(got) != len(want) {
			t.Errorf("%s: %d tokens, encoding/xml reads %d", name, len(got), len(want))
		}
		for i := range min(len(got), len(want)) {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Errorf("%s: token %d is %#v, encoding/xml reads %#v", name, i, got[i], want[i])
				break
			}
		}
	}
}
