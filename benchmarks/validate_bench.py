"""How long validation takes, and how much memory, for 1, 10 and 100 district-years.

Not a test: run it and read the figures.

    .venv/bin/python benchmarks/validate_bench.py                 # N = 1, 10, 100, fast engine
    .venv/bin/python benchmarks/validate_bench.py --n 1 10 --pyshacl-n 1   # also pySHACL at N = 1

Records for N made-up districts (each a year like data/hongqiao-2023/records: a roster,
50 meetings, ~560 documents, 1,825 duty shifts…, with the same 19 planted violations)
are generated from the Hongqiao rule base and its records/profile.toml, written to a
temporary folder, then validated in a fresh process per N, so that the peak memory
(ru_maxrss) is that run's. The report prints, per N: triples, findings (which must equal
the violations planted: 19 in most district-years), seconds to load and validate, peak memory, and how time grows against N = 1.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RECORDS = ROOT / "data" / "hongqiao-2023" / "records"


def generate(n: int, folder: Path) -> tuple[float, int]:
    import govgraph
    from govgraph.synth import records, rules
    from govgraph.synth.profile import Profile

    started = time.perf_counter()
    graph = govgraph.load("hongqiao-2023")
    facts = rules.from_graph(graph)
    profile = Profile.read(RECORDS, graph)
    (folder / "calendar.ttl").write_text(records.calendar(facts, profile.calendar).turtle("calendar"), encoding="utf-8")
    planted = 0
    for index in range(1, n + 1):
        written, plants = records.district(facts, profile, index)
        planted += len(plants.planted)
        (folder / f"district-{index:03d}.ttl").write_text(written.turtle(f"district {index}"), encoding="utf-8")
    return time.perf_counter() - started, planted


def measure(folder: Path, engine: str, each: bool) -> dict:
    """Validate in a child process; its own figures plus its peak memory.

    ``each``: one store per district-year (with the calendar), validated on one process
    per core (govgraph.validate.validate_each); otherwise all districts in one store.
    """
    calendar = str(folder / "calendar.ttl")
    districts = sorted(str(p) for p in folder.glob("district-*.ttl"))
    if each:
        call = f"sum(len(r.findings) for r in validate_each([[{calendar!r}, d] for d in {districts!r}], 'hongqiao-2023', engine={engine!r}))"
    else:
        call = f"len(validate([{str(folder)!r}], 'hongqiao-2023', engine={engine!r}).findings)"
    code = (
        "import json, sys, time\n"
        "from govgraph.validate import validate, validate_each\n"
        "if __name__ == '__main__':\n"
        "    started = time.perf_counter()\n"
        f"    found = {call}\n"
        "    print(json.dumps({'seconds': time.perf_counter() - started, 'findings': found}))\n"
    )
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["peak_mib"] = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) / 1024
    return figures


def triples(folder: Path) -> int:
    import pyoxigraph as ox

    store = ox.Store()
    for path in folder.glob("*.ttl"):
        store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE)
    return len(store)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="+", default=[1, 10, 100], help="numbers of district-years")
    parser.add_argument("--pyshacl-n", type=int, nargs="*", default=[], help="also time pySHACL for these N (slow)")
    parser.add_argument("--one-store-n", type=int, nargs="*", default=[10],
                        help="also time all districts in one store for these N (joins across districts grow faster)")
    args = parser.parse_args()
    rows = []
    for n in args.n:
        with tempfile.TemporaryDirectory(prefix=f"govgraph-bench-{n}-") as tmp:
            folder = Path(tmp)
            generated, planted = generate(n, folder)
            size = triples(folder)
            runs = [("fast", True)] + ([("fast", False)] if n in args.one_store_n else [])
            runs += [("pyshacl", n > 1)] if n in args.pyshacl_n else []
            for engine, each in runs:
                figures = measure(folder, engine, each)
                engine = f"{engine}{'/each' if each else '/one'}"
                rows.append((n, engine, size, figures, generated))
                if figures["findings"] != planted:
                    print(f"warning: {figures['findings']} findings for {planted} planted violations", file=sys.stderr)
                print(
                    f"N={n:<4d} engine={engine:<12s} records={size:>9,d} triples  findings={figures['findings']:>5d}"
                    f" (planted {planted})  validate={figures['seconds']:8.2f} s  peak={figures['peak_mib']:7.0f} MiB"
                    f"  (generated in {generated:.1f} s)",
                    flush=True,
                )
    fast = {n: f for n, e, _s, f, _g in rows if e == "fast/each"}
    if 1 in fast:
        print("\nGrowth of validation time against N = 1 (fast engine):")
        for n, figures in sorted(fast.items()):
            print(f"  N={n:<4d} {figures['seconds'] / fast[1]['seconds']:7.1f}x the time for {n}x the records"
                  f"  ({figures['seconds'] / n:.2f} s per district-year)")


if __name__ == "__main__":
    main()
