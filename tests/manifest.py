"""The competency questions of tests/competency.toml, and how a library user asks each one.

Shared by the tests that ask them on one store (test_competency.py) and that compare
stores (test_stores.py, test_virtuoso.py).
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import govgraph

MANIFEST = Path(__file__).with_name("competency.toml")


def competency_questions() -> list[dict[str, Any]]:
    return tomllib.loads(MANIFEST.read_text(encoding="utf-8"))["question"]


def ask(graph: govgraph.GovGraph, q: dict[str, Any]) -> Any:
    """Ask the question as the library's user would."""
    kind = q["ask"]
    if kind == "who":
        return graph.who(
            q["action"], q["target"], absent=q.get("absent"), reason=q.get("reason"),
            long_absence=q.get("long"), agenda=q.get("agenda"), amount=q.get("amount"),
        )
    if kind == "acts_for":
        return graph.acts_for(q["post"], reason=q.get("reason"), long_absence=q.get("long"))
    if kind == "decide":
        return graph.decide(amount=q.get("amount"), matter=q.get("matter"))
    if kind == "quorum":
        return graph.quorum(q["meeting"], q.get("agenda"))
    if kind == "leave":
        return graph.leave(q["post"])
    if kind == "deadlines":
        return graph.deadlines(q.get("act"))
    if kind == "article":
        return graph.article(q["number"])
    raise AssertionError(f"unknown ask {kind!r} in {MANIFEST}")
