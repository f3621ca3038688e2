// Package drawflags holds the flags that say how a picture is drawn and
// in what format, which map, slides and export share: the look (rank
// direction, edge labels), the drawing (theme, layout, page size, scale,
// font), the choice of a format from --format or the extension of -o, and
// the drawing of a view in it. It turns flags into render.Options and
// knows nothing of the data's source or of any one command; it must not
// import the server, net/http or the other rooms of cmd (but cli for
// usage errors and atomicfile to tell a special output file).
package drawflags

import (
	"context"
	"errors"
	"fmt"
	"golang.org/x/term"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/atomicfile"
	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/cli"
	"github.com/conceptmap/conceptmap/graph"
	"github.com/conceptmap/conceptmap/render"
	"github.com/conceptmap/conceptmap/render/export"
)

// The formats that map and export write, from render's table.
var (
	PictureFormats = formatsWhere(func(f export.Format) bool { return f.Picture })
	ExportFormats  = formatsWhere(func(f export.Format) bool { return f.Export })
)

func formatsWhere(keep func(export.Format) bool) []export.Format {
	var fs []export.Format
	for _, f := range export.Formats {
		if keep(f) {
			fs = append(fs, f)
		}
	}
	return fs
}

// FormatNames returns the names of formats.
func FormatNames(fs []export.Format) []string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.Name
	}
	return names
}

// FormatExts returns the extension each of formats writes, or with all
// every extension that picks one of them.
func FormatExts(fs []export.Format, all bool) []string {
	var exts []string
	for _, f := range fs {
		if all {
			exts = append(exts, f.Exts...)
		} else if f.Ext() != "" {
			exts = append(exts, f.Ext())
		}
	}
	return exts
}

// FormatIn returns the format of fs that a name, or else a file name's
// extension, picks.
func FormatIn(fs []export.Format, name, file string) (export.Format, bool) {
	f, err := export.Lookup(name)
	ok := err == nil
	if name == "" {
		f, ok = export.FormatOfFile(file)
	}
	if ok {
		for _, in := range fs {
			if in.Name == f.Name {
				return f, true
			}
		}
	}
	return export.Format{}, false
}

// WriteOne writes a view in a format of one file.
func WriteOne(ctx context.Context, r render.Renderer, format string, g *graph.Graph, v graph.View, opt render.Options) ([]byte, error) {
	f, err := export.Lookup(format)
	if err != nil {
		return nil, err
	}
	parts, err := f.Write(ctx, r, g, v, opt)
	if err != nil {
		return nil, err
	}
	return parts[0].Data, nil
}

// Drawing holds the flags of how a picture is drawn, which map and slides
// share: its look, its page, and the font of PNG and PDF.
type Drawing struct {
	theme       string
	transparent bool
	layout      string
	Size        string
	scale       float64
	dpi         float64
	Font        string

	pageW, pageH float64
}

func (d *Drawing) Flags(fs *pflag.FlagSet) {
	fs.StringVar(&d.theme, "theme", "light", "colours: light, dark (for dark slides) or print (black on white, no fills)")
	fs.BoolVar(&d.transparent, "transparent", false, "leave the background clear (SVG, PNG, PDF)")
	fs.StringVar(&d.layout, "layout", "dot", "Graphviz layout: dot (layered, in learning order), neato, fdp, sfdp, circo or twopi")
	fs.StringVar(&d.Size, "size", "", "fit a page: 16:9 or 4:3 (a 960 or 720 by 540 point slide), RATIO@WIDTH as in 16:9@1280, or WxH in points; the map is scaled to fit and centred")
	fs.Float64Var(&d.scale, "scale", 0, fmt.Sprintf("PNG pixels per point: 2 (the default) is sharp on a projector; --size 16:9 --scale 2 gives 1920×1080"))
	fs.Float64Var(&d.dpi, "dpi", 0, "PNG resolution in dots per inch, instead of --scale (72 dpi is scale 1)")
	fs.StringVar(&d.Font, "font", "", "draw PNG and PDF with this font `FILE` (.ttf, .otf or .ttc) instead of one found on the system")
}

var sizePattern = regexp.MustCompile(`^(\d+(?:\.\d+)?)\s*([:x×])\s*(\d+(?:\.\d+)?)(?:@(\d+(?:\.\d+)?))?$`)

