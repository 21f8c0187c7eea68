"""Two governments' rules (or two versions of one government's) side by side, aligned
through the national template.

Each side is asked in its own scope (``library.scope(...)``) by the ``queries/compare-*.rq``
questions; each row is then keyed by the template concepts its terms realise (a rule
base maps its posts, meetings and document kinds with ``skos:exactMatch`` /
``skos:broadMatch``), so that a district's head and a county's head are one point of
comparison: the head of government. A term that realises no template concept is keyed
by its label. For every point (a template meeting, post, document kind or deadline, an
aspect of it, and the case, such as an agenda kind) a :class:`Point` says what each side
states, in its own words and citing its own articles, and whether that is the same,
different, or on one side only.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .._core import queries
from .._core.cite import Citation, Citer, Named, Regulation, Text, unique_citations
from .._core.errors import GovGraphError
from .._core.stores import Row
from .._core.terms import KINDS
from .._core.words import text as words_text
from .._core.words import word
from .graph import GovGraph
from .names import local_name, normalise

if TYPE_CHECKING:
    from .library import Library

LANGS = ("zh", "en")
#: The order verdicts are counted and listed in.
VERDICTS = ("same", "differs", "left-only", "right-only")


@dataclass(frozen=True)
class Statement:
    """What one side's rules say on one point, in its own words, citing its own articles."""

    text: Text
    citations: tuple[Citation, ...]
    #: The comparable form: each fact keyed by template concepts (or labels), sorted.
    key: tuple[str, ...] = field(default=(), compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {"text": asdict(self.text), "citations": [_citation_dict(c) for c in self.citations]}


@dataclass(frozen=True)
class Point:
    """One point of comparison: a template concept, an aspect of it, the case, and both sides."""

    topic: str  #: meeting, post, document or deadline
    subject: Named  #: the template concept (or, unmapped, the term as one side names it)
    aspect: str  #: members, quorum, money, acting, leave, deadline, or the act (Convene, Preside, Sign…)
    aspect_label: Text
    case: Named | None  #: the agenda kind, matter or act the point is narrowed to, if any
    left: Statement | None
    right: Statement | None

    @property
    def verdict(self) -> str:
        if self.left is None:
            return "right-only"
        if self.right is None:
            return "left-only"
        return "same" if self.left.key == self.right.key else "differs"

    def to_dict(self) -> dict[str, Any]:
        return {
            "topic": self.topic,
            "subject": asdict(self.subject),
            "aspect": self.aspect,
            "aspect_label": asdict(self.aspect_label),
            "case": asdict(self.case) if self.case else None,
            "verdict": self.verdict,
            "left": self.left.to_dict() if self.left else None,
            "right": self.right.to_dict() if self.right else None,
        }


@dataclass(frozen=True)
class Comparison:
    """Two rule bases' answers on every point of the template either of them sets a rule for."""

    left: Regulation | None
    right: Regulation | None
    points: tuple[Point, ...]

    def counts(self) -> dict[str, int]:
        found = Counter(point.verdict for point in self.points)
        return {verdict: found.get(verdict, 0) for verdict in VERDICTS}

    def where(self, verdict: str) -> list[Point]:
        return [point for point in self.points if point.verdict == verdict]

    def to_dict(self) -> dict[str, Any]:
        return {
            "left": _regulation_dict(self.left),
            "right": _regulation_dict(self.right),
            "counts": self.counts(),
            "points": [point.to_dict() for point in self.points],
        }


# ── asking ────────────────────────────────────────────────────────────────────────


def compare(left: GovGraph, right: GovGraph) -> Comparison:
    """Set two scopes' rules side by side, point by point of the national template."""
    sides = [_facts(graph) for graph in (left, right)]
    keys = sorted(set(sides[0]) | set(sides[1]), key=lambda key: (_TOPICS.index(key[0]), key))
    points = []
    for key in keys:
        here, there = (side.get(key) for side in sides)
        first = here or there
        points.append(Point(
            topic=key[0], subject=first.subject, aspect=key[2], aspect_label=first.aspect_label, case=first.case,
            left=here.statement() if here else None, right=there.statement() if there else None,
        ))
    return Comparison(left.regulation, right.regulation, tuple(points))


def compare_in(library: Library, left: str, right: str, as_of: str | dt.date | None = None) -> Comparison:
    """Compare two governments (or versions) a library holds, each named ``NAME`` or ``NAME@DATE``."""
    return compare(scope_named(library, left, as_of), scope_named(library, right, as_of))


def scope_named(library: Library, spec: str, as_of: str | dt.date | None = None) -> GovGraph:
    """The scope ``NAME@DATE`` names (the version in force on DATE; else on ``as_of``, else today)."""
    name, _, date = spec.partition("@")
    if not name.strip():
        raise GovGraphError(f"{spec!r}: expected a government's name or identifier, optionally @DATE")
    return library.scope(name.strip(), date.strip() or as_of)


# ── one side's facts, keyed through the template ──────────────────────────────────

_TOPICS = ("meeting", "post", "document", "deadline")


@dataclass
class _Facts:
    """Everything one side says on one point: comparable keys, words and articles."""

    subject: Named
    aspect_label: Text
    case: Named | None
    items: dict[str, Text] = field(default_factory=dict)
    citations: list[Citation] = field(default_factory=list)

    def statement(self) -> Statement:
        ordered = sorted(self.items)
        joined = Text(*("; ".join(self.items[k].label(lang) for k in ordered) for lang in LANGS))
        return Statement(joined, unique_citations(self.citations), tuple(ordered))


class _Side:
    """One scope's rows, keyed by the template concepts its terms realise."""

    def __init__(self, graph: GovGraph) -> None:
        self.graph = graph
        self.facts: dict[tuple, _Facts] = {}
        self._labels = _labels(graph)
        self.cite = Citer(self.named, graph.regulation)
        concepts: dict[str, dict[bool, set[str]]] = defaultdict(lambda: {True: set(), False: set()})
        for row in graph.select("template-matches"):
            concepts[row["term"].value][row["match"].value == "exact"].add(row["concept"].value)
        self._concept = {term: sorted(found[True] or found[False])[0] for term, found in concepts.items()}

    def key(self, term: Any) -> str:
        """What a term is across governments: its template concept, else its label, else its IRI."""
        if term is None:
            return ""
        iri = term if isinstance(term, str) else term.value
        if iri in self._concept:
            return self._concept[iri]
        named = self.named(iri)
        return "label:" + normalise(named.zh or named.en) if (named.zh or named.en) else iri

    def subject(self, term: Any) -> Named:
        iri = term if isinstance(term, str) else term.value
        return self.named(self._concept.get(iri, iri))

    def add(self, topic: str, subject: Any, aspect: str, aspect_label: Text, case: Any, item: str, said: Text, row: Row) -> None:
        key = (topic, self.key(subject), aspect, self.key(case))
        facts = self.facts.get(key)
        if facts is None:
            facts = self.facts[key] = _Facts(self.subject(subject), aspect_label, self.cite.named(case) if case else None)
        facts.items.setdefault(item, said)
        facts.citations.append(self.cite.citation(row))

    def named(self, iri: str) -> Named:
        labels = self._labels.get(iri, {})
        return Named(iri, labels.get("zh"), labels.get("en"))

    def label(self, term: Any) -> Text:
        named = self.cite.named(term)
        return Text(named.zh, named.en) if named else Text()


#: The labels of the graphs every scope shares (the ontology and the template), read once per store.
_SHARED_LABELS: dict[tuple, dict[str, dict[str, str]]] = {}


def _labels(graph: GovGraph) -> dict[str, dict[str, str]]:
    """The zh and en label of every term of a scope: its rule base's read afresh, the ontology's once
    per store (a scope's full name index, which resolving names needs, is not needed here)."""
    own = [graph.rule_base.graph] if graph.rule_base is not None and graph.graphs else None
    shared = [g for g in graph.graphs if g not in own] if own else []
    key = (id(graph.store), tuple(shared))
    if own and key not in _SHARED_LABELS:
        _SHARED_LABELS[key] = _read_labels(graph, shared)
    found = {iri: dict(labels) for iri, labels in _SHARED_LABELS.get(key, {}).items()} if own else {}
    for iri, labels in _read_labels(graph, own).items():
        found.setdefault(iri, {}).update(labels)
    return found


def _read_labels(graph: GovGraph, graphs: list[str] | None) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for row in graph.store.select(queries.named("labels").text, graphs=graphs if graphs is not None else graph.graphs):
        if row["kind"].value == "label" and row["lang"] is not None and row["lang"].value:
            found[row["resource"].value].setdefault(row["lang"].value, row["name"].value)
    return found


def _facts(graph: GovGraph) -> dict[tuple, _Facts]:
    side = _Side(graph)
    for ask in (_members, _quorums, _powers, _money, _acting, _leave, _deadlines):
        ask(side)
    return side.facts


def _say(make: Callable[[str], str]) -> Text:
    return Text(*(make(lang) for lang in LANGS))


def _members(side: _Side) -> None:
    aspect = words_text("compare.aspect_members")
    for row in side.graph.select("compare-members"):
        side.add("meeting", row["meeting"], "members", aspect, None, side.key(row["member"]), side.label(row["member"]), row)


def _quorums(side: _Side) -> None:
    aspect = words_text("compare.aspect_quorum")
    for row in side.graph.select("compare-quorums"):
        fraction = f"{row['numerator'].value}/{row['denominator'].value}"
        inclusive = row["inclusive"].value in ("true", "1")
        over = row["countsOver"]
        item = f"{fraction}|{'at-least' if inclusive else 'more-than'}|{side.key(over)}"

        def said(lang: str, fraction: str = fraction, inclusive: bool = inclusive, over: Any = over) -> str:
            formula = word("compare.at_least" if inclusive else "compare.more_than", lang, fraction=fraction)
            return formula + (word("compare.counts_over", lang, post=side.label(over).label(lang)) if over else "")

        side.add("meeting", row["meeting"], "quorum", aspect, row["agendaKind"], item, _say(said), row)


def _powers(side: _Side) -> None:
    chains = _chains(side)
    for row in side.graph.select("compare-powers"):
        topic = "meeting" if row["targetClass"].value == KINDS["meeting"] else "document"
        act = row["aspect"].value
        modality, conferral, grantor = (row[c] for c in ("modality", "conferral", "grantor"))
        necessary = row["ifNecessary"] is not None and row["ifNecessary"].value in ("true", "1")
        chain = chains.get(row["chain"].value) if row["chain"] is not None else None
        item = "|".join([side.key(row["assignee"]), local_name(modality.value), side.key(conferral), side.key(grantor),
                         "necessary" if necessary else "", chain[0] if chain else ""])

        def said(lang: str, row: Row = row, necessary: bool = necessary, chain: Any = chain) -> str:
            how = side.label(row["conferral"]).label(lang)
            if row["grantor"] is not None:
                how += f" {word('answer.by', lang)} {side.label(row['grantor']).label(lang)}"
            parts = [side.label(row["assignee"]).label(lang), f"[{side.label(row['modality']).label(lang)}]", f"({how})"]
            parts += [word("compare.if_necessary", lang)] if necessary else []
            parts += [word("compare.after", lang, steps=chain[1].label(lang))] if chain else []
            return " ".join(parts)

        side.add(topic, row["target"], local_name(act), side.label(act), row["agendaKind"], item, _say(said), row)


def _chains(side: _Side) -> dict[str, tuple[str, Text]]:
    """Each approval chain's steps in order: a comparable key and the words for them."""
    steps: dict[str, list[Row]] = defaultdict(list)
    for row in side.graph.select("compare-chains"):
        steps[row["chain"].value].append(row)
    found = {}
    for chain, rows in steps.items():
        rows.sort(key=lambda r: int(r["stepIndex"].value))
        key = ">".join(f"{side.key(r['approver'])}:{side.key(r['stepAct'])}" for r in rows)
        found[chain] = (key, _say(lambda lang, rows=rows: " → ".join(
            f"{side.label(r['approver']).label(lang)} {side.label(r['stepAct']).label(lang)}" for r in rows)))
    return found


def _money(side: _Side) -> None:
    aspect = words_text("compare.aspect_money")
    rules: dict[str, list[Row]] = defaultdict(list)
    for row in side.graph.select("compare-money"):
        rules[row["rule"].value].append(row)
    for rows in rules.values():
        row = rows[0]
        bounds = sorted(
            (f"{r['bound'].value}_{'inclusive' if r['inclusive'].value in ('true', '1') else 'exclusive'}", Decimal(r["amount"].value))
            for r in rows
        )
        item = "|".join([side.key(row["matter"]), *(f"{name}:{amount.normalize()}" for name, amount in bounds)])

        def said(lang: str, row: Row = row, bounds: list = bounds) -> str:
            amounts = ", ".join(word(f"compare.{name}", lang, amount=f"{amount.normalize():,f}") for name, amount in bounds)
            return f"{side.label(row['matter']).label(lang)}: {amounts}"

        side.add("meeting", row["meeting"], "money", aspect, None, item, _say(said), row)


def _acting(side: _Side) -> None:
    aspect = words_text("compare.aspect_acting")
    rules: dict[str, list[Row]] = defaultdict(list)
    for row in side.graph.select("compare-acting"):
        rules[row["rule"].value].append(row)
    for rows in rules.values():
        row = rows[0]
        reasons = sorted({r["absenceReason"].value for r in rows if r["absenceReason"] is not None})
        rank = row["rank"].value if row["rank"] is not None else ""
        item = "|".join([side.key(row["assignee"]), side.key(row["ruleAction"]), side.key(row["conferral"]),
                         side.key(row["grantor"]), ",".join(side.key(r) for r in reasons), side.key(row["absenceDuration"]), rank])

        def said(lang: str, row: Row = row, reasons: list = reasons, rank: str = rank) -> str:
            how = side.label(row["conferral"]).label(lang)
            if row["grantor"] is not None:
                how += f" {word('answer.by', lang)} {side.label(row['grantor']).label(lang)}"
            parts = [side.label(row["assignee"]).label(lang), side.label(row["ruleAction"]).label(lang), f"({how})"]
            parts += [f"[{', '.join(side.label(r).label(lang) for r in reasons)}]"] if reasons else []
            parts += [side.label(row["absenceDuration"]).label(lang)] if row["absenceDuration"] is not None else []
            parts += [word("compare.rank", lang, rank=rank)] if rank else []
            return " ".join(parts)

        for each in rows:
            side.add("post", row["absentPost"], "acting", aspect, None, item, _say(said), each)


def _leave(side: _Side) -> None:
    aspect = words_text("compare.aspect_leave")
    for row in side.graph.select("compare-leave"):
        item = "|".join(side.key(row[c]) for c in ("ruleAction", "occasion", "recipient"))
        said = _say(lambda lang, row=row: f"{side.label(row['ruleAction']).label(lang)}: {side.label(row['occasion']).label(lang)}"
                    f" → {side.label(row['recipient']).label(lang)}")
        side.add("post", row["assignee"], "leave", aspect, None, item, said, row)


def _deadlines(side: _Side) -> None:
    aspect = words_text("compare.aspect_deadline")
    for row in side.graph.select("compare-deadlines"):
        amount = Decimal(row["amount"].value).normalize()
        item = "|".join([side.key(row["assignee"]), side.key(row["target"]), f"{amount:f}",
                         *(side.key(row[c]) for c in ("unit", "direction", "strength"))])
        said = _say(lambda lang, row=row, amount=amount: " ".join(filter(None, [
            f"{side.label(row['target']).label(lang)}:",
            side.label(row["assignee"]).label(lang), side.label(row["direction"]).label(lang), f"{amount:f}",
            side.label(row["unit"]).label(lang),
            f"({side.label(row['strength']).label(lang)})" if row["strength"] is not None else "",
        ])))
        side.add("deadline", row["ruleAction"], "deadline", aspect, None, item, said, row)


# ── JSON ──────────────────────────────────────────────────────────────────────────


def _citation_dict(citation: Citation) -> dict[str, Any]:
    return {"article": asdict(citation.article), "number": citation.number, "text": citation.text}


def _regulation_dict(regulation: Regulation | None) -> dict[str, Any] | None:
    return asdict(regulation) if regulation else None


def topics(points: Iterable[Point]) -> dict[str, list[Point]]:
    """Points grouped by topic, in the template's order (meetings, posts, documents, deadlines)."""
    grouped: dict[str, list[Point]] = {topic: [] for topic in _TOPICS}
    for point in points:
        grouped[point.topic].append(point)
    return {topic: found for topic, found in grouped.items() if found}
