"""Explaining the engines' rows: each becomes a Finding with its labels, its message and its article.

The article a finding cites is the ``?article`` its constraint bound (the matched rule's
``gg:basis``), cited through :class:`govgraph._core.cite.Citer` from the named queries
``citation.rq`` (number and text) and ``labels.rq`` (the article's and the records'
labels), run with their parameter bound on whatever store holds the data.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pyoxigraph as ox

from .._core import queries
from .._core.cite import Citation, Citer, Named, Text
from .._core.stores import Store
from .fast import Row, plain_number
from . import vocabulary
from .report import SEVERITIES, Finding, looks_like_iri

_SLOT = re.compile(r"\{[?$](\w+)\}")


class Explainer:
    """Labels and citations looked up once each in ``store``."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._labels: dict[str, Named] = {}
        self._citations: dict[str, Citation | None] = {}
        self.cite = Citer(self.named)

    def named(self, iri: str) -> Named:
        """An IRI with its zh and en labels (a label without language serves for both); a blank node keeps its id."""
        if iri not in self._labels:
            if not iri or iri.startswith("_:"):
                self._labels[iri] = Named(iri)
            else:
                rows = self.store.select(queries.named("labels").text, {"resource": ox.NamedNode(iri)})
                labels: dict[str, str] = {}
                for row in rows:
                    if row["kind"].value == "label":
                        labels.setdefault(row["lang"].value, row["name"].value)
                plain = labels.get("")
                self._labels[iri] = Named(iri, labels.get("zh", plain), labels.get("en", plain))
        return self._labels[iri]

    def citation(self, article: str) -> Citation | None:
        """The article ``article`` as cited: its labels, number and text (None if it has no number)."""
        if article not in self._citations:
            rows = self.store.select(queries.named("citation").text, {"article": ox.NamedNode(article)})
            self._citations[article] = self.cite.citation(rows[0]) if rows else None
        return self._citations[article]

    def finding(self, row: Row) -> Finding:
        article = row.bindings.get("article")
        return Finding(
            severity=SEVERITIES.get(row.severity, row.severity),
            shape=row.shape,
            component=row.component,
            focus=self.named(row.focus),
            path=row.path,
            value=row.value,
            message=Text(*(message(row, lang, self.suggested(row, lang)) for lang in ("zh", "en"))),
            article=self.citation(article) if article else None,
            rule=row.bindings.get("rule"),
            value_label=self.value_label(row.value),
        )

    @staticmethod
    def suggested(row: Row, lang: str) -> dict[str, str]:
        """The ``{?suggestion}`` slot of a finding on an undeclared term: the declared term it most likely meant."""
        if row.value is None or not any("{?suggestion}" in text for _, text in row.messages):
            return {}
        return {"suggestion": vocabulary.suggestion(row.value).label(lang)}

    def value_label(self, value: str | None) -> Named | None:
        """A value as people read it: an IRI's labels, a number as written."""
        if value is None:
            return None
        if looks_like_iri(value):
            return self.named(value)
        return Named(value, plain_number(value), plain_number(value))


def explain(store: Store, rows: Sequence[Row]) -> list[Finding]:
    """One finding per distinct (shape, focus, path, value, severity), in the order of ``rows``."""
    explainer = Explainer(store)
    findings: dict[tuple, Finding] = {}
    for row in rows:
        finding = explainer.finding(row)
        findings.setdefault(finding.key(), finding)
    return list(findings.values())


def message(row: Row, lang: str, extra: dict[str, str] | None = None) -> str | None:
    """The row's message in ``lang`` (or the one without language), its ``{?name}`` slots filled from the row (and ``extra``)."""
    chosen = next((text for language, text in row.messages if language == lang), None)
    if chosen is None:
        chosen = next((text for language, text in row.messages if language == ""), None)
    if chosen is None:
        return None
    values = {**row.bindings, **(extra or {})}
    return _SLOT.sub(lambda m: plain_number(values.get(m.group(1), m.group(0))), chosen)
