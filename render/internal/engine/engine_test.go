package engine

import (
	"bytes"
	"context"
	"errors"
	"math"
	"testing"
)

const twoNodes = `digraph { a [label="Alpha"]; b [label="注意力"]; a -> b [label="needs"] }`

// TestRunSVG checks that Run gives Graphviz's SVG of the map: a whole
// document with the nodes, the edge and every label.
func TestRunSVG(t *testing.T) {
	out, err := Run(context.Background(), []byte(twoNodes), SVG)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(out, []byte("<?xml")) || !bytes.HasSuffix(bytes.TrimSpace(out), []byte("</svg>")) {
		t.Fatalf("not an SVG document:\n%s", out)
	}
	for _, want := range []string{"<title>a</title>", "<title>b</title>", "<title>a&#45;&gt;b</title>", ">Alpha</text>", ">注意力</text>", ">needs</text>"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("SVG lacks %s", want)
		}
	}
}

// TestRunXDot checks the layout that Run and ParseLayout give: every
// node and the edge drawn, each label once, the tail above the head (dot
// ranks top to bottom), and every point inside the bounding box.
func TestRunXDot(t *testing.T) {
	out, err := Run(context.Background(), []byte(twoNodes), XDot)
	if err != nil {
		t.Fatal(err)
	}
	l, err := ParseLayout(out)
	if err != nil {
		t.Fatal(err)
	}
	top := map[string]float64{}
	texts := map[string]int{}
	for _, it := range l.Items {
		for _, op := range it.Ops {
			for _, p := range op.Points {
				if p[0] < l.BB[0]-1 || p[0] > l.BB[2]+1 || p[1] < l.BB[1]-1 || p[1] > l.BB[3]+1 {
					t.Errorf("%s %s: point %v outside the bounding box %v", it.Kind, it.Name, p, l.BB)
				}
				if it.Kind == "node" {
					top[it.Name] = max(top[it.Name], p[1])
				}
			}
			if (op.Op == 'e' || op.Op == 'E') && it.Kind == "node" {
				top[it.Name] = max(top[it.Name], op.Rect[1]+op.Rect[3])
			}
			if op.Op == 'T' {
				texts[op.Str]++
			}
		}
	}
	if top["a"] <= top["b"] {
		t.Errorf("a's top at y=%v, b's at y=%v: want a above b", top["a"], top["b"])
	}
	for _, s := range []string{"Alpha", "注意力", "needs"} {
		if texts[s] != 1 {
			t.Errorf("label %q drawn %d times, want once", s, texts[s])
		}
	}
	w, h := l.Size()
	if math.Abs(w-(l.BB[2]-l.BB[0]+8)) > 1e-9 || math.Abs(h-(l.BB[3]-l.BB[1]+8)) > 1e-9 {
		t.Errorf("size %v×%v, want the bounding box %v with Graphviz's 4-point pad", w, h, l.BB)
	}
}

// TestRunErrors checks what Run refuses: a format it does not lay out,
// DOT that Graphviz cannot read, and a context already done.
func TestRunErrors(t *testing.T) {
	ctx := context.Background()
	if out, err := Run(ctx, []byte(twoNodes), "png"); err == nil || out != nil {
		t.Errorf("png: %d bytes, error %v", len(out), err)
	}
	if out, err := Run(ctx, []byte("digraph { a -> "), SVG); err == nil || out != nil {
		t.Errorf("broken DOT: %d bytes, error %v", len(out), err)
	}
	done, cancel := context.WithCancel(ctx)
	cancel()
	if out, err := Run(done, []byte(twoNodes), SVG); !errors.Is(err, context.Canceled) || out != nil {
		t.Errorf("cancelled: %d bytes, error %v", len(out), err)
	}
}
