package fonts

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"

	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// A Font is what PNG and PDF draw text with, and what measures labels so
// that their boxes fit: one face, or several, where each character comes
// from the first face that has it. Make one with SystemFont or LoadFont. A
// Font is safe for concurrent use.
type Font struct {
	faces []*face
	upem  int // units per em of the fonts we build: the first face's

	mu     sync.Mutex
	glyphs map[rune]*glyph // converted glyphs, by character
}

// face is one face of a font file.
type face struct {
	path   string // file, or "(built in)"
	index  int    // in a collection
	family string // as the font names itself
	ps     string // PostScript name
	f      *sfnt.Font
	upem   int
	fsType uint16 // embedding permissions from the OS/2 table
	// ascent and descent in the face's units, descent positive.
	ascent, descent int
}

func (fc *face) String() string {
	if fc.path == builtinPath {
		return fc.family + " (built in)"
	}
	return fmt.Sprintf("%s (%s)", fc.family, fc.path)
}

// String names the faces of the font and their files.
func (f *Font) String() string {
	s := make([]string, len(f.faces))
	for i, fc := range f.faces {
		s[i] = fc.String()
	}
	return strings.Join(s, ", ")
}

// builtinPath marks the Go Regular face that render carries, which draws
// Latin text when the system has no font at all.
const builtinPath = "(built in)"

// LoadFont reads font files: TrueType or OpenType fonts (.ttf, .otf) or
// collections of them (.ttc, .otc). From a collection it takes the face
// for Simplified Chinese when there is one (a family named "… SC" or
// "… GB"), else the first. With several files, each character is drawn
// with the first that has it.
func LoadFont(paths ...string) (*Font, error) {
	if len(paths) == 0 {
		return nil, errors.New("render: no font file given")
	}
	var faces []*face
	for _, p := range paths {
		fc, err := loadFace(p)
		if err != nil {
			return nil, err
		}
		faces = append(faces, fc)
	}
	return newFont(faces), nil
}

func newFont(faces []*face) *Font {
	return &Font{faces: faces, upem: faces[0].upem, glyphs: map[rune]*glyph{}}
}

// A FileError is a font file that cannot be read or holds no font.
type FileError struct {
	Path string
	Err  error // what went wrong, without the path
}

