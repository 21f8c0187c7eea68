"""Names and citations: the one way a query's row becomes labels and the article it rests on.

Every answer, authority edge and validation finding cites its article through
:class:`Citer`: the article's IRI and labels (as the rule base writes them, in zh and
en), its number, its text, and the regulation version and government it is of
(:class:`Regulation`). Articles sort by :func:`article_order`, and a set of citations is
made unique by :func:`unique_citations`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .errors import GovGraphError


@dataclass(frozen=True)
class Named:
    """A resource with its labels."""

    iri: str
    zh: str | None = None
    en: str | None = None

    def label(self, lang: str = "zh") -> str:
        first, second = (self.zh, self.en) if lang == "zh" else (self.en, self.zh)
        return first or second or self.iri


@dataclass(frozen=True)
class Text:
    """A text in Chinese and English (a condition, a message, an anchor of a deadline)."""

    zh: str | None = None
    en: str | None = None

    def label(self, lang: str = "zh") -> str:
        first, second = (self.zh, self.en) if lang == "zh" else (self.en, self.zh)
        return first or second or ""


@dataclass(frozen=True)
class Regulation:
    """The regulation version a citation is of, and the government whose working rules it is.

    Dates are ISO dates as the regulation's metadata writes them; ``until`` is the last day
    it is in force (None while it is in force).
    """

    regulation: Named
    government: Named
    number: str | None = None
    issued: str | None = None
    in_force: str | None = None
    until: str | None = None

    def label(self, lang: str = "zh") -> str:
        return self.regulation.label(lang)

    def in_force_on(self, day: str) -> bool:
        """Whether the regulation is in force on ``day`` (an ISO date)."""
        return (self.in_force is None or self.in_force <= day) and (self.until is None or day <= self.until)


@dataclass(frozen=True)
class Citation:
    """The article a rule rests on: its IRI and labels, its number as written, its text, and
    the regulation version it is of."""

    article: Named
    number: str
    text: str
    regulation: Regulation | None = None

    def label(self, lang: str = "zh") -> str:
        """The article as the rule base labels it in ``lang`` (e.g. "Article 41")."""
        return self.article.label(lang)


def article_order(citation: Citation | None) -> tuple[int, int, str]:
    """Articles in the regulation's order (by number), anything unnumbered after them."""
    if citation is None:
        return (2, 0, "")
    number = citation.number.strip()
    if number.isdigit():
        return (0, int(number), citation.article.iri)
    return (1, 0, number)


def unique_citations(citations: Iterable[Citation | None]) -> tuple[Citation, ...]:
    """Each article once, in the regulation's order."""
    seen: dict[str, Citation] = {}
    for citation in citations:
        if citation is not None:
            seen.setdefault(citation.article.iri, citation)
    return tuple(sorted(seen.values(), key=article_order))


def unique_named(items: Iterable[Named]) -> tuple[Named, ...]:
    """Each resource once, in the order first seen."""
    seen: dict[str, Named] = {}
    for item in items:
        seen.setdefault(item.iri, item)
    return tuple(seen.values())


Row = Mapping[str, Any]


class Citer:
    """Turns the terms of a query's rows into :class:`Named`, :class:`Text` and :class:`Citation`.

    ``label_of`` gives the labels of an IRI (from the graph's name index, or one lookup a
    term). Columns follow the named queries' convention: ``article``, ``number`` and
    ``text`` (with a prefix: ``quorumArticle``, ``quorumNumber``, ``quorumText``).
    """

    def __init__(self, label_of: Callable[[str], Named], regulation: Regulation | None = None) -> None:
        self._label_of = label_of
        self.regulation = regulation

    def named(self, term: Any) -> Named | None:
        """The labels of a term (an RDF term or an IRI), None for an unbound one; a blank node keeps its id."""
        if term is None:
            return None
        value = term if isinstance(term, str) else term.value
        if not isinstance(term, str) and type(term).__name__ == "BlankNode":
            return Named(f"_:{value}")
        return self._label_of(value)

    def required(self, row: Row, column: str) -> Named:
        """The labels of a column every row binds (a query that leaves it unbound is a bug)."""
        named = self.named(row.get(column))
        if named is None:
            raise GovGraphError(f"a named query left ?{column} unbound")
        return named

    def text(self, row: Row, zh: str = "conditionZh", en: str = "conditionEn") -> Text | None:
        """A text in two columns (one per language), None if neither is bound."""
        zh_term, en_term = row.get(zh), row.get(en)
        if zh_term is None and en_term is None:
            return None
        return Text(zh_term.value if zh_term is not None else None, en_term.value if en_term is not None else None)

    def citation(self, row: Row, prefix: str = "") -> Citation:
        """The article a row cites, with its number and text."""
        columns = [f"{prefix}{name.capitalize()}" if prefix else name for name in ("article", "number", "text")]
        article, number, text = (row.get(column) for column in columns)
        if article is None or number is None:
            raise GovGraphError(f"a named query left ?{columns[0]} or ?{columns[1]} unbound")
        return Citation(self.required(row, columns[0]), number.value, text.value if text is not None else "", self.regulation)

    def optional_citation(self, row: Row, prefix: str = "") -> Citation | None:
        """The article a row cites, or None when the row cites none."""
        column = f"{prefix}Article" if prefix else "article"
        return self.citation(row, prefix) if row.get(column) is not None else None
