"""Who holds a power: everyone who may, one post's ways to it, and who holds what while some posts are away.

In a scenario an absent post (or one that specialises an absent post) holds nothing; acting rules
hold when their absence is among those given (``acts-for.rq``: reason and length must fit); in an
order of succession (``gg:successionRank``) only the first rule whose assignee is present holds; a
grant needs its grantor present, unless the rule itself is about the grantor's absence, or
``standing_grants`` lets grants made before the absence stand.

This is the one absence logic: ``chain --absent`` plays it for every power, ``who_while_away``
for one (``who --absent``), and ``who.rq`` states the same rule for a single absent post.
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import pyoxigraph as ox

from .._core.cite import Text
from .._core.words import table as words_table
from .._core.words import word
from ..answers.graph import GovGraph
from ..answers.model import AnswerList
from .build import Model, model_of
from .model import Absence, Gap, Holding, Scenario
from .routes import with_routes


def holders(graph: GovGraph, act: str, target: str, absences: Iterable[Absence | str] = ()) -> AnswerList[Holding]:
    """Everyone who may come to hold the power (act, target): directly, through others, or acting.

    With ``absences``, only those who hold it in that scenario.
    """
    key = (graph.resolve(act, "act"), graph.resolve(target, "term"))
    chosen = _absences(graph, absences)
    if chosen:
        return AnswerList(play_scenario(graph, chosen).holders(*key))
    model = model_of(graph)
    return AnswerList(with_routes(model, n) for n in model.norms if n.power.key == key)


def path_to_power(
    graph: GovGraph, post: str, act: str, target: str, absences: Iterable[Absence | str] = ()
) -> AnswerList[Holding]:
    """The ways ``post`` may come to hold the power (act, target), each with its route and articles.

    A rule naming a post that ``post`` specialises counts (``via`` says which).
    """
    iri = graph.resolve(post, "post")
    return AnswerList(_as_post(graph, iri, holders(graph, act, target, absences)))


def powers_of(graph: GovGraph, post: str, absences: Iterable[Absence | str] = ()) -> AnswerList[Holding]:
    """Every power ``post`` holds, directly or through others (with ``absences``: in that scenario)."""
    model = model_of(graph)
    iri = graph.resolve(post, "post")
    chosen = _absences(graph, absences)
    pool = play_scenario(graph, chosen).holdings if chosen else [with_routes(model, n) for n in model.norms]
    return AnswerList(sorted(
        _as_post(graph, iri, pool),
        key=lambda h: (not h.direct, h.how, h.power.act.iri, h.power.target.iri, h.rule.iri),
    ))


def who_while_away(
    graph: GovGraph, act: str, target: str, absences: Iterable[Absence | str], *, standing_grants: bool = False
) -> tuple[list[Holding], list[Holding]]:
    """Who holds the power (act, target) while ``absences`` last, and the grants that wait for an
    absent grantor (each with ``blocked_by``): the scenario of ``chain --absent``, for one power."""
    key = (graph.resolve(act, "act"), graph.resolve(target, "term"))
    scenario = play_scenario(graph, absences, standing_grants=standing_grants)
    return scenario.holders(*key), [h for h in scenario.blocked if h.power.key == key]


def why_waiting(holding: Holding) -> Text | None:
    """Why a grant does not hold in a scenario, in words: it needs its grantor's act, and the
    grantor is away (None for a holding that does not wait)."""
    if holding.blocked_by is None:
        return None
    key = f"absence.grant_{holding.how}"
    grant = {lang: word(key, lang) if key in words_table() else holding.how for lang in ("zh", "en")}
    return Text(*(word("absence.waits_for", lang, grantor=holding.blocked_by.label(lang), grant=grant[lang]) for lang in ("zh", "en")))


def play_scenario(graph: GovGraph, absences: Iterable[Absence | str], *, standing_grants: bool = False) -> Scenario:
    """Who holds each power, and by which chain, while the given posts are away.

    ``absences`` are ``Absence`` records or post names (any reason, any length).
    """
    model = model_of(graph)
    chosen = _absences(graph, absences)
    away = _away(model, chosen)
    triggered = _first_present(model, chosen, away, _triggered(model, chosen))
    held, blocked = _available(model, away, triggered, standing_grants)
    return Scenario(
        absences=chosen,
        holdings=tuple(with_routes(model, h) for h in held),
        blocked=tuple(with_routes(model, h) for h in blocked),
        gaps=tuple(_gaps_in(model, held, away, triggered, standing_grants)),
        away=away,
    )


def _absences(graph: GovGraph, absences: Iterable[Absence | str]) -> tuple[Absence, ...]:
    return tuple(a if isinstance(a, Absence) else Absence.of(graph, a) for a in absences)


def _as_post(graph: GovGraph, iri: str, holdings: Iterable[Holding]) -> list[Holding]:
    """The holdings of the post ``iri`` or a post it specialises, seen from it (``via``: the post the rule names)."""
    general = model_of(graph).generalisations(iri)
    return [
        h if h.post.iri == iri else replace(h, post=graph.names.named(iri), via=h.post) for h in holdings if h.post.iri in general
    ]


def _away(model: Model, absences: Sequence[Absence]) -> frozenset[str]:
    named = {a.post.iri for a in absences}
    return frozenset(n for n in model.nodes if n in named or model.specialises.get(n, set()) & named) | named


@dataclass(frozen=True)
class _Successor:
    """An acting rule's place in an order of succession: for one absent post, act and target."""

    rule: str
    assignee: str
    order: tuple[str, str, str]
    rank: int


