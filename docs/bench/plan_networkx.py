#!/usr/bin/env python3
"""Time a learning plan in networkx on the graph BenchmarkPlan uses.

The input is what TestWriteGenerated writes (see graph/export_bench_test.go):
a first line "# target ID", then one line "FIRST<TAB>THEN" per edge that sets
a learning order. After loading, like BenchmarkPlan, it times

    anc = nx.ancestors(G, target)
    list(nx.topological_sort(G.subgraph(anc | {target})))

and prints one line of key=value pairs:

    nodes=... edges=... target=... steps=... runs=... best_ms=... median_ms=...

steps (ancestors + 1) must equal BenchmarkPlan's steps metric. With
--expect-steps N it exits 1 if it does not.
"""

import argparse
import statistics
import sys
import time

try:
    import networkx as nx
except ImportError:
    sys.exit("plan_networkx.py: networkx is missing: pip install networkx")


def load(path):
    G = nx.DiGraph()
    target = None
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("# target "):
                target = line[len("# target "):]
                G.add_node(target)
                continue
            first, sep, then = line.partition("\t")
            if not sep or not first or not then:
                sys.exit(f"{path}:{lineno}: want FIRST<TAB>THEN, got {line!r}")
            G.add_edge(first, then)
    if target is None:
        sys.exit(f"{path}: no '# target ID' line")
    return G, target


def plan(G, target):
    anc = nx.ancestors(G, target)
    return list(nx.topological_sort(G.subgraph(anc | {target})))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", help="output of TestWriteGenerated -gen-out")
    ap.add_argument("--runs", type=int, default=20, help="timed runs (default 20)")
    ap.add_argument("--expect-steps", type=int, help="fail unless the plan has this many steps")
    args = ap.parse_args()

    G, target = load(args.file)
    order = plan(G, target)  # warm up, and check the answer
    pos = {v: i for i, v in enumerate(order)}
    for u, v in G.subgraph(order).edges():
        if pos[u] >= pos[v]:
            sys.exit(f"networkx order puts {v} before its prerequisite {u}")
    if order[-1] != target:
        # Only the target has no successor in the subgraph, so it is last.
        sys.exit(f"networkx order ends with {order[-1]}, not the target {target}")

    times = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        plan(G, target)
        times.append((time.perf_counter() - t0) * 1e3)

    print(
        f"nodes={G.number_of_nodes()} edges={G.number_of_edges()} target={target} "
        f"steps={len(order)} runs={args.runs} "
        f"best_ms={min(times):.3f} median_ms={statistics.median(times):.3f}"
    )
    if args.expect_steps is not None and args.expect_steps != len(order):
        print(
            f"plan_networkx.py: networkx plan has {len(order)} steps, "
            f"conceptmap's has {args.expect_steps}",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
