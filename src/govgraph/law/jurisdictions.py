"""Rule bases on disk: a jurisdiction is a folder of Turtle files under ``data/``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from .._core import files as rdf, resources
from .._core.errors import InputError, JurisdictionNotFound


@dataclass(frozen=True)
class Jurisdiction:
    """One rule base: its name and the folder holding its Turtle files."""

    name: str
    folder: Path

    def files(self) -> list[Path]:
        """The rule base's RDF files: those directly in the folder, sorted."""
        return rdf.in_folder(self.folder)


def available() -> list[str]:
    """Names of the rule bases carried in ``data/``."""
    root = resources.data_dir()
    return sorted(p.name for p in root.iterdir() if p.is_dir() and any(p.glob("*.ttl")))


def default_name() -> str:
    catalog = resources.data_dir() / "catalog.toml"
    try:
        return tomllib.loads(catalog.read_text(encoding="utf-8"))["default"]
    except (OSError, tomllib.TOMLDecodeError, KeyError) as exc:
        raise InputError(str(catalog), f"expected a TOML file with a `default` rule base name ({exc})") from None


def find(name_or_path: str | Path | None = None) -> Jurisdiction:
    """The rule base called ``name_or_path`` in ``data/``, or at that path; the default if None."""
    if name_or_path is None:
        name_or_path = default_name()
    path = Path(name_or_path)
    if path.is_dir() and any(path.glob("*.ttl")):
        return Jurisdiction(path.resolve().name, path.resolve())
    folder = resources.data_dir() / str(name_or_path)
    if folder.is_dir() and any(folder.glob("*.ttl")):
        return Jurisdiction(str(name_or_path), folder)
    raise JurisdictionNotFound(str(name_or_path), available())


def ontology_files() -> list[Path]:
    return sorted(resources.ontology_dir().glob("*.ttl"))
