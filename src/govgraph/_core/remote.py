"""A SPARQL 1.1 endpoint behind the ``Store`` interface, and pushing RDF into one.

Queries go by POST, ask for SPARQL JSON results and have a time limit. Credentials come
from the environment only, never from the command line (where ``ps`` would show them):

- ``GOVGRAPH_ENDPOINT_USER`` and ``GOVGRAPH_ENDPOINT_PASSWORD``: HTTP credentials;
- ``GOVGRAPH_ENDPOINT_AUTH``: ``basic`` (default) or ``digest`` (Virtuoso's ``/sparql-auth``);
- ``GOVGRAPH_ENDPOINT_TIMEOUT``: seconds to wait for an answer (default 60).

An endpoint has no parameter substitution, so parameters are bound with a ``VALUES``
block of properly serialised terms placed at the start of the query's WHERE group, never
pasted into the query text: a value is always one term, whatever characters it holds.

Some endpoints cut answers short without saying so in the results (Virtuoso's
``[SPARQL] ResultSetMaxRows``; its "anytime" partial answers): the headers that betray it
are read, and such an answer is refused rather than trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import socket
import urllib.error
import urllib.parse
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .errors import GovGraphError, InputError, QueryError, shorten
from .files import source
from .binding import bind_values, iri_text, serialise
from .stores import Row, Term, rdf_format


class EndpointError(QueryError):
    """The endpoint could not be reached, refused the request, or cut its answer short."""


# ── the store ────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str
    scheme: str = "basic"

    @classmethod
    def from_environment(cls) -> Credentials | None:
        user = os.environ.get("GOVGRAPH_ENDPOINT_USER")
        if not user:
            return None
        scheme = os.environ.get("GOVGRAPH_ENDPOINT_AUTH", "basic").lower()
        if scheme not in ("basic", "digest"):
            raise GovGraphError(f"GOVGRAPH_ENDPOINT_AUTH={scheme!r}: expected basic or digest")
        return cls(user, os.environ.get("GOVGRAPH_ENDPOINT_PASSWORD", ""), scheme)


def check_url(url: str) -> tuple[str, list[str]]:
    """The endpoint URL without ``default-graph-uri`` parameters, and those graphs; raise if not http(s)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise EndpointError(f"bad endpoint URL {shorten(redact(url))!r}: expected http://host[:port]/path, e.g. http://127.0.0.1:8890/sparql")
    try:
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError:
        raise EndpointError(f"bad endpoint URL {shorten(redact(url))!r}: the port is not a number from 0 to 65535") from None
    query = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    graphs = [value for key, value in query if key == "default-graph-uri"]
    rest = urllib.parse.urlencode([(k, v) for k, v in query if k != "default-graph-uri"])
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, rest, "")), graphs


def redact(url: str) -> str:
    """``url`` as messages show it: a user name and password in it replaced by ``***``."""
    parts = urllib.parse.urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urllib.parse.urlunsplit((parts.scheme, "***@" + parts.netloc.rsplit("@", 1)[1], parts.path, parts.query, parts.fragment))


def _seconds(given: object) -> float:
    """A time limit in seconds (GOVGRAPH_ENDPOINT_TIMEOUT): a positive, finite number."""
    try:
        seconds = float(given)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        seconds = float("nan")
    if not 0 < seconds < 10**6:
        raise GovGraphError(f"GOVGRAPH_ENDPOINT_TIMEOUT={shorten(str(given), 40)!r}: expected a positive number of seconds")
    return seconds


