"""The ways real working rules differ, applied to a synthetic government's rules as data.

Each synthetic government gets its own metadata (identifier, prefix, level, names) and one
mechanism of each kind, drawn from a seeded random generator:

- acting for an absent holder: as the template says (designation by the head), automatic
  by rule for one reason only (``gg:absenceReason gg:Abroad``), or an order of succession
  (``gg:successionRank`` 1, 2, …: the first present in rank order acts);
- quorum: at least (``gg:quorumInclusive true``) or strictly more than (``false``) the
  template's fraction (half, in Hongqiao's rules), counted over a subset of the members (``gg:quorumCountsOver`` one member post),
  or none (no quorum rule at all);
- money: the template's thresholds (scaled), or none (competences with no amount bound).

Everything is read from the triples: which rules act for whom, which rules are quorum
rules, who the members of a meeting are. No post, meeting or amount is named here.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

import pyoxigraph as ox

from .._core.terms import DCTERMS, ELI, GG, RDF_TYPE, RDFS_LABEL, VANN

ACTING = ("designation", "by-rule", "succession")
QUORUM = ("at-least-half", "more-than-half", "subset", "none")
THRESHOLD = ("threshold", "none")

_ABSENT_POST, _CONFERRAL, _GRANTOR, _REASON = GG + "absentPost", GG + "conferral", GG + "grantor", GG + "absenceReason"
_CONDITION, _RANK, _ABROAD = GG + "conditionLabel", GG + "successionRank", GG + "Abroad"
_QUORUM_RULE, _AGENDA, _INCLUSIVE, _COUNTS_OVER = GG + "QuorumRule", GG + "agendaKind", GG + "quorumInclusive", GG + "quorumCountsOver"
_TARGET, _MEMBER, _COMPOSITION = GG + "target", GG + "member", GG + "CompositionRule"
_BOUNDS = tuple(GG + name for name in ("minimumAmount", "minimumInclusive", "maximumAmount", "maximumInclusive"))
_IDENTIFIER, _PREFIX, _NAMESPACE = DCTERMS + "identifier", VANN + "preferredNamespacePrefix", VANN + "preferredNamespaceUri"
_LEVEL, _REPEALS, _MODELS = GG + "level", ELI + "repeals", GG + "models"
_XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


@dataclass(frozen=True)
class Mechanisms:
    """Which variant of each mechanism a synthetic government's rules use."""

    acting: str
    quorum: str
    threshold: str
    level: str

    @classmethod
    def draw(cls, rng: random.Random, levels: list[str]) -> Mechanisms:
        return cls(rng.choice(ACTING), rng.choice(QUORUM), rng.choice(THRESHOLD), rng.choice(levels) if levels else "")


Triples = list[ox.Triple]


def apply(triples: Triples, mechanisms: Mechanisms, rng: random.Random) -> Triples:
    """The rules with each mechanism varied as ``mechanisms`` says."""
    for vary in (_ACTING[mechanisms.acting], _QUORUM[mechanisms.quorum], _THRESHOLD[mechanisms.threshold]):
        triples = vary(triples, rng)
    return triples


def metadata(triples: Triples, *, identifier: str, prefix: str, namespace: str, level: str, suffix: str) -> Triples:
    """The government's own identifier, prefix, level and names; no repeal of the template's earlier version."""
    rule_bases = {t.subject for t in triples if t.predicate.value == _MODELS}
    regulations = {t.object for t in triples if t.predicate.value == _MODELS}
    named = rule_bases | regulations | {t.subject for t in triples if t.predicate.value == _IDENTIFIER}
    out = []
    for t in triples:
        p = t.predicate.value
        if p == _REPEALS:
            continue
        if p == _IDENTIFIER:
            t = ox.Triple(t.subject, t.predicate, ox.Literal(identifier))
        elif p == _PREFIX:
            t = ox.Triple(t.subject, t.predicate, ox.Literal(prefix))
        elif p == _NAMESPACE:
            t = ox.Triple(t.subject, t.predicate, ox.Literal(namespace))
        elif p == _LEVEL and level:
            t = ox.Triple(t.subject, t.predicate, ox.NamedNode(level))
        elif p == RDFS_LABEL and t.subject in named and isinstance(t.object, ox.Literal):
            t = ox.Triple(t.subject, t.predicate, ox.Literal(f"{t.object.value} {suffix}", language=t.object.language))
        out.append(t)
    return out


# ── acting ────────────────────────────────────────────────────────────────────────


