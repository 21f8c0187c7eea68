"""Sample records that come with a rule base, reachable from an installed package.

A rule base folder may carry ``records/`` (a made-up year of records with its README) and
``tests/cases/`` (valid and invalid records per rule). After ``pip install`` they sit inside
the package; ``govgraph samples`` lists them and copies them where a user can open them.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from .._core.errors import GovGraphError
from .jurisdictions import Jurisdiction

#: sub-folder of a rule base → what it holds
KINDS = {"records": "records", "cases": "tests/cases"}


@dataclass(frozen=True)
class Sample:
    """One folder of sample records of a rule base."""

    rule_base: str
    kind: str  #: "records" (a made-up year) or "cases" (records per rule, valid and invalid)
    folder: Path
    files: int
    summary: str  #: the first heading of its README, if it has one

    @property
    def name(self) -> str:
        return f"{self.rule_base}/{self.kind}"

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name, "rule_base": self.rule_base, "kind": self.kind, "folder": str(self.folder),
                "files": self.files, "summary": self.summary}


def samples(bases: list[Jurisdiction]) -> list[Sample]:
    """The sample folders the rule bases carry."""
    found = []
    for base in bases:
        for kind, relative in KINDS.items():
            folder = base.folder / relative
            if folder.is_dir():
                files = sum(1 for p in folder.rglob("*") if p.is_file())
                found.append(Sample(base.name, kind, folder, files, _summary(folder)))
    return found


def copy_samples(found: list[Sample], target: Path) -> list[Path]:
    """Copy each sample to ``target/<rule base>/`` where it sits in its rule base (``records``,
    ``tests/cases``), so that the paths between them still hold; refuse to overwrite anything."""
    destinations = [target / s.rule_base / KINDS[s.kind] for s in found]
    clashes = [str(d) for d in destinations if d.exists()]
    if clashes:
        raise GovGraphError(f"{clashes[0]} exists already: choose another folder or remove it")
    for sample, destination in zip(found, destinations, strict=True):
        partial = destination.with_name(f".{destination.name}.partial")
        shutil.rmtree(partial, ignore_errors=True)
        partial.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(sample.folder, partial)
        partial.rename(destination)  # whole or absent, never half-copied
    return destinations


def _summary(folder: Path) -> str:
    readme = folder / "README.md"
    if not readme.is_file():
        return ""
    heading = next((line for line in readme.read_text(encoding="utf-8").splitlines() if line.startswith("#")), "")
    return heading.lstrip("# ").strip()