#: The acting rules with a succession rank that each absence brings into force, per graph.
_SUCCESSORS: weakref.WeakKeyDictionary[GovGraph, dict[Absence, tuple[_Successor, ...]]] = weakref.WeakKeyDictionary()


def _triggered(model: Model, absences: Sequence[Absence]) -> set[str]:
    """The rules an absence brings into force (``acts-for.rq``: reason and length must fit)."""
    rules: set[str] = set()
    successors = _SUCCESSORS.setdefault(model.graph, {})
    for absence in absences:
        if absence not in model.triggers:
            rows = model.graph.select(
                "acts-for",
                absentPost=ox.NamedNode(absence.post.iri),
                absenceReason=ox.NamedNode(absence.reason.iri) if absence.reason else None,
                absenceDuration=ox.NamedNode(absence.duration.iri) if absence.duration else None,
            )
            model.triggers[absence] = frozenset(model.graph.cite.required(row, "rule").iri for row in rows)
            successors[absence] = tuple(
                _Successor(
                    row["rule"].value,
                    row["assignee"].value,
                    (absence.post.iri, row["ruleAction"].value, row["target"].value),
                    int(row["successionRank"].value),
                )
                for row in rows
                if row["successionRank"] is not None
            )
        rules.update(model.triggers[absence])
    return rules


def _first_present(model: Model, absences: Sequence[Absence], away: frozenset[str], triggered: set[str]) -> set[str]:
    """The triggered rules less, in each order of succession, every rule after the first whose assignee is present."""
    orders: dict[tuple[str, str, str], list[_Successor]] = defaultdict(list)
    for absence in absences:
        for successor in _SUCCESSORS.get(model.graph, {}).get(absence, ()):
            orders[successor.order].append(successor)
    later: set[str] = set()
    for successors in orders.values():
        present = [s for s in sorted(successors, key=lambda s: s.rank) if s.assignee not in away]
        later.update(s.rule for s in present[1:])
    return triggered - later


def _available(
    model: Model, away: frozenset[str], triggered: set[str], standing_grants: bool
) -> tuple[list[Holding], list[Holding]]:
    """The holdings that stand in the scenario, and those whose grant waits for an absent grantor."""
    held: list[Holding] = []
    blocked: list[Holding] = []
    for norm in model.norms:
        if norm.absent_post is not None and norm.rule.iri not in triggered:
            continue
        if norm.post.iri in away:
            continue
        grantor = norm.grantor
        grantor_away = grantor is not None and grantor.iri in away
        foreseen = norm.absent_post is not None and grantor is not None and norm.absent_post.iri == grantor.iri
        if grantor_away and not foreseen and not standing_grants:
            blocked.append(replace(norm, blocked_by=grantor))
        else:
            held.append(norm)
    return held, blocked


def _gaps_in(model: Model, held: list[Holding], away: frozenset[str], triggered: set[str], standing_grants: bool) -> list[Gap]:
    """Powers held with nobody away, or called for by a triggered rule, that nobody holds now."""
    baseline, _ = _available(model, frozenset(), set(), standing_grants)
    needed = {h.power.key: h.power for h in baseline}
    needed.update({n.power.key: n.power for n in model.norms if n.rule.iri in triggered})
    held_keys = {h.power.key for h in held}
    # Whoever acts for an absent post on a target covers that post's powers on the target
    # (taking over a portfolio covers handling it).
    covered = {(h.on_behalf_of.iri, h.power.target.iri) for h in held if h.absent_post is not None and h.on_behalf_of is not None}
    every: dict[tuple[str, str], list[Holding]] = defaultdict(list)
    for n in model.norms:
        every[n.power.key].append(n)
    gaps = []
    for key, power in sorted(needed.items()):
        relevant = [n for n in every[key] if n.absent_post is None or n.rule.iri in triggered]
        if key in held_keys or any((n.post.iri, key[1]) in covered for n in relevant):
            continue
        lost = [
            with_routes(model, replace(n, blocked_by=n.grantor if n.grantor and n.grantor.iri in away else None))
            for n in relevant
        ]
        gaps.append(Gap(power, tuple(lost)))
    return gaps
