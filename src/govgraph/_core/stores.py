"""Triple stores behind one interface: load files into named graphs, run a SELECT over a
chosen set of graphs with bound parameters, get rows.

Rows hold pyoxigraph terms (``NamedNode``, ``Literal``, ``BlankNode``) whatever the
store, so that answers do not depend on the engine. Parameters are bound, never pasted
into the query: as one row of data opening the WHERE group on Oxigraph (``binding.py``),
by ``initBindings`` on rdflib.

Every store holds named graphs: the ontology in one, each rule base (one regulation
version of one government) in its own, records in theirs. A question is asked of a
*dataset*: the union of the graphs given as ``graphs`` (the ontology and one rule base,
for a question about one government), or of every graph when ``graphs`` is None.

- ``OxigraphStore``: Oxigraph, in memory or on disk (see ``govgraph._core.disk``).
- ``RdflibStore``: rdflib's in-memory dataset, the reference engine for pySHACL and owlready2.
- ``govgraph._core.remote.RemoteStore``: any SPARQL 1.1 endpoint (Virtuoso, Fuseki, GraphDB, …).

A store is named by a *spec*: ``oxigraph`` or ``rdflib`` (in memory, parsed on every
run), or ``oxigraph:PATH`` (on disk: loaded once by ``govgraph load``, then reopened
read-only in milliseconds whatever its size).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from .binding import bind_values
from .errors import InputError, QueryError

Term = ox.NamedNode | ox.Literal | ox.BlankNode
Row = dict[str, Term | None]

_OX_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
}


class Store(Protocol):
    """What govgraph needs of a store."""

    name: str

    def load(self, path: Path, graph: str | None = None) -> None:
        """Add an RDF file's triples to ``graph`` (the default graph if None); raise
        InputError naming the file and line on bad syntax."""

    def select(self, query: str, bindings: Mapping[str, Term] | None = None, *, graphs: Sequence[str] | None = None) -> list[Row]:
        """Run a SELECT query with its parameters bound over the union of ``graphs`` (every
        graph if None); one dict per row, None for unbound."""

    def graph_names(self) -> list[str]:
        """The named graphs the store holds."""

    def ask(self, query: str, bindings: Mapping[str, Term] | None = None, *, graphs: Sequence[str] | None = None) -> bool:
        """Run an ASK query the same way: whether its pattern has a solution."""

    def construct(self, query: str, bindings: Mapping[str, Term] | None = None, *, graphs: Sequence[str] | None = None) -> list[ox.Triple]:
        """Run a CONSTRUCT or DESCRIBE query the same way: the triples of the graph it builds."""

    def __len__(self) -> int: ...


def rdf_format(path: Path) -> ox.RdfFormat:
    try:
        return _OX_FORMATS[path.suffix]
    except KeyError:
        raise InputError(str(path), f"expected an RDF file ending in one of {', '.join(sorted(_OX_FORMATS))}") from None


class OxigraphStore:
    """An Oxigraph store, in memory (``path=None``) or on disk (opened read-only, or to be written)."""

    name = "oxigraph"

    def __init__(self, path: Path | None = None, *, read_only: bool = False) -> None:
        if path is None:
            self._store = ox.Store()
        elif read_only:
            self._store = ox.Store.read_only(str(path))
        else:
            self._store = ox.Store(str(path))

    @property
    def native(self) -> ox.Store:
        return self._store

    def load(self, path: Path, graph: str | None = None) -> None:
        from .files import source

        target = ox.NamedNode(graph) if graph else ox.DefaultGraph()
        try:
            self._store.bulk_load(**source(path), format=rdf_format(path), to_graph=target)
        except SyntaxError as exc:
            raise InputError(str(path), f"not valid RDF: {exc.msg}", exc.lineno) from None
        except OSError as exc:
            raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None

    def select(self, query: str, bindings: Mapping[str, Term] | None = None, *, graphs: Sequence[str] | None = None) -> list[Row]:
        solutions = self._query(query, bindings, graphs)
        if not isinstance(solutions, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        names = [v.value for v in solutions.variables]
        return [dict(zip(names, solution, strict=True)) for solution in solutions]

    def ask(self, query: str, bindings: Mapping[str, Term] | None = None, *, graphs: Sequence[str] | None = None) -> bool:
        result = self._query(query, bindings, graphs)
        if not isinstance(result, ox.QueryBoolean):
            raise QueryError("expected an ASK query")
        return bool(result)

    def construct(self, query: str, bindings: Mapping[str, Term] | None = None, *, graphs: Sequence[str] | None = None) -> list[ox.Triple]:
        result = self._query(query, bindings, graphs)
        if not isinstance(result, ox.QueryTriples):
            raise QueryError("expected a CONSTRUCT or DESCRIBE query")
        try:
            return list(result)
        except (OSError, RuntimeError) as exc:
            raise QueryError(str(exc)) from None

    def _query(self, query: str, bindings: Mapping[str, Term] | None, graphs: Sequence[str] | None):  # noqa: ANN202
        """Any query form with its parameters bound (as ``select`` binds them), over ``graphs``."""
        substitutions = None
        if bindings and _has_subquery(query):
            # A subquery does not see the outer group's data: let the engine substitute.
            substitutions = {ox.Variable(name): value for name, value in bindings.items()}
        elif bindings:
            query = bind_where(query, bindings)
        dataset = {"use_default_graph_as_union": True} if graphs is None else {"default_graph": [ox.NamedNode(g) for g in graphs]}
        try:
            return self._store.query(query, substitutions=substitutions, **dataset)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax: {exc.msg}") from None
        except (OSError, RuntimeError) as exc:
            raise QueryError(str(exc)) from None

    def graph_names(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def __len__(self) -> int:
        return len(self._store)


def _has_subquery(query: str) -> bool:
    text = re.sub(r"#[^\n]*", "", query)
    return len(re.findall(r"\bSELECT\b", text, re.IGNORECASE)) > 1


class RdflibStore:
    """rdflib's in-memory dataset behind the same interface."""

    name = "rdflib"

    def __init__(self) -> None:
        import rdflib

        self._dataset = rdflib.Dataset(default_union=True)

    @property
    def native(self):  # noqa: ANN201 - rdflib.Dataset
        return self._dataset

    def load(self, path: Path, graph: str | None = None) -> None:
        import rdflib

        from .files import RDF_SUFFIXES, source

        target = self._dataset.graph(rdflib.URIRef(graph)) if graph else self._dataset.default_graph
        given = source(path)
        try:
            if "input" in given:
                target.parse(data=given["input"], format=RDF_SUFFIXES.get(path.suffix, "turtle"), publicID=path.resolve().as_uri())
            else:
                target.parse(str(path), format=RDF_SUFFIXES.get(path.suffix, "turtle"))
        except OSError as exc:
            raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
        except Exception as exc:  # rdflib raises many syntax error types
            line = getattr(exc, "lines", None) or getattr(exc, "lineno", None)
            raise InputError(str(path), f"not valid RDF: {exc}", line if isinstance(line, int) else None) from None

    def select(self, query: str, bindings: Mapping[str, Term] | None = None, *, graphs: Sequence[str] | None = None) -> list[Row]:
        init = {name: _to_rdflib(value) for name, value in (bindings or {}).items()}
        try:
            result = self._scope(graphs).query(query, initBindings=init)
        except Exception as exc:  # pyparsing and rdflib errors
            raise QueryError(str(exc)) from None
        if result.type != "SELECT":
            raise QueryError("expected a SELECT query")
        names = [str(v) for v in result.vars]
        rows: list[Row] = []
        for solution in result:
            row = {name: _from_rdflib(solution[i]) for i, name in enumerate(names)}
            # rdflib leaves pre-bound variables unbound in the rows; report them as bound.
            for name, value in (bindings or {}).items():
                if name in row and row[name] is None:
                    row[name] = value
            rows.append(row)
        return rows

    def ask(self, query: str, bindings: Mapping[str, Term] | None = None, *, graphs: Sequence[str] | None = None) -> bool:
        return bool(self._query(query, bindings, graphs, ("ASK",), "expected an ASK query").askAnswer)

    def construct(self, query: str, bindings: Mapping[str, Term] | None = None, *, graphs: Sequence[str] | None = None) -> list[ox.Triple]:
        result = self._query(query, bindings, graphs, ("CONSTRUCT", "DESCRIBE"), "expected a CONSTRUCT or DESCRIBE query")
        return [ox.Triple(*(_from_rdflib(term) for term in triple)) for triple in result.graph]

    def _query(self, query: str, bindings: Mapping[str, Term] | None, graphs: Sequence[str] | None, forms: tuple[str, ...],
               expected: str):  # noqa: ANN202 - an rdflib query result
        init = {name: _to_rdflib(value) for name, value in (bindings or {}).items()}
        try:
            result = self._scope(graphs).query(query, initBindings=init)
        except Exception as exc:  # pyparsing and rdflib errors
            raise QueryError(str(exc)) from None
        if result.type not in forms:
            raise QueryError(expected)
        return result

    def _scope(self, graphs: Sequence[str] | None):  # noqa: ANN202 - an rdflib graph to query
        if graphs is None:
            return self._dataset
        import rdflib
        from rdflib.graph import ReadOnlyGraphAggregate

        return ReadOnlyGraphAggregate([self._dataset.graph(rdflib.URIRef(g)) for g in graphs])

    def graph_names(self) -> list[str]:
        import rdflib

        return sorted(str(g.identifier) for g in self._dataset.graphs() if isinstance(g.identifier, rdflib.URIRef)
                      and g.identifier != rdflib.graph.DATASET_DEFAULT_GRAPH_ID)

    def __len__(self) -> int:
        return len(self._dataset)


