#!/usr/bin/env python3
"""Write, or read with networkx, a relations CSV of N concepts.

    relations_networkx.py write N FILE   # FILE: from,relation,to,why
    relations_networkx.py read FILE      # networkx reads it, as below

The file names concepts c000000 … by id only, with about 2.5 relations
each from the bundled vocabulary, every one towards an earlier concept, so
the learning order has no cycle; conceptmap validates it with
`conceptmap validate --data FILE`. The reader is what a networkx user
writes for the same file: csv.DictReader into a DiGraph, each edge with its
relation and reason, and then it checks that the learning order has no
cycle (nx.is_directed_acyclic_graph), as validate does. It prints
nodes=… edges=… acyclic=… on one line.
"""

import csv
import random
import sys

RELATIONS = ["requires", "improves_on", "uses", "refines", "is_a", "related_to"]


def write(n, path):
    r = random.Random(42)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["from", "relation", "to", "why"])
        for i in range(1, n):
            for j in {r.randrange(i) for _ in range(r.randrange(6))} or {r.randrange(i)}:
                w.writerow([f"c{i:06d}", r.choice(RELATIONS), f"c{j:06d}", f"c{i:06d} builds on c{j:06d}"])


def read(path):
    import networkx as nx

    G = nx.DiGraph()
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            G.add_edge(row["from"], row["to"], relation=row["relation"], why=row["why"])
    print(f"nodes={G.number_of_nodes()} edges={G.number_of_edges()} acyclic={nx.is_directed_acyclic_graph(G)}")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "write":
        write(int(sys.argv[2]), sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "read":
        read(sys.argv[2])
    else:
        sys.exit(__doc__)