// Check reads the flags of a Drawing and checks them, render's
// *Options.Check with them included, naming the flag at fault.
func (d *Drawing) Check(cmd string) error {
	if d.scale != 0 && d.dpi != 0 {
		return cli.Usagef(cmd, "give --scale or --dpi, not both")
	}
	if d.dpi != 0 {
		d.scale = d.dpi / 72
	}
	if d.Size != "" {
		m := sizePattern.FindStringSubmatch(strings.TrimSpace(d.Size))
		if m == nil {
			return cli.Usagef(cmd, "--size must look like 16:9, 16:9@1280 or 1280x720, not %q", d.Size)
		}
		a, _ := strconv.ParseFloat(m[1], 64)
		b, _ := strconv.ParseFloat(m[3], 64)
		if a <= 0 || b <= 0 {
			return cli.Usagef(cmd, "--size needs two positive numbers, not %q", d.Size)
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
				return cli.Usagef(cmd, "--size %s: @WIDTH goes with a ratio such as 16:9", d.Size)
			}
			d.pageW, d.pageH = a, b
		}
	}
	opt := render.Options{Page: render.Page{Scale: d.scale}}
	d.Apply(&opt)
	var te *render.UnknownThemeError
	var le *render.UnknownLayoutError
	var oe *render.OptionError
	switch err := opt.Check(); {
	case errors.As(err, &te):
		return cli.Usagef(cmd, "--theme: %s", err)
	case errors.As(err, &le):
		return cli.Usagef(cmd, "--layout must be one of %s, not %q", strings.Join(render.Layouts, ", "), le.Name)
	case errors.As(err, &oe) && oe.Option == "Scale":
		return cli.Usagef(cmd, "--scale must be between 0 and %d (--dpi between 0 and %d)", render.MaxScale, render.MaxScale*72)
	case errors.As(err, &oe):
		return cli.Usagef(cmd, "--size %s is larger than %d points", d.Size, render.MaxPage)
	default:
		return err
	}
}

// Apply sets the Drawing options.
func (d *Drawing) Apply(opt *render.Options) {
	opt.Theme, opt.Transparent, opt.Layout = d.theme, d.transparent, d.layout
	opt.PageWidth, opt.PageHeight = d.pageW, d.pageH
}

// Raster sets the options of PNG and PDF: the scale, and --font, loaded.
func (d *Drawing) Raster(opt *render.Options) error {
	opt.Scale = d.scale
	if d.Font != "" {
		f, err := render.LoadFont(d.Font)
		if err != nil {
			var fe *render.FontFileError
			if errors.As(err, &fe) {
				return fmt.Errorf("--font %s: %w", d.Font, fe.Err)
			}
			return fmt.Errorf("--font %s: %w", d.Font, err)
		}
		opt.Font = f
	}
	return nil
}

// PictureFormat picks the output format from --format or the extension.
func PictureFormat(cmd, format, out string) (string, error) {
	if format == "" && (out == "" || filepath.Ext(out) == "" && atomicfile.Special(out)) {
		return "svg", nil // stdout, /dev/null, a FIFO
	}
	if f, ok := FormatIn(PictureFormats, format, out); ok {
		return f.Name, nil
	}
	if format != "" {
		return "", cli.Usagef(cmd, "--format must be one of %s, not %q", strings.Join(FormatNames(PictureFormats), ", "), strings.ToLower(format))
	}
	return "", cli.Usagef(cmd, "cannot tell the format of %q from its extension; use %s, or give --format", out, cli.OrList(FormatExts(PictureFormats, false)))
}

// Picture draws a view in a format.
func (d *Drawing) Picture(ctx context.Context, g *graph.Graph, v graph.View, opt render.Options, format string) ([]byte, error) {
	if f, _ := export.Lookup(format); f.Raster {
		if err := d.Raster(&opt); err != nil {
			return nil, err
		}
	}
	b, err := WriteOne(ctx, render.Renderer{}, format, g, v, opt)
	return b, FontHint(err)
}

// FontHint adds to an error for characters the font lacks the flag that
// names another font.
func FontHint(err error) error {
	var me *render.MissingCharsError
	if errors.As(err, &me) {
		return fmt.Errorf("%w or name one with --font FILE", err)
	}
	return err
}

// Look holds the flags of how a Drawing looks, which map, slides and
// export share.
type Look struct {
	rankdir    string
	edgeLabels string
	reduce     bool
	keyless    bool // no numbered key: see TalkFlags
}

