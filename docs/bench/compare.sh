#!/usr/bin/env bash
# Benchmarks conceptmap against networkx (plans, a 100,000-concept CSV) and
# native Graphviz (maps as SVG, PNG and PDF), writes docs/bench/results.md
# and prints it. Run from the repository root:
#
#	docs/bench/compare.sh
#
# It needs Go, python3 with networkx, Graphviz's dot and a font with
# Chinese (conceptmap draws PNG and PDF with it):
#
#	apt-get install graphviz fonts-noto-cjk python3-networkx python3-yaml
#
# The machine may be noisy and shared: every figure is CPU time (user +
# system, of the process and its children), whole processes are timed by
# docs/bench/cputime.py in rounds that run every command once in turn, and
# every ratio divides two figures of the same run. Progress goes to stderr.
# Takes about ten minutes on 2 cores, four of them PyYAML's (yaml.sh).
# BENCH_COUNT (default 3) sets the -count of the Go benchmarks,
# BENCH_ROUNDS (default 20) the rounds of the whole processes, and
# YAML_ROUNDS (default 3) those of yaml.sh, for a quicker run on a busy
# machine.
set -euo pipefail

cd "$(dirname "$0")/../.."
if ! grep -q '^module github.com/conceptmap/conceptmap$' go.mod 2>/dev/null; then
	echo "compare.sh: run it from the conceptmap repository (no go.mod here)" >&2
	exit 1
fi

missing=()
command -v go >/dev/null || missing+=("go: the Go toolchain (https://go.dev/dl/)")
if ! command -v python3 >/dev/null; then
	missing+=("python3: apt-get install python3")
elif ! python3 -c 'import networkx' 2>/dev/null; then
	missing+=("networkx for $(command -v python3): apt-get install python3-networkx (or pip install networkx)")
elif ! python3 -c 'import yaml' 2>/dev/null; then
	missing+=("PyYAML for $(command -v python3): apt-get install python3-yaml (or pip install pyyaml)")
