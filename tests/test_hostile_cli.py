"""The command line under hostile use: a runaway query interrupted, a time limit that is no number, a federated query (issue 11, items 3 and 9)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def test_ctrl_c_stops_sparql_while_the_engine_is_computing_without_a_traceback() -> None:
    process = subprocess.Popen([sys.executable, "-c", "from govgraph.cli import main; main()", "sparql", "-", "--timeout", "600"],
                               stdin=subprocess.PIPE, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
                               env={**os.environ, "GOVGRAPH_LANG": "en"})
    process.stdin.write(SLOW)
    process.stdin.close()
    time.sleep(6)  # loading the rule base, then the engine counts for minutes
    assert process.poll() is None, process.stderr.read()
    process.send_signal(signal.SIGINT)
    try:
        code = process.wait(10)  # Ctrl-C answered at once, not when the engine is done
    finally:
        process.kill()
        rest = process.stderr.read()
        process.stderr.close()
    assert code != 0 and "Traceback" not in rest


def test_serve_refuses_a_time_limit_that_is_not_a_finite_number_in_exit_2() -> None:
    from hostile import govgraph

    for given in ("inf", "nan", "-1"):
        result = govgraph("serve", "--port", "0", "--timeout", given, timeout=120)
        assert result.returncode == 2 and "Traceback" not in result.stderr, (given, result.stderr[-500:])


def test_sparql_sends_a_service_request_only_to_an_endpoint_allow_service_names(tmp_path) -> None:  # noqa: ANN001
    import json

    from hostile import govgraph

    query = tmp_path / "federated.rq"
    query.write_text("SELECT ?s WHERE { SERVICE SILENT <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", encoding="utf-8")
    refused = govgraph("sparql", str(query), "--format", "json", timeout=120)
    assert refused.returncode == 2 and "SERVICE <http://127.0.0.1:9/sparql> refused" in refused.stderr
    other = govgraph("sparql", str(query), "--allow-service", "http://127.0.0.1:8/", "--format", "json", timeout=120)
    assert other.returncode == 2 and "allowed: http://127.0.0.1:8/" in other.stderr
    allowed = govgraph("sparql", str(query), "--allow-service", "http://127.0.0.1:9/", "--format", "json", timeout=120)
    assert allowed.returncode == 0, allowed.stderr  # SILENT: the closed port gives one empty row, not an error
    assert json.loads(allowed.stdout)["results"]["bindings"] == [{}]