class RemoteStore:
    """A SPARQL 1.1 endpoint (through SPARQLWrapper): POST, JSON results, a timeout, auth from the environment.

    ``graph`` restricts questions to one named graph (sent as ``default-graph-uri``; an
    endpoint URL may also carry it). ``update_endpoint`` is where ``load`` sends its
    updates, if not the same URL (Virtuoso: ``/sparql-auth``).
    """

    name = "sparql"

    def __init__(
        self,
        endpoint: str,
        *,
        graph: str | None = None,
        timeout: float | None = None,
        update_endpoint: str | None = None,
        credentials: Credentials | None = None,
    ) -> None:
        self.endpoint, graphs = check_url(endpoint)
        self.graph = graph or (graphs[0] if graphs else None)
        if self.graph is not None:
            iri_text(self.graph)
        self.update_endpoint = check_url(update_endpoint)[0] if update_endpoint else self.endpoint
        self.timeout = _seconds(timeout if timeout is not None else os.environ.get("GOVGRAPH_ENDPOINT_TIMEOUT", "60"))
        self.credentials = credentials if credentials is not None else Credentials.from_environment()

    def __repr__(self) -> str:
        return f"RemoteStore({redact(self.endpoint)!r}, graph={self.graph!r})"

    # SPARQLWrapper is imported lazily: only remote work needs it.
    def _wrapper(self, url: str):
        try:
            from SPARQLWrapper import DIGEST, JSON, POST, SPARQLWrapper
        except ImportError:
            raise GovGraphError("a SPARQL endpoint needs SPARQLWrapper: pip install 'govgraph[endpoint]'") from None
        wrapper = SPARQLWrapper(url, agent="govgraph")
        wrapper.setMethod(POST)
        wrapper.setReturnFormat(JSON)
        wrapper.setTimeout(self.timeout)
        if self.credentials:
            if self.credentials.scheme == "digest":
                wrapper.setHTTPAuth(DIGEST)
            wrapper.setCredentials(self.credentials.user, self.credentials.password)
        return wrapper

    def _run(self, url: str, text: str, *, update: bool = False, graphs: Sequence[str] | None = None, form: str = "SELECT"):
        from SPARQLWrapper import SPARQLExceptions

        wrapper = self._wrapper(url)
        if not update:
            for graph in [self.graph] if self.graph else (graphs or ()):
                wrapper.addDefaultGraph(graph)
        wrapper.setQuery(text)
        # SPARQLWrapper guesses the kind of request from the first keyword it sees, comments
        # included ("# … drop rules …" reads as DROP): say what it is.
        wrapper.queryType = "INSERT" if update else form
        if form in ("CONSTRUCT", "DESCRIBE"):
            wrapper.setReturnFormat("turtle")  # Accept: text/turtle
        try:
            result = wrapper.query()
            headers = {key.lower(): value for key, value in result.info().items()}
            body = result.response.read()
        except SPARQLExceptions.SPARQLWrapperException as exc:
            raise EndpointError(f"{redact(url)} refused the {'update' if update else 'query'}: {_first_line(exc)}") from None
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace").strip().splitlines()
            said = f": {detail[0][:300]}" if detail else ""
            raise EndpointError(f"{redact(url)} answered HTTP {exc.code} {exc.reason}{said}") from None
        except TimeoutError:
            raise EndpointError(f"{redact(url)} did not answer within {self.timeout:g} s (GOVGRAPH_ENDPOINT_TIMEOUT)") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise EndpointError(f"{redact(url)} did not answer within {self.timeout:g} s (GOVGRAPH_ENDPOINT_TIMEOUT)") from None
            raise EndpointError(f"cannot reach {redact(url)}: {getattr(reason, 'strerror', None) or reason}") from None
        except (ConnectionError, OSError) as exc:
            raise EndpointError(f"cannot reach {redact(url)}: {exc.strerror or exc}") from None
        return headers, body

    def ask_raw(self, text: str, graphs: Sequence[str] | None = None) -> dict:
        """Run a query as it is; the SPARQL JSON answer, refused if the endpoint cut it short."""
        headers, body = self._run(self.endpoint, text, graphs=graphs)
        try:
            data = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise EndpointError(f"{redact(self.endpoint)} did not answer in SPARQL JSON: {body[:120]!r}") from None
        if not isinstance(data, dict) or not isinstance(data.get("head", {}), dict) or not (
                isinstance(data.get("results", {}), dict) and isinstance(data.get("results", {}).get("bindings", []), list)):
            raise EndpointError(f"{redact(self.endpoint)} answered JSON that is not a SPARQL result: {shorten(body.decode('utf-8', 'replace'), 120)!r}")
        _refuse_partial(self.endpoint, headers, data)
        return data

    def select(self, query: str, bindings: Mapping[str, Term] | None = None, *, graphs: Sequence[str] | None = None) -> list[Row]:
        """Run a SELECT over the union of ``graphs`` (sent as default-graph-uri), or over the store's
        one graph if it is restricted to one, or over the endpoint's default graph."""
        data = self.ask_raw(bind_values(query, bindings), graphs)
        if "results" not in data:
            raise QueryError("expected a SELECT query")
        names = data.get("head", {}).get("vars", [])
        try:
            return [{name: _term(solution.get(name)) for name in names} for solution in data["results"]["bindings"]]
        except (AttributeError, TypeError, ValueError):
            raise EndpointError(f"{redact(self.endpoint)} answered a SPARQL result with malformed rows") from None

    def ask(self, query: str, bindings: Mapping[str, Term] | None = None, *, graphs: Sequence[str] | None = None) -> bool:
        """Run an ASK query (parameters bound as in ``select``): the endpoint's boolean."""
        data = self.ask_raw(bind_values(query, bindings), graphs)
        if not isinstance(data.get("boolean"), bool):
            raise QueryError("expected an ASK query")
        return data["boolean"]

    def construct(self, query: str, bindings: Mapping[str, Term] | None = None, *, graphs: Sequence[str] | None = None) -> list[ox.Triple]:
        """Run a CONSTRUCT or DESCRIBE query, asking for Turtle (any RDF syntax the endpoint names
        in its Content-Type is read); the triples, each blank node as the endpoint labelled it."""
        from .stores import bind_where, query_form

        form = query_form(query)
        if form not in ("CONSTRUCT", "DESCRIBE"):
            raise QueryError("expected a CONSTRUCT or DESCRIBE query")
        headers, body = self._run(self.endpoint, bind_where(query, bindings), graphs=graphs, form=form)
        media = headers.get("content-type", "text/turtle").split(";")[0].strip() or "text/turtle"
        syntax = ox.RdfFormat.from_media_type(media)
        if syntax is None:
            raise EndpointError(f"{redact(self.endpoint)} answered {shorten(media, 60)!r}, not an RDF syntax")
        try:
            return [quad.triple for quad in ox.parse(body, format=syntax)]
        except SyntaxError as exc:
            raise EndpointError(f"{redact(self.endpoint)} answered {media} that does not parse: {exc.msg}") from None

    def update(self, text: str) -> None:
        """Run a SPARQL 1.1 Update at the update endpoint."""
        self._run(self.update_endpoint, text, update=True)

    def __len__(self) -> int:
        from .queries import named

        rows = self.select(named("count").text)
        return int(rows[0]["triples"].value) if rows else 0

    def graph_names(self) -> list[str]:
        from .queries import named

        if self.graph:
            return [self.graph]
        return [row["graph"].value for row in self.select(named("graphs").text)]

    def drop_graph(self) -> None:
        """Empty the store's named graph (nothing happens if it does not exist)."""
        if not self.graph:
            raise QueryError("no named graph to drop: the store is not restricted to one")
        self.update(f"DROP SILENT GRAPH {iri_text(self.graph)}")

    # ── pushing RDF ──────────────────────────────────────────────────────────

    def load(self, path: Path) -> None:
        """Add an RDF file's triples to the graph (``self.graph``, or the default graph)."""
        for batch in batches(triples([Path(path)]), 500):
            self.update(insert_data(batch, self.graph))


