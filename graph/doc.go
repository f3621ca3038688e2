// Package graph is conceptmap's domain: concepts, the typed relations
// between them, loading and validating them from data files, and the
// queries a learner asks: a learning plan, a path between two concepts, a
// neighbourhood, what comes before and after a concept, and search.
//
// # Data files
//
// A load reads YAML files (.yaml or .yml), the JSON documents that
// conceptmap exports (.json), CSV files of concepts or relations (.csv),
// GraphML (.graphml, graphml.go) and Markdown notes (.md, in an Obsidian
// vault or named one by one, markdown.go), in any mix. JSONSchema
// describes the YAML and JSON files for editors. A YAML file may hold any of four top-level lists:
// relations (the vocabulary of relation types), categories, concepts, and
// edges ({from, relation, to, why}, for relations kept apart from their
// concepts). A load that declares no relation type falls
// back on a default vocabulary given by the caller; conceptmap gives its
// bundled one.
//
//	relations:
//	  - id: improves_on                 # snake_case
//	    label: {en: improves on, zh: 改进自}       # read from source to target
//	    inverse: {en: is improved by, zh: 被改进为} # read from target to source
//	    first: target                   # which end is learned first: source, target or none
//	    role: prerequisite              # prerequisite, background or none (optional)
//	    reach: 1                        # how many links from a target it pulls (optional; default no limit)
//	    style: {color: "#2b6cb0", line: bold, arrow: normal}
//
//	categories:                         # optional; their order is the order of plans among equals
//	  - id: architecture
//	    name: {en: Model architecture, zh: 模型结构}
//
//	concepts:
//	  - id: gqa
//	    name: {en: Grouped-Query Attention, zh: 分组查询注意力}
//	    aliases: [GQA]
//	    category: architecture
//	    summary: {en: Query heads share key/value heads in groups., zh: 多个查询头分组共享键值头。}
//	    analogy: {en: Fewer experts, cheaper., zh: 减少专家人数,更省钱。}
//	    refs:
//	      - {title: "GQA: Training Generalized Multi-Query Transformer Models…", arxiv: "2305.13245"}
//	    relations:
//	      - relation: improves_on
//	        to: mha
//	        why: {en: GQA shares the key/value heads that MHA keeps apart., zh: GQA 让查询头共享 MHA 各自独立的键值头。}
//
// A relation's first field gives the learning order: "gqa improves_on
// mha" with first: target puts mha before gqa; "ffn part_of transformer"
// with first: source puts ffn before transformer; first: none sets no
// order. No relation name has a meaning in code: plans, maps and legends
// read it from the vocabulary.
//
// A relation type's role says what the end learned first is to a learner
// of the other: a prerequisite (required: a plan teaches it; the default
// for a type with an order), background (worth a look, not required: a
// plan lists it apart, as replaces does with what the Transformer
// replaced), or none (the default for first: none). Its reach limits how
// far from a plan's targets it still pulls: with reach 1, as part_of has,
// a plan for the Transformer teaches its parts, but a plan that only needs
// a Transformer (for an LLM it uses) does not. A relation in a concept file
// may override its type's role and reach:
//
//	relations:
//	  - {relation: requires, to: deepseek_v3, role: background}
//	  - {relation: part_of, to: llm, reach: all}   # every plan that needs the LLM needs this part
//
// Every relation with an order constrains a plan's order when both its
// ends are in the plan, whatever its role.
//
// A Text field such as name, summary, analogy or why is a mapping of en and
// zh; a plain string is taken as English. A relation's to may name a
// concept by id, name or alias. When categories are declared, every
// concept must use one of them; when none are, each category a concept
// names is made on the fly. A concept without a category is put in
// "other".
//
// # Validation
//
// Loading reports every problem at once, each as file:line:col with the
// offending line: YAML syntax errors, unknown fields, duplicate ids,
// unknown concepts, relation types or categories (with the nearest known
// one), empty ids or names, self-links, names or aliases that name two
// concepts, and cycles in the learning order, named in order with the
// place of each edge. A load with any problem returns no graph.
//
// # Queries
//
// A loaded Graph keeps its concepts and relations in sorted slices and
// builds, once, an index of int32 adjacency lists that every query runs
// over, so that a plan on a graph of 100,000 concepts takes milliseconds.
// Every result is deterministic.
//
// Select turns a Selection (a plan, a neighbourhood, a path, a category,
// some relation types, some highlighted concepts) into the View to draw
// and its Marks. Errors are typed (NotFoundError, SelectionError,
// ConflictError, NoPathError…) and speak of the graph, never of flags or
// URLs: callers add their own words.
//
// The explorer's offline page re-implements the planner, search and
// neighbours in JavaScript (render/web/plan.js), since it runs with no
// server; a parity test beside the script (render/web) keeps the two equal
// on the bundled data and on a hostile one.
//
// This package is the centre of the house: it imports no package of the
// project, and knows nothing of rendering, flags or the web.
package graph
