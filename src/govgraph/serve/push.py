"""Putting the graph where it is served: an on-disk Oxigraph store, or a SPARQL endpoint's named graph.

``build`` (re)builds an on-disk store when its files changed; ``push`` sends triples to an
endpoint in batches and resumes an interrupted load; ``load`` is what ``govgraph load`` does.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .._core.remote import RemoteStore, batches, insert_data, triples
from .._core.stores import MANIFEST, build_disk_store, disk_store_is_current, file_stamps, parse_spec
from .._core.terms import GRAPH_BASE


def cache_dir() -> Path:
    """Where govgraph keeps what it builds for itself: ``$XDG_CACHE_HOME/govgraph``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "govgraph"


def default_graph(rule_base: str) -> str:
    """The named graph a rule base is loaded into unless another is given."""
    return f"{GRAPH_BASE}{rule_base}"


@dataclass(frozen=True)
class Loaded:
    """What a load did: where, how many triples, from how many files, in how long."""

    where: str
    triples: int
    files: int
    seconds: float
    built: bool = True
    sent: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {key: value for key, value in asdict(self).items() if value is not None}


# ── an on-disk store ────────────────────────────────────────────────────────────


def store_location(files: list[Path], store: str) -> Path:
    """The on-disk store folder for ``files``: the spec's PATH, or one in the cache named by the files."""
    _backend, location = parse_spec(store)
    if location is not None:
        return location
    digest = hashlib.sha256("\n".join(str(p.resolve()) for p in files).encode()).hexdigest()[:16]
    return cache_dir() / "stores" / digest


def build(files: list[Path], location: Path, progress: Callable[[Path], None] | None = None) -> Loaded:
    """Build the on-disk store at ``location`` from ``files`` unless it already holds them unchanged."""
    if disk_store_is_current(files, location):
        triples = json.loads((location / MANIFEST).read_text(encoding="utf-8")).get("triples", 0)
        return Loaded(str(location), triples, len(files), 0.0, built=False)
    started = time.perf_counter()
    triples = build_disk_store(files, location, progress=progress)
    return Loaded(str(location), triples, len(files), time.perf_counter() - started)


# ── a SPARQL endpoint ──────────────────────────────────────────────────────────


def load_endpoint(
    remote: RemoteStore,
    files: list[Path],
    *,
    batch_size: int = 500,
    replace: bool = False,
    restart: bool = False,
    on_batch: Callable[[int, int], None] | None = None,
) -> Loaded:
    """Send ``files`` into the endpoint's named graph, resuming an interrupted load unless
    ``restart``; ``replace`` drops the graph first. Ends with the count the endpoint reports."""
    key = hashlib.sha256(f"{remote.update_endpoint}\n{remote.graph}".encode()).hexdigest()[:16]
    state = cache_dir() / "loads" / f"{key}.json"
    if restart or replace:
        state.unlink(missing_ok=True)
    if replace:
        remote.drop_graph()
    started = time.perf_counter()
    sent = push(remote, files, batch_size=batch_size, state=state, on_batch=on_batch)
    seconds = time.perf_counter() - started
    return Loaded(remote.graph or remote.endpoint, count_graph(remote), len(files), seconds, sent=sent)


# ── pushing, resumably ──────────────────────────────────────────────────────────



def push(
    store: RemoteStore,
    files: Iterable[Path],
    *,
    batch_size: int = 500,
    state: Path | None = None,
    on_batch: Callable[[int, int], None] | None = None,
) -> int:
    """Send the triples of ``files`` to the store's graph in batches; return how many were sent.

    With ``state``, the batches already sent (for the same endpoint, graph and unchanged
    files) are remembered there and skipped on the next run: an interrupted load resumes.
    ``on_batch(triples_in_batch, total)`` reports progress.
    """
    files = [Path(p) for p in files]
    key = {"endpoint": store.update_endpoint, "graph": store.graph, "files": file_stamps(files), "batch": batch_size}
    done = 0
    if state is not None:
        try:
            saved = json.loads(state.read_text(encoding="utf-8"))
            if saved.get("key") == key:
                done = int(saved.get("done", 0))
        except (OSError, ValueError):
            pass
    work = batches(triples(files), batch_size)
    total = sum(len(b) for b in work)
    sent = 0
    for index, batch in enumerate(work):
        if index >= done:
            store.update(insert_data(batch, store.graph))
            if state is not None:
                state.parent.mkdir(parents=True, exist_ok=True)
                state.write_text(json.dumps({"key": key, "done": index + 1, "batches": len(work)}), encoding="utf-8")
        sent += len(batch)
        if on_batch:
            on_batch(len(batch), total)
    return total


def count_graph(store: RemoteStore) -> int:
    """Triples in the store's graph (its default graph if none), counted by the endpoint."""
    return len(store)
