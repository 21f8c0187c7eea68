"""Cards: everything the rules say about one meeting type, document kind, post or organ, or
about the regulation itself, each line with its article; and the honest "no" when nothing
answers a question (which rules were searched, and which come nearest).

The rows come from named queries (``card-rules.rq``, ``card-regulation.rq``,
``nearest-rules.rq``, ``nearest-acts.rq``); this module only groups them into lines.
``GovGraph.meeting_card`` and its siblings call the functions here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from .._core.cite import Citation, Named, Regulation, Text, unique_named
from .._core.errors import GovGraphError, NameNotFound
from .._core.stores import Row
from .model import ApprovalChain

if TYPE_CHECKING:
    from .graph import GovGraph

#: How a rule concerns the subject of a card (the ``?part`` column of card-rules.rq), in the order shown.
PARTS = ("on", "by", "for", "to", "grants", "leave")
#: What a negative answer is (``NoAnswer.verdict``) and the exit code the CLI gives it.
EXIT_CODES = {"no-rule": 1, "not-in-case": 1, "not-applicable": 2}


@dataclass(frozen=True)
class Bounds:
    """A lower and an upper bound (an amount in yuan, or how many times per period)."""

    minimum: float | None = None
    minimum_inclusive: bool = True
    maximum: float | None = None
    maximum_inclusive: bool = True


@dataclass(frozen=True)
class CardLine:
    """One rule as a card shows it: who, what, on what, to whom, in which case, on which article."""

    part: str  #: how the rule concerns the card's subject (see PARTS)
    rule: Named
    kind: Named | None  #: the rule's class: permission, duty, composition, quorum, frequency rule…
    act: Named | None
    holders: tuple[Named, ...]  #: the assignees, or a composition rule's members
    targets: tuple[Named, ...]
    recipients: tuple[Named, ...]
    condition: Text | None
    basis: Citation
    agenda_kind: Named | None = None
    quorum: Fraction | None = None
    quorum_inclusive: bool | None = None
    frequency: Bounds | None = None
    per_period: Named | None = None
    amount: Bounds | None = None
    conferral: Named | None = None
    grantor: Named | None = None
    on_behalf_of: Named | None = None
    chain: ApprovalChain | None = None
    if_necessary: bool = False

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["quorum"] = str(self.quorum) if self.quorum is not None else None
        return data


@dataclass(frozen=True)
class Card:
    """Everything the rules say about one subject, line by line, in the regulation's order."""

    kind: str  #: "meeting", "document", "post" or "organ"
    subject: Named
    lines: tuple[CardLine, ...]
    regulation: Regulation | None = None

    def part(self, name: str) -> tuple[CardLine, ...]:
        return tuple(line for line in self.lines if line.part == name)

    def acts(self, act_iri: str) -> tuple[CardLine, ...]:
        return tuple(line for line in self.lines if line.act is not None and line.act.iri == act_iri)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "subject": asdict(self.subject), "regulation": asdict(self.regulation) if self.regulation else None,
                "lines": [line.to_dict() for line in self.lines]}


@dataclass(frozen=True)
class ChapterLine:
    chapter: Named
    number: str
    articles: int
    rules: int  #: rules and principles resting on its articles
    first: Citation  #: its first article


@dataclass(frozen=True)
class RegulationCard:
    """The regulation a scope answers from: title, number, dates, government, repeals, chapters."""

    regulation: Regulation
    in_force_basis: Citation | None
    repeals: tuple[tuple[Named, str | None, Citation | None], ...]  #: (regulation, its number, the article repealing it)
    chapters: tuple[ChapterLine, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "regulation": asdict(self.regulation),
            "in_force_basis": asdict(self.in_force_basis) if self.in_force_basis else None,
            "repeals": [{"regulation": asdict(r), "number": n, "basis": asdict(c) if c else None} for r, n, c in self.repeals],
            "chapters": [asdict(chapter) for chapter in self.chapters],
        }


