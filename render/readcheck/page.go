package readcheck

// Rect is a box on the page, in points, y growing downwards.
type Rect struct{ X0, Y0, X1, Y1 float64 }

// Page is what an SVG draws where, for finding room on it.
type Page struct{ dr *drawing }

// Read reads an SVG, measuring text with measure.
func Read(svg []byte, measure Measure) (*Page, error) {
	dr, err := parse(svg, measure)
	if err != nil {
		return nil, err
	}
	return &Page{dr}, nil
}

// Drawing is the extent of the drawing on the page.
func (p *Page) Drawing() Rect {
	b := p.dr.drawn
	return Rect{b.x0, b.y0, b.x1, b.y1}
}

// Free says whether nothing drawn meets r: no concept, label, title or
// edge line. The drawing's background and the boxes of categories do not
// count.
func (p *Page) Free(r Rect) bool {
	b := box{r.X0, r.Y0, r.X1, r.Y1}
	for _, e := range p.dr.elems {
		if e.label.meets(b) {
			return false
		}
		if e.kind == Cluster {
			continue
		}
		if e.edge {
			if crosses(e.lines, b.inset(-slack)) {
				return false
			}
			continue
		}
		if e.shape.meets(b) {
			return false
		}
	}
	return true
}
