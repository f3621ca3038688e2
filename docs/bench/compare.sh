#!/usr/bin/env bash
# Benchmarks conceptmap against networkx (plans) and native Graphviz (maps as
# SVG, PNG and PDF), writes docs/bench/results.md and prints it. Run from the
# repository root:
#
#	docs/bench/compare.sh
#
# It needs Go, python3 with networkx, Graphviz's dot, hyperfine and a font
# with Chinese (conceptmap draws PNG and PDF with it):
#
#	apt-get install graphviz hyperfine fonts-noto-cjk && pip install networkx
#
# The machine may be noisy: every ratio in the results comes from figures of
# the same run of this script, never from an earlier one. Progress goes to
# stderr; the results table to stdout. Takes about four minutes on 2 cores.
set -euo pipefail

cd "$(dirname "$0")/../.."
if ! grep -q '^module github.com/conceptmap/conceptmap$' go.mod 2>/dev/null; then
	echo "compare.sh: run it from the conceptmap repository (no go.mod here)" >&2
	exit 1
fi

# What is missing, with what to install, all at once.
missing=()
command -v go >/dev/null || missing+=("go: the Go toolchain (https://go.dev/dl/)")
if ! command -v python3 >/dev/null; then
	missing+=("python3: apt-get install python3 python3-pip")
elif ! python3 -c 'import networkx' 2>/dev/null; then
	missing+=("networkx for $(command -v python3): pip install networkx (or apt-get install python3-networkx)")