def _acting_rules(triples: Triples) -> dict[ox.NamedNode, list[ox.Term]]:
    """The acting rules of each absent post, in the order of their IRIs."""
    found: dict[ox.NamedNode, set] = defaultdict(set)
    for t in triples:
        if t.predicate.value == _ABSENT_POST:
            found[t.object].add(t.subject)
    return {post: sorted(rules, key=str) for post, rules in found.items()}


def _by_rule(triples: Triples, rng: random.Random) -> Triples:
    """Each absent post: its first acting rule only, automatic, for one reason (abroad)."""
    rules = _acting_rules(triples)
    dropped = {rule for listed in rules.values() for rule in listed[1:]}
    kept = {listed[0] for listed in rules.values()}
    out = [t for t in triples if t.subject not in dropped and not (
        t.subject in kept and t.predicate.value in (_CONFERRAL, _GRANTOR, _REASON, _CONDITION))]
    out += [ox.Triple(rule, ox.NamedNode(_REASON), ox.NamedNode(_ABROAD)) for rule in sorted(kept, key=str)]
    return out


def _succession(triples: Triples, rng: random.Random) -> Triples:
    """Each absent post: its acting rules in an order of succession, automatic, the first present acting."""
    rules = _acting_rules(triples)
    ranked = {rule: rank for listed in rules.values() for rank, rule in enumerate(listed, 1)}
    out = [t for t in triples if not (t.subject in ranked and t.predicate.value in (_CONFERRAL, _GRANTOR, _CONDITION))]
    out += [ox.Triple(rule, ox.NamedNode(_RANK), ox.Literal(str(rank), datatype=_XSD_INTEGER))
            for rule, rank in sorted(ranked.items(), key=lambda item: str(item[0]))]
    return out


# ── quorum ────────────────────────────────────────────────────────────────────────


def _general_quorum_rules(triples: Triples) -> set:
    quorum = {t.subject for t in triples if t.predicate.value == RDF_TYPE and t.object.value == _QUORUM_RULE}
    return quorum - {t.subject for t in triples if t.predicate.value == _AGENDA}


def _more_than_half(triples: Triples, rng: random.Random) -> Triples:
    general = _general_quorum_rules(triples)
    return [ox.Triple(t.subject, t.predicate, ox.Literal("false", datatype=t.object.datatype))
            if t.subject in general and t.predicate.value == _INCLUSIVE else t for t in triples]


def _subset(triples: Triples, rng: random.Random) -> Triples:
    """Each general quorum counts over one post among its meeting's members."""
    compositions = {t.subject for t in triples if t.predicate.value == RDF_TYPE and t.object.value == _COMPOSITION}
    meeting_of = {t.subject: t.object for t in triples if t.predicate.value == _TARGET}
    members: dict[ox.Term, set] = defaultdict(set)
    for t in triples:
        if t.predicate.value == _MEMBER and t.subject in compositions:
            members[meeting_of.get(t.subject)].add(t.object)
    out = list(triples)
    for rule in sorted(_general_quorum_rules(triples), key=str):
        listed = sorted(members.get(meeting_of.get(rule), ()), key=str)
        if listed:
            out.append(ox.Triple(rule, ox.NamedNode(_COUNTS_OVER), rng.choice(listed)))
    return out


def _no_quorum(triples: Triples, rng: random.Random) -> Triples:
    quorum = {t.subject for t in triples if t.predicate.value == RDF_TYPE and t.object.value == _QUORUM_RULE}
    return [t for t in triples if t.subject not in quorum]


def _no_threshold(triples: Triples, rng: random.Random) -> Triples:
    return [t for t in triples if t.predicate.value not in _BOUNDS]


def _same(triples: Triples, rng: random.Random) -> Triples:
    return triples


def _at_least(triples: Triples, rng: random.Random) -> Triples:
    general = _general_quorum_rules(triples)
    return [ox.Triple(t.subject, t.predicate, ox.Literal("true", datatype=t.object.datatype))
            if t.subject in general and t.predicate.value == _INCLUSIVE else t for t in triples]


_ACTING: dict[str, Callable[[Triples, random.Random], Triples]] = {"designation": _same, "by-rule": _by_rule, "succession": _succession}
_QUORUM: dict[str, Callable[[Triples, random.Random], Triples]] = {
    "at-least-half": _at_least, "more-than-half": _more_than_half, "subset": _subset, "none": _no_quorum}
_THRESHOLD: dict[str, Callable[[Triples, random.Random], Triples]] = {"threshold": _same, "none": _no_threshold}