@dataclass(frozen=True)
class NearRule:
    """A rule near a question nothing answers: another act on the target, or the act on a related target."""

    relation: str  #: "same-target", "narrower-target", "broader-target" or "same-act"
    rule: Named
    act: Named
    target: Named
    holders: tuple[Named, ...]
    basis: Citation

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class NoAnswer:
    """Why nothing answers "who may <act> on <target>", and what was searched.

    ``verdict``: "no-rule" (no rule of the regulation gives anyone the act on the target),
    "not-in-case" (rules exist, but none holds in the case asked: ``nearest`` lists them),
    "not-applicable" (the act is never done on this kind of target: ``applies_to`` says on what).
    """

    verdict: str
    act: Named
    target: Named
    target_kind: Named | None
    acts_searched: tuple[Named, ...]
    regulation: Regulation | None
    nearest: tuple[NearRule, ...] = ()
    applies_to: tuple[Named, ...] = ()  #: the kinds of target the act's rules are on
    examples: tuple[Named, ...] = ()  #: targets the act's rules are on (suggestions)
    case_rules: tuple[Any, ...] = field(default=())  #: with "not-in-case", the answers without the case

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.verdict]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["exit_code"] = self.exit_code
        return data


# ── resolving what a card is about ──────────────────────────────────────────────


def resolve_holder(graph: GovGraph, name: str) -> tuple[str, str]:
    """A post, or else an organ: (IRI, "post" | "organ"). Organs are accepted wherever posts are."""
    try:
        return graph.resolve(name, "post"), "post"
    except NameNotFound as missing:
        try:
            iri = graph.resolve(name, "term")
        except NameNotFound:
            raise missing from None
        if iri not in graph.names.instances("term") or not _is_organ(graph, iri):
            raise missing from None
        return iri, "organ"


def _is_organ(graph: GovGraph, iri: str) -> bool:
    return iri in graph.names.instances("organ")


def resolve_document(graph: GovGraph, name: str) -> str:
    """A document kind, or else a matter kind that is a document (a normative document)."""
    try:
        return graph.resolve(name, "document")
    except NameNotFound as missing:
        try:
            return graph.resolve(name, "matter")
        except NameNotFound:
            raise missing from None


# ── cards of meetings, documents, posts and organs ─────────────────────────────


def card(graph: GovGraph, kind: str, subject: str) -> Card:
    """Every rule that concerns ``subject`` (an IRI), grouped into one line per rule."""
    rows = graph.select("card-rules", subject=ox.NamedNode(subject))
    chains = graph._chains(ox.NamedNode(subject)) if any(row["chain"] for row in rows) else {}  # noqa: SLF001
    grouped: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        grouped[row["rule"].value].append(row)
    lines = [_line(graph, group, chains) for group in grouped.values()]
    # By part, then the regulation's order; in one article, what the meeting is (members, quorum,
    # frequency) before what is done on it, and powers by the rules before granted ones.
    lines.sort(key=lambda line: (PARTS.index(line.part), _ordinal(line.basis), line.act is not None, line.grantor is not None, line.rule.iri))
    return Card(kind, graph.named(subject), tuple(lines), graph.regulation)


def _ordinal(citation: Citation) -> tuple[int, str]:
    digits = "".join(ch for ch in citation.number if ch.isdigit())
    return (int(digits) if digits else 0, citation.number)


def _line(graph: GovGraph, rows: Sequence[Row], chains: dict[str, ApprovalChain]) -> CardLine:
    first = rows[0]
    named = graph.cite.named

    def every(column: str) -> tuple[Named, ...]:
        return tuple(sorted(unique_named(named(row[column]) for row in rows if row[column] is not None), key=lambda n: n.iri))

    chain = first["chain"]
    return CardLine(
        part=min((row["part"].value for row in rows), key=PARTS.index),
        rule=named(first["rule"]),
        kind=named(first["ruleType"]),
        act=named(first["ruleAction"]),
        holders=every("member") or every("assignee"),
        targets=every("ruleTarget"),
        recipients=every("recipient"),
        condition=graph.cite.text(first),
        basis=graph.cite.citation(first),
        agenda_kind=named(first["agendaKind"]),
        quorum=Fraction(int(first["numerator"].value), int(first["denominator"].value)) if first["numerator"] else None,
        quorum_inclusive=_bool(first["inclusive"]) if first["inclusive"] else None,
        frequency=_bounds(first, "minimumCount", None, "maximumCount", None),
        per_period=named(first["perPeriod"]),
        amount=_bounds(first, "minimumAmount", "minimumInclusive", "maximumAmount", "maximumInclusive"),
        conferral=named(first["conferral"]),
        grantor=named(first["grantor"]),
        on_behalf_of=named(first["onBehalfOf"]),
        chain=chains.get(chain.value) if chain is not None else None,
        if_necessary=_bool(first["ifNecessary"]),
    )