func (e *FileError) Error() string { return "render: font " + e.Path + ": " + e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// loadFace reads a font file and picks its face.
func loadFace(path string) (*face, error) {
	data, err := readFontFile(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &FileError{Path: path, Err: err}
	}
	fc, err := parseFace(path, data)
	if err != nil {
		return nil, &FileError{Path: path, Err: err}
	}
	return fc, nil
}

// parseFace picks the face of a font file or collection: the one for
// Simplified Chinese when there is one, else the first.
func parseFace(path string, data []byte) (*face, error) {
	if len(data) == 0 {
		return nil, errors.New("the file is empty, not a TrueType or OpenType font")
	}
	c, err := sfnt.ParseCollection(data)
	if err != nil {
		return nil, fmt.Errorf("not a TrueType or OpenType font or collection: %v", err)
	}
	var faces []*face
	for i := range c.NumFonts() {
		f, err := c.Font(i)
		if err != nil {
			return nil, fmt.Errorf("face %d: %v", i, err)
		}
		fc, err := newFace(path, i, f, data)
		if err != nil {
			return nil, fmt.Errorf("face %d: %v", i, err)
		}
		faces = append(faces, fc)
	}
	if len(faces) == 0 {
		return nil, errors.New("no face in the collection")
	}
	best := faces[0]
	for _, fc := range faces {
		if faceRank(fc.family) < faceRank(best.family) {
			best = fc
		}
	}
	return best, nil
}

// faceRank orders the faces of a collection: Simplified Chinese first,
// proportional before monospaced.
func faceRank(family string) int {
	r := 2
	if strings.HasSuffix(family, " SC") || strings.HasSuffix(family, " GB") || strings.Contains(family, " SC ") {
		r = 0
	}
	if strings.Contains(family, "Mono") {
		r++
	}
	return r
}

func newFace(path string, index int, f *sfnt.Font, data []byte) (*face, error) {
	var b sfnt.Buffer
	fc := &face{path: path, index: index, f: f, upem: int(f.UnitsPerEm())}
	if fc.upem < 16 || fc.upem > 16384 {
		return nil, fmt.Errorf("bad units per em %d", fc.upem)
	}
	fc.family, _ = f.Name(&b, sfnt.NameIDTypographicFamily)
	if fc.family == "" {
		fc.family, _ = f.Name(&b, sfnt.NameIDFamily)
	}
	if fc.family == "" {
		fc.family = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	}
	fc.ps, _ = f.Name(&b, sfnt.NameIDPostScript)
	m, err := f.Metrics(&b, fixed.I(fc.upem), xfont.HintingNone)
	if err != nil {
		return nil, err
	}
	fc.ascent, fc.descent = m.Ascent.Round(), m.Descent.Round()
	if os2 := sfntTable(data, index, "OS/2"); len(os2) >= 10 {
		fc.fsType = uint16(os2[8])<<8 | uint16(os2[9])
	}
	// A font that cannot map characters is no use to us.
	if _, err := f.GlyphIndex(&b, 'A'); err != nil {
		return nil, err
	}
	return fc, nil
}

// glyphIndex returns the glyph for r, or 0 if the face lacks it.
func (fc *face) glyphIndex(b *sfnt.Buffer, r rune) sfnt.GlyphIndex {
	x, err := fc.f.GlyphIndex(b, r)
	if err != nil {
		return 0
	}
	return x
}

// Missing returns the characters of s that no face of f has, in order of
// first appearance, each once. Line breaks and other invisible characters
// (see invisible) are not characters to draw.
func (f *Font) Missing(s string) []rune {
	var b sfnt.Buffer
	var out []rune
	for _, r := range s {
		if r == '\n' || invisible(r) || slices.Contains(out, r) {
			continue
		}
		if _, fc := f.lookup(&b, r); fc == nil {
			out = append(out, r)
		}
	}
	return out
}

// lookup returns the face that draws r and its glyph there, or nil.
func (f *Font) lookup(b *sfnt.Buffer, r rune) (sfnt.GlyphIndex, *face) {
	for _, fc := range f.faces {
		if x := fc.glyphIndex(b, r); x != 0 {
			return x, fc
		}
	}
	return 0, nil
}

// Width returns how wide s is drawn at the given size, both in points:
// the sum of its characters' advances, as PNG and PDF place them. A
// character the font lacks counts as wide as the box drawn in its place.
// It suits Options.Measure.
func (f *Font) Width(s string, size float64) float64 {
	units := 0
	for _, r := range s {
		g, err := f.glyph(r)
		if err != nil {
			g = f.notdef()
		}
		units += g.advance
	}
	return float64(units) * size / float64(f.upem)
}

// fontDirs returns the directories where fonts are installed, most
// specific first.
func fontDirs() []string {
	home, _ := os.UserHomeDir()
	var dirs []string
	add := func(ds ...string) {
		for _, d := range ds {
			if d != "" && !slices.Contains(dirs, d) {
				dirs = append(dirs, d)
			}
		}
	}
	switch runtime.GOOS {
	case "darwin":
		if home != "" {
			add(filepath.Join(home, "Library/Fonts"))
		}
		add("/Library/Fonts", "/System/Library/Fonts", "/System/Library/Fonts/Supplemental")
	case "windows":
		if local := os.Getenv("LOCALAPPDATA"); local != "" {
			add(filepath.Join(local, `Microsoft\Windows\Fonts`))
		}
		add(filepath.Join(cmp.Or(os.Getenv("WINDIR"), `C:\Windows`), "Fonts"))
	default:
		if home != "" {
			add(filepath.Join(home, ".fonts"), filepath.Join(home, ".local/share/fonts"))
		}
		if d := os.Getenv("XDG_DATA_HOME"); d != "" {
			add(filepath.Join(d, "fonts"))
		}
		for _, d := range filepath.SplitList(os.Getenv("XDG_DATA_DIRS")) {
			add(filepath.Join(d, "fonts"))
		}
		add("/usr/local/share/fonts", "/usr/share/fonts")
	}
	return dirs
}

// Font files that draw Chinese, best first, by base name in lower case:
// Noto Sans CJK and Source Han Sans (the same design), then the common
// Chinese fonts of Linux, macOS and Windows.
var cjkFiles = []string{
	"notosanscjk-regular.ttc", "notosanscjksc-regular.otf", "notosanscjk-regular.otc",
	"sourcehansanssc-regular.otf", "sourcehansans-regular.ttc", "sourcehansans-regular.otc",
	"notosanssc-regular.otf", "notosanssc-regular.ttf", "notosanssc[wght].ttf",
	"notosanscjk-demilight.ttc",
	"pingfang.ttc", "hiragino sans gb.ttc", "stheiti light.ttc", "msyh.ttc", "msyh.ttf",
	"wqy-microhei.ttc", "wqy-zenhei.ttc", "droidsansfallbackfull.ttf", "droidsansfallback.ttf",
	"simhei.ttf", "uming.ttc", "ukai.ttc", "simsun.ttc",
}

// Font files for Latin text and symbols that a Chinese font may lack.
var latinFiles = []string{
	"notosans-regular.ttf", "dejavusans.ttf", "liberationsans-regular.ttf",
	"arial.ttf", "helvetica.ttc", "freesans.ttf",
}

var systemFont = sync.OnceValues(func() (*Font, error) {
	return findFont(fontDirs())
})

// SystemFont returns the font PNG and PDF use unless told otherwise: a
// font installed on the system that draws Chinese (Noto Sans CJK SC
// first, as Debian's fonts-noto-cjk installs it in /usr/share/fonts), then
// one for Latin text, then Go Regular, which render carries, so that
// English maps work on a machine with no fonts. It looks in ~/.fonts,
// ~/.local/share/fonts, /usr/local/share/fonts and /usr/share/fonts (on
// macOS and Windows, their font folders) once per process.
func SystemFont() (*Font, error) {
	return systemFont()
}

// findFont builds the system font from the fonts found in dirs.
func findFont(dirs []string) (*Font, error) {
	found := map[string]string{} // base name in lower case → path
	for _, dir := range dirs {
		filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				if d != nil && d.IsDir() && path != dir {
					return fs.SkipDir
				}
				return nil
			}
			if !d.IsDir() {
				base := strings.ToLower(d.Name())
				if _, ok := found[base]; !ok {
					found[base] = path
				}
			}
			return nil
		})
	}
	var faces []*face
	for _, list := range [][]string{cjkFiles, latinFiles} {
		for _, name := range list {
			path, ok := found[name]
			if !ok {
				continue
			}
			fc, err := loadFace(path)
			if err != nil {
				continue // a broken file: try the next
			}
			faces = append(faces, fc)
			break
		}
	}
	gr, err := sfnt.Parse(goregular.TTF)
	if err != nil {
		return nil, err
	}
	fc, err := newFace(builtinPath, 0, gr, goregular.TTF)
	if err != nil {
		return nil, err
	}
	fc.family = "Go Regular"
	faces = append(faces, fc)
	return newFont(faces), nil
}

