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
// edge line, and no border of a category's box. The drawing's background
// does not count.
func (p *Page) Free(r Rect) bool {
	b := box{r.X0, r.Y0, r.X1, r.Y1}
	for _, e := range p.dr.elems {
		if e.label.meets(b) {
			return false
		}
		if e.kind == Cluster {
			// Inside a category's box or outside it, not across its
			// border.
			if e.shape.meets(b) && !(e.shape.x0 <= b.x0 && b.x1 <= e.shape.x1 && e.shape.y0 <= b.y0 && b.y1 <= e.shape.y1) {
				return false
			}
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

// Content is the extent of what is drawn on the page: every concept,
// edge, label and title, without the drawing's background.
func (p *Page) Content() Rect {
	b := noBox
	for _, e := range p.dr.elems {
		b = b.union(e.shape).union(e.label)
	}
	return Rect{b.x0, b.y0, b.x1, b.y1}
}

// Parts is the extent of the map on the page (its concepts, edges,
// labels and titles) and of its legend and key, apart.
func (p *Page) Parts() (m, legend Rect) {
	a, b := noBox, noBox
	for _, e := range p.dr.elems {
		if e.kind == Legend || e.kind == Key {
			b = b.union(e.shape).union(e.label)
		} else {
			a = a.union(e.shape).union(e.label)
		}
	}
	return Rect{a.x0, a.y0, a.x1, a.y1}, Rect{b.x0, b.y0, b.x1, b.y1}
}
