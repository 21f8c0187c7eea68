"""Violations planted on purpose: those a profile asks for, those still to plant, those planted."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Planted:
    """A violation planted on purpose: the record, the shape that must find it, what was planted."""

    record: str
    shape: str
    what: str


class Plants:
    """The plants of a profile (``[plants.<name>]``: where, by how much, and the findings each makes)."""

    def __init__(self, asked: dict[str, dict[str, Any]]) -> None:
        self.left = dict(asked)
        self.planted: list[Planted] = []

    def wants(self, name: str) -> dict[str, Any] | None:
        """The plant ``name`` if it is still to plant: where and by how much."""
        return self.left.get(name)

    def plant(self, name: str, record: str, **values: object) -> None:
        """Record that ``name`` was planted in ``record`` (``values`` fill in what its findings say)."""
        asked = self.left.pop(name)
        self.planted += [Planted(record, shape, what.format(**values)) for shape, what in asked["findings"]]

    def planted_in(self, record: str) -> bool:
        return any(planted.record == record for planted in self.planted)