// A MissingCharsError says that the font lacks characters that a map
// needs.
type MissingCharsError struct {
	Font  string // the font's faces, as Font.String gives them
	Chars []rune
}

func (e *MissingCharsError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "render: no font has ")
	if len(e.Chars) == 1 {
		b.WriteString("the character ")
	} else {
		fmt.Fprintf(&b, "%d characters of the map: ", len(e.Chars))
	}
	for i, r := range e.Chars {
		if i == 8 {
			fmt.Fprintf(&b, ", and %d more", len(e.Chars)-i)
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		if unicode.IsPrint(r) {
			fmt.Fprintf(&b, "%q (U+%04X)", string(r), r)
		} else {
			fmt.Fprintf(&b, "U+%04X", r)
		}
	}
	fmt.Fprintf(&b, " (searched: %s). Install a font that has them (on Debian or Ubuntu: apt-get install fonts-noto-cjk)", e.Font)
	return b.String()
}

// Check returns a *MissingCharsError if f lacks characters of texts.
func (f *Font) Check(texts []string) error {
	var miss []rune
	for _, t := range texts {
		for _, r := range f.Missing(t) {
			if !slices.Contains(miss, r) {
				miss = append(miss, r)
			}
		}
	}
	if len(miss) == 0 {
		return nil
	}
	return &MissingCharsError{Font: f.String(), Chars: miss}
}

// Name names the font's first face, the one whose metrics the fonts that
// Subset builds take.
func (f *Font) Name() string { return f.faces[0].String() }

// Files returns the files the font's faces come from, in order, leaving
// out the face built in.
func (f *Font) Files() []string {
	var ps []string
	for _, fc := range f.faces {
		if fc.path != builtinPath {
			ps = append(ps, fc.path)
		}
	}
	return ps
}

// WithMissing returns a copy of f that draws each of rs as it draws a
// character it lacks, with its .notdef glyph: a stand-in for missing
// characters, for tests.
func (f *Font) WithMissing(rs ...rune) *Font {
	c := newFont(f.faces)
	for _, r := range rs {
		c.glyphs[r] = c.notdef()
	}
	return c
}

// Runes returns the characters of texts, each once, in order of first
// appearance.
func Runes(texts []string) []rune {
	seen := map[rune]bool{}
	var rs []rune
	for _, t := range texts {
		for _, r := range t {
			if !seen[r] {
				seen[r] = true
				rs = append(rs, r)
			}
		}
	}
	return rs
}
