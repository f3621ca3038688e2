package readcheck

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Kind is what a drawn element is.
type Kind int

const (
	Heading Kind = iota // the map's title and caption
	Cluster             // a category box and its title
	Node                // a concept
	Edge                // a relation
	Legend              // the legend's box, samples and labels
	Key                 // the key that explains numbered edges
)

func (k Kind) String() string {
	return [...]string{"heading", "cluster", "node", "edge", "legend", "key"}[k]
}

// element is one cluster, node or edge as the SVG draws it, in page
// points (y down).
type element struct {
	kind  Kind
	name  string // Graphviz's name: its <title>
	id    string // the id attribute of its <g>
	shape box    // the union of its shapes; empty if it has none
	lines [][]pt // the polylines of its paths (for edges, the line)
	texts []text // its texts
	label box    // the union of its texts' boxes
	edge  bool   // drawn as an edge: a relation or a legend sample
}

type text struct {
	s    string
	size float64 // as printed, in points
	b    box
}

type pt struct{ x, y float64 }

type box struct{ x0, y0, x1, y1 float64 }

var noBox = box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}

func (b box) empty() bool { return b.x0 > b.x1 || b.y0 > b.y1 }
func (b box) w() float64  { return b.x1 - b.x0 }
func (b box) h() float64  { return b.y1 - b.y0 }
func (b box) area() float64 {
	if b.empty() {
		return 0
	}
	return b.w() * b.h()
}
func (b box) add(p pt) box {
	return box{min(b.x0, p.x), min(b.y0, p.y), max(b.x1, p.x), max(b.y1, p.y)}
}
func (b box) union(c box) box {
	if c.empty() {
		return b
	}
	return box{min(b.x0, c.x0), min(b.y0, c.y0), max(b.x1, c.x1), max(b.y1, c.y1)}
}
func (b box) inset(d float64) box { return box{b.x0 + d, b.y0 + d, b.x1 - d, b.y1 - d} }

// meets says whether two boxes share more than an edge.
func (b box) meets(c box) bool {
	return !b.empty() && !c.empty() && b.x0 < c.x1 && c.x0 < b.x1 && b.y0 < c.y1 && c.y0 < b.y1
}

// matrix is an affine transform: x' = a x + c y + e, y' = b x + d y + f.
type matrix struct{ a, b, c, d, e, f float64 }

var identity = matrix{1, 0, 0, 1, 0, 0}

// then returns the transform that applies n first, then m.
func (m matrix) times(n matrix) matrix {
	return matrix{
		m.a*n.a + m.c*n.b, m.b*n.a + m.d*n.b,
		m.a*n.c + m.c*n.d, m.b*n.c + m.d*n.d,
		m.a*n.e + m.c*n.f + m.e, m.b*n.e + m.d*n.f + m.f,
	}
}
func (m matrix) apply(p pt) pt { return pt{m.a*p.x + m.c*p.y + m.e, m.b*p.x + m.d*p.y + m.f} }
func (m matrix) scale() float64 {
	return math.Sqrt(math.Abs(m.a*m.d - m.b*m.c))
}

// parseTransform reads an SVG transform list: matrix, translate, scale and
// rotate.
func parseTransform(s string) (matrix, error) {
	m := identity
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		open := strings.IndexByte(s, '(')
		end := strings.IndexByte(s, ')')
		if open < 0 || end < open {
			return m, fmt.Errorf("bad transform %q", s)
		}
		name := strings.TrimSpace(s[:open])
		args, err := numbers(s[open+1 : end])
		if err != nil {
			return m, err
		}
		s = strings.TrimLeft(s[end+1:], " ,")
		var n matrix
		switch {
		case name == "matrix" && len(args) == 6:
			n = matrix{args[0], args[1], args[2], args[3], args[4], args[5]}
		case name == "translate" && len(args) == 1:
			n = matrix{1, 0, 0, 1, args[0], 0}
		case name == "translate" && len(args) == 2:
			n = matrix{1, 0, 0, 1, args[0], args[1]}
		case name == "scale" && len(args) == 1:
			n = matrix{args[0], 0, 0, args[0], 0, 0}
		case name == "scale" && len(args) == 2:
			n = matrix{args[0], 0, 0, args[1], 0, 0}
		case name == "rotate" && len(args) == 1:
			r := args[0] * math.Pi / 180
			n = matrix{math.Cos(r), math.Sin(r), -math.Sin(r), math.Cos(r), 0, 0}
		default:
			return m, fmt.Errorf("unsupported transform %s(%v)", name, args)
		}
		m = m.times(n)
	}
	return m, nil
}

