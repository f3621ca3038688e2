#!/usr/bin/env python3
"""Write docs/bench/results.md from the figures compare.sh gathered in
$BENCH_WORK. Every ratio divides two figures of the same run."""

import json
import os
import re
import statistics
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import yaml_networkx  # noqa: E402

w = os.environ["BENCH_WORK"]
env = lambda k: os.environ["BENCH_" + k]


def gobench(path):
    """name -> {unit: [values]} over the -count runs."""
    out = {}
    for line in open(path):
        f = line.split()
        if not f or not f[0].startswith("Benchmark") or len(f) < 4:
            continue
        d = out.setdefault(re.sub(r"-\d+$", "", f[0]), {})
        for v, unit in zip(f[2::2], f[3::2]):
            d.setdefault(unit, []).append(float(v))
    return out


bench = {}
for b in ("graph", "render", "cmd"):
    bench |= gobench(f"{w}/{b}.bench")
med = lambda name, unit="ns/op": statistics.median(bench[name][unit])
runs = {}
for f in ("csv", "warm", "cold"):
    runs[f] = json.load(open(f"{w}/{f}.json"))
cpu = lambda f, name: runs[f][name]["cpu_median"] * 1e3
rss = lambda f, name: runs[f][name]["rss_median"] / 2**20


def dur(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.0f} ns"


def size(path):
    b = open(path, "rb").read()
    if path.endswith(".png"):
        pw, ph = struct.unpack(">II", b[16:24])
        return f"{len(b):,} bytes, {pw:,} × {ph:,} px"
    return f"{len(b):,} bytes"


print("# conceptmap benchmarks\n")
print(f"Written by `docs/bench/compare.sh` on {env('DATE')} at commit `{env('COMMIT')}`. "
      f"Machine: {env('NPROC')} cores, {env('CPU')}, {env('KERNEL')}; {env('GO')}, native Graphviz {env('DOT')}, "
      f"Python {env('PY').split()[0]} with networkx {env('PY').split()[1]}.\n")
print("Every figure is CPU time (user + system, the process and its children), the median of its runs; whole "
      "processes were timed by `docs/bench/cputime.py`, which runs every command once a round, in turn, so a "
      "machine busier at one moment than another slows them alike. Every ratio divides two figures of this run.\n")

W = "warm"
version, plan, fresh = (cpu(W, n) for n in ("conceptmap --version", "conceptmap plan GRPO", "conceptmap plan GRPO, empty TMPDIR"))
slide, slide_dot = cpu(W, "conceptmap map --plan GRPO --size 16:9 -o slide.png"), cpu(W, "dot -Tpng, 1920x1080")
svg, svg_dot = cpu(W, "conceptmap map -o x.svg"), cpu(W, "dot -Tsvg")
csv_cm, csv_nx = "conceptmap validate --data r100k.csv", "networkx reads r100k.csv"
rows = [
    ("`plan GRPO` ÷ `--version`", plan / version, 1.3),
    ("`plan GRPO` with an empty TMPDIR ÷ a warm run", fresh / plan, 1.5),
    ("1920×1080 PNG of the GRPO plan ÷ native `dot -Tpng` at the same size", slide / slide_dot, 2.5),
    ("validating a 100,000-concept relations CSV ÷ networkx reading it: CPU", cpu("csv", csv_cm) / cpu("csv", csv_nx), 1.0),
    ("… peak memory", rss("csv", csv_cm) / rss("csv", csv_nx), 2.0),
    ("`map -o x.svg` ÷ native `dot -Tsvg`", svg / svg_dot, 2.0),
]
print("## Targets\n")
print("| target | ratio | at most | met |")
print("|---|---:|---:|---|")
for what, r, limit in rows:
    print(f"| {what} | {r:.2f}× | {limit:g}× | {'yes' if r <= limit else '**no**'} |")
print()

print("## Whole processes\n")
print(f"Bundled data, default language (both). Graphviz's compiled code cached, TMPDIR this run's own. "
      f"{len(runs[W]['conceptmap --version']['runs'])} rounds after 2 warm-up rounds.\n")
print("| command | CPU | peak memory | ÷ `--version` |")
print("|---|---:|---:|---:|")
for name in runs[W]:
    print(f"| `{name}` | {cpu(W, name):.1f} ms | {rss(W, name):.0f} MiB | {cpu(W, name) / version:.2f}× |")
print()
print("Native `dot` draws conceptmap's DOT (`map --format dot`); the slide's, at 144 dpi stretched to "
      "13.33 × 7.5 inches, so that both slides have the same pixels. Outputs of this run:\n")