def _first_line(exc: Exception) -> str:
    """The endpoint's own message, on one line (SPARQLWrapper wraps it in prose and bytes)."""
    text = str(exc)
    if "Response:" in text:
        text = text.split("Response:", 1)[1].strip()
        if text.startswith(("b'", 'b"')):
            text = text[2:-1].encode("latin-1", "backslashreplace").decode("unicode_escape", "replace")
            text = text.encode("latin-1", "replace").decode("utf-8", "replace")
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line[:300]
    return type(exc).__name__


def _refuse_partial(url: str, headers: Mapping[str, str], data: dict) -> None:
    """Raise if the endpoint says (in its headers) that the answer is not whole."""
    rows = len(data.get("results", {}).get("bindings", []))
    max_rows = headers.get("x-sparql-maxrows")
    if max_rows and max_rows.strip().isdigit() and rows >= int(max_rows):
        raise EndpointError(
            f"{redact(url)} cut the answer off at {max_rows} rows (its result-size limit, e.g. Virtuoso's "
            "[SPARQL] ResultSetMaxRows): raise the limit; a partial answer is not an answer"
        )
    state = headers.get("x-sql-state", "")
    if state.startswith("S1TAT"):
        raise EndpointError(f"{redact(url)} ran out of time and returned a partial answer (X-SQL-State {state}): not trusted")


