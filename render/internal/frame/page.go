package frame

import (
	"bytes"
	"errors"
	"strconv"
)

// FitSVG gives an SVG of Graphviz's the page's size, its drawing scaled to
// fit and centred on a background of colour bg.
func FitSVG(svg []byte, pw, ph float64, bg string) ([]byte, error) {
	_, _, m, err := SVGBox(svg)
	if err != nil {
		return nil, err
	}
	v := viewBox(svg, m)
	vw, vh := v[2]-v[0], v[3]-v[1]
	k := min(pw/vw, ph/vh)
	nw, nh := pw/k, ph/k
	nx, ny := v[0]-(nw-vw)/2, v[1]-(nh-vh)/2
	return pageSVG(svg, m, [4]float64{nx, ny, nx + nw, ny + nh}, pw, ph, bg, nil)
}

// viewBox reads the box (x0, y0, x1, y1) of an SVG's viewBox, as SVGBox
// found it at m.
func viewBox(svg []byte, m []int) [4]float64 {
	f := func(i int) float64 {
		x, _ := strconv.ParseFloat(string(svg[m[2*i]:m[2*i+1]]), 64)
		return x
	}
	vx, vy := f(3), f(4)
	return [4]float64{vx, vy, vx + f(5), vy + f(6)}
}

// pageSVG gives an SVG of Graphviz's, whose size SVGBox found at m, a page
// pw by ph points that shows box b of its drawing, on a background of
// colour bg; over the drawing, it writes what more adds, if anything.
func pageSVG(svg []byte, m []int, b [4]float64, pw, ph float64, bg string, more func(*bytes.Buffer)) ([]byte, error) {
	p := func(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }
	end := bytes.IndexByte(svg[m[1]:], '>')
	last := bytes.LastIndex(svg, []byte("</svg>"))
	if end < 0 || last < 0 {
		return nil, errors.New("render: Graphviz's SVG has no root element")
	}
	end += m[1] + 1
	var o bytes.Buffer
	o.Write(svg[:m[0]])
	o.WriteString(`<svg width="` + p(pw) + `pt" height="` + p(ph) + `pt"` + "\n" +
		` viewBox="` + p(b[0]) + " " + p(b[1]) + " " + p(b[2]-b[0]) + " " + p(b[3]-b[1]) + `"`)
	o.Write(svg[m[1]:end])
	o.WriteString("\n" + `<rect x="` + p(b[0]) + `" y="` + p(b[1]) + `" width="` + p(b[2]-b[0]) + `" height="` + p(b[3]-b[1]) + `" fill="` + bg + `"/>`)
	o.Write(svg[end:last])
	if more != nil {
		more(&o)
	}
	o.Write(svg[last:])
	return o.Bytes(), nil
}
