"""Triple stores behind one interface: run a SELECT with bound parameters, get rows.

Rows hold pyoxigraph terms (``NamedNode``, ``Literal``, ``BlankNode``) whatever the
store, so that answers do not depend on the engine. Parameters are bound by the
engine (Oxigraph substitutions, rdflib ``initBindings``), never pasted into the query.

- ``OxigraphStore``: Oxigraph, in memory or on disk. The default: fast to load and query.
- ``RdflibStore``: rdflib's in-memory graph, the reference engine for pySHACL and owlready2.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

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

    def load(self, path: Path) -> None:
        """Add the triples of an RDF file; raise InputError naming the file and line on bad syntax."""

    def select(self, query: str, bindings: Mapping[str, Term] | None = None) -> list[Row]:
        """Run a SELECT query with its parameters bound; one dict per row, None for unbound."""

    def __len__(self) -> int: ...


def rdf_format(path: Path) -> ox.RdfFormat:
    try:
        return _OX_FORMATS[path.suffix]
    except KeyError:
        raise InputError(str(path), f"expected an RDF file ending in one of {', '.join(sorted(_OX_FORMATS))}") from None


class OxigraphStore:
    """An Oxigraph store, in memory (``path=None``) or on disk (reopened without reparsing)."""

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

    def load(self, path: Path) -> None:
        try:
            self._store.bulk_load(path=str(path), format=rdf_format(path))
        except SyntaxError as exc:
            raise InputError(str(path), f"not valid RDF: {exc.msg}", exc.lineno) from None
        except OSError as exc:
            raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None

    def select(self, query: str, bindings: Mapping[str, Term] | None = None) -> list[Row]:
        substitutions = {ox.Variable(name): value for name, value in (bindings or {}).items()}
        try:
            solutions = self._store.query(query, substitutions=substitutions or None)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax: {exc.msg}") from None
        except (OSError, RuntimeError) as exc:
            raise QueryError(str(exc)) from None
        if not isinstance(solutions, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        names = [v.value for v in solutions.variables]
        return [dict(zip(names, solution, strict=True)) for solution in solutions]

    def __len__(self) -> int:
        return len(self._store)


class RdflibStore:
    """rdflib's in-memory graph behind the same interface."""

    name = "rdflib"

    def __init__(self) -> None:
        import rdflib

        self._graph = rdflib.Graph()

    @property
    def native(self):  # noqa: ANN201 - rdflib.Graph, kept lazy to import
        return self._graph

    def load(self, path: Path) -> None:
        from .jurisdiction import RDF_SUFFIXES

        try:
            self._graph.parse(str(path), format=RDF_SUFFIXES.get(path.suffix, "turtle"))
        except OSError as exc:
            raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
        except Exception as exc:  # rdflib raises many syntax error types
            line = getattr(exc, "lines", None) or getattr(exc, "lineno", None)
            raise InputError(str(path), f"not valid RDF: {exc}", line if isinstance(line, int) else None) from None

    def select(self, query: str, bindings: Mapping[str, Term] | None = None) -> list[Row]:
        init = {name: _to_rdflib(value) for name, value in (bindings or {}).items()}
        try:
            result = self._graph.query(query, initBindings=init)
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

    def __len__(self) -> int:
        return len(self._graph)


BACKENDS = ("oxigraph", "rdflib")


def open_store(files: Iterable[Path], backend: str = "oxigraph") -> Store:
    """A new in-memory store of the given backend holding the triples of ``files``."""
    store: Store
    if backend == "oxigraph":
        store = OxigraphStore()
    elif backend == "rdflib":
        store = RdflibStore()
    else:
        raise QueryError(f"unknown store {backend!r}: expected one of {', '.join(BACKENDS)}")
    for path in files:
        store.load(Path(path))
    return store


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

