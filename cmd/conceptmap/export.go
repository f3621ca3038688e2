package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/atomicfile"
	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/cli"
	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/drawflags"
	"github.com/conceptmap/conceptmap/render"
)

// exportExtList names the extension of each export format that writes
// files.
var exportExtList = cli.OrList(drawflags.FormatExts(drawflags.ExportFormats, false))

var exportCommand = &command{
	name:    "export",
	summary: "Export the graph or part of it as Mermaid, GraphML, JSON, CSV, Cypher, DOT, HTML or an Obsidian vault",
	examples: []string{
		"conceptmap export -o concepts.mmd                       # Mermaid: Markdown, Marp, Slidev, Notion",
		"conceptmap export --plan GQA --lang en --format mermaid",
		"conceptmap export -o concepts.graphml                   # Gephi, yEd, networkx",
		"conceptmap export --format json > concepts.json         # everything, to load back or script",
		"conceptmap export --category post_training -o post/     # post/concepts.csv, post/relations.csv",
		"conceptmap export -o kb.csv                             # kb.concepts.csv, kb.relations.csv",
		"conceptmap export -o concepts.cypher                    # Neo4j: cypher-shell -f concepts.cypher",
		"conceptmap export --focus MoE --depth 2 --format dot | dot -Tpng -o moe.png",
		"conceptmap export -o concepts.html                      # the explorer in one file: search, click, plan, offline",
		"conceptmap export --format obsidian -o my-vault/        # an Obsidian vault: a note a concept, relations as links",
	},
	new: func() runner { return &exportCmd{} },
}

type exportCmd struct {
	sel         selection
	out, format string
	lk          drawflags.Look
}

func (c *exportCmd) flags(fs *pflag.FlagSet) {
	c.sel.flags(fs)
	fs.StringVarP(&c.out, "output", "o", "", "write to `FILE` instead of stdout, whole or not at all; its extension ("+exportExtList+
		") gives the format. CSV is two files: -o DIR/ writes DIR/concepts.csv and DIR/relations.csv, -o NAME.csv writes NAME.concepts.csv and NAME.relations.csv. An Obsidian vault is a new directory: -o DIR/")
	fs.StringVar(&c.format, "format", "", cli.OrList(drawflags.FormatNames(drawflags.ExportFormats))+" (default: from the -o extension)")
	c.lk.Flags(fs, "(mermaid, dot and html) ")
}

func (c *exportCmd) run(e *env, co *common, args []string) error {
	s, out, format, lk := &c.sel, c.out, c.format, &c.lk
	if out == "-" {
		out = "" // stdout
	}
	if len(args) > 0 {
		return usagef("export", "takes no arguments; choose what to export with --plan, --focus or --category")
	}
	f, err := exportFormat(format, out)
	if err != nil {
		return err
	}
	var csvFiles [2]string
	if f == "obsidian" {
		if out == "" {
			return usagef("export", "an Obsidian vault is a directory; give -o DIR/")
		}
		if err := atomicfile.CheckNewDir(out); err != nil {
			return err
		}
	} else if f == "csv" {
		if csvFiles, err = csvPaths(out); err != nil {
			return err
		}
	} else if out != "" && isDirTarget(out) {
		return usagef("export", "-o %s is a directory, but %s is one file; name the file, such as -o %s", out, f, filepath.Join(out, "concepts"+extOf(f)))
	}
	if err := lk.Check("export"); err != nil {
		return err
	}
	sel, err := s.check("export")
	if err != nil {
		return err
	}
	g, err := load(e, co)
	if err != nil {
		return err
	}
	v, m, err := selectView(e, "export", g, sel, s.ignore)
	if err != nil {
		return err
	}
	opt := render.Options{Look: render.Look{Lang: g.lang}}
	opt.Mark(m)
	lk.Apply(&opt, g.Graph, &v)
	ef, _ := drawflags.FormatIn(drawflags.ExportFormats, f, "")
	files, err := ef.Write(e.ctx, render.Renderer{}, g.Graph, v, opt)
	if err != nil {
		return err
	}
	switch f {
	case "obsidian":
		var vault []atomicfile.File
		for _, f := range files {
			vault = append(vault, atomicfile.File{Path: filepath.FromSlash(f.Name), Data: f.Data})
		}
		if err := atomicfile.WriteDir(out, vault); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "wrote the vault %s: %s, %s; open it in Obsidian with \"Open folder as vault\"\n", out, plural(len(v.Concepts), "note"), plural(len(v.Edges), "relation"))
		return nil
	case "csv":
		if dir := filepath.Dir(csvFiles[0]); isDirTarget(out) {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return fmt.Errorf("cannot write %s: %w", out, atomicfile.Cause(err))
			}
		}
		if err := atomicfile.WriteAll(atomicfile.File{Path: csvFiles[0], Data: files[0].Data}, atomicfile.File{Path: csvFiles[1], Data: files[1].Data}); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "wrote %s and %s: %s, %s\n", csvFiles[0], csvFiles[1], plural(len(v.Concepts), "concept"), plural(len(v.Edges), "relation"))
		return nil
	}
	return emit(e, out, files[0].Data, v)
}

// exportFormat picks the format from --format, or else from -o: its
// extension, or csv for a directory.
func exportFormat(format, out string) (string, error) {
	names := cli.OrList(drawflags.FormatNames(drawflags.ExportFormats))
	if format != "" {
		if f, ok := drawflags.FormatIn(drawflags.ExportFormats, format, ""); ok {
			return f.Name, nil
		}
		return "", usagef("export", "--format must be %s, not %q", names, format)
	}
	if out == "" {
		return "", usagef("export", "give --format (%s), or -o FILE ending in %s", names, exportExtList)
	}
	if isDirTarget(out) {
		return "csv", nil
	}
	if f, ok := drawflags.FormatIn(drawflags.ExportFormats, "", out); ok {
		return f.Name, nil
	}
	return "", usagef("export", "cannot tell the format of %q from its extension; use %s, or give --format", out, exportExtList)
}

// isDirTarget reports whether -o names a directory: one that exists, or
// a path that ends in a slash.
func isDirTarget(out string) bool {
	if strings.HasSuffix(out, "/") || strings.HasSuffix(out, string(filepath.Separator)) {
		return true
	}
	st, err := os.Stat(out)
	return err == nil && st.IsDir()
}

// csvPaths returns where CSV goes, concepts then relations: into a
// directory as concepts.csv and relations.csv, or beside NAME.csv as
// NAME.concepts.csv and NAME.relations.csv.
func csvPaths(out string) ([2]string, error) {
	switch {
	case out != "" && isDirTarget(out):
		return [2]string{filepath.Join(out, "concepts.csv"), filepath.Join(out, "relations.csv")}, nil
	case strings.EqualFold(filepath.Ext(out), ".csv"):
		base := out[:len(out)-len(".csv")]
		return [2]string{base + ".concepts.csv", base + ".relations.csv"}, nil
	}
	hint := "CSV is two files, concepts and relations: give -o DIR/ for DIR/concepts.csv and DIR/relations.csv, or -o NAME.csv for NAME.concepts.csv and NAME.relations.csv"
	if out == "" {
		return [2]string{}, usagef("export", "%s", hint)
	}
	return [2]string{}, usagef("export", "cannot write CSV to %q; %s", out, hint)
}

// extOf returns the file extension of a format.
func extOf(format string) string {
	f, _ := drawflags.FormatIn(drawflags.ExportFormats, format, "")
	return f.Ext()
}