def _term(binding: dict | None) -> Term | None:
    if binding is None:
        return None
    kind, value = binding.get("type"), binding.get("value", "")
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(re.sub(r"[^A-Za-z0-9_]", "_", value) or "b")
    if kind in ("literal", "typed-literal"):
        if binding.get("xml:lang"):
            return ox.Literal(value, language=binding["xml:lang"])
        if binding.get("datatype"):
            return ox.Literal(value, datatype=ox.NamedNode(binding["datatype"]))
        return ox.Literal(value)
    raise QueryError(f"unexpected term in the endpoint's answer: {binding!r}")


# ── adding triples to a graph, in batches ─────────────────────────────────────


#: Where a blank node's stable name (its Skolem IRI, RDF 1.1 §3.5) lives once sent to an endpoint.
GENID = "https://w3id.org/govgraph/.well-known/genid/"


def triples(files: Iterable[Path]) -> Iterator[ox.Triple]:
    """Every triple of ``files``, in file order, parsed by Oxigraph, each blank node replaced by a
    Skolem IRI that depends only on the file's content and the node's place in it: sending the
    same file twice sends the same triples, so a resend adds nothing."""
    for path in files:
        path = Path(path)
        try:
            given = source(path)
            digest = hashlib.sha256(given["input"] if "input" in given else path.read_bytes()).hexdigest()[:16]
            names: dict[str, ox.NamedNode] = {}

            def stable(term):  # noqa: ANN001, ANN202
                if isinstance(term, ox.BlankNode):
                    return names.setdefault(term.value, ox.NamedNode(f"{GENID}{digest}-{len(names) + 1}"))
                return term

            for quad in ox.parse(**given, format=rdf_format(path)):
                yield ox.Triple(stable(quad.subject), quad.predicate, stable(quad.object))
        except SyntaxError as exc:
            raise InputError(str(path), f"not valid RDF: {exc.msg}", exc.lineno) from None
        except OSError as exc:
            raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None


def batches(all_triples: Iterable[ox.Triple], size: int, blank_size: int = 100) -> list[list[ox.Triple]]:
    """Triples in batches of at most ``size``, never splitting what a blank node holds together.

    Each update request is its own scope for blank-node labels, so the triples that share a
    blank node travel in the same request; those go in batches of about ``blank_size``
    (an update with blank nodes is a template, which some stores compile triple by triple).
    """
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    listed = list(all_triples)
    for triple in listed:
        blanks = [t.value for t in (triple.subject, triple.object) if isinstance(t, ox.BlankNode)]
        for other in blanks[1:]:
            parent[find(other)] = find(blanks[0])
        for blank in blanks:
            find(blank)
    plain: list[ox.Triple] = []
    groups: dict[str, list[ox.Triple]] = {}
    for triple in listed:
        blank = next((t.value for t in (triple.subject, triple.object) if isinstance(t, ox.BlankNode)), None)
        if blank is None:
            plain.append(triple)
        else:
            groups.setdefault(find(blank), []).append(triple)
    out = [plain[i : i + size] for i in range(0, len(plain), size)]
    current: list[ox.Triple] = []
    for group in groups.values():
        if current and len(current) + len(group) > min(size, blank_size):
            out.append(current)
            current = []
        current.extend(group)
    if current:
        out.append(current)
    return out


def insert_data(batch: Iterable[ox.Triple], graph: str | None) -> str:
    """An update adding ``batch`` (into ``graph`` if given).

    INSERT DATA when the batch has no blank node; otherwise ``INSERT { … } WHERE {}``,
    whose template makes one fresh blank node per label (some stores, Virtuoso among
    them, refuse blank nodes in INSERT DATA).
    """
    lines, blanks = [], False
    for triple in batch:
        terms = []
        for term in (triple.subject, triple.predicate, triple.object):
            if isinstance(term, ox.BlankNode):
                blanks = True
                terms.append(f"_:{term.value}")
            else:
                terms.append(serialise(term))
        lines.append(" ".join(terms) + " .")
    body = "\n".join(lines)
    if graph:
        body = f"GRAPH {iri_text(graph)} {{\n{body}\n}}"
    return f"INSERT {{\n{body}\n}} WHERE {{}}" if blanks else f"INSERT DATA {{\n{body}\n}}"
