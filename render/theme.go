package render

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// theme is the colours of one look.
type theme struct {
	name               string
	bg, text, edgeText string
	legendLine         string
	palette            []hue
	// edge turns a relation's colour from the vocabulary into the colour
	// drawn on this background.
	edge      func(string) string
	known     hue    // concepts the learner knows: drawn greyed
	knownText string // and their names
	highlight string // the border of highlighted concepts
	// mono themes tell relation types apart without colour: by line
	// style, weight and arrowhead alone (see edgeLooks).
	mono bool
}

// themes are the looks a map can take, the default first.
var themes = []*theme{
	{
		name: "light", bg: "#ffffff", text: textColor, edgeText: edgeText, legendLine: "#cbd5e0",
		palette:   palette,
		edge:      func(c string) string { return c },
		known:     hue{Fill: "#f1f5f9", Line: "#94a3b8"},
		knownText: "#94a3b8",
		highlight: "#e11d48",
	},
	// Dark slides: deep fills, bright borders, vocabulary colours lightened
	// so that they stand out from the background.
	{
		name: "dark", bg: "#0f172a", text: "#f1f5f9", edgeText: "#cbd5e1", legendLine: "#475569",
		palette: []hue{
			{Fill: "#1e3a5f", Line: "#60a5fa"},
			{Fill: "#14432a", Line: "#4ade80"},
			{Fill: "#2e1f5e", Line: "#a78bfa"},
			{Fill: "#4a2511", Line: "#fb923c"},
			{Fill: "#4a1530", Line: "#f472b6"},
			{Fill: "#113f3b", Line: "#2dd4bf"},
			{Fill: "#3f3510", Line: "#facc15"},
			{Fill: "#27303f", Line: "#9ca3af"},
		},
		edge:      func(c string) string { return mix(c, "#ffffff", 0.45) },
		known:     hue{Fill: "#1e293b", Line: "#475569"},
		knownText: "#64748b",
		highlight: "#fb7185",
	},
	// Print: black on white, no fills, relation types told apart by line
	// style, weight and arrowhead.
	{
		name: "print", bg: "#ffffff", text: "#000000", edgeText: "#000000", legendLine: "#000000",
		palette:   []hue{{Fill: "#ffffff", Line: "#000000"}},
		edge:      func(c string) string { return grey(c) },
		known:     hue{Fill: "#ffffff", Line: "#9a9a9a"},
		knownText: "#6b6b6b",
		highlight: "#000000",
		mono:      true,
	},
}

// Themes name the looks a map can take, the default first.
var Themes = func() []string {
	names := make([]string, len(themes))
	for i, t := range themes {
		names[i] = t.name
	}
	return names
}()

// themeOf returns the theme named, the default for "". An unknown name
// also gives the default: callers check names first (Options.check).
func themeOf(name string) *theme {
	for _, t := range themes {
		if t.name == name {
			return t
		}
	}
	return themes[0]
}

// An UnknownThemeError is a theme name that is not one of Themes.
type UnknownThemeError struct{ Name string }

func (e *UnknownThemeError) Error() string {
	return fmt.Sprintf("unknown theme %q; use one of %s", e.Name, strings.Join(Themes, ", "))
}

// CheckTheme returns an *UnknownThemeError if name is neither "" nor one
// of Themes.
func CheckTheme(name string) error {
	if name == "" || slices.Contains(Themes, name) {
		return nil
	}
	return &UnknownThemeError{Name: name}
}

// rgb parses #rgb or #rrggbb (an alpha part is ignored).
func rgb(c string) (r, g, b float64, ok bool) {
	c = strings.TrimPrefix(c, "#")
	if len(c) == 3 {
		c = string([]byte{c[0], c[0], c[1], c[1], c[2], c[2]})
	}
	if len(c) != 6 && len(c) != 8 {
		return 0, 0, 0, false
	}
	v, err := strconv.ParseUint(c[:6], 16, 32)
	if err != nil {
		return 0, 0, 0, false
	}
	return float64(v >> 16 & 0xff), float64(v >> 8 & 0xff), float64(v & 0xff), true
}

func hex(r, g, b float64) string {
	c := func(x float64) int { return int(min(255, max(0, x+0.5))) }
	return fmt.Sprintf("#%02x%02x%02x", c(r), c(g), c(b))
}

// mix blends colour a towards b by t (0 gives a, 1 gives b).
func mix(a, b string, t float64) string {
	r1, g1, b1, ok1 := rgb(a)
	r2, g2, b2, ok2 := rgb(b)
	if !ok1 || !ok2 {
		return a
	}
	return hex(r1+(r2-r1)*t, g1+(g2-g1)*t, b1+(b2-b1)*t)
}

// grey turns a colour into a dark grey of its luminance, dark enough to
// print.
func grey(c string) string {
	r, g, b, ok := rgb(c)
	if !ok {
		return "#000000"
	}
	l := (0.2126*r + 0.7152*g + 0.0722*b) * 0.6
	return hex(l, l, l)
}

// fade makes a colour faint on the theme's background, for what is out
// of focus.
func (t *theme) fade(c string) string { return mix(c, t.bg, 0.78) }
