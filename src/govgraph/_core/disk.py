"""The on-disk store (``--store oxigraph:PATH``): many graphs, many processes, nothing lost.

A folder holds versions of an Oxigraph store and a link to the current one::

    PATH/current -> versions/<id>        the version readers open (an atomic symlink)
    PATH/versions/<id>/oxigraph/         Oxigraph's files
    PATH/versions/<id>/manifest.json     each named graph: what it holds, from which files
    PATH/versions/<id>/readers.lock      shared-locked by every process reading this version
    PATH/writer.lock                     exclusive-locked by the one process writing

Writing (``govgraph load``) takes the writer lock, copies the current version (Oxigraph's
backup: hard links, cheap), replaces or adds the graphs it was given and leaves every
other graph as it was, then swaps ``current`` in one rename. A reader that opened the old
version keeps reading it; versions no process reads any longer are deleted by the next
writer, so a killed build leaves nothing behind for long. Readers never write: a command
that finds a graph's files changed since they were loaded says so (``stale``) and answers
from what the store holds.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .files import Part
from .queries import named
from .stores import OxigraphStore, file_stamps

FORMAT = 2
#: The manifest of stores built before graphs had versions (govgraph 0.1).
_OLD_MANIFEST = "govgraph-store.json"


@dataclass(frozen=True)
class GraphEntry:
    graph: str
    kind: str
    name: str
    files: list[list]
    triples: int

    def stale(self) -> bool:
        """True if one of the files the graph was loaded from changed or went away since."""
        try:
            return file_stamps(Path(stamp[0]) for stamp in self.files) != self.files
        except InputError:
            return True


@dataclass(frozen=True)
class Manifest:
    graphs: dict[str, GraphEntry] = field(default_factory=dict)

    @classmethod
    def read(cls, folder: Path) -> Manifest:
        data = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        return cls({iri: GraphEntry(iri, **entry) for iri, entry in data["graphs"].items()})

    def write(self, folder: Path) -> None:
        data = {"format": FORMAT, "graphs": {iri: {k: v for k, v in e.__dict__.items() if k != "graph"} for iri, e in self.graphs.items()}}
        temporary = folder / "manifest.json.tmp"
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(temporary, folder / "manifest.json")

    @property
    def triples(self) -> int:
        return sum(e.triples for e in self.graphs.values())

    def stale(self) -> list[GraphEntry]:
        return [e for e in self.graphs.values() if e.stale()]


class DiskStore:
    """The store folder at ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root).expanduser()
        self._reader_lock: int | None = None

    @property
    def current(self) -> Path | None:
        """The version readers open now, None if nothing was ever loaded."""
        link = self.root / "current"
        return self.root / os.readlink(link) if link.is_symlink() else None

    def check_folder(self) -> None:
        """Refuse a folder that is not a govgraph store (never overwrite someone's files)."""
        if (self.root / _OLD_MANIFEST).is_file():
            raise InputError(str(self.root), "an on-disk store of an earlier govgraph: delete the folder and load it again (govgraph load)")
        if self.root.is_file():
            raise InputError(str(self.root), "is a file: expected a folder for an on-disk store")
        if self.root.is_dir() and any(self.root.iterdir()) and not (self.root / "versions").is_dir():
            raise InputError(str(self.root), "exists and is not a govgraph store: expected a new or empty folder")

    # ── reading ────────────────────────────────────────────────────────────────

    def open(self) -> tuple[OxigraphStore, Manifest, Path]:
        """The current version, opened read-only and shared-locked for this process's life."""
        self.check_folder()
        for attempt in range(50):
            version = self.current
            if version is None:
                raise InputError(str(self.root), "no graph loaded in this store yet: run govgraph load --store oxigraph:PATH")
            try:
                handle = _lock(version / "readers.lock", shared=True)
            except FileNotFoundError:  # a writer swapped and removed it meanwhile: look again
                time.sleep(0.01 * attempt)
                continue
            if not _still_there(handle, version / "readers.lock"):
                # A writer was deleting this version while we waited for its lock: look again.
                os.close(handle)
                time.sleep(0.01 * attempt)
                continue
            self._reader_lock = handle
            try:
                return OxigraphStore(version / "oxigraph", read_only=True), Manifest.read(version), version
            except (OSError, RuntimeError, ValueError) as exc:
                said = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
                raise InputError(str(self.root), f"cannot open the store ({said}): load it again into a new folder "
                                 "(govgraph load --store oxigraph:PATH)") from None
        raise InputError(str(self.root), "the store kept changing while it was opened: try again")

    # ── writing ────────────────────────────────────────────────────────────────

    def write(self, parts: Sequence[Part], progress: Callable[[Path], None] | None = None) -> Manifest:
        """Replace (or add) the graphs of ``parts``, keeping every other graph; return the new manifest."""
        self.check_folder()
        try:
            return self._write(parts, progress)
        except (OSError, RuntimeError) as exc:
            said = getattr(exc, "strerror", None) or str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
            raise InputError(str(self.root), f"cannot write the store: {said}") from None

    def _write(self, parts: Sequence[Part], progress: Callable[[Path], None] | None) -> Manifest:
        (self.root / "versions").mkdir(parents=True, exist_ok=True)
        with _exclusive(self.root / "writer.lock"):
            old = self.current
            version = self.root / "versions" / f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
            version.mkdir()
            try:
                manifest = self._build(version, old, parts, progress)
            except BaseException:
                shutil.rmtree(version, ignore_errors=True)
                raise
            _swap(self.root / "current", version.name)
            self._clean(keep={version})
        return manifest

    def _build(self, version: Path, old: Path | None, parts: Sequence[Part], progress: Callable[[Path], None] | None) -> Manifest:
        import pyoxigraph as ox

        graphs = dict(Manifest.read(old).graphs) if old is not None else {}
        if old is not None:
            ox.Store.read_only(str(old / "oxigraph")).backup(str(version / "oxigraph"))
        store = OxigraphStore(version / "oxigraph")
        for part in parts:
            store.native.remove_graph(ox.NamedNode(part.graph)) if store.native.contains_named_graph(ox.NamedNode(part.graph)) else None
            for path in part.files:
                store.load(path, part.graph)
                if progress:
                    progress(path)
            count = int(store.select(named("count").text, graphs=[part.graph])[0]["triples"].value)
            graphs[part.graph] = GraphEntry(part.graph, part.kind, part.name, file_stamps(part.files), count)
        store.native.flush()
        store.native.optimize()
        del store
        manifest = Manifest(graphs)
        manifest.write(version)
        (version / "readers.lock").touch()
        return manifest

    def _clean(self, keep: set[Path]) -> None:
        """Delete every version no process reads (a reader holds a shared lock on it)."""
        for folder in (self.root / "versions").iterdir():
            if folder in keep:
                continue
            lock = folder / "readers.lock"
            try:
                handle = _lock(lock, shared=False, wait=False) if lock.exists() else None
            except BlockingIOError:
                continue  # still read by some process
            shutil.rmtree(folder, ignore_errors=True)
            if handle is not None:
                os.close(handle)


def _still_there(handle: int, path: Path) -> bool:
    """Whether the file open at ``handle`` is still the one at ``path`` (not deleted meanwhile)."""
    try:
        return os.stat(path).st_ino == os.fstat(handle).st_ino
    except FileNotFoundError:
        return False


def _lock(path: Path, *, shared: bool, wait: bool = True) -> int:
    """An open descriptor of ``path`` holding a flock (released when the process ends or it is closed)."""
    handle = os.open(path, os.O_RDONLY if shared else (os.O_RDWR | os.O_CREAT))
    try:
        fcntl.flock(handle, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | (0 if wait else fcntl.LOCK_NB))
    except BaseException:
        os.close(handle)
        raise
    return handle


@contextlib.contextmanager
def _exclusive(path: Path) -> Iterator[None]:
    handle = _lock(path, shared=False)
    try:
        yield
    finally:
        os.close(handle)


def _swap(link: Path, target: str) -> None:
    """Point ``link`` at versions/``target`` in one atomic rename."""
    temporary = link.with_name(f".current-{uuid.uuid4().hex[:8]}")
    os.symlink(Path("versions") / target, temporary)
    os.replace(temporary, link)
