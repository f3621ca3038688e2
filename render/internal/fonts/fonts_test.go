package fonts

import (
	"github.com/conceptmap/conceptmap/render/internal/fonts/fontstest"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// TestFindFont checks the search for system fonts: a directory with a
// Chinese font gives it first; one with none gives Go Regular only, which
// lacks Chinese and says so.
func TestFindFont(t *testing.T) {
	sys := cjkFont(t)
	cjk := sys.faces[0]
	dir := t.TempDir()
	sub := filepath.Join(dir, "opentype", "noto")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	// Under another name that we know, in a subdirectory.
	if err := os.Symlink(cjk.path, filepath.Join(sub, "NotoSansCJK-Regular.ttc")); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "DejaVuSans.ttf"), []byte("not a font"), 0o644) // skipped
	f, err := findFont([]string{filepath.Join(dir, "missing"), dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.faces) != 2 || f.faces[0].family != cjk.family || f.faces[1].path != builtinPath {
		t.Errorf("found %s", f)
	}
	if miss := f.Missing("Attention 注意力"); len(miss) != 0 {
		t.Errorf("missing %q", miss)
	}

	none, err := findFont([]string{t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if got := none.String(); got != "Go Regular (built in)" {
		t.Errorf("no fonts: found %s", got)
	}
	if miss := none.Missing("Attention 注意力\n注"); string(miss) != "注意力" {
		t.Errorf("Go Regular lacks %q, want 注意力", string(miss))
	}
	err = none.Check([]string{"Softmax 函数"})
	want := `render: no font has 2 characters of the map: "函" (U+51FD), "数" (U+6570) (searched: Go Regular (built in)). ` +
		`Install a font that has them (on Debian or Ubuntu: apt-get install fonts-noto-cjk)`
	if err == nil || err.Error() != want {
		t.Errorf("error\n%v\nwant\n%s", err, want)
	}
	err = none.Check([]string{"概"})
	if err == nil || !strings.HasPrefix(err.Error(), `render: no font has the character "概" (U+6982) (searched`) {
		t.Errorf("one character: error %v", err)
	}
}

// TestLoadFontCollection checks that LoadFont takes the Simplified
// Chinese face of a collection.
func TestLoadFontCollection(t *testing.T) {
	sys := cjkFont(t)
	path := sys.faces[0].path
	if !strings.HasSuffix(strings.ToLower(path), ".ttc") {
		t.Skipf("%s is not a collection", path)
	}
	f, err := LoadFont(path)
	if err != nil {
		t.Fatal(err)
	}
	if fam := f.faces[0].family; !strings.HasSuffix(fam, " SC") {
		t.Errorf("face %q, want the SC one", fam)
	}
	if w := f.Width("注意力", 10); math.Abs(w-30) > 0.5 {
		t.Errorf("three ideographs at 10pt are %v wide, want 30", w)
	}
}

// TestSubset reads the font that subset builds back with x/image's
// parser: each character maps to a glyph with the advance and about the
// bounds of the original.
func TestSubset(t *testing.T) {
	f := cjkFont(t)
	text := "Attention 注意力机制 “q” …"
	runes := []rune(text)
	data, err := f.Subset(runes)
	if err != nil {
		t.Fatal(err)
	}
	sub, err := sfnt.Parse(data)
	if err != nil {
		t.Fatalf("the subset does not parse: %v", err)
	}
	if got := int(sub.UnitsPerEm()); got != f.upem {
		t.Errorf("units per em %d, want %d", got, f.upem)
	}
	var b, ob sfnt.Buffer
	ppem := fixed.I(f.upem)
	for _, r := range runes {
		x, err := sub.GlyphIndex(&b, r)
		if err != nil || x == 0 {
			t.Errorf("%q: no glyph (%v)", r, err)
			continue
		}
		adv, err := sub.GlyphAdvance(&b, x, ppem, xfont.HintingNone)
		if err != nil {
			t.Fatal(err)
		}
		ox, fc := f.lookup(&ob, r)
		oadv, _ := fc.f.GlyphAdvance(&ob, ox, fixed.I(fc.upem), xfont.HintingNone)
		if want := float64(oadv) * float64(f.upem) / float64(fc.upem); math.Abs(float64(adv)-want) > 64 {
			t.Errorf("%q: advance %v, want %v", r, adv.Round(), want/64)
		}
		bounds, _, err := sub.GlyphBounds(&b, x, ppem, xfont.HintingNone)
		if err != nil {
			t.Fatal(err)
		}
		obounds, _, _ := fc.f.GlyphBounds(&ob, ox, fixed.I(fc.upem), xfont.HintingNone)
		s := float64(f.upem) / float64(fc.upem) / 64
		for _, d := range []float64{
			float64(bounds.Min.X)/64 - float64(obounds.Min.X)*s, float64(bounds.Min.Y)/64 - float64(obounds.Min.Y)*s,
			float64(bounds.Max.X)/64 - float64(obounds.Max.X)*s, float64(bounds.Max.Y)/64 - float64(obounds.Max.Y)*s,
		} {
			if math.Abs(d) > 2 {
				t.Errorf("%q: bounds %v, want about %v", r, bounds, obounds)
				break
			}
		}
	}
	if x, _ := sub.GlyphIndex(&b, 'Z'); x != 0 {
		t.Errorf("'Z' has glyph %d in a subset without it", x)
	}
	// The same characters in another order give the same bytes.
	again, err := f.Subset([]rune("…” “q注意力机制 Attention"))
	if err != nil {
		t.Fatal(err)
	}
	if string(again) != string(data) {
		t.Error("subset depends on the order of characters")
	}
}

// TestCubicToQuads checks the approximation of cubic curves: piece i of
// n, at each parameter s, lies within the tolerance of the cubic at
// (i+s)/n, so the curves are at least that close.
func TestCubicToQuads(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	pt := func() vec { return vec{r.Float64() * 1000, r.Float64() * 1000} }
	for range 500 {
		p0, p1, p2, p3 := pt(), pt(), pt(), pt()
		cubic := func(t float64) vec {
			a, b, c := lerp(p0, p1, t), lerp(p1, p2, t), lerp(p2, p3, t)
			return lerp(lerp(a, b, t), lerp(b, c, t), t)
		}
		var quads [][2]vec
		cubicToQuads(p0, p1, p2, p3, 0.2, func(c, e vec) { quads = append(quads, [2]vec{c, e}) })
		n := len(quads)
		start, worst := p0, 0.0
		for i, q := range quads {
			for k := range 51 {
				s := float64(k) / 50
				got := lerp(lerp(start, q[0], s), lerp(q[0], q[1], s), s)
				worst = max(worst, got.sub(cubic((float64(i)+s)/float64(n))).length())
			}
			start = q[1]
		}
		if start != p3 {
			t.Fatalf("quadratics end at %v, not %v", start, p3)
		}
		if worst > 0.2 {
			t.Errorf("%v %v %v %v: %d quadratics stray %.3f units", p0, p1, p2, p3, n, worst)
		}
	}
}

// cjkFont returns the system font if it draws Chinese (see
// fontstest.Require).
func cjkFont(t testing.TB) *Font {
	t.Helper()
	f, err := SystemFont()
	fontstest.Require(t, f, err)
	return f
}

// Invisible characters (zero-width spaces and joiners, bidi controls,
// controls) are not asked of a font: they are drawn as nothing, and a map
// that holds them needs no other font.
func TestInvisibleCharacters(t *testing.T) {
	none, err := findFont([]string{t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	text := "a\u200bb\u202ec\u2066d\x01"
	if miss := none.Missing(text); len(miss) != 0 {
		t.Errorf("missing %q", miss)
	}
	if err := none.Check([]string{text}); err != nil {
		t.Errorf("check: %v", err)
	}
	if w, plain := none.Width(text, 10), none.Width("abcd", 10); w != plain {
		t.Errorf("width %v, want that of abcd, %v", w, plain)
	}
	if _, err := none.Subset([]rune(text)); err != nil {
		t.Errorf("subset: %v", err)
	}
}
