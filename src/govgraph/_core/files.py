"""RDF files as govgraph reads them: which suffixes, and one rule for a folder.

A folder given anywhere (a rule base, ``--records``, ``validate DIR``) stands for the RDF
files directly in it, sorted by name; its subfolders are not read (a rule base keeps its
source text, its records and its own tests in subfolders).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .errors import InputError

#: File suffix → format name (as rdflib names it; Oxigraph's names follow in ``stores``).
RDF_SUFFIXES = {".ttl": "turtle", ".nt": "ntriples", ".nq": "nquads", ".trig": "trig", ".rdf": "xml", ".owl": "xml"}


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
