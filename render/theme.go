package render

import (
	"fmt"
	"slices"
	"strings"

	"github.com/conceptmap/conceptmap/render/internal/view"
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
		edge:      func(c string) string { return view.Mix(c, "#ffffff", 0.45) },
		known:     hue{Fill: "#1e293b", Line: "#475569"},
		knownText: "#64748b",
		highlight: "#fb7185",
	},
	// Print: black on white, no fills, relation types told apart by line
	// style, weight and arrowhead.
	{
		name: "print", bg: "#ffffff", text: "#000000", edgeText: "#000000", legendLine: "#000000",
		palette:   []hue{{Fill: "#ffffff", Line: "#000000"}},
		edge:      func(c string) string { return view.Grey(c) },
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

// fade makes a colour faint on the theme's background, for what is out
// of focus.
func (t *theme) fade(c string) string { return view.Mix(c, t.bg, 0.78) }
