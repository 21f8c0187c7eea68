"""Putting the graph where it is served: an on-disk Oxigraph store, or a SPARQL endpoint's named graph.

``build`` (re)builds an on-disk store when its files changed; ``push`` sends triples to an
endpoint in batches and resumes an interrupted load; ``load`` is what ``govgraph load`` does.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path

from .._core.remote import RemoteStore, batches, insert_data, triples
from .._core.stores import file_stamps


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