print("| output | conceptmap | native `dot` |")
print("|---|---|---|")
for what, ours, theirs in (("SVG", "x.svg", "y.svg"), ("PNG slide", "slide.png", "slide-dot.png"),
                           ("PNG, the whole map", "x.png", "y.png"), ("PDF", "x.pdf", "y.pdf")):
    print(f"| {what} | {size(f'{w}/run/{ours}')} | {size(f'{w}/run/{theirs}')} |")
print()
print("| first run on a machine (nothing cached) | CPU | ÷ a cached run, same rounds |")
print("|---|---:|---:|")
cold_name = "conceptmap map -o x.svg, no cache"
print(f"| `map -o x.svg` | {cpu('cold', cold_name):.0f} ms | {cpu('cold', cold_name) / cpu('cold', 'conceptmap map -o x.svg'):.1f}× |")
print()

print("## A 100,000-concept relations CSV: conceptmap against networkx\n")
print("`docs/bench/relations_networkx.py write 100000` makes the file (about 2.7 relations a concept, named by id). "
      "conceptmap validates it as `conceptmap validate --data` does: every relation resolved, duplicates and "
      "cycles looked for, a graph indexed. networkx: `csv.DictReader` into a `DiGraph` with each edge's relation "
      "and reason, then `is_directed_acyclic_graph`. 5 rounds after a warm-up.\n")
print("| | CPU | peak memory |")
print("|---|---:|---:|")
for name in (csv_cm, csv_nx):
    print(f"| {name} | {cpu('csv', name):.0f} ms | {rss('csv', name):.0f} MiB |")
print(f"| ratio | {cpu('csv', csv_cm) / cpu('csv', csv_nx):.2f}× | {rss('csv', csv_cm) / rss('csv', csv_nx):.2f}× |")
print()

print(yaml_networkx.section(f"{w}/yaml.json"))


def nx(n):
    return dict(kv.split("=") for kv in open(f"{w}/nx-{n}.txt").read().split())


print("## Plan, once loaded: conceptmap against networkx\n")
print("Same graphs (`generate(n, 3, 42)`, target `Concepts()[n-1]`). conceptmap: `BenchmarkPlan`. networkx: "
      "`nx.ancestors` plus `topological_sort` of the induced subgraph, median of 20 runs.\n")
print("| concepts | steps | conceptmap | networkx | networkx ÷ conceptmap |")
print("|---:|---:|---:|---:|---:|")
for n in (10000, 100000):
    ours = med(f"BenchmarkPlan/{n}") / 1e6
    r = nx(n)
    print(f"| {n:,} | {r['steps']} | {ours:.3f} ms | {float(r['median_ms']):.3f} ms | {float(r['median_ms']) / ours:.0f}× |")
print()

print("## Where `map -o x.svg` spends its time\n")
d = cpu(W, "conceptmap map --format dot")
print("| phase | CPU, ms | from |")
print("|---|---:|---|")
print(f"| start the process and set Graphviz up (WebAssembly, from its cache) | {version:.1f} | `--version` |")
print(f"| load the bundled data (compiled snapshot) and plan | {plan - version:.1f} | `plan GRPO` − `--version` |")
print(f"| load the data, fit the map to its page (render.Fit lays out the candidates it needs, as SVG, in WebAssembly Graphviz: one for this map, and its legend) and write the DOT | {d - version:.1f} | `map --format dot` − `--version` |")
print(f"| draw the SVG from the layout Fit kept, instead of the DOT | {svg - d:.1f} | `map -o x.svg` − `map --format dot` |")
print(f"| one layout and SVG in WebAssembly Graphviz, without fitting, in process, wall time | {med('BenchmarkBundledSVG/cli') / 1e6 - med('BenchmarkBundledDOT/cli') / 1e6:.1f} | BenchmarkBundledSVG − BenchmarkBundledDOT |")
print(f"| native `dot -Tsvg`, whole | {svg_dot:.1f} | |")
print()

print("## Go benchmarks\n")
print(f"`go test -bench … -benchmem` (test binaries built once), the median of {len(next(iter(bench.values()))['ns/op'])} counts, wall time "
      "in process. `MapGRPO` and `PlanGRPO` run whole commands in process, after a first untimed run.\n")
print("| benchmark | time/op | B/op | allocs/op | other |")
print("|---|---:|---:|---:|---|")
for name in bench:
    d = bench[name]
    other = ", ".join(f"{statistics.median(v):.4g} {u}" for u, v in d.items() if u not in ("ns/op", "B/op", "allocs/op"))
    b = f"{med(name, 'B/op'):,.0f}" if "B/op" in d else ""
    a = f"{med(name, 'allocs/op'):,.0f}" if "allocs/op" in d else ""
    print(f"| {name.removeprefix('Benchmark')} | {dur(med(name))} | {b} | {a} | {other} |")
