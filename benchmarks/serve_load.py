"""`govgraph serve` under load: 50 clients × 40 requests, 5 slow queries mixed in.

Starts the endpoint in this process over an on-disk store of the default rule base, then
runs CLIENTS threads, each on one kept-alive connection, each sending REQUESTS fast
queries (a named question and a count, whose answers are known beforehand); SLOW of the
clients also send one runaway query each, which must be cut off (503) within about a
second of the time limit. Prints errors (resets, unexpected statuses), wrong answers,
the fast queries' latency percentiles, what the slow ones got and when, the front's cost
against asking the engine directly, and the process's peak memory. Not a test: it
measures, prints and exits 0 (1 if any error or wrong answer).

    .venv/bin/python benchmarks/serve_load.py [--clients 50] [--requests 40] [--slow 5] [--timeout 2]
"""

from __future__ import annotations

import argparse
import http.client
import os
import resource
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

from govgraph.answers.loading import parts_for
from govgraph.serve.endpoint import Server
from govgraph.serve.push import load_disk

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
#: Fast questions (a millisecond or two of the engine's time): the graphs, and some labels.
FAST = ["SELECT ?g WHERE { GRAPH ?g { } } ORDER BY ?g",
        "SELECT ?s ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?s ?l LIMIT 50"]
RUNAWAY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def get(connection: http.client.HTTPConnection, query: str) -> tuple[int, bytes, float]:
    started = time.perf_counter()
    connection.request("GET", "/query?" + urllib.parse.urlencode({"query": query}), headers={"Accept": "text/csv"})
    answer = connection.getresponse()
    body = answer.read()
    return answer.status, body, time.perf_counter() - started


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def sequential(host: str, port: int, query: str, n: int) -> float:
    """Median seconds of ``n`` requests on one kept-alive connection."""
    connection = http.client.HTTPConnection(host, port, timeout=30)
    times = [get(connection, query)[2] for _ in range(n)]
    connection.close()
    return statistics.median(times)


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--clients", type=int, default=50)
    options.add_argument("--requests", type=int, default=40)
    options.add_argument("--slow", type=int, default=5)
    options.add_argument("--timeout", type=float, default=2.0)
    args = options.parse_args()

    location = Path(tempfile.mkdtemp(prefix="govgraph-load-")) / "store"
    load_disk(location, parts_for(None))
    fast = FAST
    with Server(location, port=0, timeout=args.timeout) as server:
        host, port = server.host, server.port
        warm = http.client.HTTPConnection(host, port, timeout=30)
        expected = {query: get(warm, query)[1] for query in fast}
        warm.close()

        via_front = sequential(host, port, FAST[1], 200)
        direct = sequential("127.0.0.1", server.engine_port, FAST[1], 200)

        errors: list[str] = []
        wrong = 0
        latencies: list[float] = []
        slow: list[tuple[int, float]] = []
        lock = threading.Lock()

        def client(index: int) -> None:
            nonlocal wrong
            connection = http.client.HTTPConnection(host, port, timeout=60)
            for n in range(args.requests):
                query = fast[n % len(fast)]
                try:
                    if index < args.slow and n == args.requests // 2:
                        status, _body, seconds = get(connection, RUNAWAY)
                        with lock:
                            slow.append((status, seconds))
                        connection.close()
                        connection = http.client.HTTPConnection(host, port, timeout=60)
                        continue
                    status, body, seconds = get(connection, query)
                except (OSError, http.client.HTTPException) as error:
                    with lock:
                        errors.append(f"{type(error).__name__}: {error}")
                    connection.close()
                    connection = http.client.HTTPConnection(host, port, timeout=60)
                    continue
                with lock:
                    if status != 200:
                        errors.append(f"HTTP {status}")
                    elif body != expected[query]:
                        wrong += 1
                    latencies.append(seconds)
            connection.close()

        started = time.perf_counter()
        threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.clients} clients × {args.requests} requests ({args.slow} runaway queries mixed in), time limit {args.timeout:g} s")
    print(f"  errors: {len(errors)}" + (f" (first: {errors[0]})" if errors else ""))
    print(f"  wrong answers: {wrong}")
    print(f"  fast queries: {len(latencies)} in {elapsed:.1f} s ({len(latencies) / elapsed:.0f}/s); "
          f"p50 {percentile(latencies, 50) * 1000:.1f} ms, p95 {percentile(latencies, 95) * 1000:.1f} ms, "
          f"p99 {percentile(latencies, 99) * 1000:.1f} ms")
    print("  runaway queries: " + ", ".join(f"{status} after {seconds:.2f} s" for status, seconds in sorted(slow)))
    print(f"  one client, kept alive, 50 labels: {via_front * 1000:.2f} ms through the front, {direct * 1000:.2f} ms from the engine "
          f"directly ({via_front / direct:.2f}×)")
    print(f"  load average of the machine meanwhile: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"  peak memory of this process (front, clients): {peak:.0f} MB")
    return 1 if errors or wrong else 0


if __name__ == "__main__":
    sys.exit(main())
