// Command gen compiles the bundled YAML into graph.gob, the snapshot that
// package compiled embeds. Run it with 'go generate ./data/...'.
package main

import (
	"bytes"
	"fmt"
	"os"

	"github.com/conceptmap/conceptmap/data/compiled"
)

func main() {
	if err := run("graph.gob"); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	l, err := compiled.Loader()
	if err != nil {
		return err
	}
	g, err := l.Load()
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := g.WriteSnapshot(&b); err != nil {
		return err
	}
	return os.WriteFile(out, b.Bytes(), 0o644)
}
