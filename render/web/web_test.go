package web

import (
	"bytes"
	"strings"
	"testing"

	"github.com/conceptmap/conceptmap/graph"
)

// A served page embeds no data: it asks the server, which its Content
// Security Policy allows, for everything.
func TestServedPage(t *testing.T) {
	p := &Page{Lang: graph.Zh, Watch: true, Formats: []Format{{ID: "svg", Label: "SVG"}}}
	b, err := p.HTML()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<html lang="zh">`,
		`{"mode":"server","lang":"zh","watch":true,"formats":[{"id":"svg","label":"SVG"}]}`,
		`connect-src &#39;self&#39;`,
		`script-src ` + strings.ReplaceAll(strings.ReplaceAll(scriptHash, "'", "&#39;"), "+", "&#43;"),
	} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("the served page lacks %s", want)
		}
	}
	if bytes.Contains(b, []byte(`id="cm-model"`)) || bytes.Contains(b, []byte(`id="cm-svg"`)) {
		t.Error("the served page embeds data")
	}
}

// The offline page may connect nowhere.
func TestOfflinePage(t *testing.T) {
	p := &Page{Offline: true, Model: &Model{}, SVG: []byte(`<?xml version="1.0"?><!-- c --><svg></svg>`), Focus: "a", Targets: []string{"b"}}
	b, err := p.HTML()
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(b, []byte("connect-src")) || !bytes.Contains(b, []byte(`default-src &#39;none&#39;`)) {
		t.Error("the offline page may connect to a server")
	}
	for _, want := range []string{`"mode":"offline"`, `"focus":"a","targets":["b"]`, `<script type="application/json" id="cm-svg">"\u003csvg\u003e\u003c/svg\u003e"</script>`} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("the offline page lacks %s", want)
		}
	}
}
