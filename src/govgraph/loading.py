"""Loading the ontology and a rule base into a store, once per process."""

from __future__ import annotations

import os
from pathlib import Path

from . import jurisdiction as jurisdictions
from .graph import GovGraph
from .store import open_store

_LOADED: dict[tuple, GovGraph] = {}


def load(
    rules: str | Path | None = None,
    *,
    store: str = "oxigraph",
    extra: tuple[str | Path, ...] = (),
) -> GovGraph:
    """Load the ontology and a rule base (the default one if ``rules`` is None).

    ``rules`` is a rule base's name under ``data/`` or a folder of Turtle files;
    ``extra`` adds more RDF files (records, another rule base). Within a process, the
    same files unchanged are not parsed twice.
    """
    juris = jurisdictions.find(rules)
    files = [*jurisdictions.ontology_files(), *juris.files(), *(Path(p) for p in extra)]
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
