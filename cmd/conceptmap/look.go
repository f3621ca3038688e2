package main

import (
	"fmt"
	"strings"

	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/render"
)

// look holds the flags of how a drawing looks, which map and export share.
type look struct {
	rankdir    string
	edgeLabels string
}

func (l *look) flags(fs *pflag.FlagSet, what string) {
	fs.StringVar(&l.rankdir, "rankdir", "auto", what+"layout direction: TB (top to bottom), LR (left to right), or auto (whichever fits the page better)")
	fs.StringVar(&l.edgeLabels, "edge-labels", "auto", fmt.Sprintf("%slabel edges with their relation: on, off, or auto (on up to %d edges)", what, render.EdgeLabelLimit))
}

func (l *look) check(cmd string) error {
	l.rankdir = strings.ToUpper(l.rankdir)
	if l.rankdir != "TB" && l.rankdir != "LR" && l.rankdir != "AUTO" {
		return usagef(cmd, "--rankdir must be TB, LR or auto, not %q", l.rankdir)
	}
	if l.edgeLabels != "auto" && l.edgeLabels != "on" && l.edgeLabels != "off" {
		return usagef(cmd, "--edge-labels must be on, off or auto, not %q", l.edgeLabels)
	}
	return nil
}

// apply sets the options of a drawing of edges relations.
// Pictures are fitted to their page: what the flags leave open, render
// chooses.
func (l *look) apply(opt *render.Options, edges int) {
	opt.RankDir = strings.TrimSuffix(strings.ToUpper(l.rankdir), "AUTO")
	opt.NoEdgeLabels = l.edgeLabels == "off" || (l.edgeLabels == "auto" && edges > render.EdgeLabelLimit)
	opt.EdgeLabelsOn = l.edgeLabels == "on"
	opt.Fit = true
}