// Flags adds the look's flags, each help text led by what. Drawings (what
// "") also get --reduce; an export carries every relation.
func (l *Look) Flags(fs *pflag.FlagSet, what string) {
	fs.StringVar(&l.rankdir, "rankdir", "auto", what+"layout direction: TB (top to bottom), LR (left to right), or auto (whichever fits the page better)")
	help := fmt.Sprintf("%slabel edges with their relation: on, off, key (numbers on the edges, and a key that lists each with its reason), or auto (labels up to %d edges where they fit, else a key up to %d edges that have reasons, else colour and the legend)", what, render.EdgeLabelLimit, render.KeyLimit)
	if l.keyless {
		help = fmt.Sprintf("%slabel edges with their relation: on, off, or auto (on up to %d edges where they fit)", what, render.EdgeLabelLimit)
	}
	fs.StringVar(&l.edgeLabels, "edge-labels", "auto", help)
	if what == "" {
		fs.BoolVar(&l.reduce, "reduce", false, "leave out each arrow that a chain of others already puts in the same learning order (the transitive reduction): fewer arrows, the same order")
	}
}

// TalkFlags are the flags of the frames of a talk: Flags without the
// numbered key, as each frame's caption tells the reasons of the
// relations it brings.
func (l *Look) TalkFlags(fs *pflag.FlagSet) {
	l.keyless = true
	l.Flags(fs, "")
}

func (l *Look) Check(cmd string) error {
	l.rankdir = strings.ToUpper(l.rankdir)
	if l.rankdir != "TB" && l.rankdir != "LR" && l.rankdir != "AUTO" {
		return cli.Usagef(cmd, "--rankdir must be TB, LR or auto, not %q", l.rankdir)
	}
	l.edgeLabels = strings.ToLower(l.edgeLabels)
	if l.keyless && !slices.Contains([]string{"auto", "on", "off"}, l.edgeLabels) {
		return cli.Usagef(cmd, "--edge-labels must be on, off or auto, not %q (a frame's caption tells the reasons that a key would)", l.edgeLabels)
	}
	if !slices.Contains([]string{"auto", "on", "off", "key"}, l.edgeLabels) {
		return cli.Usagef(cmd, "--edge-labels must be on, off, key or auto, not %q", l.edgeLabels)
	}
	return nil
}

// Apply sets the options of a Drawing of the view v, which --reduce
// first reduces to the arrows the learning order needs (Graph.Reduced).
// Pictures are fitted to their page: what the flags leave open, render
// chooses.
func (l *Look) Apply(opt *render.Options, g *graph.Graph, v *graph.View) {
	if l.reduce {
		*v = g.Reduced(*v)
	}
	opt.RankDir = strings.TrimSuffix(strings.ToUpper(l.rankdir), "AUTO")
	opt.NoEdgeLabels = l.edgeLabels == "off" || (l.edgeLabels == "auto" && len(v.Edges) > render.EdgeLabelLimit)
	opt.EdgeLabelsOn = l.edgeLabels == "on"
	opt.EdgeKey = l.edgeLabels == "key"
	opt.NoEdgeKey = l.keyless
	opt.Fit = true
}

// CheckBinaryOutput refuses to send a binary format (PNG, PDF) to a
// terminal, where it would be garbage and could upset the terminal:
// stdout when out is "" or "-", or a terminal named by -o (/dev/tty).
func CheckBinaryOutput(stdout io.Writer, cmd, out, format string) error {
	if f, _ := export.Lookup(format); !f.Raster {
		return nil
	}
	if out == "" || out == "-" {
		if isTerminal(stdout) {
			return cli.Usagef(cmd, "will not write %s to a terminal; give -o FILE, or redirect stdout to a file or a pipe", strings.ToUpper(format))
		}
		return nil
	}
	if p, err := atomicfile.Resolve(out); err == nil {
		if f, err := os.OpenFile(p, os.O_WRONLY, 0); err == nil {
			tty := term.IsTerminal(int(f.Fd()))
			f.Close()
			if tty {
				return cli.Usagef(cmd, "will not write %s to the terminal %s; give -o FILE", strings.ToUpper(format), out)
			}
		}
	}
	return nil
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// TuneGC has a command that draws many frames collect garbage when its
// heap has grown by 200% rather than Go's 100%, unless GOGC says
// otherwise: go-graphviz allocates a fresh call stack for each of the
// thousands of calls a layout makes into its WebAssembly. For the 17 PNG
// frames of 'slides GQA' that saves about 10% of CPU, for some 40 MiB of
// peak memory; a single map gains nothing (its layouts run with the
// collector paused) and pays in fresh memory, so 'map' keeps Go's default.
func TuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
}
