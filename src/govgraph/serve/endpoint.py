"""``govgraph serve``: a read-only SPARQL 1.1 Protocol endpoint with an offline query page.

The SPARQL engine and HTTP protocol are Oxigraph's own server (``oxigraph
serve-read-only``, from the ``oxigraph`` package on PyPI) over an on-disk store, bound to
an internal port on 127.0.0.1. In front of it, a small HTTP server on the public address:

- ``/`` is the query page (``assets/query-page``: no request leaves the machine), and
  ``/named-queries.json`` the project's named queries, offered there as ready examples;
- ``/query`` and ``/sparql`` take SPARQL 1.1 Protocol queries (GET or POST) and pass
  them to Oxigraph as they are: its content negotiation gives SPARQL JSON, XML, CSV and
  TSV, and Turtle, N-Triples, RDF/XML or JSON-LD for graphs;
- ``/update``, an ``update=`` form and ``application/sparql-update`` are refused (403);
- every query has a time limit (Oxigraph's ``--timeout-s``); a query cut off by it gets
  503 and a plain sentence saying so, never a truncated answer that looks whole.
"""

from __future__ import annotations

import json
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path

from .._core import queries
from .._core.disk import DiskStore
from .._core.errors import GovGraphError
from . import resolve

#: What Oxigraph writes at the end of a response whose query ran out of time.
_CANCELLED = b"The SPARQL operation has been cancelled"
_PAGE_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
               ".svg": "image/svg+xml", ".json": "application/json", ".txt": "text/plain; charset=utf-8"}


def oxigraph_binary() -> str:
    """The ``oxigraph`` server program: beside this Python (a virtual environment), else on PATH."""
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if not found:
        raise GovGraphError("the SPARQL server needs the oxigraph package: pip install 'govgraph[serve]'")
    return found


def page_dir() -> Path:
    return Path(str(resources.files("govgraph") / "assets" / "query-page"))


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def named_queries_json() -> bytes:
    """The named queries as the page offers them: what each asks, its parameters, its text."""
    listing = [q.to_dict(with_text=True) for q in queries.all_queries()]
    return json.dumps(listing, ensure_ascii=False).encode("utf-8")


