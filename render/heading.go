package render

import (
	"github.com/conceptmap/conceptmap/render/internal/fonts"
	"github.com/conceptmap/conceptmap/render/internal/frame"
)

// headOnPage says whether the map's title and caption are drawn on its
// page, in a band above the map at a fixed print size (see
// frame.Heading), rather than by Graphviz as part of the map, where they
// would shrink and grow with it: on a page, with a caption.
func headOnPage(opt Options) bool {
	return opt.PageWidth > 0 && opt.PageHeight > 0 && (opt.Caption != "" || len(opt.CaptionSet) > 0)
}

// pageHeading is the heading that opt draws on its page; its Band is zero
// when it draws none.
func pageHeading(opt Options) frame.Heading {
	if !headOnPage(opt) {
		return frame.Heading{}
	}
	measure := func(s string, size float64) float64 {
		w := fonts.TextWidth(s, size)
		if opt.Measure != nil {
			w = max(w, opt.Measure(s, size))
		}
		return w * 1.08 // a little wide, for a viewer's wider font
	}
	return frame.NewHeading(clean(opt.Title), clean(opt.Caption), opt.PageWidth, measure)
}

// mapPage is the room a map has on its page, in points: the page, less the
// band of a heading drawn on it.
func mapPage(opt Options) (w, h float64) {
	if b := pageHeading(opt).Band; b > 0 {
		return opt.PageWidth - 2*frame.HeadMargin, opt.PageHeight - b - frame.HeadMargin
	}
	return opt.PageWidth, opt.PageHeight
}
