"""The named questions: one SPARQL file each in ``queries/``, with a header saying what it asks.

A header is the file's leading comment block::

    # question: Who may, must or must not do an act on a target, and in which case?
    # parameters:
    #   ?action  IRI of a gg:Act (required)
    # returns: ...
    # articles: 40-42, 51

A question is asked of one government's rules (its scope) unless its header says
``# scope: store``: then it asks what the whole store holds. (Integrity checks of a rule
base are SHACL shapes, in ``shapes/rule-base.ttl``.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from . import resources
from .errors import GovGraphError

_FIELD = re.compile(r"^#\s*(question|parameters|returns|articles|scope):\s*(.*)$")
_PARAMETER = re.compile(r"^#\s+\?(\w+)\s+(.*)$")


@dataclass(frozen=True)
class Parameter:
    """A parameter a query's header declares: its name (without ``?``) and what it stands for."""

    name: str
    description: str

    @property
    def required(self) -> bool:
        return "(required)" in self.description


@dataclass(frozen=True)
class NamedQuery:
    """A question in SPARQL, with what its header says about it."""

    name: str
    path: Path
    text: str
    question: str
    returns: str
    articles: str
    parameters: tuple[Parameter, ...] = field(default=())
    scope: str = "rules"

    @property
    def asks_the_store(self) -> bool:
        """True for a question about the whole store (what graphs it holds), not about one government's rules."""
        return self.scope.startswith("store")

    def to_dict(self, *, with_text: bool = False) -> dict[str, Any]:
        """The query as ``govgraph queries --format json`` and the endpoint's page list it."""
        data: dict[str, Any] = {
            "name": self.name,
            "question": self.question,
            "parameters": [{"name": p.name, "description": p.description, "required": p.required} for p in self.parameters],
            "returns": self.returns,
            "articles": self.articles,
            "path": str(self.path),
        }
        if with_text:
            data["text"] = self.text
        return data


def parse(path: Path) -> NamedQuery:
    """Read a ``.rq`` file and its header; raise if the header lacks a question."""
    text = path.read_text(encoding="utf-8")
    fields: dict[str, str] = {}
    parameters: list[Parameter] = []
    current: str | None = None
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        if match := _FIELD.match(line):
            current, value = match.groups()
            fields[current] = value.strip()
        elif current == "parameters" and (match := _PARAMETER.match(line)):
            parameters.append(Parameter(match.group(1), match.group(2).strip()))
        elif current and current != "parameters":
            fields[current] += " " + line.lstrip("#").strip()
        elif current == "parameters" and parameters:
            last = parameters.pop()
            parameters.append(Parameter(last.name, last.description + " " + line.lstrip("#").strip()))
    if "question" not in fields:
        raise GovGraphError(f"{path}: expected a header line '# question: ...'")
    return NamedQuery(
        name=path.stem,
        path=path,
        text=text,
        question=fields["question"],
        returns=fields.get("returns", ""),
        articles=fields.get("articles", ""),
        parameters=tuple(parameters),
        scope=fields.get("scope", "rules"),
    )


@cache
def named(name: str) -> NamedQuery:
    """The query ``queries/<name>.rq``."""
    path = resources.queries_dir() / f"{name}.rq"
    if not path.is_file():
        known = ", ".join(q.name for q in all_queries())
        raise GovGraphError(f"no named query {name!r}: expected one of {known}")
    return parse(path)


def all_queries() -> list[NamedQuery]:
    return [parse(p) for p in sorted(resources.queries_dir().glob("*.rq"))]

