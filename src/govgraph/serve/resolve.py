"""Names for the query page, resolved as the CLI resolves them: ``/resolve`` and ``/labels`` (JSON).

The page sends what a user typed into a parameter (a zh or en label, an alternative label, a
CURIE or an IRI); the server resolves it with ``GovGraph.resolve``, the CLI's resolver, in the
scope of each government the store holds (the version in force today), and answers with the
IRI and its labels, or with why nothing matched and the close matches, so that the page warns
instead of sending a string that matches nothing. ``/labels`` gives the labels of IRIs the
results hold, so that the page shows them beside the IRIs.

    GET /resolve?name=LABEL&kind=meeting     (or &class=gg:MeetingType, as a parameter's description names it)
    → {"found": true, "iri": "…", "zh": "…", "en": "…", "government": "…"}
    GET /labels?iri=…&iri=…
    → {"labels": {"…": {"zh": "…", "en": "…"}}}
"""

from __future__ import annotations

import json
import threading
import urllib.parse
from http import HTTPStatus
from typing import Any

from .._core.errors import AmbiguousName, GovGraphError, NameNotFound
from .._core.terms import GG, KINDS, ONTOLOGY_GRAPH, PREFIXES

#: At most this many IRIs per /labels request (a page asks in batches).
MAX_LABELS = 200
_JSON = "application/json; charset=utf-8"
_LIBRARIES: dict[str, Any] = {}
_LOCK = threading.Lock()


def answer(upstream: str, path: str, query: str) -> tuple[int, str, bytes]:
    """The response (status, content type, body) to ``GET path?query`` against the SPARQL
    engine at ``upstream`` (the one the endpoint serves)."""
    form = urllib.parse.parse_qs(query, keep_blank_values=True)
    try:
        if path == "/resolve":
            kind = (form.get("kind") or [_kind_of((form.get("class") or [""])[0])])[0]
            status, data = _resolve(upstream, (form.get("name") or [""])[0], kind)
        else:
            status, data = _labels(upstream, form.get("iri", []))
    except GovGraphError as error:
        status, data = HTTPStatus.BAD_GATEWAY, {"found": False, "message": str(error)}
    return status, _JSON, json.dumps(data, ensure_ascii=False).encode("utf-8")


def _kind_of(cls: str) -> str:
    """The kind of term a class (CURIE or IRI) stands for; any term if it is none of the kinds."""
    prefix, _, local = cls.partition(":")
    namespaces = {**PREFIXES, "gg": GG}
    iri = namespaces[prefix] + local if prefix in namespaces and not local.startswith("//") else cls
    return next((kind for kind, kind_class in KINDS.items() if kind_class == iri), "term")


def _scopes(upstream: str) -> list[Any]:
    """One graph per government the store holds (its version in force today), opened once per engine."""
    from ..answers.library import Library
    from .._core.remote import RemoteStore

    with _LOCK:
        if upstream not in _LIBRARIES:
            _LIBRARIES[upstream] = Library(RemoteStore(f"{upstream}/query"), [ONTOLOGY_GRAPH])
        return _LIBRARIES[upstream].scopes()


def _resolve(upstream: str, name: str, kind: str) -> tuple[int, dict[str, Any]]:
    if kind not in KINDS:
        return HTTPStatus.BAD_REQUEST, {"found": False, "message": f"unknown kind {kind!r}: expected one of {', '.join(KINDS)}"}
    found: dict[str, Any] = {}
    misses: list[NameNotFound | AmbiguousName] = []
    for scope in _scopes(upstream):
        try:
            iri = scope.resolve(name, kind)
        except (NameNotFound, AmbiguousName) as miss:
            misses.append(miss)
            continue
        found.setdefault(iri, scope)
    if len(found) == 1:
        (iri, scope), = found.items()
        named = scope.named(iri)
        government = scope.regulation.government.label("zh") if scope.regulation else None
        return HTTPStatus.OK, {"found": True, "name": name, "iri": iri, "zh": named.zh, "en": named.en, "government": government}
    if found:
        candidates = [{"iri": iri, "zh": s.named(iri).zh, "en": s.named(iri).en} for iri, s in sorted(found.items())]
        message = f"{kind} {name!r} names a different term in each government: give the IRI or CURIE of the one meant"
        return HTTPStatus.OK, {"found": False, "ambiguous": True, "name": name, "message": message, "candidates": candidates}
    return HTTPStatus.OK, _missed(name, kind, misses)


def _missed(name: str, kind: str, misses: list[NameNotFound | AmbiguousName]) -> dict[str, Any]:
    """Why nothing matched: the first reason given, every close match and candidate once."""
    suggestions = list(dict.fromkeys(s for m in misses for s in getattr(m, "suggestions", ())))
    candidates = list(dict.fromkeys(c for m in misses for c in getattr(m, "candidates", ())))
    message = str(misses[0]) if misses else f"unknown {kind} {name!r}: this store holds no rule base"
    return {"found": False, "ambiguous": bool(candidates), "name": name, "message": message,
            "suggestions": suggestions, "candidates": [{"iri": c} for c in candidates]}


def _labels(upstream: str, iris: list[str]) -> tuple[int, dict[str, Any]]:
    if len(iris) > MAX_LABELS:
        return HTTPStatus.BAD_REQUEST, {"message": f"at most {MAX_LABELS} IRIs per request, {len(iris)} given"}
    labels: dict[str, dict[str, str | None]] = {}
    for scope in _scopes(upstream):
        for iri in iris:
            named = scope.named(iri)
            if iri not in labels and named is not None and (named.zh or named.en):
                labels[iri] = {"zh": named.zh, "en": named.en}
    return HTTPStatus.OK, {"labels": labels}
