"""No outbound request unless asked: SPARQL ``SERVICE`` clauses are refused by default.

A ``SERVICE <url>`` clause makes the engine send an HTTP request to ``url``: from a server,
to anywhere the host can reach (server-side request forgery). ``govgraph serve`` and
``govgraph sparql`` read every query's ``SERVICE`` targets with :func:`service_targets` and
refuse it unless each target is a full IRI starting with one of the allowed prefixes
(``--allow-service PREFIX``). The reading is lexical and errs on the side of refusing: the
query's ``\\u`` escapes are decoded first (SPARQL reads them anywhere), and comments, strings
and IRIs are skipped, so that only the keyword itself counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .errors import QueryError, shorten

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_TOKEN = re.compile(
    r"""(?P<skip>\#[^\n]*|\s+|"{3}(?:[^\\]|\\.)*?"{3}|'{3}(?:[^\\]|\\.)*?'{3}|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')"""
    r"""|(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)"""
    r"""|(?P<word>[?$]?[^\s{}()<>"'#,;.?$\[\]=!&|+*/^]+(?:\.[^\s{}()<>"'#,;.?$\[\]=!&|+*/^]+)*)"""
    r"""|(?P<other>.)""",
    re.DOTALL,
)


def _unescape(query: str) -> str:
    def decode(match: re.Match) -> str:
        try:
            return chr(int(match.group(1) or match.group(2), 16))
        except (ValueError, OverflowError):
            return "\ufffd"

    return _ESCAPE.sub(decode, query)


def _tokens(query: str) -> list[tuple[str, str]]:
    return [(m.lastgroup, m.group()) for m in _TOKEN.finditer(_unescape(query)) if m.lastgroup != "skip"]


def service_targets(query: str) -> list[str]:
    """What each ``SERVICE`` clause of ``query`` names: an IRI (``<…>``), a variable or a prefixed name."""
    tokens = _tokens(query)
    targets = []
    for index, (kind, text) in enumerate(tokens):
        if kind == "word" and text.upper() == "SERVICE":
            rest = tokens[index + 1 : index + 3]
            if rest and rest[0][0] == "word" and rest[0][1].upper() == "SILENT":
                rest = rest[1:]
            targets.append(rest[0][1] if rest else "")
    return targets


def refuse_service(query: str, allowed: Iterable[str] = ()) -> None:
    """Raise :class:`QueryError` if ``query`` has a ``SERVICE`` clause whose target is not a full IRI
    under one of the ``allowed`` prefixes."""
    prefixes: Sequence[str] = [p for p in allowed if p]
    for target in service_targets(query):
        iri = target[1:-1] if target.startswith("<") and target.endswith(">") else None
        if iri is None or not any(iri.startswith(prefix) for prefix in prefixes):
            hint = (f"allowed: {', '.join(shorten(p, 60) for p in prefixes)}" if prefixes
                    else "federated queries are off (--allow-service PREFIX turns them on for that prefix)")
            raise QueryError(f"SERVICE {shorten(target, 80) or '(nothing)'} refused: a query here may not send requests "
                             f"elsewhere; {hint}")
