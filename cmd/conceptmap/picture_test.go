package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/drawflags"
	"github.com/conceptmap/conceptmap/render"
)

func needCJKFont(t *testing.T) {
	t.Helper()
	if _, err := os.Stat("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("fonts-noto-cjk is missing; .ci/run must install it")
		}
		t.Skip("no CJK font; apt-get install fonts-noto-cjk")
	}
}

func runOK(t *testing.T, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if err := run(context.Background(), args, &stdout, &stderr); err != nil {
		t.Fatalf("%v: %v\n%s", args, err, stderr.String())
	}
	return stderr.String()
}

// The README's slide recipe: a 16:9 PNG at 2× of a plan for GRPO.
func TestMapPNGForSlides(t *testing.T) {
	needCJKFont(t)
	out := filepath.Join(t.TempDir(), "grpo.png")
	runOK(t, "map", "--plan", "GRPO", "--size", "16:9", "--scale", "2", "-o", out)
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if s := img.Bounds().Size(); s.X != 1920 || s.Y != 1080 {
		t.Errorf("PNG is %v, want 1920×1080", s)
	}
}

// A PDF whose Chinese labels are real, selectable text, in an embedded
// subset font.
func TestMapPDFText(t *testing.T) {
	needCJKFont(t)
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is missing; .ci/run must install poppler-utils")
		}
		t.Skip("no pdftotext; apt-get install poppler-utils")
	}
	out := filepath.Join(t.TempDir(), "gqa.pdf")
	runOK(t, "map", "--plan", "GQA", "--lang", "zh", "-o", out)
	text, err := exec.Command(pdftotext, out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"分组查询注意力", "多头注意力", "KV 缓存", "学习路线"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
}

// slides writes one frame per step, each showing the steps so far with the
// new one highlighted and its reason as a caption, and an outline.
func TestSlides(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "talk")
	msg := runOK(t, "slides", "GQA", "--known", "MHA,transformer", "--lang", "en", "-o", dir)
	// The frames follow the plan for the same target and known concepts.
	planOut, _, code := runCLI(t, "plan", "GQA", "--known", "MHA,transformer", "--lang", "en", "--json")
	var plan struct {
		Steps []struct {
			ID    string
			Names struct{ En string }
		}
	}
	if err := json.Unmarshal([]byte(planOut), &plan); code != 0 || err != nil || len(plan.Steps) < 2 {
		t.Fatalf("plan GQA: exit %d, %v, %d steps", code, err, len(plan.Steps))
	}
	n := len(plan.Steps)
	if msg != fmt.Sprintf("wrote %s: %d frames and outline.md\n", dir, n) {
		t.Errorf("stderr = %q", msg)
	}
	var steps []string
	for _, s := range plan.Steps {
		steps = append(steps, s.ID)
	}
	if steps[n-1] != "gqa" {
		t.Fatalf("the plan ends with %s, not its target", steps[n-1])
	}
	for i, id := range steps {
		b, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("step-%d.svg", i+1)))
		if err != nil {
			t.Fatal(err)
		}
		dec := xml.NewDecoder(bytes.NewReader(b))
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("frame %d: %v", i+1, err)
			}
		}
		// The new concept is highlighted; later ones are hidden.
		if !regexp.MustCompile(`<g id="` + id + `" class="node [^"]*highlight`).Match(b) {
			t.Errorf("frame %d does not highlight %s", i+1, id)
		}
		for _, later := range steps[i+1:] {
			if bytes.Contains(b, []byte(`<g id="`+later+`"`)) {
				t.Errorf("frame %d shows %s, a later step", i+1, later)
			}
		}
		if !bytes.Contains(b, []byte(fmt.Sprintf("Step %d of %d", i+1, n))) {
			t.Errorf("frame %d has no caption", i+1)
		}
	}
	outline, err := os.ReadFile(filepath.Join(dir, "outline.md"))
	if err != nil {
		t.Fatal(err)
	}
	first := plan.Steps[0].Names.En
	for _, want := range []string{
		"# Learning plan: Grouped-Query Attention\n",
		fmt.Sprintf("%d steps, for a learner who knows Multi-Head Attention, Transformer.", n),
		fmt.Sprintf("## 1. %s\n\n![Step 1 of %d: %s](step-1.svg)", first, n, first),
		"Why now: KV Cache —is required by→ Grouped-Query Attention",
		fmt.Sprintf("## %d. Grouped-Query Attention", n),
		"The goal of this plan.",
	} {
		if !strings.Contains(string(outline), want) {
			t.Errorf("outline lacks %q", want)
		}
	}
	if got := strings.Count(string(outline), "\n---\n"); got != n {
		t.Errorf("outline has %d slide breaks, want %d", got, n)
	}
}

// slides --format pdf writes one page a step.
func TestSlidesPDF(t *testing.T) {
	needCJKFont(t)
	dir := t.TempDir()
	runOK(t, "slides", "GQA", "--known", "MHA,transformer", "-o", dir, "--format", "pdf", "--theme", "dark")
	b, err := os.ReadFile(filepath.Join(dir, "slides.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(b, []byte("/Type /Page\n")) + bytes.Count(b, []byte("/Type/Page/")) + bytes.Count(b, []byte("/Type /Page/")); n == 0 {
		if pages := regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(b, -1); len(pages) != 7 {
			t.Errorf("%d pages, want 7", len(pages))
		}
	}
}

// TestFontHint checks that the command line, not render, tells a user who
// lacks a font to name one with --font, and leaves other errors alone.
func TestFontHint(t *testing.T) {
	miss := &render.MissingCharsError{Font: "Go Regular (built in)", Chars: []rune("概")}
	got := drawflags.FontHint(fmt.Errorf("frame 2: %w", miss))
	want := `frame 2: render: no font has the character "概" (U+6982) (searched: Go Regular (built in)). ` +
		`Install a font that has them (on Debian or Ubuntu: apt-get install fonts-noto-cjk) or name one with --font FILE`
	if got == nil || got.Error() != want {
		t.Errorf("fontHint = %v\nwant %s", got, want)
	}
	var me *render.MissingCharsError
	if !errors.As(got, &me) {
		t.Error("fontHint hides the *MissingCharsError")
	}
	other := errors.New("render: Graphviz layout failed")
	if got := drawflags.FontHint(other); got != other {
		t.Errorf("drawflags.FontHint(%v) = %v", other, got)
	}
	if drawflags.FontHint(nil) != nil {
		t.Error("drawflags.FontHint(nil) is not nil")
	}
	// --font names the file it cannot read, once.
	_, err := newDrawingFont(t, filepath.Join(t.TempDir(), "none.ttf"))
	if err == nil || !strings.HasSuffix(err.Error(), "none.ttf: no such file or directory") || strings.Count(err.Error(), "none.ttf") != 1 {
		t.Errorf("a missing --font: %v", err)
	}
	notFont := filepath.Join(t.TempDir(), "x.ttf")
	os.WriteFile(notFont, []byte("not a font"), 0o644)
	_, err = newDrawingFont(t, notFont)
	if err == nil || !strings.HasPrefix(err.Error(), "--font "+notFont+": not a TrueType or OpenType font") {
		t.Errorf("a --font that is not a font: %v", err)
	}
}

// newDrawingFont loads a font as --font does.
func newDrawingFont(t *testing.T, path string) (render.Options, error) {
	t.Helper()
	d := drawflags.Drawing{Font: path}
	var opt render.Options
	return opt, d.Raster(&opt)
}