def _bounds(row: Row, low: str, low_inclusive: str | None, high: str, high_inclusive: str | None) -> Bounds | None:
    if row[low] is None and row[high] is None:
        return None
    return Bounds(
        minimum=float(row[low].value) if row[low] is not None else None,
        minimum_inclusive=_bool(row[low_inclusive]) if low_inclusive and row[low_inclusive] is not None else True,
        maximum=float(row[high].value) if row[high] is not None else None,
        maximum_inclusive=_bool(row[high_inclusive]) if high_inclusive and row[high_inclusive] is not None else True,
    )


def _bool(term: Any) -> bool:
    return term is not None and term.value in ("true", "1")


# ── the regulation's card ──────────────────────────────────────────────────────


def regulation_card(graph: GovGraph) -> RegulationCard:
    """The regulation the scope answers from, its dates, what it repeals and its chapters."""
    rows = graph.select("card-regulation")
    if not rows or graph.regulation is None:
        raise GovGraphError("this scope models no regulation: expected a rule base with gg:models")
    named, cite = graph.cite.named, graph.cite.optional_citation
    chapters = tuple(
        ChapterLine(named(row["item"]), row["itemNumber"].value, int(row["articleCount"].value), int(row["ruleCount"].value), cite(row))
        for row in rows
        if row["part"].value == "chapter"
    )
    in_force = next((cite(row) for row in rows if row["part"].value == "in-force"), None)
    repeals = tuple(
        (named(row["item"]), row["itemNumber"].value if row["itemNumber"] else None, cite(row) if row["article"] else None)
        for row in rows
        if row["part"].value == "repeals"
    )
    return RegulationCard(graph.regulation, in_force, repeals, chapters)


# ── never a false "no" ─────────────────────────────────────────────────────────


def why_none(graph: GovGraph, action: str, target: str, case_answers: Sequence[Any] = ()) -> NoAnswer:
    """Why ``who(action, target, …)`` found nothing: what was searched, and the nearest rules."""
    act, aimed = graph.resolve(action, "act"), graph.resolve(target, "term")
    searched = tuple(graph.named(row["searched"]) for row in graph.select("nearest-acts", action=ox.NamedNode(act)))
    base = {"act": graph.named(act), "target": graph.named(aimed), "acts_searched": searched, "regulation": graph.regulation}
    rows = graph.select("nearest-rules", action=ox.NamedNode(act), target=ox.NamedNode(aimed))
    kind = graph.named(rows[0]["targetKind"]) if rows and rows[0]["targetKind"] is not None else None
    base["target_kind"] = kind
    if case_answers:
        return NoAnswer("not-in-case", case_rules=tuple(case_answers), **base)
    same_act = [row for row in rows if row["relation"].value != "same-target"]
    kinds = unique_named(graph.named(row["ruleTargetKind"]) for row in same_act if row["ruleTargetKind"] is not None)
    if same_act and kind is not None and kind.iri not in {k.iri for k in kinds}:
        examples = unique_named(graph.named(row["ruleTarget"]) for row in same_act)
        return NoAnswer("not-applicable", applies_to=kinds, examples=examples[:8], **base)
    near = [row for row in rows if _is_near(row, kind)]
    return NoAnswer("no-rule", nearest=_near_rules(graph, near), **base)


def _is_near(row: Row, kind: Named | None) -> bool:
    """Other acts on the target, and the act on a narrower, wider or same kind of target."""
    if row["relation"].value != "same-act":
        return True
    return kind is not None and row["ruleTargetKind"] is not None and row["ruleTargetKind"].value == kind.iri


def _near_rules(graph: GovGraph, rows: Iterable[Row]) -> tuple[NearRule, ...]:
    grouped: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in rows:
        grouped[(row["rule"].value, row["ruleTarget"].value)].append(row)
    order = ("same-target", "narrower-target", "broader-target", "same-act")
    near = [
        NearRule(
            relation=group[0]["relation"].value,
            rule=graph.named(group[0]["rule"]),
            act=graph.named(group[0]["ruleAction"]),
            target=graph.named(group[0]["ruleTarget"]),
            holders=unique_named(graph.named(row["assignee"]) for row in group),
            basis=graph.cite.citation(group[0]),
        )
        for group in grouped.values()
    ]
    return tuple(sorted(near, key=lambda n: (order.index(n.relation), _ordinal(n.basis), n.rule.iri, n.target.iri)))
