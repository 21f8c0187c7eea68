"""How long `govgraph chain` and `govgraph draw` take from the shell, beside `govgraph who`.

Prints the median wall time of N runs of each command (each a fresh process, as an analyst
types it), then where the time of one `chain --weak-spots` goes in-process (imports, loading,
the authority model, the weak spots, printing) and of one figure (layout, matplotlib, fonts).
`who` is the yardstick: on a busy machine every wall time grows, CPU times and ratios much less.
Not a test: it measures, prints and exits 0.

    .venv/bin/python benchmarks/chain_draw.py [--runs 5]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def wall(command: list[str], runs: int) -> tuple[list[float], list[float]]:
    """Wall times and CPU times (user + system) of ``runs`` runs of ``command``."""
    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return times, cpu


def commands(folder: Path) -> dict[str, list[str]]:
    return {
        "who convene 区政府常务会议": ["who", "convene", "区政府常务会议"],
        "chain --weak-spots": ["chain", "--weak-spots"],
        "chain --absent 区长": ["chain", "--absent", "区长"],
        "draw -o x.png": ["draw", "-o", str(folder / "x.png")],
        "draw -o x.svg": ["draw", "-o", str(folder / "x.svg")],
    }


def phases(folder: Path) -> list[tuple[str, Callable[[], object]]]:
    """The steps of `chain --weak-spots` and `draw`, each timed once, in the order a fresh process runs them."""
    state: dict[str, object] = {}

    def load() -> None:
        import govgraph

        state["graph"] = govgraph.load()

    def model() -> None:
        from govgraph.authority.build import model_of

        model_of(state["graph"])

    def spots() -> None:
        from govgraph import authority

        state["spots"] = authority.weak_spots(state["graph"])

    def printed() -> None:
        from govgraph.cli.chain import _print_weak_spots

        with contextlib.redirect_stdout(io.StringIO()):
            _print_weak_spots(state["spots"], "table", "zh")

    def figure() -> None:
        from govgraph import export

        export.write(state["graph"], folder / "y.png", "png")

    return [
        ("import govgraph.cli", lambda: __import__("govgraph.cli")),
        ("load the rule base", load),
        ("import govgraph.authority", lambda: __import__("govgraph.authority")),
        ("authority model (5 queries)", model),
        ("weak spots", spots),
        ("print the weak spots", printed),
        ("import networkx", lambda: __import__("networkx")),
        ("import matplotlib.pyplot", lambda: __import__("matplotlib.pyplot")),
        ("png figure (first)", figure),
        ("png figure (again)", figure),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    executable = shutil.which("govgraph", path=str(Path(sys.executable).parent)) or "govgraph"
    with tempfile.TemporaryDirectory() as folder:
        print(f"CLI, fresh process each run, median of {args.runs} (wall; CPU user+system):")
        for name, command in commands(Path(folder)).items():
            times, cpu = wall([executable, *command], args.runs)
            print(f"  {statistics.median(times) * 1000:7.0f} ms  (max {max(times) * 1000:.0f}; CPU {statistics.median(cpu) * 1000:.0f})"
                  f"  govgraph {name}")
        print("\nin one process, each step once:")
        for name, step in phases(Path(folder)):
            start = time.perf_counter()
            step()
            print(f"  {(time.perf_counter() - start) * 1000:7.0f} ms  {name}")


if __name__ == "__main__":
    main()
