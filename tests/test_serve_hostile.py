"""govgraph serve under hostile clients and faults: SERVICE, runaway answers, malformed requests,
an engine that dies, a server that is killed (issue 11, items 3, 4, 6)."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

from govgraph._core.errors import GovGraphError
from govgraph.answers.loading import parts_for
from govgraph.serve import endpoint
from govgraph.serve.endpoint import Server
from govgraph.serve.push import load_disk

from test_serve import COUNT, SLOW, ask, http

STREAMING = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"


@pytest.fixture(scope="module")
def location(tmp_path_factory: pytest.TempPathFactory) -> Path:
    location = tmp_path_factory.mktemp("hostile") / "store"
    load_disk(location, parts_for(None))
    return location


@pytest.fixture(scope="module")
def server(location: Path):
    with Server(location, port=0, timeout=2, max_answer_mb=0.05, workers=2) as running:
        yield running


class Listener:
    """A TCP listener on 127.0.0.1 that counts every connection made to it."""

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.socket.settimeout(0.2)
        self.connections = 0
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}/sparql"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self.socket.accept()
            except OSError:
                continue
            self.connections += 1
            connection.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.socket.close()


@pytest.fixture
def listener():
    running = Listener()
    yield running
    running.close()


def service_queries(url: str) -> list[str]:
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{url}> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE { \\u0053ERVICE <" + url + "> { ?s ?p ?o } }",
        f"PREFIX x: <{url.rsplit('/', 1)[0]}/> SELECT * WHERE {{ SERVICE x:sparql {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ BIND(<{url}> AS ?u) SERVICE ?u {{ ?s ?p ?o }} }}",
    ]


def test_service_is_refused_by_serve_in_every_form_and_the_listener_receives_nothing(server: Server, listener: Listener) -> None:
    for query in service_queries(listener.url):
        for status, _headers, body in (
            ask(server, query, "text/csv"),
            http(f"{server.url}/query", data=query.encode(), headers={"Content-Type": "application/sparql-query"}),
            http(f"{server.url}/query", data=urllib.parse.urlencode({"query": query}).encode(),
                 headers={"Content-Type": "application/x-www-form-urlencoded"}),
        ):
            assert status == 403 and b"refused" in body, (query, body)
    time.sleep(0.3)
    assert listener.connections == 0


def test_sparql_refuses_service_and_the_listener_receives_nothing(listener: Listener) -> None:
    from hostile import govgraph, one_line_error

    for query in service_queries(listener.url):
        result = govgraph("sparql", "-", stdin=query)
        assert result.returncode == 2
        assert "refused" in one_line_error(result)
    assert listener.connections == 0


def test_a_word_service_in_a_string_comment_or_name_is_no_service_clause(server: Server) -> None:
    query = 'SELECT ?service WHERE { BIND("SERVICE <http://x/>" AS ?service) } # SERVICE <http://y/>'
    assert ask(server, query, "text/csv")[0] == 200


def test_an_allowed_service_prefix_lets_the_query_through(location: Path, listener: Listener) -> None:
    with Server(location, port=0, timeout=2, allow_service=(listener.url,)) as running:
        status, _headers, _body = ask(running, service_queries(listener.url)[0], "text/csv")
    assert status != 403 and listener.connections >= 1


def test_an_answer_over_the_size_limit_is_503_with_the_cut_off_header_never_a_partial_200(server: Server) -> None:
    status, headers, body = ask(server, "SELECT * WHERE { ?s ?p ?o }", "text/csv")
    assert status == 503
    assert headers["X-GovGraph-Cut-Off"].startswith("size limit")
    assert b"larger than this endpoint's limit" in body


def test_slow_queries_run_together_are_each_cut_off_by_the_time_limit(server: Server) -> None:
    answers: list[tuple[int, dict, bytes]] = []
    threads = [threading.Thread(target=lambda: answers.append(ask(server, SLOW, "text/csv"))) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [status for status, _h, _b in answers] == [503] * 5
    assert all(h.get("X-GovGraph-Cut-Off") in ("time limit 2 s", "busy") for _s, h, _b in answers)
    assert ask(server, COUNT, "text/csv")[0] == 200


@pytest.mark.parametrize("request_bytes, status", [
    (b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n", 400),
    (b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n", 400),
    (b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999\r\n\r\n", 413),
    (b"GET /page/%00 HTTP/1.1\r\nHost: x\r\n\r\n", 400),
    (b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 414),
])
def test_a_malformed_or_oversized_request_gets_its_status_and_no_traceback(
        server: Server, request_bytes: bytes, status: int, capfd: pytest.CaptureFixture) -> None:
    with socket.create_connection((server.host, server.port), timeout=10) as connection:
        connection.sendall(request_bytes)
        answer = connection.recv(4096)
    assert answer.startswith(f"HTTP/1.1 {status}".encode()) or answer.startswith(f"HTTP/1.0 {status}".encode()), answer[:200]
    assert "Traceback" not in capfd.readouterr().err
    assert ask(server, COUNT, "text/csv")[0] == 200


def test_an_idle_connection_is_closed(location: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(endpoint._Handler, "timeout", 0.5)
    with Server(location, port=0, timeout=2) as running, socket.create_connection((running.host, running.port)) as idle:
        idle.settimeout(10)
        assert idle.recv(1) == b""


def test_an_engine_that_dies_mid_answer_never_gives_200_and_stops_the_server(location: Path) -> None:
    running = Server(location, port=0, timeout=30, max_answer_mb=4096).start()
    try:
        answers: list[tuple[int, dict, bytes]] = []
        asking = threading.Thread(target=lambda: answers.append(ask(running, STREAMING, "text/csv")))
        asking.start()
        time.sleep(1.0)
        running._oxigraph.kill()
        asking.join(60)
        assert answers and answers[0][0] in (502, 503), answers[0][:2] if answers else "no answer"
        with pytest.raises(GovGraphError, match="the SPARQL engine stopped"):
            running.wait()
    finally:
        running.stop()


def _serve(tmp_path: Path) -> tuple[subprocess.Popen, str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), "GOVGRAPH_LANG": "en"}
    process = subprocess.Popen([str(Path(sys.executable).with_name("govgraph")), "serve", "--port", "0"],
                               stderr=subprocess.PIPE, text=True, env=env)
    deadline, url = time.monotonic() + 120, None
    while time.monotonic() < deadline and url is None:
        match = re.search(r"at (http://[\d.]+:\d+)/", process.stderr.readline())
        url = match.group(1) if match else None
    assert url, "govgraph serve did not start"
    return process, url


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _gone(pid: int, seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0]
        except (FileNotFoundError, ProcessLookupError):
            return True
        if state == "Z":
            return True
        time.sleep(0.1)
    return False


def test_serve_killed_leaves_no_engine_behind(tmp_path: Path) -> None:
    process, _url = _serve(tmp_path)
    engines = _children(process.pid)
    assert engines
    process.kill()
    process.wait(30)
    process.stderr.close()
    assert all(_gone(pid) for pid in engines)


def test_serve_exits_non_zero_with_one_line_when_its_engine_dies(tmp_path: Path) -> None:
    process, _url = _serve(tmp_path)
    try:
        for pid in _children(process.pid):
            os.kill(pid, signal.SIGKILL)
        code = process.wait(30)
        rest = process.stderr.read()
    finally:
        process.kill() if process.poll() is None else None
        process.stderr.close()
    assert code == 2
    assert "Traceback" not in rest and "the SPARQL engine stopped" in rest
