package main

import (
	"fmt"
	"strings"

	"github.com/spf13/pflag"

	"github.com/conceptmap/conceptmap/graph"
)

func init() {
	commands = append(commands,
		&command{
			name: "plan", args: "TARGET...", json: true,
			summary: "Print the order in which to learn what the targets need",
			examples: []string{
				"conceptmap plan GRPO",
				"conceptmap plan 分组查询注意力 --known MHA",
				"conceptmap plan DPO GRPO --known transformer,sft --lang zh",
				"conceptmap plan grpo --json | jq -r '.steps[].id'",
			},
			setup: func(fs *pflag.FlagSet, co *common) func(*env, []string) error {
				known := fs.StringArray("known", nil, "concepts you already know, comma-separated; what they need is skipped too")
				return func(e *env, args []string) error {
					if len(args) == 0 {
						return usagef("plan", "name at least one concept to learn, as in 'conceptmap plan GRPO'")
					}
					g, err := load(e, co)
					if err != nil {
						return err
					}
					p, err := makePlan("plan", g, args, *known)
					if err != nil {
						return err
					}
					return output(e, co, planJSON(g, p), func(w *writer) { planText(w, g, p) })
				}
			},
		},
		&command{
			name: "path", args: "FROM TO", json: true,
			summary: "Print the shortest chain of relations between two concepts",
			examples: []string{
				"conceptmap path RNN Transformer",
				"conceptmap path GRPO PPO --directed",
				"conceptmap path MoE FFN --relation part_of,uses --json",
			},
			setup: func(fs *pflag.FlagSet, co *common) func(*env, []string) error {
				var opt graph.PathOptions
				fs.BoolVar(&opt.Directed, "directed", false, "follow relations only from source to target")
				fs.StringArrayVar(&opt.Relations, "relation", nil, "follow only these relation types, comma-separated")
				return func(e *env, args []string) error {
					if err := exactArgs("path", args, 2, "two concepts, FROM and TO"); err != nil {
						return err
					}
					g, err := load(e, co)
					if err != nil {
						return err
					}
					cs, err := lookupEach(g, args)
					if err != nil {
						return err
					}
					opt.Relations = splitList(opt.Relations)
					if err := g.CheckRelations(opt.Relations); err != nil {
						return usagef("path", "--relation: %s", err)
					}
					hops, err := g.Path(cs[0], cs[1], opt)
					if err != nil {
						return flagError("path", err)
					}
					return output(e, co, pathJSON(cs[0], cs[1], hops), func(w *writer) { pathText(w, g, cs[0], cs[1], hops) })
				}
			},
		},
		&command{
			name: "neighbors", args: "CONCEPT", json: true,
			summary: "List the concepts near one, with the relation that links each",
			examples: []string{
				"conceptmap neighbors transformer",
				"conceptmap neighbors MHA --depth 2 --direction in",
				"conceptmap neighbors rlhf --relation uses,requires --json",
			},
			setup: func(fs *pflag.FlagSet, co *common) func(*env, []string) error {
				var opt graph.NeighborOptions
				var dir string
				fs.IntVar(&opt.Depth, "depth", 1, "how many relations away to look")
				fs.StringArrayVar(&opt.Relations, "relation", nil, "follow only these relation types, comma-separated")
				fs.StringVar(&dir, "direction", "both", "follow relations out of the concept, into it, or both")
				return func(e *env, args []string) error {
					if err := exactArgs("neighbors", args, 1, "one concept"); err != nil {
						return err
					}
					d, err := graph.ParseDirection(dir)
					if err != nil {
						return usagef("neighbors", "--%s", err)
					}
					if opt.Depth < 1 {
						return usagef("neighbors", "--depth must be 1 or more, not %d", opt.Depth)
					}
					opt.Direction = d
					opt.Relations = splitList(opt.Relations)
					g, err := load(e, co)
					if err != nil {
						return err
					}
					c, err := g.Lookup(args[0])
					if err != nil {
						return err
					}
					if err := g.CheckRelations(opt.Relations); err != nil {
						return usagef("neighbors", "--relation: %s", err)
					}
					ns, err := g.Neighbors(c, opt)
					if err != nil {
						return err
					}
					return output(e, co, neighborsJSON(c, ns), func(w *writer) { neighborsText(w, g, c, opt, ns) })
				}
			},
		},
		orderCommand("prereqs", "List everything to learn before a concept, in order",
			[]string{"conceptmap prereqs transformer", "conceptmap prereqs GRPO --lang zh --json"},
			(*graph.Graph).Prereqs),
		orderCommand("unlocks", "List everything a concept leads to, in learning order",
			[]string{"conceptmap unlocks attention", "conceptmap unlocks SFT --json"},
			(*graph.Graph).Unlocks),
		&command{
			name: "search", args: "TEXT", json: true,
			summary: "Find concepts by id, name, alias or summary, in English or Chinese",
			examples: []string{
				"conceptmap search attention",
				"conceptmap search 相对",
				"conceptmap search 'reward model' --limit 3 --json",
			},
			setup: func(fs *pflag.FlagSet, co *common) func(*env, []string) error {
				limit := fs.Int("limit", 10, "show at most this many results (0 for all)")
				return func(e *env, args []string) error {
					if len(args) == 0 {
						return usagef("search", "give the text to search for")
					}
					g, err := load(e, co)
					if err != nil {
						return err
					}
					q := strings.Join(args, " ")
					ms := g.Search(q, *limit)
					if err := output(e, co, searchJSON(ms), func(w *writer) { searchText(w, g, q, ms) }); err != nil {
						return err
					}
					if len(ms) == 0 {
						return silentError{fmt.Errorf("no match")}
					}
					return nil
				}
			},
		},
		&command{
			name: "show", args: "CONCEPT...", json: true,
			summary: "Show a concept: names, summary, analogy, references and relations",
			examples: []string{
				"conceptmap show GQA",
				"conceptmap show 奖励模型 --lang zh",
				"conceptmap show rlhf --json",
			},
			setup: func(fs *pflag.FlagSet, co *common) func(*env, []string) error {
				return func(e *env, args []string) error {
					if len(args) == 0 {
						return usagef("show", "name a concept, as in 'conceptmap show GQA'")
					}
					g, err := load(e, co)
					if err != nil {
						return err
					}
					cs, err := lookupEach(g, args)
					if err != nil {
						return err
					}
					var v any = conceptJSON(g.Graph, cs[0])
					if len(cs) > 1 {
						v = conceptsJSON(g.Graph, cs)
					}
					return output(e, co, v, func(w *writer) {
						for i, c := range cs {
							if i > 0 {
								w.line("")
							}
							showText(w, g, c)
						}
					})
				}
			},
		},
		&command{
			name: "list", json: true,
			summary: "List the concepts, by category",
			examples: []string{
				"conceptmap list",
				"conceptmap list --category post_training --lang zh",
				"conceptmap list --json | jq length",
			},
			setup: func(fs *pflag.FlagSet, co *common) func(*env, []string) error {
				cat := fs.String("category", "", "list only this category (id or name)")
				return func(e *env, args []string) error {
					if len(args) > 0 {
						return usagef("list", "takes no arguments; use --category to narrow the list")
					}
					g, err := load(e, co)
					if err != nil {
						return err
					}
					cs := g.Concepts()
					if *cat != "" {
						c, err := g.FindCategory(*cat)
						if err != nil {
							return err
						}
						cs = g.ConceptsIn(c.ID)
					}
					return output(e, co, conceptsJSON(g.Graph, cs), func(w *writer) { listText(w, g, cs) })
				}
			},
		},
		&command{
			name: "stats", json: true,
			summary:  "Count concepts and relations; find the most connected, roots and leaves",
			examples: []string{"conceptmap stats", "conceptmap stats --top 5 --json"},
			setup: func(fs *pflag.FlagSet, co *common) func(*env, []string) error {
				top := fs.Int("top", 10, "how many of the most connected concepts to show")
				return func(e *env, args []string) error {
					if len(args) > 0 {
						return usagef("stats", "takes no arguments")
					}
					g, err := load(e, co)
					if err != nil {
						return err
					}
					s := g.Stats(*top)
					return output(e, co, statsJSON(s), func(w *writer) { statsText(w, g, s) })
				}
			},
		},
		&command{
			name: "validate", json: true,
			summary: "Check the data files and report every problem with its file:line:col",
			examples: []string{
				"conceptmap validate",
				"conceptmap validate --data my-concepts/",
				"conceptmap validate --data extra.yaml --json",
			},
			setup: func(fs *pflag.FlagSet, co *common) func(*env, []string) error {
				return validateAction(co)
			},
		},
	)
}

