"""Rule bases on disk: a jurisdiction is a folder of Turtle files under ``data/``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from collections.abc import Sequence
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


def _catalog() -> dict:
    catalog = resources.data_dir() / "catalog.toml"
    try:
        data = tomllib.loads(catalog.read_text(encoding="utf-8"))
        data["default"]  # noqa: B018 - required
    except (OSError, tomllib.TOMLDecodeError, KeyError) as exc:
        raise InputError(str(catalog), f"expected a TOML file with a `default` rule base name ({exc})") from None
    return data


def available() -> list[str]:
    """Names of the rule bases the catalog lists (data/catalog.toml's ``rule-bases``)."""
    data = _catalog()
    return [Path(entry).name for entry in data.get("rule-bases", [data["default"]])]


def default_name() -> str:
    return _catalog()["default"]


def _is_rule_base(folder: Path) -> bool:
    return folder.is_dir() and any(folder.glob("*.ttl"))


def find(name_or_path: str | Path | None = None) -> Jurisdiction:
    """The rule base called ``name_or_path`` in the catalog, or at that path; the default if None."""
    if name_or_path is None:
        name_or_path = default_name()
    path = Path(name_or_path)
    if _is_rule_base(path):
        return Jurisdiction(path.resolve().name, path.resolve())
    data = _catalog()
    for entry in data.get("rule-bases", [data["default"]]):
        folder = (resources.data_dir() / entry).resolve()
        if Path(entry).name == str(name_or_path) and _is_rule_base(folder):
            return Jurisdiction(folder.name, folder)
    folder = resources.data_dir() / str(name_or_path)
    if _is_rule_base(folder):
        return Jurisdiction(str(name_or_path), folder)
    raise JurisdictionNotFound(str(name_or_path), available())


def choose(rules: str | Path | Sequence[str | Path] | None) -> list[Jurisdiction]:
    """The rule bases ``rules`` names: one (a name or folder), several, ``all`` (every one the
    catalog lists), or the catalog's default if None."""
    if rules is None:
        return [find()]
    if isinstance(rules, (str, Path)):
        return [find(name) for name in available()] if str(rules) == "all" else [find(rules)]
    return [base for item in rules for base in choose(item)]


def ontology_files() -> list[Path]:
    return sorted(resources.ontology_dir().glob("*.ttl"))
