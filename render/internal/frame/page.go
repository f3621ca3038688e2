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
	f := func(i int) float64 {
		x, _ := strconv.ParseFloat(string(svg[m[2*i]:m[2*i+1]]), 64)
		return x
	}
	vx, vy, vw, vh := f(3), f(4), f(5), f(6)
	k := min(pw/vw, ph/vh)
	nw, nh := pw/k, ph/k
	nx, ny := vx-(nw-vw)/2, vy-(nh-vh)/2
	p := func(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }
	end := bytes.IndexByte(svg[m[1]:], '>')
	if end < 0 {
		return nil, errors.New("render: Graphviz's SVG has no root element")
	}
	end += m[1] + 1
	var b bytes.Buffer
	b.Write(svg[:m[0]])
	b.WriteString(`<svg width="` + p(pw) + `pt" height="` + p(ph) + `pt"` + "\n" +
		` viewBox="` + p(nx) + " " + p(ny) + " " + p(nw) + " " + p(nh) + `"`)
	b.Write(svg[m[1]:end])
	b.WriteString("\n" + `<rect x="` + p(nx) + `" y="` + p(ny) + `" width="` + p(nw) + `" height="` + p(nh) + `" fill="` + bg + `"/>`)
	b.Write(svg[end:])
	return b.Bytes(), nil
}
