"""Pushing to and asking an endpoint under faults: resends add nothing, credentials never shown,
bad settings and bad answers one line (issue 11, items 7, 8, 9)."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from govgraph.serve.endpoint import free_port, oxigraph_binary

from hostile import govgraph, one_line_error

RECORDS = """@prefix ex: <http://example.org/> .
ex:meeting ex:attendee [ ex:name "a" ; ex:role [ ex:title "b" ] ] , [ ex:name "c" ] .
ex:list ex:items ( "x" "y" "z" ) .
"""


@pytest.fixture(scope="module")
def writable_endpoint():
    port = free_port()
    process = subprocess.Popen([oxigraph_binary(), "serve", "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    import socket

    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(10)


def test_resending_records_with_blank_nodes_adds_nothing(writable_endpoint: str, tmp_path: Path) -> None:
    records = tmp_path / "records.ttl"
    records.write_text(RECORDS, encoding="utf-8")
    counts = []
    for _ in range(3):
        result = govgraph("load", "--endpoint", f"{writable_endpoint}/query", "--update-endpoint", f"{writable_endpoint}/update",
                          "--graph", "https://example.org/g", "--records", str(records), "--restart", "--format", "json",
                          env={"XDG_CACHE_HOME": str(tmp_path / "cache")})
        assert result.returncode == 0, result.stderr
        loaded = json.loads(result.stdout)
        counts.append((loaded["sent"], loaded["triples"]))
    assert counts[0] == counts[1] == counts[2]
    assert counts[0][0] == counts[0][1]


def test_credentials_in_an_endpoint_url_are_never_printed() -> None:
    result = govgraph("who", "convene", "ExecutiveMeeting", "--endpoint", "http://alice:s3cr3t@127.0.0.1:9/sparql")
    assert result.returncode == 2
    line = one_line_error(result)
    assert "s3cr3t" not in line and "alice" not in line and "***@127.0.0.1:9" in line


@pytest.mark.parametrize("seconds", ["abc", "-1", "nan", "inf", "0"])
def test_an_endpoint_timeout_that_is_not_a_positive_number_is_one_line_exit_2(seconds: str) -> None:
    result = govgraph("who", "convene", "ExecutiveMeeting", "--endpoint", "http://127.0.0.1:9/sparql",
                      env={"GOVGRAPH_ENDPOINT_TIMEOUT": seconds})
    assert result.returncode == 2
    assert "GOVGRAPH_ENDPOINT_TIMEOUT" in one_line_error(result)


class _Odd(BaseHTTPRequestHandler):
    answer = b"{}"

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(self.answer)))
        self.end_headers()
        self.wfile.write(self.answer)

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.parametrize("answer", [b'{"results": 5}', b"[1, 2]", b'{"head": {"vars": ["x"]}, "results": {"bindings": [7]}}',
                                    b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "uri", "value": 5}}]}}'])
def test_an_endpoint_answering_unexpected_json_is_one_line_exit_2(answer: bytes) -> None:
    handler = type("Odd", (_Odd,), {"answer": answer})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        result = govgraph("sparql", "-", "--endpoint", f"http://127.0.0.1:{server.server_address[1]}/sparql",
                          stdin="SELECT ?x WHERE { ?x ?p ?o }")
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == 2
    one_line_error(result)
