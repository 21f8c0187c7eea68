#!/usr/bin/env python3
"""How govgraph scales with the number of jurisdictions: load time, store size, latency.

For each size (default 1, 100 and 3,000 synthetic jurisdictions on the default rule
base's template, with records; see govgraph.synth), on each store:

- oxigraph: the on-disk store (``--store oxigraph:PATH``): bulk load, size on disk,
  time to reopen it read-only (what every later command pays);
- rdflib: rdflib's in-memory graph: parse time, resident memory added;
- virtuoso: a throwaway Virtuoso (scripts/virtuoso) loaded with its bulk loader
  (ld_dir + rdf_loader_run), size of its database; queries over HTTP (SPARQL protocol).

Latency is the median and 95th percentile over --calls calls, each for a jurisdiction
drawn at random, of (1) ``who`` (queries/who.rq) for an act and target that the template's
rules name and (2) a delegation chain: who acts for an absent post, designated by whom
(queries/acts-for.rq). It is a script that prints figures, not a test.

    .venv/bin/python benchmarks/scale.py                          # 1, 100, 3000 on all stores
    .venv/bin/python benchmarks/scale.py --sizes 1,100 --stores oxigraph,rdflib --calls 100
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import govgraph
from govgraph.law import jurisdictions
from govgraph._core import queries
from govgraph.synth import jurisdictions as synth
from govgraph._core.stores import OxigraphStore, RdflibStore, build_disk_store, store_size


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def rss_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def question_pool(template: synth.Template) -> tuple[list[tuple[str, str]], list[str]]:
    """(act, target) pairs the template's powers name, and posts some rule acts for: from its named queries."""
    graph = govgraph.load(template.folder)
    pairs = sorted({(r["action"].value, r["target"].value) for r in graph.select("authority-powers")})
    absent = sorted({r["absentPost"].value for r in graph.select("authority-delegations") if r["absentPost"] is not None})
    return pairs, absent


def measure(select, template: synth.Template, size: int, calls: int, seed: int = 1) -> dict[str, dict[str, float]]:
    """Median and p95 latency (ms) of who and acts-for over ``calls`` random jurisdictions."""
    rng = random.Random(seed)
    pairs, absent = question_pool(template)
    who, acts_for = queries.named("who").text, queries.named("acts-for").text
    out: dict[str, dict[str, float]] = {}
    for name, text, make in (
        ("who", who, lambda j: dict(zip(("action", "target"), (ox.NamedNode(template.moved(x, j)) for x in rng.choice(pairs)), strict=True))),
        ("acts-for", acts_for, lambda j: {"absentPost": ox.NamedNode(template.moved(rng.choice(absent), j))}),
    ):
        for _ in range(min(5, calls)):  # warm-up
            select(text, make(rng.randrange(size)))
        times, rows = [], 0
        for _ in range(calls):
            bindings = make(rng.randrange(size))
            started = time.perf_counter()
            rows += len(select(text, bindings))
            times.append((time.perf_counter() - started) * 1000)
        out[name] = {"median_ms": statistics.median(times), "p95_ms": percentile(times, 0.95), "rows_per_call": rows / calls}
    return out


def bench_oxigraph(files: list[Path], work: Path, template: synth.Template, size: int, calls: int) -> dict:
    location = work / f"oxigraph-{size}"
    shutil.rmtree(location, ignore_errors=True)
    started = time.perf_counter()
    triples = build_disk_store(files, location)
    load = time.perf_counter() - started
    started = time.perf_counter()
    store = OxigraphStore(location, read_only=True)
    reopen = time.perf_counter() - started
    result = {"triples": triples, "load_s": load, "reopen_s": reopen, "size_bytes": store_size(location)}
    result.update(measure(store.select, template, size, calls))
    return result


