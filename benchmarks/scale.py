#!/usr/bin/env python3
"""Many governments in one on-disk Oxigraph store: load, open, ask one, compare two, survey all.

For each size (default 1, 100 and 3,000 synthetic governments on the default rule base's
template, see govgraph.synth: each a rule base of its own, in a named graph of its own,
with its metadata, template mappings and its own variant of the acting, quorum and
threshold mechanisms), the script loads the ontology and every government into an
on-disk store as ``govgraph load --store oxigraph:PATH`` does, then prints:

- load: seconds, triples, size on disk; open: reopening the store read-only and listing
  its governments (``Library.rule_bases``, what every command on the store pays once);
- who: ``who`` (queries/who.rq) scoped to one government drawn at random, for an act and
  target its rules name; median and p95 over --calls calls (the target: under 5 ms);
  also the first question to a government (its name index built: what a CLI call pays);
- compare: ``compare`` of two governments drawn at random, median over --pairs pairs
  (target: under 1 s), each side cold (its names read afresh);
- survey: each ``survey`` feature over every government (target: under 10 s).

It is a script that prints figures, not a test.

    .venv/bin/python benchmarks/scale.py                          # 1, 100, 3000
    .venv/bin/python benchmarks/scale.py --sizes 100 --calls 100
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import time
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from govgraph._core.disk import DiskStore
from govgraph._core.stores import store_size
from govgraph.answers.compare import compare_in
from govgraph.answers.library import Library
from govgraph.answers.loading import open_library, parts_for
from govgraph.answers.survey import features, survey
from govgraph.synth import jurisdictions as synth


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def ms(seconds: float) -> float:
    return seconds * 1000


def load(folders: list[Path], location: Path) -> dict:
    """The ontology and every government into an on-disk store, one named graph each."""
    shutil.rmtree(location, ignore_errors=True)
    started = time.perf_counter()
    manifest = DiskStore(location).write(parts_for([str(f) for f in folders]))
    return {"load_s": time.perf_counter() - started, "triples": manifest.triples, "size_bytes": store_size(location)}


def open_store(location: Path) -> tuple[Library, dict]:
    started = time.perf_counter()
    library = open_library(store=f"oxigraph:{location}")
    governments = len(library.governments())
    return library, {"open_s": time.perf_counter() - started, "governments": governments}


def who(library: Library, template: synth.Template, calls: int, rng: random.Random) -> dict:
    """who.rq scoped to one government at random (warm scope), and the first question to a cold one."""
    bases = library.rule_bases
    probe = library.graph_of(bases[0])
    pairs = sorted({(r["action"].value, r["target"].value) for r in probe.select("authority-powers")})
    base_namespace = bases[0].namespace or ""

    def ask(base) -> int:  # noqa: ANN001
        scope = library.graph_of(base)
        action, target = rng.choice(pairs)
        moved = target.replace(base_namespace, base.namespace or "") if base_namespace else target
        return len(scope.select("who", action=ox.NamedNode(action), target=ox.NamedNode(moved)))

    for _ in range(min(5, calls)):
        ask(rng.choice(bases))
    times, cpu = [], []
    for _ in range(calls):
        base = rng.choice(bases)
        started, used = time.perf_counter(), time.process_time()
        ask(base)
        times.append(ms(time.perf_counter() - started))
        cpu.append(ms(time.process_time() - used))
    cold = []
    for base in rng.sample(bases, min(10, len(bases))):
        fresh = Library(library.store, library.ontology)
        fresh.__dict__["rule_bases"] = bases  # the list every command reads once, already read
        action, target = rng.choice(pairs)
        started = time.perf_counter()
        fresh.scope(base.government_id).who(action, target.replace(base_namespace, base.namespace or ""))
        cold.append(ms(time.perf_counter() - started))
    return {"who_median_ms": statistics.median(times), "who_p95_ms": percentile(times, 0.95),
            "who_cpu_median_ms": statistics.median(cpu), "who_cold_median_ms": statistics.median(cold)}


def compare(library: Library, pairs: int, rng: random.Random) -> dict:
    bases = library.rule_bases
    times, cpu = [], []
    for _ in range(pairs):
        left, right = rng.sample(bases, 2) if len(bases) > 1 else (bases[0], bases[0])
        fresh = Library(library.store, library.ontology)
        fresh.__dict__["rule_bases"] = bases
        started, used = time.perf_counter(), time.process_time()
        compare_in(fresh, left.government_id, right.government_id)
        times.append(ms(time.perf_counter() - started))
        cpu.append(ms(time.process_time() - used))
    return {"compare_median_ms": statistics.median(times), "compare_max_ms": max(times), "compare_cpu_median_ms": statistics.median(cpu)}


def surveys(library: Library) -> dict:
    found = {}
    for feature in features():
        started, used = time.perf_counter(), time.process_time()
        rows = survey(library, feature).rows
        found[f"survey_{feature}_s"] = time.perf_counter() - started
        found[f"survey_{feature}_cpu_s"] = time.process_time() - used
        found["survey_rows"] = len(rows)
    return found


def human(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024:
            return f"{n:.0f} {unit}"
        n /= 1024
    return f"{n:.1f} TB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,100,3000")
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--pairs", type=int, default=10)
    parser.add_argument("--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "govgraph-scale")
    parser.add_argument("--keep", action="store_true", help="keep the stores (in --work) after measuring")
    parser.add_argument("--out", type=Path, help="write the figures as JSON here too")
    parser.add_argument("--existing", type=Path, metavar="PATH",
                        help="measure an on-disk store already loaded (by a run with --keep, or govgraph load): no generation, no load")
    args = parser.parse_args()
    template = synth.Template.read()
    rng = random.Random(1)
    results = []
    for size in (int(s) for s in args.sizes.split(",")) if args.existing is None else [None]:
        if args.existing is None:
            started = time.perf_counter()
            folders = synth.generate(args.work / "synth", size, with_records=False)
            print(f"# {size} governments: generated in {time.perf_counter() - started:.1f} s", flush=True)
            location = args.work / f"store-{size}"
            figures = {"size": size, **load(folders, location)}
            print("#   " + json.dumps(figures), flush=True)
        else:
            location = args.existing
            figures = {"load_s": float("nan"), "size_bytes": store_size(location)}
        library, opened = open_store(location)
        figures.update(opened)
        figures.setdefault("size", opened["governments"])
        figures.setdefault("triples", len(library.store))
        figures.update(who(library, template, args.calls, rng))
        figures.update(compare(library, args.pairs, rng))
        figures.update(surveys(library))
        print("#   " + json.dumps(figures), flush=True)
        results.append(figures)
        del library
        if not args.keep and args.existing is None:
            shutil.rmtree(location, ignore_errors=True)
    print()
    names = list(features())
    print("Wall-clock time, and in brackets the time this process ran on a core (what a busy machine does not inflate).")
    print("| governments | triples | load | size on disk | open + list | `who` median | `who` p95 | first `who` | "
          "`compare` median | " + " | ".join(f"`survey {n}`" for n in names) + " |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|" + "---:|" * len(names))
    for r in results:
        print(f"| {r['size']:,} | {r['triples']:,} | {r['load_s']:.0f} s | {human(r['size_bytes'])} | {r['open_s']:.2f} s | "
              f"{r['who_median_ms']:.1f} ms ({r['who_cpu_median_ms']:.1f}) | {r['who_p95_ms']:.1f} ms | {r['who_cold_median_ms']:.0f} ms | "
              f"{r['compare_median_ms']:.0f} ms ({r['compare_cpu_median_ms']:.0f}) | "
              + " | ".join(f"{r[f'survey_{n}_s']:.2f} s ({r[f'survey_{n}_cpu_s']:.2f})" for n in names) + " |")
    if args.out:
        args.out.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
