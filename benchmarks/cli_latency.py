"""How long `govgraph who …` takes from the shell, and each named question in-process.

Prints the median wall time of N runs of a few CLI questions (each a fresh process,
as an analyst types it), then the median latency of the library's questions once the
graph is loaded. Not a test: it measures, prints and exits 0.

    .venv/bin/python benchmarks/cli_latency.py [--runs 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

CLI_QUESTIONS = [
    ["who", "convene", "区政府常务会议"],
    ["who", "sign", "上行文", "--format", "json"],
    ["who", "acts-for", "区长", "--absence", "外出"],
    ["decide", "--amount", "5000000"],
]


def wall(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    executable = shutil.which("govgraph", path=str(Path(sys.executable).parent)) or "govgraph"

    print(f"CLI, fresh process each run, median of {args.runs}:")
    for question in CLI_QUESTIONS:
        times = wall([executable, *question], args.runs)
        print(f"  {statistics.median(times) * 1000:7.0f} ms  (max {max(times) * 1000:.0f})  govgraph {' '.join(question)}")

    import govgraph

    start = time.perf_counter()
    graph = govgraph.load()
    print(f"\nload ontology + rule base ({len(graph.store)} triples): {(time.perf_counter() - start) * 1000:.1f} ms")
    graph.names  # noqa: B018 - build the name index once, as the first question does
    library = {
        "who convene": lambda: graph.who("convene", "区政府常务会议"),
        "who sign (with chain)": lambda: graph.who("sign", "上行文"),
        "acts_for": lambda: graph.acts_for("区长", reason="外出"),
        "decide": lambda: graph.decide(amount=5000000),
        "quorum": lambda: graph.quorum("区政府常务会议", "人事议题"),
        "coverage": graph.coverage,
        "check (the integrity shapes)": graph.check,
    }
    print("library, graph loaded, median of 50 calls:")
    for name, call in library.items():
        times = []
        for _ in range(50):
            start = time.perf_counter()
            call()
            times.append(time.perf_counter() - start)
        print(f"  {statistics.median(times) * 1000:7.2f} ms  {name}")


if __name__ == "__main__":
    main()