class ScopedStore:
    """A store seen through one dataset: every question asks the union of ``graphs`` (a scope),
    so code written against a whole store (the validation engine) works on one government's rules."""

    def __init__(self, store: Store, graphs: Sequence[str] | None) -> None:
        self.store = store
        self.graphs = list(graphs) if graphs is not None else None
        self.name = store.name

    def load(self, path: Path, graph: str | None = None) -> None:
        raise QueryError("a scope of a store is read-only: load into the store itself")

    def select(self, query: str, bindings: Mapping[str, Term] | None = None, *, graphs: Sequence[str] | None = None) -> list[Row]:
        return self.store.select(query, bindings, graphs=graphs if graphs is not None else self.graphs)

    def ask(self, query: str, bindings: Mapping[str, Term] | None = None, *, graphs: Sequence[str] | None = None) -> bool:
        return self.store.ask(query, bindings, graphs=graphs if graphs is not None else self.graphs)

    def construct(self, query: str, bindings: Mapping[str, Term] | None = None, *, graphs: Sequence[str] | None = None) -> list[ox.Triple]:
        return self.store.construct(query, bindings, graphs=graphs if graphs is not None else self.graphs)

    def graph_names(self) -> list[str]:
        return list(self.graphs) if self.graphs is not None else self.store.graph_names()

    def __len__(self) -> int:
        return len(self.store)


