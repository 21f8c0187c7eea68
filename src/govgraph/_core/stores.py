"""Triple stores behind one interface: run a SELECT with bound parameters, get rows.

Rows hold pyoxigraph terms (``NamedNode``, ``Literal``, ``BlankNode``) whatever the
store, so that answers do not depend on the engine. Parameters are bound, never pasted
into the query: as one row of data opening the WHERE group on Oxigraph (``binding.py``),
by ``initBindings`` on rdflib.

- ``OxigraphStore``: Oxigraph, in memory or on disk. The default: fast to load and query.
- ``RdflibStore``: rdflib's in-memory graph, the reference engine for pySHACL and owlready2.
- ``govgraph.remote.RemoteStore``: any SPARQL 1.1 endpoint (Virtuoso, Fuseki, GraphDB, …).

A store is named by a *spec*: ``oxigraph`` or ``rdflib`` (in memory, parsed on every
run), or ``oxigraph:PATH`` (on disk: loaded once, then reopened read-only in well under
a second while the files it was loaded from are unchanged; see ``open_disk_store``).
"""

from __future__ import annotations

import gc
import json
import os
import re
import shutil
from collections.abc import Callable, Iterable, Mapping
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
        substitutions = None
        if bindings and _has_subquery(query):
            # A subquery does not see the outer group's data: let the engine substitute.
            substitutions = {ox.Variable(name): value for name, value in bindings.items()}
        elif bindings:
            query = bind_values(query, bindings)
        try:
            solutions = self._store.query(query, substitutions=substitutions)
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


def _has_subquery(query: str) -> bool:
    text = re.sub(r"#[^\n]*", "", query)
    return len(re.findall(r"\bSELECT\b", text, re.IGNORECASE)) > 1


class RdflibStore:
    """rdflib's in-memory graph behind the same interface."""

    name = "rdflib"

    def __init__(self) -> None:
        import rdflib

        self._graph = rdflib.Graph()

    @property
    def native(self):
        return self._graph

    def load(self, path: Path) -> None:
        from .files import RDF_SUFFIXES

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
#: The file an on-disk store keeps beside its data: which files it holds, as loaded.
MANIFEST = "govgraph-store.json"


def parse_spec(spec: str) -> tuple[str, Path | None]:
    """``oxigraph`` → (oxigraph, None); ``oxigraph:PATH`` → (oxigraph, PATH); ``rdflib`` → (rdflib, None)."""
    backend, _, location = spec.partition(":")
    if backend not in BACKENDS or (location and backend != "oxigraph") or (spec.endswith(":") and not location):
        raise QueryError(f"unknown store {spec!r}: expected oxigraph, rdflib or oxigraph:PATH (a folder for an on-disk store)")
    return backend, Path(location).expanduser() if location else None


def open_store(files: Iterable[Path], backend: str = "oxigraph", *, progress: Callable[[Path], None] | None = None) -> Store:
    """A store holding the triples of ``files``: ``backend`` is a spec (see ``parse_spec``).

    In memory, the files are parsed now; on disk, only when they changed since the store
    was built (then the store is rebuilt beside the old one and swapped in).
    """
    kind, location = parse_spec(backend)
    files = [Path(p) for p in files]
    if location is not None:
        return open_disk_store(files, location, progress=progress)
    store: Store = OxigraphStore() if kind == "oxigraph" else RdflibStore()
    for path in files:
        store.load(path)
        if progress:
            progress(path)
    return store


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


def disk_store_is_current(files: Iterable[Path], location: Path) -> bool:
    """True if the on-disk store at ``location`` was built from exactly these files, unchanged."""
    try:
        manifest = json.loads((location / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return manifest.get("files") == file_stamps(files)


def build_disk_store(files: Iterable[Path], location: Path, *, progress: Callable[[Path], None] | None = None) -> int:
    """(Re)build the on-disk Oxigraph store at ``location`` from ``files``; return its triple count.

    The new store is built in a sibling folder and swapped in when complete, so a reader
    never sees half a store. A folder that is not a govgraph store is never overwritten.
    """
    files = [Path(p) for p in files]
    if location.exists() and any(location.iterdir()) and not (location / MANIFEST).is_file():
        raise InputError(str(location), "exists and is not a govgraph store: expected a new or empty folder")
    location.parent.mkdir(parents=True, exist_ok=True)
    building = location.with_name(f".{location.name}.building-{os.getpid()}")
    shutil.rmtree(building, ignore_errors=True)
    store = OxigraphStore(building)
    try:
        for path in files:
            store.load(path)
            if progress:
                progress(path)
        store.native.flush()
        store.native.optimize()
        triples = len(store)
    except BaseException:
        del store
        gc.collect()
        shutil.rmtree(building, ignore_errors=True)
        raise
    del store
    gc.collect()  # closes the database before the folder moves
    (building / MANIFEST).write_text(
        json.dumps({"files": file_stamps(files), "triples": triples}, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    old = location.with_name(f".{location.name}.old-{os.getpid()}")
    if location.exists():
        location.rename(old)
    building.rename(location)
    shutil.rmtree(old, ignore_errors=True)
    return triples


def open_disk_store(files: Iterable[Path], location: Path, *, progress: Callable[[Path], None] | None = None) -> OxigraphStore:
    """The on-disk store at ``location`` holding ``files``, opened read-only (built first if stale)."""
    files = [Path(p) for p in files]
    if not disk_store_is_current(files, location):
        build_disk_store(files, location, progress=progress)
    try:
        return OxigraphStore(location, read_only=True)
    except OSError as exc:
        raise InputError(str(location), f"cannot open the store: {exc}") from None


def store_size(location: Path) -> int:
    """Bytes on disk of a folder (an on-disk store)."""
    return sum(p.stat().st_size for p in Path(location).rglob("*") if p.is_file())


def _to_rdflib(term: Term):
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


def _from_rdflib(term) -> Term | None:
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

