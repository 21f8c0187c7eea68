"""Putting the graphs where they are served: an on-disk Oxigraph store, or a SPARQL endpoint.

Each part (the ontology, a rule base, a set of records: ``govgraph._core.disk.Part``) goes
into a named graph of its own; what a store already holds for other parts stays. ``load_disk``
writes the parts that are missing or whose files changed; ``load_endpoint`` sends them in
batches and resumes an interrupted load; ``push`` is one resumable send.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .._core.disk import DiskStore, Manifest, Part
from .._core.remote import RemoteStore, batches, insert_data, redact, triples
from .._core.stores import file_stamps, parse_spec


def cache_dir() -> Path:
    """Where govgraph keeps what it builds for itself: ``$XDG_CACHE_HOME/govgraph``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "govgraph"


@dataclass(frozen=True)
class Loaded:
    """What a load did: where, which graphs it wrote, how many triples the store holds, in how long."""

    where: str
    triples: int
    files: int
    seconds: float
    graphs: list[str] = field(default_factory=list)
    built: bool = True
    sent: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {key: value for key, value in asdict(self).items() if value is not None}


# ── an on-disk store ────────────────────────────────────────────────────────────


def store_location(parts: Sequence[Part], store: str) -> Path:
    """The on-disk store folder: the spec's PATH, or one in the cache named by the parts' files."""
    _backend, location = parse_spec(store)
    if location is not None:
        return location
    files = "\n".join(str(f.resolve()) for part in parts for f in part.files)
    return cache_dir() / "stores" / hashlib.sha256(files.encode()).hexdigest()[:16]


def load_disk(location: Path, parts: Sequence[Part], progress: Callable[[Path], None] | None = None) -> Loaded:
    """Write into the store at ``location`` the parts it lacks or holds from older files."""
    disk = DiskStore(location)
    disk.check_folder()
    held = Manifest.read(disk.current) if disk.current is not None else Manifest()
    wanted = [p for p in parts if p.graph not in held.graphs or held.graphs[p.graph].files != file_stamps(p.files)]
    files = sum(len(p.files) for p in wanted)
    if not wanted:
        return Loaded(str(location), held.triples, 0, 0.0, built=False)
    started = time.perf_counter()
    manifest = disk.write(wanted, progress=progress)
    return Loaded(str(location), manifest.triples, files, time.perf_counter() - started, [p.graph for p in wanted])


# ── a SPARQL endpoint ──────────────────────────────────────────────────────────


def load_endpoint(
    endpoint: str,
    parts: Sequence[Part],
    *,
    graph: str | None = None,
    update_endpoint: str | None = None,
    batch_size: int = 500,
    replace: bool = False,
    restart: bool = False,
    on_batch: Callable[[int, int], None] | None = None,
) -> Loaded:
    """Send each part into its named graph at the endpoint (all into ``graph`` if given), resuming
    an interrupted load unless ``restart``; ``replace`` drops each graph first. Ends with the
    count the endpoint reports for the graphs written."""
    targets = [(graph or part.graph, part) for part in parts]
    started = time.perf_counter()
    sent, counted, dropped = 0, 0, set()
    for target in dict.fromkeys(t for t, _ in targets):
        remote = RemoteStore(endpoint, graph=target, update_endpoint=update_endpoint)
        files = [f for t, part in targets if t == target for f in part.files]
        key = hashlib.sha256(f"{remote.update_endpoint}\n{target}".encode()).hexdigest()[:16]
        state = cache_dir() / "loads" / f"{key}.json"
        if restart or replace:
            state.unlink(missing_ok=True)
        if replace and target not in dropped:
            remote.drop_graph()
            dropped.add(target)
        sent += push(remote, files, batch_size=batch_size, state=state, on_batch=on_batch)
        counted += count_graph(remote)
    files = sum(len(part.files) for part in parts)
    return Loaded(redact(endpoint), counted, files, time.perf_counter() - started, list(dict.fromkeys(t for t, _ in targets)), sent=sent)


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
                _write_atomically(state, json.dumps({"key": key, "done": index + 1, "batches": len(work)}))
        sent += len(batch)
        if on_batch:
            on_batch(len(batch), total)
    return total


def count_graph(store: RemoteStore) -> int:
    """Triples in the store's graph (its default graph if none), counted by the endpoint."""
    return len(store)


def _write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that a reader sees the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False, suffix=".tmp") as handle:
        handle.write(text)
    os.replace(handle.name, path)
