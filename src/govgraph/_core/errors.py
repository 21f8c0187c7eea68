"""The errors govgraph raises for bad input. Each says what was wrong and what was expected."""

from __future__ import annotations

from collections.abc import Sequence


class GovGraphError(Exception):
    """Base class of govgraph's errors: the message is meant for the person who ran it."""


def shorten(value: str, limit: int = 80) -> str:
    """A value as an error message quotes it: at most ``limit`` characters."""
    return value if len(value) <= limit else value[: limit - 1] + "…"


class JurisdictionNotFound(GovGraphError):
    def __init__(self, name: str, available: Sequence[str]) -> None:
        self.name = name
        self.available = tuple(available)
        known = ", ".join(self.available) or "none"
        super().__init__(f"no rule base named {name!r}: expected a folder of Turtle files or one of: {known}")


class NameNotFound(GovGraphError):
    """A name given by the user matches no term (of the kind expected)."""

    def __init__(self, name: str, kind: str, suggestions: Sequence[str], reason: str | None = None) -> None:
        self.name = name
        self.kind = kind
        self.suggestions = tuple(suggestions)
        hint = f"; close matches: {', '.join(self.suggestions)}" if self.suggestions else ""
        why = reason or "expected a zh or en label, a CURIE or an IRI"
        super().__init__(f"unknown {kind} {shorten(name)!r}: {why}{hint}")


class AmbiguousName(GovGraphError):
    def __init__(self, name: str, kind: str, candidates: Sequence[str]) -> None:
        self.name = name
        self.kind = kind
        self.candidates = tuple(candidates)
        super().__init__(f"{kind} {shorten(name)!r} is ambiguous: it names {', '.join(self.candidates)}; give the CURIE instead")


class InputError(GovGraphError):
    """A file could not be read: which file, which line, what was expected."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


class QueryError(GovGraphError):
    """A SPARQL query could not be parsed or run."""
