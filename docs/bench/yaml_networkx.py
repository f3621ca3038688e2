#!/usr/bin/env python3
"""Write, or read with PyYAML and networkx, a YAML concepts file of N concepts.

    yaml_networkx.py write N FILE    # concepts in the bundled data's shape
    yaml_networkx.py read FILE       # PyYAML loads it, networkx graphs it
    yaml_networkx.py loader          # which PyYAML loader read uses
    yaml_networkx.py section JSON    # the results.md section from cputime.py's JSON
    yaml_networkx.py splice JSON RESULTS NOTE   # that section, with NOTE, into RESULTS

The file has the shape of BenchmarkLoadYAML's (graph/load_bench_test.go):
concepts c000000 … with names and a summary in English and Chinese, and
about 2.5 relations each, with reasons, every one towards an earlier
concept, so the learning order has no cycle; conceptmap validates it with
`conceptmap validate --data FILE`. The reader is what a Python user writes
for the same file: yaml.load with PyYAML's C loader (CSafeLoader, libyaml)
when PyYAML was built with it, its pure-Python SafeLoader otherwise; then
a networkx DiGraph with each concept's names and summary on its node and
each relation and reason on its edge, and a check that the graph has no
cycle (nx.is_directed_acyclic_graph), as validate does. It prints
nodes=… edges=… acyclic=… loader=… on one line.
"""

import json
import random
import sys

RELATIONS = ["requires", "improves_on", "uses", "refines", "is_a", "related_to"]


def write(n, path):
    r = random.Random(42)
    with open(path, "w", encoding="utf-8") as f:
        f.write("concepts:\n")
        for i in range(n):
            f.write(f'  - id: c{i:06d}\n    name: {{en: "Concept {i}", zh: "概念{i}"}}\n    category: other\n')
            f.write(f'    summary:\n      en: "What concept {i} is, in a sentence."\n      zh: "概念{i}是什么。"\n')
            if i == 0:
                continue
            f.write("    relations:\n")
            for j in sorted({r.randrange(i) for _ in range(r.randrange(6))} or {r.randrange(i)}):
                f.write(f"      - relation: {r.choice(RELATIONS)}\n        to: c{j:06d}\n"
                        f'        why: {{en: "It builds on c{j:06d}.", zh: "它建立在 c{j:06d} 之上。"}}\n')


def loader():
    import yaml

    return getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader


def read(path):
    import networkx as nx
    import yaml

    with open(path, encoding="utf-8") as f:
        doc = yaml.load(f, Loader=loader())
    G = nx.DiGraph()
    for c in doc["concepts"]:
        G.add_node(c["id"], name=c["name"], category=c.get("category"), summary=c.get("summary"))
        for rel in c.get("relations") or []:
            G.add_edge(c["id"], rel["to"], relation=rel["relation"], why=rel.get("why"))
    print(f"nodes={G.number_of_nodes()} edges={G.number_of_edges()} "
          f"acyclic={nx.is_directed_acyclic_graph(G)} loader={loader().__name__}")


CM, PY = "conceptmap validate --data c100k.yaml", "PyYAML and networkx read c100k.yaml"


HEADING = "## A 100,000-concept YAML file"


def section(path, note=""):
    """The results.md section for cputime.py's JSON of the two commands."""
    runs = json.load(open(path))
    cpu = lambda name: runs[name]["cpu_median"] * 1e3
    rss = lambda name: runs[name]["rss_median"] / 2**20
    out = [
        HEADING + ": conceptmap against PyYAML and networkx\n",
        "`docs/bench/yaml_networkx.py write 100000` makes the file (the shape of the bundled data: names and a "
        "summary in English and Chinese, about 2.5 relations a concept with reasons; 54 MB), the shape "
        "`BenchmarkLoadYAML` writes. conceptmap validates it as `conceptmap validate --data` does. Python: "
        f"PyYAML's `yaml.load` with `{loader().__name__}`, then a networkx `DiGraph` "
        "with names and summaries on the nodes and relations and reasons on the edges, and "
        "`is_directed_acyclic_graph`. "
        f"{len(runs[CM]['runs'])} rounds; `docs/bench/yaml.sh` measures this section alone. {note}\n",
        "| | CPU | peak memory |",
        "|---|---:|---:|",
    ]
    for name in (CM, PY):
        out.append(f"| {name} | {cpu(name):.0f} ms | {rss(name):.0f} MiB |")
    out.append(f"| ratio | {cpu(CM) / cpu(PY):.2f}× | {rss(CM) / rss(PY):.2f}× |")
    return "\n".join(out) + "\n"


def splice(path, results, note):
    """Put the section into results in place of its own, or before the
    plans' section."""
    text = open(results, encoding="utf-8").read()
    new = section(path, note) + "\n"
    start = text.find(HEADING)
    if start >= 0:
        end = text.find("\n## ", start + 1)
        end = len(text) if end < 0 else end + 1
    else:
        start = end = text.find("## Plan, once loaded")
        if start < 0:
            start = end = len(text)
    with open(results, "w", encoding="utf-8") as f:
        f.write(text[:start] + new + text[end:])


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "write":
        write(int(sys.argv[2]), sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "read":
        read(sys.argv[2])
    elif len(sys.argv) == 2 and sys.argv[1] == "loader":
        print(loader().__name__)
    elif len(sys.argv) == 3 and sys.argv[1] == "section":
        print(section(sys.argv[2]), end="")
    elif len(sys.argv) == 5 and sys.argv[1] == "splice":
        splice(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)