def bench_rdflib(files: list[Path], template: synth.Template, size: int, calls: int) -> dict:
    before = rss_bytes()
    started = time.perf_counter()
    store = RdflibStore()
    for path in files:
        store.load(path)
    load = time.perf_counter() - started
    result = {"triples": len(store), "load_s": load, "memory_bytes": rss_bytes() - before}
    result.update(measure(store.select, template, size, max(10, calls // 10)))
    return result


#: The benchmark's own throwaway Virtuoso, apart from the tests' (scripts/virtuoso reads these).
BENCH_VIRTUOSO = {"GOVGRAPH_VIRTUOSO_DIR": "/tmp/govgraph-virtuoso-bench", "GOVGRAPH_VIRTUOSO_HTTP_PORT": "8893",
                  "GOVGRAPH_VIRTUOSO_SQL_PORT": "1114", "GOVGRAPH_VIRTUOSO_BUFFERS": "680000", "GOVGRAPH_VIRTUOSO_DIRTY_BUFFERS": "500000"}
for _key, _value in BENCH_VIRTUOSO.items():
    os.environ.setdefault(_key, _value)


def virtuoso(*args: str) -> str:
    return subprocess.run([str(ROOT / "scripts" / "virtuoso"), *args], check=True, capture_output=True, text=True).stdout.strip()


def bench_virtuoso(files: list[Path], template: synth.Template, size: int, calls: int) -> dict:
    from govgraph._core.remote import RemoteStore

    folder = Path(os.environ["GOVGRAPH_VIRTUOSO_DIR"])
    sql_port = os.environ["GOVGRAPH_VIRTUOSO_SQL_PORT"]
    virtuoso("stop", "--force")
    endpoint = virtuoso("start")
    graph = f"urn:govgraph:bench:{size}"
    try:
        load_dir = folder / "load" / str(size)
        load_dir.mkdir(parents=True, exist_ok=True)
        for path in files:
            target = load_dir / path.name
            if not target.exists():
                try:
                    os.link(path, target)
                except OSError:
                    shutil.copy(path, target)
        script = (f"ld_dir('{load_dir}', '*.nt', '{graph}');\nld_dir('{load_dir}', '*.ttl', '{graph}');\n"
                  "rdf_loader_run();\ncheckpoint;\n")
        started = time.perf_counter()
        subprocess.run(["isql-vt", f"127.0.0.1:{sql_port}", "dba", "dba"], input=script, text=True, check=True,
                       capture_output=True, timeout=6 * 3600)
        load = time.perf_counter() - started
        store = RemoteStore(endpoint, graph=graph, timeout=120)
        triples = len(store)
        size_bytes = store_size(folder / "db")
        result = {"triples": triples, "load_s": load, "size_bytes": size_bytes}
        result.update(measure(store.select, template, size, calls))
        return result
    finally:
        virtuoso("stop", "--force")


def human(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024:
            return f"{n:.0f} {unit}"
        n /= 1024
    return f"{n:.1f} TB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,100,3000")
    parser.add_argument("--stores", default="oxigraph,rdflib,virtuoso")
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--rdflib-max", type=int, default=100, help="largest size to try on rdflib (it holds all in memory)")
    parser.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "govgraph-scale")
    parser.add_argument("--out", type=Path, help="write the figures as JSON here too")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    stores = args.stores.split(",")
    template = synth.Template.read()
    ontology = jurisdictions.ontology_files()
    results: list[dict] = []
    for size in sizes:
        started = time.perf_counter()
        generated = synth.generate(args.work / "synth", size)
        print(f"# {size} jurisdictions: generated in {time.perf_counter() - started:.1f} s", flush=True)
        files = [*ontology, *generated]
        for store in stores:
            if store == "rdflib" and size > args.rdflib_max:
                results.append({"size": size, "store": store, "skipped": f"not run above {args.rdflib_max} jurisdictions (--rdflib-max)"})
                continue
            print(f"#   {store} …", flush=True)
            if store == "oxigraph":
                figures = bench_oxigraph(files, args.work, template, size, args.calls)
            elif store == "rdflib":
                figures = bench_rdflib(files, template, size, args.calls)
            elif store == "virtuoso":
                figures = bench_virtuoso(files, template, size, args.calls)
            else:
                raise SystemExit(f"unknown store {store!r}: expected oxigraph, rdflib or virtuoso")
            figures.update(size=size, store=store)
            results.append(figures)
            print("#   " + json.dumps(figures), flush=True)
        shutil.rmtree(args.work / f"oxigraph-{size}", ignore_errors=True)
    print()
    print("| jurisdictions | store | triples | load | size / memory | reopen | who median | who p95 | acts-for median | acts-for p95 |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        if "skipped" in r:
            print(f"| {r['size']:,} | {r['store']} | — | {r['skipped']} | | | | | | |")
            continue
        size = human(r["size_bytes"]) if "size_bytes" in r else f"{human(r['memory_bytes'])} RAM"
        reopen = f"{r['reopen_s'] * 1000:.0f} ms" if "reopen_s" in r else "—"
        print(f"| {r['size']:,} | {r['store']} | {r['triples']:,} | {r['load_s']:.1f} s | {size} | {reopen} | "
              f"{r['who']['median_ms']:.2f} ms | {r['who']['p95_ms']:.2f} ms | "
              f"{r['acts-for']['median_ms']:.2f} ms | {r['acts-for']['p95_ms']:.2f} ms |")
    if args.out:
        args.out.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
