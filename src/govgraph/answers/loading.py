"""Loading the ontology and a rule base into a store, once per process (once at all on disk).

The store is named by a spec (see ``govgraph._core.stores.parse_spec``):

- ``oxigraph`` (default) or ``rdflib``: in memory, parsed in each process that asks;
- ``oxigraph:PATH``: an on-disk Oxigraph store, built the first time and rebuilt only when
  one of its files changed; otherwise reopened read-only, which takes milliseconds
  whatever its size. This is the store for a national graph;
- ``endpoint=URL``: a SPARQL 1.1 endpoint already holding the graph (see ``govgraph load
  --endpoint``); nothing is loaded, every question is asked there.
"""

from __future__ import annotations

import os
from pathlib import Path

from .._core import files as rdf
from .._core.stores import open_store, parse_spec
from ..law import jurisdictions
from .graph import GovGraph

_LOADED: dict[tuple, GovGraph] = {}


def files_for(rules: str | Path | None = None, extra: tuple[str | Path, ...] = ()) -> tuple[jurisdictions.Jurisdiction, list[Path]]:
    """The rule base ``rules`` names and every RDF file to load for it: ontology, rule base, ``extra``.

    An ``extra`` folder stands for the RDF files directly in it.
    """
    juris = jurisdictions.find(rules)
    return juris, [*jurisdictions.ontology_files(), *juris.files(), *rdf.rdf_files(extra)]


def load(
    rules: str | Path | None = None,
    *,
    store: str = "oxigraph",
    extra: tuple[str | Path, ...] = (),
    endpoint: str | None = None,
    graph: str | None = None,
) -> GovGraph:
    """Load the ontology and a rule base (the default one if ``rules`` is None).

    ``rules`` is a rule base's name under ``data/`` or a folder of Turtle files;
    ``extra`` adds more RDF files (records, another rule base); ``store`` is a store spec
    (``oxigraph``, ``rdflib``, ``oxigraph:PATH``). With ``endpoint``, nothing is loaded:
    the questions go to that SPARQL endpoint (its named ``graph`` if given). Within a
    process, the same files unchanged are not parsed twice.
    """
    if endpoint:
        from .._core.remote import RemoteStore

        key: tuple = ("endpoint", endpoint, graph, str(rules))
        if key not in _LOADED:
            _LOADED[key] = GovGraph(RemoteStore(endpoint, graph=graph), jurisdictions.find(rules))
        return _LOADED[key]
    parse_spec(store)
    juris, files = files_for(rules, extra)
    key = (store, tuple((str(p), _stamp(p)) for p in files))
    if key not in _LOADED:
        _LOADED[key] = GovGraph(open_store(files, store), juris)
    return _LOADED[key]


def _stamp(path: Path) -> tuple[int, int]:
    try:
        info = os.stat(path)
    except OSError:
        return (0, 0)
    return (info.st_mtime_ns, info.st_size)