// numbers reads numbers separated by commas or spaces.
func numbers(s string) ([]float64, error) {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\n' || r == '\t' })
	out := make([]float64, len(f))
	for i, x := range f {
		v, err := strconv.ParseFloat(x, 64)
		if err != nil {
			return nil, fmt.Errorf("bad number %q", x)
		}
		out[i] = v
	}
	return out, nil
}

// pathPoints flattens SVG path data into polylines: M, L, H, V, C, Q and Z,
// absolute or relative, curves sampled at eight points.
func pathPoints(d string) ([][]pt, error) {
	var out [][]pt
	var cur []pt
	var p, start pt
	var cmd byte
	i := 0
	num := func() (float64, error) {
		for i < len(d) && (d[i] == ' ' || d[i] == ',' || d[i] == '\n' || d[i] == '\t') {
			i++
		}
		j := i
		for j < len(d) && (d[j] == '-' && j == i || d[j] == '+' && j == i || d[j] == '.' || d[j] == 'e' || d[j] >= '0' && d[j] <= '9' || (d[j] == '-' || d[j] == '+') && j > i && (d[j-1] == 'e' || d[j-1] == 'E')) {
			j++
		}
		if j == i {
			return 0, fmt.Errorf("bad path data at %d in %q", i, d)
		}
		v, err := strconv.ParseFloat(d[i:j], 64)
		i = j
		return v, err
	}
	point := func(rel bool) (pt, error) {
		x, err := num()
		if err != nil {
			return pt{}, err
		}
		y, err := num()
		if rel {
			x, y = x+p.x, y+p.y
		}
		return pt{x, y}, err
	}
	// Room for the points at once, not grown a curve at a time: a pair
	// of numbers gives at most three (a cubic curve's three pairs give
	// eight); a Z or an H or V without a pair may add more, which append
	// makes room for.
	cur = make([]pt, 0, 3*(strings.Count(d, ",")+1))
	flush := func() {
		if len(cur) > 0 {
			n := len(cur)
			out = append(out, cur[:n:n])
			cur = cur[n:n]
		}
	}
	for {
		for i < len(d) && (d[i] == ' ' || d[i] == ',' || d[i] == '\n' || d[i] == '\t') {
			i++
		}
		if i >= len(d) {
			break
		}
		if c := d[i]; c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' {
			cmd = c
			i++
			if cmd == 'Z' || cmd == 'z' {
				cur = append(cur, start)
				p = start
				continue
			}
		} else if cmd == 0 {
			return nil, fmt.Errorf("path data %q does not start with a command", d)
		}
		rel := cmd >= 'a'
		switch cmd | 0x20 {
		case 'm':
			q, err := point(rel)
			if err != nil {
				return nil, err
			}
			flush()
			p, start = q, q
			cur = append(cur, q)
			cmd = 'L' | (cmd & 0x20) // further pairs are lines
		case 'l':
			q, err := point(rel)
			if err != nil {
				return nil, err
			}
			p = q
			cur = append(cur, q)
		case 'h', 'v':
			v, err := num()
			if err != nil {
				return nil, err
			}
			q := p
			switch {
			case cmd == 'H':
				q.x = v
			case cmd == 'h':
				q.x += v
			case cmd == 'V':
				q.y = v
			default:
				q.y += v
			}
			p = q
			cur = append(cur, q)
		case 'c', 'q':
			n := 3
			if cmd|0x20 == 'q' {
				n = 2
			}
			var ctl [4]pt
			ctl[0] = p
			for k := 1; k <= n; k++ {
				q, err := point(rel)
				if err != nil {
					return nil, err
				}
				ctl[k] = q
			}
			for k := 1; k <= 8; k++ {
				cur = append(cur, bezier(ctl[:n+1], float64(k)/8))
			}
			p = ctl[n]
		default:
			return nil, fmt.Errorf("unsupported path command %q", cmd)
		}
	}
	flush()
	return out, nil
}

