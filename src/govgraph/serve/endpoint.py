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
- a ``SERVICE`` clause (a request the engine would send elsewhere) is refused (403) unless
  its endpoint is allowed (``allow_service``, ``--allow-service PREFIX``);
- every answer is bounded: a wall-clock limit (``timeout``) counted by the front from the
  moment the query arrives, whatever else runs, and a size limit (``max_answer_mb``). The
  front reads the engine's whole answer before it sends anything, so a query cut off by
  either limit, or an engine that fails mid-answer, gets 503 (502 for the failure) and a
  plain sentence with an ``X-GovGraph-Cut-Off`` header: never a truncated answer with 200
  that looks whole;
- at most ``workers`` queries run at once (the rest wait, up to the time limit, then get
  503); connections idle for ``IDLE_SECONDS`` are closed; a malformed request gets 400, a
  body over ``MAX_REQUEST_BYTES`` 413, each without a traceback;
- the engine is a child that dies with the server (``PR_SET_PDEATHSIG`` on Linux); if it
  dies first, the server stops with an error.
"""

from __future__ import annotations

import ctypes
import http.client
import json
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path

from .._core import queries
from .._core.disk import DiskStore
from .._core.errors import GovGraphError, QueryError, shorten
from .._core.outbound import refuse_service
from ..answers.library import Library
from . import resolve
from .description import description

#: What Oxigraph writes at the end of a response whose query ran out of time.
_CANCELLED = b"The SPARQL operation has been cancelled"
#: Requests larger than this (a query, a form) are refused with 413.
MAX_REQUEST_BYTES = 1 << 20
#: A kept-alive connection with no request for this long is closed.
IDLE_SECONDS = 15
#: Connections served at once; more wait in the listen queue (``BACKLOG``).
MAX_CONNECTIONS = 512
BACKLOG = 1024
_CHUNK = 1 << 16
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

    ``port=0`` picks a free port. ``url`` is the endpoint's base URL once started. ``timeout``
    (seconds) and ``max_answer_mb`` bound every answer; ``workers`` bounds the queries run at
    once; ``allow_service`` lists the IRI prefixes a ``SERVICE`` clause may call.
    """

    def __init__(self, location: Path, *, host: str = "127.0.0.1", port: int = 7878, timeout: float = 10.0,
                 max_answer_mb: float = 32.0, workers: int = 8, allow_service: tuple[str, ...] = ()) -> None:
        if not (0 < timeout < 86400) or not (0 < max_answer_mb < 1 << 20) or workers < 1:
            raise GovGraphError("expected a time limit from 0 to 86400 s, an answer limit above 0 MB and at least one worker")
        self.location = Path(location)
        # Oxigraph counts its own time limit in whole seconds; the front keeps the exact one.
        self.host, self.port, self.timeout = host, port, float(timeout)
        self.max_answer = int(max_answer_mb * (1 << 20))
        self.slots = threading.BoundedSemaphore(workers)
        self.allow_service = tuple(allow_service)
        self._oxigraph: subprocess.Popen | None = None
        self._front: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._log = tempfile.TemporaryFile()
        self.upstream = ""

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def engine_port(self) -> int:
        return int(self.upstream.rsplit(":", 1)[1])

    def start(self) -> Server:
        if not self.location.is_dir():
            raise GovGraphError(f"{self.location}: no store there: build it first (govgraph load --store oxigraph:PATH)")
        self._disk = DiskStore(self.location)
        _store, self.manifest, version = self._disk.open()
        rule_bases = Library(_store, []).rule_bases  # for the service's description
        del _store  # the Oxigraph server opens the version's files itself
        try:
            self._front = _Front((self.host, self.port), _Handler)
        except (OSError, OverflowError) as exc:
            raise GovGraphError(f"cannot listen on {self.host}:{self.port}: {getattr(exc, 'strerror', None) or exc}") from None
        self.port = self._front.server_address[1]
        self.description = description(self.url, self.manifest, rule_bases).encode("utf-8")
        inner = free_port()
        self.upstream = f"http://127.0.0.1:{inner}"
        self._oxigraph = subprocess.Popen(
            [oxigraph_binary(), "serve-read-only", "--location", str(version / "oxigraph"), "--union-default-graph", "--bind", f"127.0.0.1:{inner}",
             "--timeout-s", str(max(1, round(self.timeout)))],
            stdout=subprocess.DEVNULL, stderr=self._log, preexec_fn=_die_with_parent,
        )
        self._front.settings = self
        self._wait_for_upstream()
        self._thread = threading.Thread(target=self._front.serve_forever, name="govgraph-serve", daemon=True)
        self._thread.start()
        return self

    def engine_said(self) -> str:
        """The last line the engine wrote on its standard error."""
        self._log.seek(0)
        lines = self._log.read()[-4096:].decode("utf-8", "replace").strip().splitlines()
        return shorten(lines[-1], 300) if lines else "no message"

    def _wait_for_upstream(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self._oxigraph.poll() is not None:
                said = self.engine_said()
                self.stop()
                raise GovGraphError(f"the Oxigraph server stopped: {said}")
            try:
                with socket.create_connection(("127.0.0.1", self.engine_port), timeout=0.2):
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
        server stops: then raise GovGraphError saying so (a service manager sees the failure).
        The handlers are installed here, so that a server started with SIGINT ignored (as a
        background job of a shell without job control is) still stops on it."""
        stopping = threading.Event()
        previous = {}
        if threading.current_thread() is threading.main_thread():
            previous = {number: signal.signal(number, lambda *_: stopping.set()) for number in (signal.SIGINT, signal.SIGTERM)}
        engine = self._oxigraph
        try:
            while engine is not None and engine.poll() is None and not stopping.wait(0.5):
                pass
        finally:
            for number, handler in previous.items():
                signal.signal(number, handler)
            died = engine is not None and engine.poll() is not None and not stopping.is_set()
            said = self.engine_said() if died else ""
            self.stop()
        if died:
            raise GovGraphError(f"the SPARQL engine stopped (exit code {engine.returncode}): {said}; the endpoint is down")

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _die_with_parent() -> None:
    """In the engine's process, before it runs: ask Linux to end it when govgraph ends, however.

    Linux ties this to the thread that started the engine: start a Server from a thread that
    lives as long as the server (the main thread, as ``govgraph serve`` does)."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class _Front(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = BACKLOG
    settings: Server

    def __init__(self, *args: object, **kwargs: object) -> None:
        self.connections = threading.BoundedSemaphore(MAX_CONNECTIONS)
        super().__init__(*args, **kwargs)

    def process_request(self, request: object, client_address: object) -> None:
        self.connections.acquire()  # beyond the bound, clients wait in the listen queue
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.connections.release()
            raise

    def process_request_thread(self, request: object, client_address: object) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.connections.release()

    def handle_error(self, request: object, client_address: object) -> None:
        """One line on stderr, never a traceback; a client that hung up is no error at all."""
        error = sys.exc_info()[1]
        if not isinstance(error, (BrokenPipeError, ConnectionResetError, TimeoutError)):
            print(f"govgraph serve: {type(error).__name__}: {shorten(str(error), 200)}", file=sys.stderr)


class _CutOff(Exception):
    """The engine's answer cannot be given whole: the status, the reason, the header's value."""

    def __init__(self, status: int, message: str, signal_value: str) -> None:
        super().__init__(message)
        self.status, self.message, self.signal_value = status, message, signal_value


class _Handler(BaseHTTPRequestHandler):
    server: _Front
    server_version = "govgraph"
    protocol_version = "HTTP/1.1"
    timeout = IDLE_SECONDS
    disable_nagle_algorithm = True
    _engine = threading.local()

    def log_message(self, format: str, *args: object) -> None:
        pass

    def handle_one_request(self) -> None:
        """Any error while handling a request is the request's: 400 if nothing was sent yet, never a traceback."""
        self._answered = False
        try:
            super().handle_one_request()
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            self.close_connection = True
        except Exception as exc:  # noqa: BLE001 - a malformed request must not take the thread down
            self.close_connection = True
            if not self._answered:
                self._send(HTTPStatus.BAD_REQUEST, "text/plain; charset=utf-8", f"bad request: {shorten(str(exc), 200)}\n".encode())

    # ── routes ──
    def do_GET(self) -> None:
        path, _, query = self.path.partition("?")
        if path in ("/query", "/sparql"):
            if not query and "text/turtle" in (self.headers.get("Accept") or ""):
                return self._send(HTTPStatus.OK, "text/turtle; charset=utf-8", self.server.settings.description)
            if not query:
                return self._redirect("/")
            return self._proxy("GET", query, b"", None)
        if path == "/update":
            return self._refuse_update()
        if path == "/.well-known/void":
            return self._send(HTTPStatus.OK, "text/turtle; charset=utf-8", self.server.settings.description)
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
        given = (self.headers.get("Content-Length") or "0").strip()
        if not given.isdigit() or len(given) > 12:
            self.close_connection = True
            return self._send(HTTPStatus.BAD_REQUEST, "text/plain; charset=utf-8", b"bad request: expected a Content-Length of digits\n")
        length = int(given)
        if length > MAX_REQUEST_BYTES:
            self.close_connection = True
            return self._send(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "text/plain; charset=utf-8",
                              f"request too large: at most {MAX_REQUEST_BYTES:,} bytes\n".encode())
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

    # ── passing a query to the engine ──
    def _proxy(self, method: str, query: str, body: bytes, content_type: str | None) -> None:
        settings = self.server.settings
        deadline = time.monotonic() + settings.timeout
        try:
            for text in _query_texts(query, body, content_type):
                refuse_service(text, settings.allow_service)
        except QueryError as refused:
            return self._send(HTTPStatus.FORBIDDEN, "text/plain; charset=utf-8", f"{refused}\n".encode())
        if not settings.slots.acquire(timeout=settings.timeout):
            return self._cut_off(_CutOff(HTTPStatus.SERVICE_UNAVAILABLE, f"too many queries at once: none finished within this "
                                         f"endpoint's time limit of {settings.timeout:g} s; try again", "busy"))
        try:
            status, headers, data = self._ask_engine(method, "/query" + (f"?{query}" if query else ""), body, content_type, deadline)
        except _CutOff as cut:
            return self._cut_off(cut)
        finally:
            settings.slots.release()
        if status == HTTPStatus.FORBIDDEN:
            return self._refuse_update()
        self._send(status, headers.get("Content-Type", "application/octet-stream"), data)

    def _ask_engine(self, method: str, target: str, body: bytes, content_type: str | None, deadline: float) -> tuple[int, http.client.HTTPMessage, bytes]:
        """The engine's whole answer, read within ``deadline`` and the size limit; raise _CutOff otherwise."""
        settings = self.server.settings
        headers = {"Accept": self.headers.get("Accept") or "application/sparql-results+json"}
        if content_type:
            headers["Content-Type"] = content_type
        connection = self._connection(deadline)
        try:
            try:
                connection.request(method, target, body=body if method == "POST" else None, headers=headers)
                answer = connection.getresponse()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                connection.close()  # a kept-alive connection the engine had closed: once more, fresh
                connection = self._connection(deadline, fresh=True)
                connection.request(method, target, body=body if method == "POST" else None, headers=headers)
                answer = connection.getresponse()
            data = self._read_bounded(connection, answer, deadline)
        except _CutOff:
            connection.close()
            raise
        except TimeoutError:
            connection.close()
            raise _time_up(settings) from None
        except (http.client.HTTPException, OSError) as error:
            connection.close()
            raise _CutOff(HTTPStatus.BAD_GATEWAY, f"the SPARQL engine failed before its answer was whole ({type(error).__name__}): "
                          "there is no answer", "engine failed") from None
        if data.rstrip().endswith(_CANCELLED):
            connection.close()
            raise _time_up(settings)
        if answer.will_close:
            connection.close()
        return answer.status, answer.headers, data

    def _connection(self, deadline: float, *, fresh: bool = False) -> http.client.HTTPConnection:
        """This thread's kept-alive connection to the engine (one per worker thread)."""
        settings = self.server.settings
        connection = getattr(self._engine, "connection", None)
        if fresh or connection is None or getattr(self._engine, "port", None) != settings.engine_port:
            connection = http.client.HTTPConnection("127.0.0.1", settings.engine_port, timeout=settings.timeout)
            self._engine.connection, self._engine.port = connection, settings.engine_port
        if connection.sock is None:
            connection.connect()
            connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        connection.sock.settimeout(max(0.01, deadline - time.monotonic()))
        return connection

    def _read_bounded(self, connection: http.client.HTTPConnection, answer: http.client.HTTPResponse, deadline: float) -> bytes:
        settings = self.server.settings
        parts, size = [], 0
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise _time_up(settings)
            connection.sock.settimeout(left)
            part = answer.read1(_CHUNK) if hasattr(answer, "read1") else answer.read(_CHUNK)
            if not part:
                return b"".join(parts)
            size += len(part)
            if size > settings.max_answer:
                raise _CutOff(HTTPStatus.SERVICE_UNAVAILABLE, f"answer cut off: it is larger than this endpoint's limit of "
                              f"{settings.max_answer / (1 << 20):g} MB, so there is no answer (a partial one would look whole). "
                              "Ask for fewer rows (LIMIT) or fewer columns.", f"size limit {settings.max_answer / (1 << 20):g} MB")
            parts.append(part)

    def _cut_off(self, cut: _CutOff) -> None:
        self._send(cut.status, "text/plain; charset=utf-8", f"{cut.message}\n".encode(), {"X-GovGraph-Cut-Off": cut.signal_value})

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
        self._answered = True
        self.send_response(HTTPStatus.SEE_OTHER)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: int, content_type: str, data: bytes, extra: dict[str, str] | None = None) -> None:
        """Headers and body in one write (with Nagle's algorithm off: no 40 ms wait for an acknowledgement)."""
        self._answered = True
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self._headers_buffer.append(b"\r\n")
        if self.command != "HEAD":
            self._headers_buffer.append(data)
        self.flush_headers()


def _time_up(settings: Server) -> _CutOff:
    return _CutOff(HTTPStatus.SERVICE_UNAVAILABLE, f"query cut off: it ran longer than this endpoint's time limit of {settings.timeout:g} s, "
                   "so there is no answer (a partial one would look whole). Narrow the query or ask for less.",
                   f"time limit {settings.timeout:g} s")


def _query_texts(query: str, body: bytes, content_type: str | None) -> list[str]:
    """Every query text a request carries: ``query=`` in its URL or form, or its body."""
    texts = urllib.parse.parse_qs(query).get("query", [])
    kind = (content_type or "").split(";")[0].strip().lower()
    if kind == "application/x-www-form-urlencoded":
        texts += urllib.parse.parse_qs(body.decode("utf-8", "replace")).get("query", [])
    elif kind == "application/sparql-query":
        texts.append(body.decode("utf-8", "replace"))
    return texts
