package main

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExamplesRun runs every example the README's shell blocks and the
// commands' --help show, so that none of them rots. Pipes and && chains
// are cut at the first command; "> file" writes stdout there; serve,
// which runs until stopped, is left out.
func TestExamplesRun(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the examples draw many maps")
	}
	if _, err := os.Stat("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"); err != nil && os.Getenv("CI") == "" {
		t.Skip("no CJK font for the PNG and PDF examples; apt-get install fonts-noto-cjk")
	}
	var examples []string
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	inShell := false
	sc := bufio.NewScanner(bytes.NewReader(readme))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "```"):
			inShell = line == "```sh"
		case inShell:
			line = strings.TrimPrefix(line, "go run ./cmd/")
			if strings.HasPrefix(line, "conceptmap ") {
				examples = append(examples, line)
			}
		}
	}
	if len(examples) < 15 {
		t.Fatalf("found only %d README examples", len(examples))
	}
	for _, c := range commands {
		examples = append(examples, c.examples...)
	}
	// A vault and a yEd file, for the examples that read notes and GraphML.
	vault, err := filepath.Abs("../../graph/testdata/vault")
	if err != nil {
		t.Fatal(err)
	}
	yed, err := os.ReadFile("../../graph/testdata/graphml/yed.graphml")
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range examples {
		args, out := exampleArgs(t, ex)
		if args == nil || args[0] == "serve" {
			continue
		}
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			// The files the examples name: a user's own data.
			mine := "concepts:\n  - id: knife\n    name: {en: Knife skills, zh: 刀工}\n  - id: stock\n    name: {en: Stock, zh: 高汤}\n    relations: [{relation: requires, to: knife}]\n"
			os.MkdirAll(filepath.Join(dir, "my-concepts"), 0o755)
			os.WriteFile(filepath.Join(dir, "my-concepts", "kitchen.yaml"), []byte(mine), 0o644)
			os.WriteFile(filepath.Join(dir, "extra.yaml"), []byte(mine), 0o644)
			os.MkdirAll(filepath.Join(dir, "mine"), 0o755)
			os.WriteFile(filepath.Join(dir, "mine", "kitchen.yaml"), []byte(mine), 0o644)
			if err := os.CopyFS(filepath.Join(dir, "vault"), os.DirFS(vault)); err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(dir, "yed.graphml"), yed, 0o644)
			var stdout, stderr bytes.Buffer
			if err := run(context.Background(), args, &stdout, &stderr); err != nil {
				t.Fatalf("%s: %v\n%s", ex, err, stderr.String())
			}
			if out != "" {
				if err := os.WriteFile(out, stdout.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// exampleArgs splits a shell example into arguments, honouring quotes,
// dropping a comment, cutting at a pipe or &&, and returning a "> file"
// redirect apart.
func exampleArgs(t *testing.T, line string) (args []string, out string) {
	var cur strings.Builder
	quote, inWord, redirect := rune(0), false, false
	flush := func() {
		if inWord {
			if redirect {
				out, redirect = cur.String(), false
			} else {
				args = append(args, cur.String())
			}
		}
		cur.Reset()
		inWord = false
	}
	rs := []rune(line)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			} else {
				cur.WriteRune(r)
			}
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			flush()
		case r == '#' && !inWord, r == '|', r == '&' && i+1 < len(rs) && rs[i+1] == '&':
			flush()
			if len(args) == 0 {
				return nil, "" // a comment line: nothing to run
			}
			return args[1:], out
		case r == '>':
			flush()
			redirect = true
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	flush()
	if len(args) < 2 || args[0] != "conceptmap" {
		t.Fatalf("not a conceptmap example: %q", line)
	}
	return args[1:], out
}
