"""How long `govgraph who …` takes from the shell, against the floor, and each question in-process.

Prints the median wall and CPU time (user + system) of N runs of the floor
(``cli_floor.py``: pyoxigraph alone loading the same files and running ``who.rq`` with
the same bindings) and of a few CLI questions (each a fresh process, as an analyst types
it), with each command's ratio to the floor; then the median latency of the library's
questions once the graph is loaded. CPU time is the steadier figure on a busy machine.

With ``--instructions``, it counts instead the instructions each process executes
(valgrind's callgrind, one run each, output piped as in the timed runs): the same count
however busy the machine is, the figure the README's ratio is given in.
Not a test: it measures, prints and exits 0.

    .venv/bin/python benchmarks/cli_latency.py [--runs 7] [--instructions]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOOR = [sys.executable, str(Path(__file__).with_name("cli_floor.py"))]
CLI_QUESTIONS = [
    ["who", "convene", "区政府常务会议"],
    ["who", "convene", "区政府常务会议", "--format", "json"],
    ["who", "sign", "上行文", "--format", "json"],
    ["who", "acts-for", "区长", "--absence", "外出"],
    ["decide", "--amount", "5000000"],
]


def measure(commands: list[list[str]], runs: int) -> list[tuple[float, float]]:
    """Median wall and CPU seconds of ``runs`` fresh processes of each command (after one
    unmeasured warm-up), the commands taking turns so that each sees the same machine."""
    for command in commands:
        subprocess.run(command, check=True, capture_output=True)
    walls: list[list[float]] = [[] for _ in commands]
    cpus: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for i, command in enumerate(commands):
            before = os.times()
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            walls[i].append(time.perf_counter() - start)
            after = os.times()
            cpus[i].append(after.children_user - before.children_user + after.children_system - before.children_system)
    return [(statistics.median(w), statistics.median(c)) for w, c in zip(walls, cpus, strict=True)]


def instructions(command: list[str]) -> int:
    """How many instructions one fresh process of ``command`` executes (valgrind's callgrind),
    after one unmeasured run that leaves its modules byte-compiled (as ``scripts/setup`` does,
    even where PYTHONDONTWRITEBYTECODE is set)."""
    writing = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(command, check=True, capture_output=True, env=writing)
    with tempfile.TemporaryDirectory() as folder:
        done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={folder}/out", *command],
                              check=True, capture_output=True, text=True)
    return int(re.search(r"Collected : (\d+)", done.stderr).group(1))


def count(commands: list[list[str]]) -> None:
    """Print each command's instructions and its ratio to the floor's (the first command)."""
    floor, *counted = (instructions(command) for command in commands)
    print("fresh process each, instructions (valgrind --tool=callgrind), ratio to the floor:")
    print(f"  {floor / 1e6:7.0f} M        floor: cli_floor.py (pyoxigraph only)")
    for question, figure in zip(CLI_QUESTIONS, counted, strict=True):
        print(f"  {figure / 1e6:7.0f} M  {figure / floor:4.2f}x  govgraph {' '.join(question)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--cli-only", action="store_true", help="skip the in-process figures")
    parser.add_argument("--instructions", action="store_true",
                        help="count instructions (valgrind) instead of timing; implies --cli-only")
    args = parser.parse_args()
    executable = shutil.which("govgraph", path=str(Path(sys.executable).parent)) or "govgraph"
    if args.instructions:
        if shutil.which("valgrind") is None:
            parser.error("--instructions needs valgrind (apt-get install valgrind)")
        count([FLOOR, *([executable, *q] for q in CLI_QUESTIONS)])
        return

    print(f"fresh process each run, median of {args.runs}:   wall        cpu    (ratio to the floor: wall, cpu)")
    (floor_wall, floor_cpu), *figures = measure([FLOOR, *([executable, *q] for q in CLI_QUESTIONS)], args.runs)
    print(f"  {floor_wall * 1000:7.0f} ms  {floor_cpu * 1000:7.0f} ms               floor: cli_floor.py (pyoxigraph only)")
    for question, (wall, cpu) in zip(CLI_QUESTIONS, figures, strict=True):
        ratios = f"{wall / floor_wall:4.1f}x {cpu / floor_cpu:4.1f}x"
        print(f"  {wall * 1000:7.0f} ms  {cpu * 1000:7.0f} ms  {ratios}  govgraph {' '.join(question)}")
    if args.cli_only:
        return

    import govgraph

    start = time.perf_counter()
    graph = govgraph.load()
    print(f"\nload ontology + rule base ({len(graph.store)} triples): {(time.perf_counter() - start) * 1000:.1f} ms")
    start = time.perf_counter()
    graph.names  # noqa: B018 - the whole name index, as suggestions and labels need it
    print(f"the whole name index: {(time.perf_counter() - start) * 1000:.1f} ms")
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
