"""The floor for `govgraph who convene 区政府常务会议`: the least a process can do to answer it.

Loads the same files into pyoxigraph, in the same named graphs (the ontology in one, the
rule base in its own), runs ``queries/who.rq`` over those two graphs with the same
bindings (already resolved: IRIs, bound as one row of VALUES as govgraph binds them) and
prints the rows, tab-separated. No govgraph import, no name resolution, no table: what a
hand-written script would cost. ``cli_latency.py`` compares every command to it.

    .venv/bin/python benchmarks/cli_floor.py [ACTION_IRI TARGET_IRI] [--rules FOLDER]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
GRAPHS = "https://w3id.org/govgraph/graph/"
ACTION = "https://w3id.org/govgraph/ontology#Convene"
TARGET = "https://w3id.org/govgraph/id/hongqiao-2023/ExecutiveMeeting"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", nargs="?", default=ACTION)
    parser.add_argument("target", nargs="?", default=TARGET)
    parser.add_argument("--rules", type=Path, default=ROOT / "data" / "hongqiao-2023")
    args = parser.parse_args()

    store = ox.Store()
    parts = {GRAPHS + "ontology": ROOT / "ontology", GRAPHS + args.rules.name: args.rules}
    for graph, folder in parts.items():
        for path in sorted(folder.glob("*.ttl")):
            store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(graph))

    query = (ROOT / "queries" / "who.rq").read_text(encoding="utf-8")
    start = query.index("WHERE {") + len("WHERE {")
    values = f"\n  VALUES (?action ?target) {{ (<{args.action}> <{args.target}>) }}\n"
    query = query[:start] + values + query[start:]

    solutions = store.query(query, default_graph=[ox.NamedNode(g) for g in parts])
    names = [v.value for v in solutions.variables]
    out = sys.stdout
    for solution in solutions:
        out.write("\t".join("" if solution[n] is None else solution[n].value for n in names) + "\n")


if __name__ == "__main__":
    main()