class Server:
    """The endpoint over the on-disk store at ``location`` (``govgraph._core.disk``), every graph it
    holds; a context manager. The version served is read-locked while it is served, so that a
    ``govgraph load`` meanwhile swaps in a new version without removing this one.

    ``port=0`` picks a free port. ``url`` is the endpoint's base URL once started.
    """

    def __init__(self, location: Path, *, host: str = "127.0.0.1", port: int = 7878, timeout: float = 10.0) -> None:
        self.location = Path(location)
        # Oxigraph counts its time limit in whole seconds.
        self.host, self.port, self.timeout = host, port, float(max(1, round(timeout)))
        self._oxigraph: subprocess.Popen | None = None
        self._front: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.upstream = ""

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def start(self) -> Server:
        if not self.location.is_dir():
            raise GovGraphError(f"{self.location}: no store there: build it first (govgraph load --store oxigraph:PATH)")
        self._disk = DiskStore(self.location)
        _store, self.manifest, version = self._disk.open()
        del _store  # the Oxigraph server opens the version's files itself
        try:
            self._front = _Front((self.host, self.port), _Handler)
        except OSError as exc:
            raise GovGraphError(f"cannot listen on {self.host}:{self.port}: {exc.strerror or exc}") from None
        self.port = self._front.server_address[1]
        inner = free_port()
        self.upstream = f"http://127.0.0.1:{inner}"
        seconds = int(self.timeout)
        self._oxigraph = subprocess.Popen(
            [oxigraph_binary(), "serve-read-only", "--location", str(version / "oxigraph"), "--union-default-graph", "--bind", f"127.0.0.1:{inner}",
             "--timeout-s", str(seconds)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        self._front.settings = self
        self._wait_for_upstream()
        self._thread = threading.Thread(target=self._front.serve_forever, name="govgraph-serve", daemon=True)
        self._thread.start()
        return self

    def _wait_for_upstream(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self._oxigraph.poll() is not None:
                error = (self._oxigraph.stderr.read() or b"").decode("utf-8", "replace").strip().splitlines()
                self.stop()
                raise GovGraphError(f"the Oxigraph server stopped: {error[-1] if error else 'no message'}")
            try:
                with socket.create_connection(("127.0.0.1", int(self.upstream.rsplit(":", 1)[1])), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise GovGraphError("the Oxigraph server did not start within 30 s")

    def stop(self) -> None:
        if self._front is not None:
            self._front.shutdown() if self._thread else None
            self._front.server_close()
            self._front = None
        if self._oxigraph is not None:
            self._oxigraph.terminate()
            try:
                self._oxigraph.wait(10)
            except subprocess.TimeoutExpired:
                self._oxigraph.kill()
                self._oxigraph.wait()
            self._oxigraph = None

    def wait(self) -> None:
        """Serve until interrupted (Ctrl-C, or SIGTERM from a service manager) or the Oxigraph
        server stops. The handlers are installed here, so that a server started with SIGINT
        ignored (as a background job of a shell without job control is) still stops on it."""
        stopping = threading.Event()
        previous = {}
        if threading.current_thread() is threading.main_thread():
            previous = {number: signal.signal(number, lambda *_: stopping.set()) for number in (signal.SIGINT, signal.SIGTERM)}
        try:
            while self._oxigraph is not None and self._oxigraph.poll() is None and not stopping.wait(0.5):
                pass
        finally:
            for number, handler in previous.items():
                signal.signal(number, handler)
            self.stop()

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class _Front(ThreadingHTTPServer):
    daemon_threads = True
    settings: Server

    def handle_error(self, request: object, client_address: object) -> None:
        """A client that hung up (its own timeout) is no error of the server's."""
        error = sys.exc_info()[1]
        if not isinstance(error, (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    server: _Front
    server_version = "govgraph"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    # ── routes ──
    def do_GET(self) -> None:
        path, _, query = self.path.partition("?")
        if path in ("/query", "/sparql"):
            if not query:
                return self._redirect("/")
            return self._proxy("GET", query, b"", None)
        if path == "/update":
            return self._refuse_update()
        if path in ("/resolve", "/labels"):  # names as the CLI resolves them (serve/resolve.py)
            return self._send(*resolve.answer(self.server.settings.upstream, path, query))
        if path == "/named-queries.json":
            return self._send(HTTPStatus.OK, "application/json; charset=utf-8", named_queries_json())
        if path in ("/", "/index.html"):
            return self._static("index.html")
        if path.startswith("/page/"):
            return self._static(path[len("/page/"):])
        return self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", b"not found: try / (the query page) or /query\n")

    def do_HEAD(self) -> None:
        self._send(HTTPStatus.OK if self.path.split("?")[0] in ("/", "/index.html") else HTTPStatus.NOT_FOUND, "text/plain", b"")

    def do_POST(self) -> None:
        path, _, query = self.path.partition("?")
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if path == "/update" or kind == "application/sparql-update":
            return self._refuse_update()
        if path not in ("/query", "/sparql"):
            return self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", b"not found: POST queries to /query\n")
        if kind == "application/x-www-form-urlencoded":
            form = urllib.parse.parse_qs(body.decode("utf-8", "replace"))
            if "update" in form:
                return self._refuse_update()
        elif kind != "application/sparql-query":
            return self._send(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "text/plain; charset=utf-8",
                              b"expected application/sparql-query or application/x-www-form-urlencoded\n")
        return self._proxy("POST", query, body, self.headers.get("Content-Type"))

    def do_PUT(self) -> None:
        self._refuse_update()

    do_DELETE = do_PATCH = do_PUT

    # ── helpers ──
    def _proxy(self, method: str, query: str, body: bytes, content_type: str | None) -> None:
        settings = self.server.settings
        url = f"{settings.upstream}/query" + (f"?{query}" if query else "")
        request = urllib.request.Request(url, data=body if method == "POST" else None, method=method)
        request.add_header("Accept", self.headers.get("Accept") or "application/sparql-results+json")
        if content_type:
            request.add_header("Content-Type", content_type)
        started = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=settings.timeout + 30) as answer:
                status, headers, data = answer.status, answer.headers, answer.read()
        except urllib.error.HTTPError as error:
            status, headers, data = error.code, error.headers, error.read()
        except (urllib.error.URLError, OSError) as error:
            return self._send(HTTPStatus.BAD_GATEWAY, "text/plain; charset=utf-8", f"the SPARQL engine did not answer: {error}\n".encode())
        elapsed = time.monotonic() - started
        if data.rstrip().endswith(_CANCELLED) and elapsed >= settings.timeout * 0.5:
            message = (f"query cut off: it ran longer than this endpoint's time limit of {settings.timeout:g} s, "
                       "so there is no answer (a partial one would look whole). Narrow the query or ask for less.\n")
            return self._send(HTTPStatus.SERVICE_UNAVAILABLE, "text/plain; charset=utf-8", message.encode(),
                              {"X-GovGraph-Cut-Off": f"time limit {settings.timeout:g} s"})
        if status == HTTPStatus.FORBIDDEN:
            return self._refuse_update()
        self._send(status, headers.get("Content-Type", "application/octet-stream"), data)

    def _refuse_update(self) -> None:
        self._send(HTTPStatus.FORBIDDEN, "text/plain; charset=utf-8",
                   b"this endpoint is read-only: SPARQL UPDATE and graph changes are refused\n")

    def _static(self, name: str) -> None:
        root = page_dir().resolve()
        target = (root / urllib.parse.unquote(name)).resolve()
        if root not in target.parents or not target.is_file():
            return self._send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", b"not found\n")
        self._send(HTTPStatus.OK, _PAGE_TYPES.get(target.suffix, "application/octet-stream"), target.read_bytes())

    def _redirect(self, where: str) -> None:
        self.send_response(HTTPStatus.SEE_OTHER)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: int, content_type: str, data: bytes, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)
