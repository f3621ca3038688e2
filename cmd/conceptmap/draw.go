package main

import (
	"context"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/atomicfile"
	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render"
)

// drawing holds the flags of how a picture is drawn, which map and slides
// share: its look, its page, and the font of PNG and PDF.
type drawing struct {
	theme       string
	transparent bool
	layout      string
	size        string
	scale       float64
	dpi         float64
	font        string

	pageW, pageH float64
}

func (d *drawing) flags(fs *pflag.FlagSet) {
	fs.StringVar(&d.theme, "theme", "light", "colours: light, dark (for dark slides) or print (black on white, no fills)")
	fs.BoolVar(&d.transparent, "transparent", false, "leave the background clear (SVG, PNG, PDF)")
	fs.StringVar(&d.layout, "layout", "dot", "Graphviz layout: dot (layered, in learning order), neato, fdp, sfdp, circo or twopi")
	fs.StringVar(&d.size, "size", "", "fit a page: 16:9 or 4:3 (a 960 or 720 by 540 point slide), RATIO@WIDTH as in 16:9@1280, or WxH in points; the map is scaled to fit and centred")
	fs.Float64Var(&d.scale, "scale", 0, fmt.Sprintf("PNG pixels per point: 2 (the default) is sharp on a projector; --size 16:9 --scale 2 gives 1920×1080"))
	fs.Float64Var(&d.dpi, "dpi", 0, "PNG resolution in dots per inch, instead of --scale (72 dpi is scale 1)")
	fs.StringVar(&d.font, "font", "", "draw PNG and PDF with this font `FILE` (.ttf, .otf or .ttc) instead of one found on the system")
}

var sizePattern = regexp.MustCompile(`^(\d+(?:\.\d+)?)\s*([:x×])\s*(\d+(?:\.\d+)?)(?:@(\d+(?:\.\d+)?))?$`)

func (d *drawing) check(cmd string) error {
	if err := render.CheckTheme(d.theme); err != nil {
		return usagef(cmd, "--theme: %s", err)
	}
	if !slices.Contains(render.Layouts, d.layout) {
		return usagef(cmd, "--layout must be one of %s, not %q", strings.Join(render.Layouts, ", "), d.layout)
	}
	if d.scale != 0 && d.dpi != 0 {
		return usagef(cmd, "give --scale or --dpi, not both")
	}
	if d.dpi != 0 {
		d.scale = d.dpi / 72
	}
	if d.scale < 0 || d.scale > 20 || math.IsNaN(d.scale) {
		return usagef(cmd, "--scale must be between 0 and 20 (--dpi between 0 and 1440)")
	}
	if d.size != "" {
		m := sizePattern.FindStringSubmatch(strings.TrimSpace(d.size))
		if m == nil {
			return usagef(cmd, "--size must look like 16:9, 16:9@1280 or 1280x720, not %q", d.size)
		}
		a, _ := strconv.ParseFloat(m[1], 64)
		b, _ := strconv.ParseFloat(m[3], 64)
		if a <= 0 || b <= 0 {
			return usagef(cmd, "--size needs two positive numbers, not %q", d.size)
		}
		if m[2] == ":" {
			w := 960.0
			if a/b < 1.5 {
				w = 720 // 4:3 and squarer slides
			}
			if m[4] != "" {
				w, _ = strconv.ParseFloat(m[4], 64)
			}
			d.pageW, d.pageH = w, w*b/a
		} else {
			if m[4] != "" {
				return usagef(cmd, "--size %s: @WIDTH goes with a ratio such as 16:9", d.size)
			}
			d.pageW, d.pageH = a, b
		}
		if d.pageW > 20000 || d.pageH > 20000 {
			return usagef(cmd, "--size %s is larger than 20000 points", d.size)
		}
	}
	return nil
}

// apply sets the drawing options.
func (d *drawing) apply(opt *render.Options) {
	opt.Theme, opt.Transparent, opt.Layout = d.theme, d.transparent, d.layout
	opt.PageWidth, opt.PageHeight = d.pageW, d.pageH
}

// raster sets the options of PNG and PDF: the scale, and --font, loaded.
func (d *drawing) raster(opt *render.Options) error {
	opt.Scale = d.scale
	if d.font != "" {
		f, err := render.LoadFont(d.font)
		if err != nil {
			var fe *render.FontFileError
			if errors.As(err, &fe) {
				return fmt.Errorf("--font %s: %w", d.font, fe.Err)
			}
			return fmt.Errorf("--font %s: %w", d.font, err)
		}
		opt.Font = f
	}
	return nil
}

// pictureFormat picks the output format from --format or the extension.
func pictureFormat(cmd, format, out string) (string, error) {
	if format == "" && (out == "" || filepath.Ext(out) == "" && atomicfile.Special(out)) {
		return "svg", nil // stdout, /dev/null, a FIFO
	}
	if f, ok := formatIn(pictureFormats, format, out); ok {
		return f.Name, nil
	}
	if format != "" {
		return "", usagef(cmd, "--format must be one of %s, not %q", strings.Join(formatNames(pictureFormats), ", "), strings.ToLower(format))
	}
	return "", usagef(cmd, "cannot tell the format of %q from its extension; use %s, or give --format", out, orList(formatExts(pictureFormats, false)))
}

// picture draws a view in a format.
func (d *drawing) picture(ctx context.Context, g *graph.Graph, v graph.View, opt render.Options, format string) ([]byte, error) {
	if f, _ := render.FormatNamed(format); f.Raster {
		if err := d.raster(&opt); err != nil {
			return nil, err
		}
	}
	b, err := writeOne(ctx, render.Renderer{}, format, g, v, opt)
	return b, fontHint(err)
}

// fontHint adds to an error for characters the font lacks the flag that
// names another font.
func fontHint(err error) error {
	var me *render.MissingCharsError
	if errors.As(err, &me) {
		return fmt.Errorf("%w or name one with --font FILE", err)
	}
	return err
}