// orderCommand makes prereqs and unlocks, which differ only in direction.
func orderCommand(name, summary string, examples []string, query func(*graph.Graph, *graph.Concept) []graph.Step) *command {
	return &command{
		name: name, args: "CONCEPT", json: true, summary: summary, examples: examples,
		setup: func(fs *pflag.FlagSet, co *common) func(*env, []string) error {
			return func(e *env, args []string) error {
				if err := exactArgs(name, args, 1, "one concept"); err != nil {
					return err
				}
				g, err := load(e, co)
				if err != nil {
					return err
				}
				c, err := g.Lookup(args[0])
				if err != nil {
					return err
				}
				steps := query(g.Graph, c)
				return output(e, co, orderJSON(c, steps), func(w *writer) { orderText(w, g, name, c, steps) })
			}
		},
	}
}

func lookupEach(g *loaded, names []string) ([]*graph.Concept, error) {
	cs := make([]*graph.Concept, len(names))
	for i, n := range names {
		c, err := g.Lookup(n)
		if err != nil {
			return nil, err
		}
		cs[i] = c
	}
	return cs, nil
}

// makePlan is the plan for the targets, knowing the known concepts
// (comma-separated lists), in the words of command cmd.
func makePlan(cmd string, g *loaded, targets, known []string) (*graph.Plan, error) {
	p, err := g.PlanOf(targets, splitList(known))
	return p, flagError(cmd, err)
}
