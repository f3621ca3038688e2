package main

import (
	"errors"
	"fmt"

	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/cmd/conceptmap/internal/dataset"
	"github.com/conceptmap/conceptmap/graph"
)

type problemOut struct {
	File    string       `json:"file"`
	Line    int          `json:"line"`
	Col     int          `json:"col"`
	Message string       `json:"message"`
	Notes   []problemOut `json:"notes,omitempty"` // related places: a first definition, the edges of a cycle
}

func problemOf(d graph.Diagnostic) problemOut {
	p := problemOut{File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col, Message: d.Msg}
	for _, n := range d.Notes {
		p.Notes = append(p.Notes, problemOf(n))
	}
	return p
}

type validateOut struct {
	OK        bool         `json:"ok"`
	Files     int          `json:"files"`
	Concepts  int          `json:"concepts"`
	Relations int          `json:"relations"`
	Problems  []problemOut `json:"problems"`
}

var validateCommand = &command{
	name: "validate", json: true,
	summary: "Check the data files and report every problem with its file:line:col",
	examples: []string{
		"conceptmap validate",
		"conceptmap validate --data my-concepts/",
		"conceptmap validate --data extra.yaml --json",
	},
	new: func() runner { return validateCmd{} },
}

type validateCmd struct{}

func (validateCmd) flags(*pflag.FlagSet) {}

func (validateCmd) run(e *env, co *common, args []string) error {
	if len(args) > 0 {
		return usagef("validate", "takes no arguments; give files with --data")
	}
	l, files, err := dataset.Loader(co.data, co.links)
	if err != nil {
		return err
	}
	g, err := l.Load()
	printWarnings(e.stderr, l)
	var le *graph.LoadError
	if err != nil && !errors.As(err, &le) {
		return linksError(err)
	}
	out := validateOut{OK: err == nil, Files: files, Problems: []problemOut{}}
	if g != nil {
		out.Concepts, out.Relations = len(g.Concepts()), len(g.Edges())
	}
	if le != nil {
		for _, d := range le.Diags {
			out.Problems = append(out.Problems, problemOf(d))
		}
	}
	if co.json {
		if err := writeJSON(e.stdout, out); err != nil {
			return err
		}
	} else if le != nil {
		fmt.Fprintln(e.stdout, le.Error())
	} else {
		fmt.Fprintf(e.stdout, "ok: %s, %s, %s, %s in %s\n",
			plural(out.Concepts, "concept"), plural(out.Relations, "relation"),
			plural(len(g.Relations()), "relation type"), plural(len(g.Categories()), "category"),
			plural(files, "file"))
	}
	if le != nil {
		return fmt.Errorf("%s found", plural(len(le.Diags), "problem"))
	}
	return nil
}
