"""RDF files as govgraph reads them: which suffixes, and one rule for a folder.

A folder given anywhere (a rule base, ``--records``, ``validate DIR``) stands for the RDF
files directly in it, sorted by name; its subfolders are not read (a rule base keeps its
source text, its records and its own tests in subfolders).
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from .errors import InputError, shorten

#: File suffix → format name (as rdflib names it; Oxigraph's names follow in ``stores``).
RDF_SUFFIXES = {".ttl": "turtle", ".nt": "ntriples", ".nq": "nquads", ".trig": "trig", ".rdf": "xml", ".owl": "xml"}


class Part(NamedTuple):
    """What goes into one named graph: its IRI, its kind, a name people know it by, its files
    (a light record: every command that loads builds a few, the on-disk store among them)."""

    graph: str
    kind: str  #: "ontology", "rule-base" or "records"
    name: str
    files: tuple[Path, ...]


def is_rdf(path: Path) -> bool:
    return path.suffix in RDF_SUFFIXES and path.is_file()


def in_folder(folder: Path) -> list[Path]:
    """The RDF files directly in ``folder``, sorted by name."""
    return sorted(p for p in Path(folder).iterdir() if is_rdf(p))


def rdf_files(paths: Iterable[str | Path], *, what: str = "RDF") -> list[Path]:
    """The files named, each folder standing for the RDF files directly in it.

    Raises :class:`InputError` for a path that does not exist, a file that is not RDF by
    its suffix, or a folder with no RDF file in it: ``what`` names what was expected.
    """
    found: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            inside = in_folder(path)
            if not inside:
                raise InputError(str(path), f"no {what} files in this folder: expected files ending in {_suffixes()}")
            found.extend(inside)
        elif path.is_file():
            if path.suffix not in RDF_SUFFIXES:
                raise InputError(str(path), f"not an RDF file: expected {what} in a file ending in {_suffixes()}")
            found.append(path)
        else:
            raise InputError(str(path), f"no such file or folder: expected {what} (a file, or a folder of files)")
    return found


def _suffixes() -> str:
    return ", ".join(sorted(RDF_SUFFIXES))


# ── reading a file safely ──────────────────────────────────────────────────────
#
# Every loader (each store's ``load``, pushing to an endpoint) asks :func:`source` for what to
# hand its parser, so that what is refused is refused the same way for every engine, before any
# parser sees the file: a file over the size limit, and an XML document type that declares
# entities (the "billion laughs": a kilobyte that expands to gigabytes). A UTF-8 byte order
# mark, which editors on Windows write, is accepted and skipped.

#: Bytes one input file may hold unless GOVGRAPH_MAX_INPUT_MB says otherwise.
MAX_INPUT_MB_DEFAULT = 1024
_BOM = b"\xef\xbb\xbf"
_CHUNK = 1 << 20
_XML_SUFFIXES = {".rdf", ".owl", ".xml", ".trix"}


def max_input_bytes() -> int:
    """The size limit of one input file: GOVGRAPH_MAX_INPUT_MB megabytes (default 1024)."""
    given = os.environ.get("GOVGRAPH_MAX_INPUT_MB", "").strip()
    if not given:
        return MAX_INPUT_MB_DEFAULT << 20
    try:
        megabytes = float(given)
    except ValueError:
        megabytes = float("nan")
    if not math.isfinite(megabytes) or megabytes <= 0:
        raise InputError("GOVGRAPH_MAX_INPUT_MB", f"{shorten(given)!r}: expected a positive number of megabytes")
    return int(megabytes * (1 << 20))


def source(path: Path) -> dict[str, str | bytes]:
    """What a parser should read for ``path``: ``{"path": …}``, or ``{"input": bytes}`` without a
    byte order mark. Raises :class:`InputError` for a file too large or an XML file declaring entities."""
    path = Path(path)
    try:
        size = path.stat().st_size
        limit = max_input_bytes()
        if size > limit:
            raise InputError(str(path), f"{size:,} bytes is over the limit of {limit:,} for one input file "
                             "(set GOVGRAPH_MAX_INPUT_MB to raise it)")
        with path.open("rb") as handle:
            head = handle.read(len(_BOM))
            if path.suffix in _XML_SUFFIXES:
                _refuse_entities(path, handle, head)
            if head == _BOM:
                handle.seek(len(_BOM))
                return {"input": handle.read()}
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    return {"path": str(path)}


def _refuse_entities(path: Path, handle, head: bytes) -> None:  # noqa: ANN001 - a binary file
    """Raise if the file declares an XML entity anywhere (only a document type can declare one)."""
    tail = head
    line = 1
    while True:
        chunk = handle.read(_CHUNK)
        window = tail + chunk
        found = window.find(b"<!ENTITY")
        if found >= 0:
            line += window[:found].count(b"\n")
            raise InputError(str(path), "refused: its XML document type declares entities (<!ENTITY …>), which "
                             "can expand a small file into gigabytes; expected RDF/XML without a DOCTYPE", line)
        if not chunk:
            break
        keep = len(b"<!ENTITY") - 1
        line += window[: len(window) - keep].count(b"\n")
        tail = window[len(window) - keep :]
    handle.seek(0)