fi
command -v dot >/dev/null || missing+=("dot: apt-get install graphviz")
command -v hyperfine >/dev/null || missing+=("hyperfine: apt-get install hyperfine")
if ((${#missing[@]})); then
	echo "compare.sh: missing what it needs to run:" >&2
	printf '  - %s\n' "${missing[@]}" >&2
	echo "On Debian or Ubuntu: apt-get install graphviz hyperfine fonts-noto-cjk && pip install networkx" >&2
	exit 1
fi

say() { printf '== %s\n' "$*" >&2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/conceptmap-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
# The map is drawn with the default language, both, whatever the caller's
# environment says.
unset CONCEPTMAP_LANG
export LC_ALL=C

# Everything is built once, first, so that every figure comes from the
# same code even if the tree changes while the script runs. The test
# binaries run as `go test` would run them: in their package's directory.
say "building conceptmap and the graph and render test binaries into $work"
go build -o "$work/conceptmap" ./cmd/conceptmap
go test -c -o "$work/graph.test" ./graph
go test -c -o "$work/render.test" ./render
cm=$work/conceptmap

# PNG and PDF need a font with every character of the map, Chinese too;
# find out now rather than after the benchmarks.
if ! (cd "$work" && TMPDIR=$work "$cm" map -o font-check.pdf) 2>"$work/font.err"; then
	cat "$work/font.err" >&2
	echo "compare.sh: conceptmap cannot draw the map as PDF; a CJK font is missing? apt-get install fonts-noto-cjk" >&2
	exit 1
fi

say "go benchmarks: graph (Plan, Path, Neighbors, LoadBundled), -count 3"
(cd graph && "$work/graph.test" -test.run '^$' -test.bench 'Plan|Path|Neighbors|LoadBundled' \
	-test.benchmem -test.count 3) | tee "$work/graph.bench" >&2
say "go benchmarks: render (BundledDOT, BundledSVG, PNG, PDF), -count 3"
(cd render && "$work/render.test" -test.run '^$' -test.bench 'Bundled|^BenchmarkPNG$|^BenchmarkPDF$' \
	-test.benchmem -test.count 3) | tee "$work/render.bench" >&2

# The steps metric of BenchmarkPlan/N, which every count must agree on.
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
	if ! python3 docs/bench/plan_networkx.py --runs 20 --expect-steps "$steps" "$work/gen-$n.tsv" >"$work/nx-$n.txt"; then
		cat "$work/nx-$n.txt" >&2
		echo "compare.sh: networkx and conceptmap disagree on the plan of $n concepts" >&2
		exit 1
	fi
	cat "$work/nx-$n.txt" >&2
done

say "whole processes: conceptmap map -o x.svg, x.png and x.pdf against dot -Tsvg, -Tpng and -Tpdf on its DOT"
mkdir "$work/run" "$work/tmp-warm" "$work/tmp-cold"
cd "$work/run"
# go-graphviz caches the compiled WebAssembly in $TMPDIR/go-graphviz: the
# warm runs share tmp-warm, which the warm-up fills; each cold run starts
# from an empty tmp-cold.
export TMPDIR=$work/tmp-warm
"$cm" map --format dot -o map.dot 2>/dev/null
# PNG at 144 dpi: conceptmap's default scale 2 (pixels a point), so that
# both images have about the same number of pixels.
for f in 'svg' 'png -Gdpi=144' 'pdf'; do
	if ! dot -T$f map.dot -o "y.${f%% *}" 2>"$work/dot.err"; then
		cat "$work/dot.err" >&2
		echo "compare.sh: native dot -T$f cannot draw conceptmap's DOT ($work/run/map.dot)" >&2
		exit 1
	fi
	if ! "$cm" map -o "x.${f%% *}" 2>"$work/cm.err"; then
		cat "$work/cm.err" >&2
		echo "compare.sh: conceptmap map -o x.${f%% *} failed" >&2
		exit 1
	fi
done
# Which plugin native dot draws PNG and PDF with (cairo, unless it is not
# installed); the results say.
for f in png pdf; do
	echo 'digraph { a }' | dot -v -T$f -o /dev/null 2>&1 | sed -n 's/^Using render: //p' | head -1 >"$work/dot-$f.renderer"
done
# The two PNGs must be of about the same size for their times to compare:
# both lay the same graph out, but measure its labels with different fonts.
python3 - x.png y.png <<'PY'
import struct, sys
(w1, h1), (w2, h2) = (struct.unpack(">II", open(p, "rb").read(24)[16:24]) for p in sys.argv[1:])
print(f"== PNG sizes: conceptmap {w1}x{h1}, native dot {w2}x{h2} pixels", file=sys.stderr)
if not (0.9 < w1 / w2 < 1.1 and 0.9 < h1 / h2 < 1.1):
    sys.exit("compare.sh: the two PNGs differ in size by more than 10%; their times do not compare")
PY
# -N: no shell in between, so hyperfine times the process itself. The
# commands after the first two add one phase each: process start and the
# WebAssembly set-up (--version), loading the data (plan GRPO), writing
# the DOT (map --format dot); map -o x.svg adds the layout. Then the PNG
# and the PDF, each next to native dot drawing the same format.
hyperfine -N --warmup 3 --runs 20 --export-json "$work/warm.json" \
	-n 'conceptmap map -o x.svg' "$cm map -o x.svg" \
	-n 'dot -Tsvg map.dot -o y.svg' 'dot -Tsvg map.dot -o y.svg' \
	-n 'conceptmap --version' "$cm --version" \
	-n 'conceptmap plan GRPO' "$cm plan GRPO" \
	-n 'conceptmap map --format dot -o m.dot' "$cm map --format dot -o m.dot" \
	-n 'conceptmap map -o x.png' "$cm map -o x.png" \
	-n 'dot -Tpng -Gdpi=144 map.dot -o y.png' 'dot -Tpng -Gdpi=144 map.dot -o y.png' \
	-n 'conceptmap map -o x.pdf' "$cm map -o x.pdf" \
	-n 'dot -Tpdf map.dot -o y.pdf' 'dot -Tpdf map.dot -o y.pdf' >&2

say "cold: conceptmap map -o x.svg with an empty TMPDIR (WebAssembly compiled anew)"
export TMPDIR=$work/tmp-cold
hyperfine -N --runs 5 --prepare "rm -rf $work/tmp-cold/go-graphviz" --export-json "$work/cold.json" \
	-n 'conceptmap map -o x.svg (cold)' "$cm map -o x.svg" >&2
[ -d "$work/tmp-cold/go-graphviz" ] || {
	echo "compare.sh: go-graphviz wrote no cache under TMPDIR; the cold/warm split means nothing" >&2
	exit 1
}

# The WebAssembly set-up in a warm process, as the Go runtime times the
# init of go-graphviz's wasm package.
export TMPDIR=$work/tmp-warm
for _ in $(seq 10); do
	GODEBUG=inittrace=1 "$cm" --version 2>&1 >/dev/null |
		awk '$2 == "github.com/goccy/go-graphviz/internal/wasm" { print $5 }'
done >"$work/wasm-init.txt"
cd - >/dev/null

export BENCH_WORK=$work
export BENCH_NPROC=$(nproc)
export BENCH_CPU=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)
export BENCH_DATE=$(date -u '+%Y-%m-%d %H:%M UTC')
export BENCH_KERNEL=$(uname -sr)
export BENCH_GO=$(go version | awk '{ print $3 }')
export BENCH_DOT=$(dot -V 2>&1 | sed -n 's/.*version \([^ ]*\).*/\1/p')
export BENCH_DOT_PNG=$(cat "$work/dot-png.renderer") BENCH_DOT_PDF=$(cat "$work/dot-pdf.renderer")
export BENCH_HYPERFINE=$(hyperfine --version | awk '{ print $2 }')
export BENCH_PY=$(python3 -c 'import platform, networkx; print(platform.python_version(), networkx.__version__)')
export BENCH_COMMIT=$(git describe --always --dirty 2>/dev/null || echo unknown)

python3 - >docs/bench/results.md <<'PY'
import json, os, re, statistics, struct

w = os.environ["BENCH_WORK"]
env = lambda k: os.environ["BENCH_" + k]

def gobench(path):
    """name -> {unit: [values]} over the -count runs."""
    out = {}
    for line in open(path):
        f = line.split()
        if not f or not f[0].startswith("Benchmark") or len(f) < 4:
            continue
        name = re.sub(r"-\d+$", "", f[0])
        d = out.setdefault(name, {})
        for v, unit in zip(f[2::2], f[3::2]):
            d.setdefault(unit, []).append(float(v))
    return out

bench = gobench(f"{w}/graph.bench") | gobench(f"{w}/render.bench")
med = lambda name, unit="ns/op": statistics.median(bench[name][unit])

def nx(n):
    return {k: v for k, v in (kv.split("=") for kv in open(f"{w}/nx-{n}.txt").read().split())}

def hf(path):
    return {r["command"]: r for r in json.load(open(path))["results"]}

warm, cold = hf(f"{w}/warm.json"), hf(f"{w}/cold.json")

def dur(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}" if ns < 100 * scale else f"{ns / scale:.0f} {unit}"
    return f"{ns:.0f} ns"

ms = lambda s: f"{s * 1e3:.1f} ms"
print("# conceptmap benchmarks\n")
print(f"Written by `docs/bench/compare.sh` on {env('DATE')} at commit `{env('COMMIT')}`.")
print(f"Machine: {env('NPROC')} cores (`nproc`), {env('CPU')}, {env('KERNEL')}; {env('GO')}, "
      f"native Graphviz {env('DOT')}, Python {env('PY').split()[0]} with networkx {env('PY').split()[1]}, "
      f"hyperfine {env('HYPERFINE')}.")
print("Every ratio below divides two figures of this same run.\n")

# Targets.
plan100k = med("BenchmarkPlan/100000") / 1e6
# conceptmap's command and native dot's, by format.
pictures = {
    "svg": ("conceptmap map -o x.svg", "dot -Tsvg map.dot -o y.svg"),
    "png": ("conceptmap map -o x.png", "dot -Tpng -Gdpi=144 map.dot -o y.png"),
    "pdf": ("conceptmap map -o x.pdf", "dot -Tpdf map.dot -o y.pdf"),
}

def ratio(fmt):
    """conceptmap's mean over native dot's, and its standard error."""
    a, b = (warm[c] for c in pictures[fmt])
    r = a["mean"] / b["mean"]
    return r, r * ((a["stddev"] / a["mean"]) ** 2 + (b["stddev"] / b["mean"]) ** 2) ** 0.5

cm_map, dot_map = (warm[c] for c in pictures["svg"])
print("## Targets\n")
print("| target | measured | met |")
print("|---|---|---|")
print(f"| (a) plan on the 100,000-concept graph, once loaded, under 10 ms | {plan100k:.2f} ms | {'yes' if plan100k < 10 else '**no**'} |")
for letter, fmt, native, limit in (("b", "svg", "dot -Tsvg", 1.5), ("c", "png", "dot -Tpng -Gdpi=144", 2), ("d", "pdf", "dot -Tpdf", 2)):
    r, err = ratio(fmt)
    print(f"| ({letter}) whole `conceptmap map -o x.{fmt}` within {limit:g}× of native `{native}` (warm, ratio of means) "
          f"| {r:.2f}× ± {err:.2f} | {'yes' if r <= limit else '**no**'} |")
print()

print("## Plan: conceptmap against networkx\n")
print("Same graphs (`generate(n, 3, 42)`, target `Concepts()[n-1]`), both timed after loading. "
      "conceptmap: `BenchmarkPlan`, median of 3 counts of ns/op. networkx: `nx.ancestors` plus "
      "`topological_sort` of the induced subgraph, 20 runs.\n")
print("| concepts | networkx edges | steps: conceptmap | steps: networkx | conceptmap | networkx median | networkx best | networkx ÷ conceptmap |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|")
for n in (10000, 100000):
    ours = med(f"BenchmarkPlan/{n}") / 1e6
    r = nx(n)
    steps = int(med(f"BenchmarkPlan/{n}", "steps"))
    assert steps == int(r["steps"]), (n, steps, r["steps"])
    print(f"| {n:,} | {int(r['edges']):,} | {steps} | {r['steps']} | {ours:.3f} ms | {float(r['median_ms']):.3f} ms "
          f"| {float(r['best_ms']):.3f} ms | {float(r['median_ms']) / ours:.1f}× |")
print()

print("## Go benchmarks\n")
print("`go test -bench … -benchmem -count 3` (the test binaries, built once); each figure is the median of the 3 counts.\n")
print("| benchmark | time/op | B/op | allocs/op | other |")
print("|---|---:|---:|---:|---|")
for name in bench:
    d = bench[name]
    other = ", ".join(f"{statistics.median(v):.0f} {u}" for u, v in d.items()
                      if u not in ("ns/op", "B/op", "allocs/op"))
    b = f"{med(name, 'B/op'):,.0f}" if "B/op" in d else ""
    a = f"{med(name, 'allocs/op'):,.0f}" if "allocs/op" in d else ""
    print(f"| {name.removeprefix('Benchmark')} | {dur(med(name))} | {b} | {a} | {other} |")
print()

print("## Whole processes\n")
print("hyperfine `-N --warmup 3 --runs 20` on the bundled data (default language: both; the map "
      "has no edge labels, as `--edge-labels auto` decides for its edges). Warm: go-graphviz's "
      "compiled WebAssembly is cached in `$TMPDIR/go-graphviz`. Cold: the cache removed before each of 5 runs.\n")
print("| command | mean ± σ | min | max | ÷ `dot -Tsvg` |")
print("|---|---:|---:|---:|---:|")
for name, r in list(warm.items()) + list(cold.items()):
    print(f"| `{name}` | {ms(r['mean'])} ± {ms(r['stddev'])} | {ms(r['min'])} | {ms(r['max'])} "
          f"| {r['mean'] / dot_map['mean']:.2f}× |")
print()

def picture(path):
    """Bytes, and the size: pixels of a PNG, points of a PDF's first page."""
    b = open(path, "rb").read()
    size = ""
    if path.endswith(".png"):
        w, h = struct.unpack(">II", b[16:24])
        size = f", {w:,} × {h:,} px"
    elif m := re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", b):
        size = f", {float(m[1]):g} × {float(m[2]):g} pt"
    return f"{len(b):,} bytes{size}"

print("## The map as SVG, PNG and PDF: conceptmap against native `dot`\n")
print("The means of the whole-process table above, format by format; the ratio with its standard error. "
      "conceptmap lays the map out with go-graphviz (Graphviz as WebAssembly) and draws PNG and PDF from its "
      "xdot output with tdewolff/canvas, measuring labels with the font that draws them; native `dot` draws "
      f"the map's DOT (`conceptmap map --format dot`), PNG with {env('DOT_PNG') or '?'} at 144 dpi (conceptmap's "
      f"default `--scale 2`), PDF with {env('DOT_PDF') or '?'}. Sizes are those of the outputs of this run.\n")
print("| format | conceptmap | native `dot` | ratio | conceptmap's output | native `dot`'s output |")
print("|---|---:|---:|---:|---:|---:|")
for fmt, (ours, theirs) in pictures.items():
    r, err = ratio(fmt)
    print(f"| {fmt.upper()} | {ms(warm[ours]['mean'])} | {ms(warm[theirs]['mean'])} | {r:.2f}× ± {err:.2f} "
          f"| {picture(f'{w}/run/x.{fmt}')} | {picture(f'{w}/run/y.{fmt}')} |")
print()

wasm = [float(x.split()[0]) if x.strip() else 0 for x in open(f"{w}/wasm-init.txt")]
v, p, d = (warm[k]["mean"] * 1e3 for k in ("conceptmap --version", "conceptmap plan GRPO", "conceptmap map --format dot -o m.dot"))
svg_in = med("BenchmarkBundledSVG/cli") / 1e6
dot_in = med("BenchmarkBundledDOT/cli") / 1e6
print("## Where `conceptmap map -o x.svg` spends its time (warm)\n")
print("Differences of the means above, and in-process figures from the Go benchmarks.\n")
print("| phase | ms | from |")
print("|---|---:|---|")
print(f"| process start, with go-graphviz's WebAssembly set-up | {v:.1f} | `conceptmap --version` |")
if wasm:
    print(f"| … of which the WebAssembly set-up (init of go-graphviz/internal/wasm) | {statistics.median(wasm):.1f} | `GODEBUG=inittrace=1`, median of {len(wasm)} |")
print(f"| load and check the bundled data, in process | {med('BenchmarkLoadBundled') / 1e6:.1f} | BenchmarkLoadBundled |")
print(f"| load, then write the DOT, whole | {d - v:.1f} | `map --format dot` − `--version` |")
print(f"| … of which the DOT, in process | {dot_in:.1f} | BenchmarkBundledDOT/cli |")
print(f"| start Graphviz, lay out and write SVG | {cm_map['mean'] * 1e3 - d:.1f} | `map -o x.svg` − `map --format dot` |")
print(f"| … DOT, layout and SVG, second render in a process | {svg_in:.1f} | BenchmarkBundledSVG/cli |")
print(f"| native `dot -Tsvg`, whole process | {dot_map['mean'] * 1e3:.1f} | hyperfine |")
print()

print("## Where `conceptmap map -o x.png` and `-o x.pdf` spend their time (warm)\n")
print("As above: the start, loading the data and writing the DOT are shared with `map --format dot`.\n")
print("| phase | PNG, ms | PDF, ms | from |")
print("|---|---:|---:|---|")
print(f"| process start, load, write the DOT | {d:.1f} | {d:.1f} | `map --format dot` |")
png, pdf = (warm[pictures[f][0]]["mean"] * 1e3 for f in ("png", "pdf"))
print(f"| start Graphviz, lay out, draw and write | {png - d:.1f} | {pdf - d:.1f} | `map -o x.png` or `x.pdf` − `map --format dot` |")
if "BenchmarkPNG" in bench and "BenchmarkPDF" in bench:
    print(f"| … DOT, layout, drawing and writing, second render in a process | {med('BenchmarkPNG') / 1e6:.1f} "
          f"| {med('BenchmarkPDF') / 1e6:.1f} | BenchmarkPNG, BenchmarkPDF |")
png_dot, pdf_dot = (warm[pictures[f][1]]["mean"] * 1e3 for f in ("png", "pdf"))
print(f"| native `dot -Tpng -Gdpi=144` or `-Tpdf`, whole process | {png_dot:.1f} | {pdf_dot:.1f} | hyperfine |")
PY

echo >&2
cat docs/bench/results.md