fi
command -v dot >/dev/null || missing+=("dot: apt-get install graphviz")
if ((${#missing[@]})); then
	echo "compare.sh: missing what it needs to run:" >&2
	printf '  - %s\n' "${missing[@]}" >&2
	exit 1
fi

say() { printf '== %s\n' "$*" >&2; }
bench=docs/bench
work=$(mktemp -d "${TMPDIR:-/tmp}/conceptmap-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
unset CONCEPTMAP_LANG
export LC_ALL=C
# Graphviz's compiled code goes to a cache of this run's own, which the
# warm-up rounds fill; TMPDIR is this run's too. Go keeps its build cache.
export GOCACHE=$(go env GOCACHE)
export XDG_CACHE_HOME=$work/cache TMPDIR=$work/tmp
mkdir -p "$XDG_CACHE_HOME" "$TMPDIR" "$work/run"

# Everything is built once, first, so that every figure comes from the same
# code. Test binaries run in their package's directory, as go test runs them.
say "building conceptmap and the test binaries into $work"
go build -o "$work/conceptmap" ./cmd/conceptmap
for p in graph render cmd/conceptmap; do
	go test -c -o "$work/$(basename $p).test" ./$p
done
cm=$work/conceptmap
if ! (cd "$work/run" && "$cm" map -o font-check.pdf) 2>"$work/font.err"; then
	cat "$work/font.err" >&2
	echo "compare.sh: conceptmap cannot draw the map as PDF; a CJK font is missing? apt-get install fonts-noto-cjk" >&2
	exit 1
fi

gobench() { # DIR BINARY PATTERN OUT
	(cd "$1" && "$work/$2" -test.run '^$' -test.bench "$3" -test.benchmem -test.count "${BENCH_COUNT:-3}") | tee "$work/$4" >&2
}
say "go benchmarks, -count ${BENCH_COUNT:-3}: graph, render, cmd (whole commands in process)"
gobench graph graph.test 'Plan|Path|Neighbors|LoadBundled|ReadSnapshotBundled|LoadRelationsCSV/10000|LoadYAML/10000' graph.bench
gobench render render.test 'Bundled|^BenchmarkPNG$|^BenchmarkPDF$' render.bench
gobench cmd/conceptmap conceptmap.test 'PlanGRPO|MapGRPO' cmd.bench

ours_steps() {
	awk -v name="BenchmarkPlan/$1-" 'index($1, name) == 1 {
		for (i = 3; i <= NF; i++) if ($i == "steps") print $(i - 1) + 0
	}' "$work/graph.bench" | sort -u
}
for n in 10000 100000; do
	steps=$(ours_steps $n)
	if [ -z "$steps" ] || [ "$(wc -l <<<"$steps")" -ne 1 ]; then
		echo "compare.sh: cannot read one steps metric for BenchmarkPlan/$n (got: ${steps:-none})" >&2
		exit 1
	fi
	say "networkx: plan on the graph of $n concepts (conceptmap: $steps steps)"
	(cd graph && "$work/graph.test" -test.run '^TestWriteGenerated$' -gen-n "$n" -gen-out "$work/gen-$n.tsv" >/dev/null)
	if ! python3 $bench/plan_networkx.py --runs 20 --expect-steps "$steps" "$work/gen-$n.tsv" >"$work/nx-$n.txt"; then
		cat "$work/nx-$n.txt" >&2
		echo "compare.sh: networkx and conceptmap disagree on the plan of $n concepts" >&2
		exit 1
	fi
	cat "$work/nx-$n.txt" >&2
done

say "a relations CSV of 100,000 concepts: conceptmap validate against networkx reading it"
python3 $bench/relations_networkx.py write 100000 "$work/r100k.csv"
python3 $bench/cputime.py --runs 5 --warmup 1 --json "$work/csv.json" \
	-n 'conceptmap validate --data r100k.csv' "$cm validate --data $work/r100k.csv" \
	-n 'networkx reads r100k.csv' "python3 $bench/relations_networkx.py read $work/r100k.csv"

BENCH_CM=$cm BENCH_WORK=$work $bench/yaml.sh

say "whole processes, against native dot on conceptmap's DOT"
cd "$work/run"
"$cm" map --format dot -o map.dot 2>/dev/null
"$cm" map --plan GRPO --size 16:9 --format dot -o grpo.dot 2>/dev/null
# The slide is 1920x1080 pixels; native dot draws the same DOT at 144 dpi
# into 13.33x7.5 inches, stretched to fill them, so both PNGs have the
# same pixels to fill.
slide_dot='-Gdpi=144 -Gsize=13.3333,7.5! -Gratio=fill'
python3 "$OLDPWD/$bench/cputime.py" --runs "${BENCH_ROUNDS:-20}" --warmup 2 --json "$work/warm.json" \
	-n 'conceptmap --version' "$cm --version" \
	-n 'conceptmap plan GRPO' "$cm plan GRPO" \
	-n 'conceptmap plan GRPO, empty TMPDIR' "TMPDIR=$work/fresh $cm plan GRPO" \
	--prepare 'conceptmap plan GRPO, empty TMPDIR' "rm -rf $work/fresh && mkdir $work/fresh" \
	-n 'conceptmap map --format dot' "$cm map --format dot -o m.dot" \
	-n 'conceptmap map -o x.svg' "$cm map -o x.svg" \
	-n 'dot -Tsvg' "dot -Tsvg map.dot -o y.svg" \
	-n 'conceptmap map --plan GRPO --size 16:9 -o slide.png' "$cm map --plan GRPO --size 16:9 --scale 2 -o slide.png" \
	-n 'dot -Tpng, 1920x1080' "dot -Tpng $slide_dot grpo.dot -o slide-dot.png" \
	-n 'conceptmap map -o x.png' "$cm map -o x.png" \
	-n 'dot -Tpng -Gdpi=144' "dot -Tpng -Gdpi=144 map.dot -o y.png" \
	-n 'conceptmap map -o x.pdf' "$cm map -o x.pdf" \
	-n 'dot -Tpdf' "dot -Tpdf map.dot -o y.pdf"

say "first run on a machine: Graphviz's compiled code not cached"
python3 "$OLDPWD/$bench/cputime.py" --runs 3 --warmup 0 --json "$work/cold.json" \
	-n 'conceptmap map -o x.svg, no cache' "XDG_CACHE_HOME=$work/cold $cm map -o x.svg" \
	--prepare 'conceptmap map -o x.svg, no cache' "rm -rf $work/cold" \
	-n 'conceptmap map -o x.svg' "$cm map -o x.svg"
cd - >/dev/null

export BENCH_WORK=$work BENCH_NPROC=$(nproc)
export BENCH_CPU=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
export BENCH_DATE=$(date -u '+%Y-%m-%d %H:%M UTC') BENCH_KERNEL=$(uname -sr)
export BENCH_GO=$(go version | awk '{ print $3 }')
export BENCH_DOT=$(dot -V 2>&1 | sed -n 's/.*version \([^ ]*\).*/\1/p')
export BENCH_PY=$(python3 -c 'import platform, networkx; print(platform.python_version(), networkx.__version__)')
export BENCH_COMMIT=$(git describe --always --dirty 2>/dev/null || echo unknown)
python3 $bench/results.py >$bench/results.md
echo >&2
cat $bench/results.md
