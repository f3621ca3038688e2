#!/usr/bin/env bash
# Measures reading a YAML file of 100,000 concepts: `conceptmap validate`
# against PyYAML and networkx reading the same file, by CPU time, in one
# run. Run from the repository root:
#
#	docs/bench/yaml.sh
#
# It needs Go and python3 with PyYAML and networkx (apt-get install
# python3-yaml python3-networkx); PyYAML's C loader is used when it has
# one. Alone, it builds conceptmap, measures and puts its section into
# docs/bench/results.md in place of the one there. compare.sh runs it with
# BENCH_CM (its conceptmap) and BENCH_WORK (its folder) set: it then only
# measures, into $BENCH_WORK/yaml.json, for results.py. YAML_ROUNDS
# (default 3) sets the rounds; PyYAML takes about a minute a round.
set -euo pipefail

cd "$(dirname "$0")/../.."
bench=docs/bench
if ! python3 -c 'import yaml, networkx' 2>/dev/null; then
	echo "yaml.sh: python3 needs PyYAML and networkx: apt-get install python3-yaml python3-networkx" >&2
	exit 1
fi
alone=
if [[ -z ${BENCH_WORK:-} ]]; then
	alone=1
	BENCH_WORK=$(mktemp -d "${TMPDIR:-/tmp}/conceptmap-bench.XXXXXX")
	trap 'rm -rf "$BENCH_WORK"' EXIT
	BENCH_CM=$BENCH_WORK/conceptmap
	commit=$(git describe --always --dirty 2>/dev/null || echo unknown)
	echo "== building conceptmap at $commit into $BENCH_WORK" >&2
	go build -o "$BENCH_CM" ./cmd/conceptmap
fi
echo "== a YAML file of 100,000 concepts: conceptmap validate against PyYAML and networkx reading it ($(python3 $bench/yaml_networkx.py loader))" >&2
python3 $bench/yaml_networkx.py write 100000 "$BENCH_WORK/c100k.yaml"
python3 $bench/cputime.py --runs "${YAML_ROUNDS:-3}" --warmup 0 --json "$BENCH_WORK/yaml.json" \
	-n 'conceptmap validate --data c100k.yaml' "$BENCH_CM validate --data $BENCH_WORK/c100k.yaml" \
	-n 'PyYAML and networkx read c100k.yaml' "python3 $bench/yaml_networkx.py read $BENCH_WORK/c100k.yaml"
if [[ -n $alone ]]; then
	note="Measured alone by \`docs/bench/yaml.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC') at commit \`$commit\`."
	python3 $bench/yaml_networkx.py splice "$BENCH_WORK/yaml.json" $bench/results.md "$note"
	python3 $bench/yaml_networkx.py section "$BENCH_WORK/yaml.json"
fi
