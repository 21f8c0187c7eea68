"""Opening a store of rule bases, and the scope a question is asked in.

The store is named by a spec (see ``govgraph._core.stores.parse_spec``):

- ``oxigraph`` (default) or ``rdflib``: in memory, parsed in each process that asks: the
  ontology and the rule bases ``rules`` names (the catalog's default if none), each in a
  named graph of its own;
- ``oxigraph:PATH``: an on-disk store (``govgraph._core.disk``): what ``govgraph load``
  put there, every rule base and version it holds, reopened read-only in milliseconds. A
  new folder is built from ``rules`` on first use; an existing one is never rebuilt behind
  the user's back (a graph older than its files is reported in ``Library.notes``);
- an endpoint: a SPARQL 1.1 endpoint already holding the graphs (``govgraph load
  --endpoint``); nothing is loaded, every question is asked there.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path

from .._core import files as rdf
from .._core.errors import GovGraphError
from .._core.files import Part
from .._core.stores import Store, file_stamps, memory_store, parse_spec
from .._core.terms import GRAPH_BASE, ONTOLOGY_GRAPH, RECORDS_GRAPH_BASE
from ..law import jurisdictions
from .graph import GovGraph
from .library import Library

_OPENED: dict[tuple, Library] = {}
Rules = str | Path | Sequence[str | Path] | None


def rule_base_graph(name: str) -> str:
    """The named graph a rule base is loaded into."""
    return f"{GRAPH_BASE}{name}"


def parts_for(rules: Rules = None, records: Sequence[str | Path] = ()) -> list[Part]:
    """What to load for ``rules`` (a rule base's name or folder, several, or ``all``) and ``records``:
    the ontology, each rule base and the records, each into its own graph."""
    bases = jurisdictions.choose(rules)
    names = [b.name for b in bases]
    if len(set(names)) != len(names):
        raise GovGraphError(f"two rule bases share a name ({', '.join(names)}): give folders with different names")
    parts = [Part(ONTOLOGY_GRAPH, "ontology", "ontology", tuple(jurisdictions.ontology_files()))]
    parts += [Part(rule_base_graph(b.name), "rule-base", b.name, tuple(b.files())) for b in bases]
    for given in records:
        path = Path(given)
        parts.append(Part(f"{RECORDS_GRAPH_BASE}{path.resolve().name}", "records", str(path), tuple(rdf.rdf_files([path]))))
    return parts


def files_for(rules: Rules = None, extra: Sequence[str | Path] = ()) -> tuple[jurisdictions.Jurisdiction, list[Path]]:
    """The (first) rule base ``rules`` names and every RDF file of the ontology, the rule bases and ``extra``."""
    parts = parts_for(rules, extra)
    return jurisdictions.choose(rules)[0], [path for part in parts for path in part.files]


def open_library(
    rules: Rules = None,
    *,
    store: str = "oxigraph",
    records: Sequence[str | Path] = (),
    endpoint: str | None = None,
    graph: str | None = None,
) -> Library:
    """The rule bases a store holds (building an in-memory or new on-disk store from ``rules``
    and ``records``), or those an endpoint holds. Within a process, the same files unchanged
    are not parsed twice."""
    if endpoint:
        return _remote(endpoint, graph)
    backend, location = parse_spec(store)
    parts = parts_for(rules, records)
    version = _disk_version(location) if location is not None else None
    key = (store, version, tuple((p.graph, tuple(_stamp(f) for f in p.files)) for p in parts))
    if key not in _OPENED:
        _OPENED[key] = _memory(backend, parts) if location is None else _disk(location, parts, explicit=rules is not None)
    return _OPENED[key]


def load(
    rules: Rules = None,
    *,
    store: str = "oxigraph",
    extra: Sequence[str | Path] = (),
    endpoint: str | None = None,
    graph: str | None = None,
    jurisdiction: str | None = None,
    as_of: str | dt.date | None = None,
) -> GovGraph:
    """The graph of one government's rules: the rule base ``rules`` names (the default one if
    None) or, in a store holding several, the one ``jurisdiction`` names, in force ``as_of``.

    ``rules`` is a rule base's name under ``data/``, a folder of Turtle files, several of
    them, or ``"all"`` (every rule base the project carries); ``extra`` adds records (in a
    graph of their own, which questions about the rules never read); ``store`` is a store
    spec (``oxigraph``, ``rdflib``, ``oxigraph:PATH``). With ``endpoint``, nothing is
    loaded: the questions go to that SPARQL endpoint (its named ``graph`` only, if given).
    """
    library = open_library(rules, store=store, records=extra, endpoint=endpoint, graph=graph)
    return library.scope(jurisdiction, as_of)


def _memory(backend: str, parts: Sequence[Part]) -> Library:
    store: Store = memory_store(backend)
    for part in parts:
        for path in part.files:
            store.load(path, part.graph)
    return Library(store, [ONTOLOGY_GRAPH])


def _disk_version(location: Path) -> Path | None:
    """The version of the on-disk store at ``location`` that readers open now (None: none yet)."""
    from .._core.disk import DiskStore  # json, shutil, uuid, fcntl: only for a store on disk

    return DiskStore(location).current


def _disk(location: Path, parts: Sequence[Part], *, explicit: bool) -> Library:
    from .._core.disk import DiskStore

    disk = DiskStore(location)
    disk.check_folder()
    if disk.current is None:
        disk.write(parts)
    store, manifest, _version = disk.open()
    library = Library(store, [g for g, e in manifest.graphs.items() if e.kind == "ontology"])
    missing = [p.name for p in parts if p.kind == "rule-base" and p.graph not in manifest.graphs]
    if explicit and missing:
        held = ", ".join(e.name for e in manifest.graphs.values() if e.kind == "rule-base") or "no rule base"
        raise GovGraphError(f"{location} holds {held}, not {', '.join(missing)}: add it with "
                            f"govgraph load --store oxigraph:{location} --rules {missing[0]}")
    changed = [p.name for p in parts if p.graph in manifest.graphs and manifest.graphs[p.graph].files != file_stamps(p.files)]
    library.notes.extend(
        f"{location}: the files of {name} changed since they were loaded; the answers use what was loaded "
        f"(govgraph load --store oxigraph:{location} --rules {name} loads them again)"
        for name in changed
    )
    return library


def _remote(endpoint: str, graph: str | None) -> Library:
    from .._core.remote import RemoteStore

    key = ("endpoint", endpoint, graph)
    if key not in _OPENED:
        remote = RemoteStore(endpoint, graph=graph)
        if remote.graph is not None:  # a graph that is not there is an error naming it, never an empty answer
            whole = RemoteStore(remote.endpoint, timeout=remote.timeout, credentials=remote.credentials)
            Library(whole, [ONTOLOGY_GRAPH]).require_graph(remote.graph)
        library = Library(remote, [ONTOLOGY_GRAPH], single_graph=remote.graph is not None)
        if not remote.graph and not library.rule_bases:
            raise GovGraphError(f"{remote.endpoint} holds no govgraph rule base: load one with govgraph load --endpoint")
        _OPENED[key] = library
    return _OPENED[key]


def _stamp(path: Path) -> tuple[int, int]:
    try:
        info = os.stat(path)
    except OSError:
        return (0, 0)
    return (info.st_mtime_ns, info.st_size)
