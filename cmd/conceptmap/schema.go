package main

import (
	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/graph"
)

var schemaCommand = &command{
	name:    "schema",
	summary: "Print the JSON Schema of the data files, for editors to complete and check them",
	examples: []string{
		"conceptmap schema > conceptmap.schema.json   # then start a YAML file with: # yaml-language-server: $schema=conceptmap.schema.json",
	},
	new: func() runner { return schemaCmd{} },
}

type schemaCmd struct{}

func (schemaCmd) flags(*pflag.FlagSet) {}

func (schemaCmd) run(e *env, _ *common, args []string) error {
	if len(args) > 0 {
		return usagef("schema", "takes no arguments")
	}
	_, err := e.stdout.Write(graph.JSONSchema())
	return err
}