// bezier evaluates a Bézier curve by de Casteljau.
func bezier(ps []pt, t float64) pt {
	var buf [4]pt
	q := append(buf[:0], ps...)
	for n := len(q) - 1; n > 0; n-- {
		for i := range n {
			q[i] = pt{q[i].x + (q[i+1].x-q[i].x)*t, q[i].y + (q[i+1].y-q[i].y)*t}
		}
	}
	return q[0]
}

// drawing is an SVG read: the page, the drawing on it and its elements.
type drawing struct {
	pageW, pageH float64 // in points
	drawn        box     // the graph's background: the drawing itself
	elems        []*element
}

// parse reads the SVG.
func parse(svg []byte, measure Measure) (*drawing, error) {
	dec := &scanner{b: svg, attrs: parsed}
	type frame struct {
		m    matrix
		elem *element
		name string
	}
	dr := &drawing{drawn: noBox}
	var stack []frame
	top := func() frame {
		if len(stack) == 0 {
			return frame{m: identity}
		}
		return stack[len(stack)-1]
	}
	var graphBG bool
	var inTitle, inText bool
	var textBuf strings.Builder
	var textAt struct {
		x, y, size float64
		anchor     string
		m          matrix
	}
	attr := func(se xml.StartElement, name string) string {
		for _, a := range se.Attr {
			if a.Name.Local == name {
				return a.Value
			}
		}
		return ""
	}
	fnum := func(se xml.StartElement, name string) float64 {
		v, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSuffix(attr(se, name), "pt"), "px"), 64)
		return v
	}
	sawRoot := false
	for {
		tok, err := dec.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("readcheck: reading the SVG: %v", err)
		}
		switch tok {
		case startTok:
			t := dec.se
			f := top()
			m := f.m
			if tr := attr(t, "transform"); tr != "" {
				n, err := parseTransform(tr)
				if err != nil {
					return nil, fmt.Errorf("readcheck: %v", err)
				}
				m = m.times(n)
			}
			switch t.Name.Local {
			case "svg":
				if sawRoot {
					break
				}
				sawRoot = true
				dr.pageW, dr.pageH = fnum(t, "width"), fnum(t, "height")
				vb, err := numbers(attr(t, "viewBox"))
				if err == nil && len(vb) == 4 && vb[2] > 0 && vb[3] > 0 {
					if dr.pageW == 0 || dr.pageH == 0 {
						dr.pageW, dr.pageH = vb[2], vb[3]
					}
					m = matrix{dr.pageW / vb[2], 0, 0, dr.pageH / vb[3], -vb[0] * dr.pageW / vb[2], -vb[1] * dr.pageH / vb[3]}
				}
			case "g":
				class := strings.Fields(attr(t, "class"))
				if len(class) > 0 {
					var e *element
					switch class[0] {
					case "graph":
						e = &element{kind: Heading}
						graphBG = true
					case "cluster":
						e = &element{kind: Cluster}
					case "node":
						e = &element{kind: Node}
					case "edge":
						e = &element{kind: Edge, edge: true}
					}
					if e != nil {
						e.id, e.shape, e.label = attr(t, "id"), noBox, noBox
						for _, c := range class[1:] {
							switch c {
							case "legend":
								e.kind = Legend
							case "key":
								e.kind = Key
							}
						}
						dr.elems = append(dr.elems, e)
						f.elem = e
					}
				}
			case "title":
				inTitle = true
				textBuf.Reset()
			case "text":
				inText = true
				textBuf.Reset()
				textAt.x, textAt.y, textAt.size = fnum(t, "x"), fnum(t, "y"), fnum(t, "font-size")
				if textAt.size == 0 {
					textAt.size = 14 // Graphviz's default
				}
				textAt.anchor, textAt.m = attr(t, "text-anchor"), m
			case "path", "polygon", "polyline", "ellipse", "rect":
				e := f.elem
				if e == nil {
					break
				}
				var lines [][]pt
				switch t.Name.Local {
				case "path":
					lines, err = pathPoints(attr(t, "d"))
				case "polygon", "polyline":
					var ns []float64
					ns, err = numbers(attr(t, "points"))
					var l []pt
					for i := 0; i+1 < len(ns); i += 2 {
						l = append(l, pt{ns[i], ns[i+1]})
					}
					lines = [][]pt{l}
				case "ellipse":
					cx, cy, rx, ry := fnum(t, "cx"), fnum(t, "cy"), fnum(t, "rx"), fnum(t, "ry")
					lines = [][]pt{{{cx - rx, cy - ry}, {cx + rx, cy + ry}}}
				case "rect":
					x, y, w, h := fnum(t, "x"), fnum(t, "y"), fnum(t, "width"), fnum(t, "height")
					lines = [][]pt{{{x, y}, {x + w, y + h}}}
				}
				if err != nil {
					return nil, fmt.Errorf("readcheck: %v", err)
				}
				for i, l := range lines {
					for j := range l {
						l[j] = m.apply(l[j])
					}
					lines[i] = l
				}
				if e.kind == Heading && graphBG && t.Name.Local == "polygon" {
					// The graph's first polygon is its background: the
					// drawing's extent.
					graphBG = false
					for _, l := range lines {
						for _, p := range l {
							dr.drawn = dr.drawn.add(p)
						}
					}
					break
				}
				for _, l := range lines {
					for _, p := range l {
						e.shape = e.shape.add(p)
					}
				}
				if t.Name.Local == "path" && e.edge {
					e.lines = append(e.lines, lines...)
				}
			}
			stack = append(stack, frame{m: m, elem: f.elem})
		case textTok:
			if inTitle || inText {
				textBuf.Write(dec.text)
			}
		case endTok:
			switch dec.name {
			case "title":
				inTitle = false
				if e := top().elem; e != nil && e.name == "" {
					e.name = textBuf.String()
					if strings.HasPrefix(e.name, "legend") || e.name == "cluster_legend" || strings.Contains(e.name, ">legend_") {
						e.kind = Legend
					}
				}
			case "text":
				inText = false
				e := top().elem
				s := textBuf.String()
				if e == nil || strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " ")) == "" {
					break
				}
				w := measure(s, textAt.size)
				x0 := textAt.x
				switch textAt.anchor {
				case "middle":
					x0 -= w / 2
				case "end":
					x0 -= w
				}
				// The box from the ascent to the descent of a typical
				// sans-serif face.
				b := noBox.add(textAt.m.apply(pt{x0, textAt.y - ascent*textAt.size})).
					add(textAt.m.apply(pt{x0 + w, textAt.y + descent*textAt.size}))
				e.texts = append(e.texts, text{s: s, size: textAt.size * textAt.m.scale(), b: b})
				e.label = e.label.union(b)
			}
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	if !sawRoot {
		return nil, errors.New("readcheck: not an SVG: no <svg> element")
	}
	// The drawing is the graph's background and whatever is drawn
	// beyond it (a legend placed beside the map).
	for _, e := range dr.elems {
		dr.drawn = dr.drawn.union(e.shape).union(e.label)
	}
	return dr, nil
}

// ascent and descent are how far a line of text reaches above and below
// its baseline, as fractions of the font size (Helvetica's: 0.77, 0.23).
const (
	ascent  = 0.77
	descent = 0.23
)
