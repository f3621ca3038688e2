// Package data holds conceptmap's bundled concept data: the relation
// vocabulary, the categories and the concepts of the DeepSeek glossary.
package data

import "embed"

// FS holds relations.yaml, categories.yaml and concepts/*.yaml.
//
//go:embed relations.yaml categories.yaml concepts
var FS embed.FS

// Vocabulary is the bundled relation vocabulary, which a load of a user's
// own files falls back on when they declare no relation types.
//
//go:embed relations.yaml
var Vocabulary []byte