# ── query forms: SELECT, ASK, CONSTRUCT, DESCRIBE (updates refused) ──────────────

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")

#: The first keyword of a query or update, past its prologue: IRIs, strings and comments are
#: matched (and skipped) first, so that ``PREFIX ask: <…#select>`` names no form.
_FORM = re.compile(
    r"""<[^<>"{}|^`\\\s]*>|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\#[^\n]*"""
    r"|\b(SELECT|ASK|CONSTRUCT|DESCRIBE|INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b(?!:)",
    re.IGNORECASE,
)


def _form(query: str) -> re.Match:
    for match in _FORM.finditer(query):
        if match.group(1):
            return match
    raise QueryError("expected a SPARQL query: SELECT, ASK, CONSTRUCT or DESCRIBE")


def query_form(query: str) -> str:
    """The form of a query, read from its text: SELECT, ASK, CONSTRUCT or DESCRIBE. An update
    (INSERT, DELETE, LOAD, CLEAR, DROP…) is refused: govgraph only reads."""
    form = _form(query).group(1).upper()
    if form not in QUERY_FORMS:
        raise QueryError(f"{form} is an update, and updates are refused: govgraph runs queries only "
                         "(SELECT, ASK, CONSTRUCT, DESCRIBE); load data with govgraph load")
    return form


def bind_where(query: str, bindings: Mapping[str, Term] | None) -> str:
    """``binding.bind_values`` for any query form: a CONSTRUCT's template is skipped, so that the
    values open the WHERE group that follows it."""
    if not bindings:
        return query
    form = _form(query)
    if form.group(1).upper() == "CONSTRUCT" and query[form.end():].lstrip().startswith("{"):
        cut = _group_end(query, form.end())
        return query[:cut] + bind_values(query[cut:], bindings)
    return bind_values(query, bindings)


def _group_end(query: str, start: int) -> int:
    """The index just after the ``}`` closing the first group opened at or after ``start``."""
    from .binding import _structure

    depth = 0
    for at, char in _structure(query):
        if at < start or char not in "{}":
            continue
        depth += 1 if char == "{" else -1
        if depth == 0:
            return at + 1
    raise QueryError("expected a CONSTRUCT template { … } and then a WHERE group { … }")


BACKENDS = ("oxigraph", "rdflib")


def parse_spec(spec: str) -> tuple[str, Path | None]:
    """``oxigraph`` → (oxigraph, None); ``oxigraph:PATH`` → (oxigraph, PATH); ``rdflib`` → (rdflib, None)."""
    backend, _, location = spec.partition(":")
    if backend not in BACKENDS or (location and backend != "oxigraph") or (spec.endswith(":") and not location):
        raise QueryError(f"unknown store {spec!r}: expected oxigraph, rdflib or oxigraph:PATH (a folder for an on-disk store)")
    return backend, Path(location).expanduser() if location else None


def memory_store(backend: str = "oxigraph") -> Store:
    """An empty in-memory store of the backend named."""
    return OxigraphStore() if backend == "oxigraph" else RdflibStore()


def file_stamps(files: Iterable[Path]) -> list[list]:
    """What identifies a set of files cheaply: resolved path, size and modification time."""
    stamps = []
    for path in files:
        try:
            info = os.stat(path)
        except OSError as exc:
            raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
        stamps.append([str(Path(path).resolve()), info.st_size, info.st_mtime_ns])
    return stamps


def store_size(location: Path) -> int:
    """Bytes on disk of a folder (an on-disk store)."""
    return sum(p.stat().st_size for p in Path(location).rglob("*") if p.is_file())


def _to_rdflib(term: Term):  # noqa: ANN202
    import rdflib

    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    if term.datatype.value == str(rdflib.XSD.string):
        return rdflib.Literal(term.value)  # rdflib tells a plain literal from an xsd:string one; RDF 1.1 does not
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


def _from_rdflib(term) -> Term | None:  # noqa: ANN001
    import rdflib

    if term is None:
        return None
    if isinstance(term, rdflib.URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, rdflib.BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    datatype = term.datatype or rdflib.XSD.string
    return ox.Literal(str(term), datatype=ox.NamedNode(str(datatype)))
