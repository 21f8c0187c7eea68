"""What the record generator needs to know of a rule base, each fact read by a named query.

The organisation (``authority-nodes``), the meetings' members and quorums (``quorum``),
who may convene, preside, attend or sign (``who``), competences (``decide``), approval
chains (``approval-chain``), document kinds (``document-kinds``), deadlines
(``deadlines``), leave (``leave``, ``absence-reasons``), what a submission needs
(``submission-rules``), duty (``duty-rules``) and the government (``government``).
Nothing here names a post, a meeting type, a threshold or an article: only the
ontology's acts the generator asks about.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .._core.errors import GovGraphError
from .._core.stores import Row
from .._core.terms import BY_RULE, GG
from ..answers.graph import GovGraph
from ..answers.loading import load

# The ontology's terms the generator reads rules by (the same in every rule base).
#: The acts whose rules say who may convene, preside, attend without membership and sign.
CONVENE, PRESIDE, ATTEND, SIGN = (GG + act for act in ("Convene", "Preside", "AttendWithoutMembership", "Sign"))
ASK_FOR_LEAVE = GG + "AskForLeave"
#: The acts whose time limits consultations, invitations and verification reports keep.
REPLY_TO_CONSULTATION, SEND_INVITATION, REPORT_BY_PHONE, REPORT_IN_WRITING = (
    GG + act for act in ("ReplyToConsultation", "SendInvitation", "ReportByPhone", "ReportInWriting"))
#: A time limit counted in working days.
WORKING_DAY = GG + "WorkingDay"
#: The role that stands for whoever presides over the meeting (a leave rule's recipient).
PRESIDING_OFFICER = GG + "PresidingOfficer"


@dataclass(frozen=True)
class Quorum:
    """How many of a meeting's members must be present: numerator/denominator, for an agenda kind or any."""

    numerator: int
    denominator: int
    agenda: str | None


@dataclass(frozen=True)
class Power:
    """A permission to act (convene, preside, attend, sign) on a target, and what it needs."""

    rule: str
    post: str
    act: str
    target: str
    conferral: str | None  #: the conferral (entrustment, authorisation) it needs; None: the rules give it
    grantor: str | None
    chain: str | None
    if_necessary: bool


@dataclass(frozen=True)
class Competence:
    """A matter a meeting decides, within amount bounds if any."""

    matter: str
    minimum: float | None
    minimum_inclusive: bool
    maximum: float | None
    maximum_inclusive: bool


@dataclass(frozen=True)
class Deadline:
    amount: float
    unit: str


@dataclass(frozen=True)
class LeaveRule:
    """Whom the holder of a post asks for leave (or reports an absence to), for which reasons."""

    rule: str
    asks: bool  #: asks for leave; otherwise reports the absence
    occasion: str
    recipient: str
    reasons: tuple[str, ...]


@dataclass
class RuleBase:
    """The facts of a rule base the generator needs, by IRI."""

    government: str
    specialises: dict[str, set[str]]  #: post -> posts it specialises (transitively)
    post_in: dict[str, str]  #: post -> organ
    members: dict[str, list[str]]  #: meeting type -> member posts
    quorums: dict[str, list[Quorum]]
    convene: dict[str, list[Power]]
    preside: dict[str, list[Power]]
    attend: dict[str, list[Power]]  #: meeting type -> who may attend without membership
    competences: dict[str, list[Competence]]  #: meeting type -> its competences
    sign: list[Power]
    chains: dict[str, list[tuple[int, str]]]  #: chain -> (step, approver) in order
    broader: dict[str, set[str]]  #: document kind -> kinds it counts as (itself included)
    deadlines: dict[str, Deadline]  #: act -> its time limit
    procedures: dict[str, list[tuple[str, str | None]]]  #: matter -> (act, performed by) before submission
    one_matter: set[str]
    no_request_in: set[str]
    leave: dict[str, list[LeaveRule]]  #: post -> leave rules for its holder
    duty_forbids: set[str]  #: "same-person", "non-staff" (duty-rules.rq)

    def holds(self, held: str, post: str) -> bool:
        """Whether holding ``held`` is holding ``post`` (itself or a post it specialises)."""
        return held == post or post in self.specialises.get(held, set())

    def leave_rules(self, posts: Iterable[str]) -> list[LeaveRule]:
        """The leave rules for whoever holds ``posts``, by rule and recipient."""
        found = {rule for post in posts for rule in self.leave.get(post, [])}
        return sorted(found, key=lambda r: (r.rule, r.recipient))


def read(rules: str | Path | None = None) -> RuleBase:
    """The facts of rule base ``rules`` (the default one if None) the generator needs."""
    return from_graph(load(rules))


def from_graph(graph: GovGraph) -> RuleBase:
    """The facts the generator needs, asked of a loaded rule base."""
    meeting_types = sorted(graph.names.instances("meeting"))
    posts, specialises, post_in = _organisation(graph)
    members, quorums = _meetings(graph, meeting_types, sorted(graph.names.instances("agenda")))
    broader, chains = _documents(graph)
    procedures, one_matter, no_request_in = _submissions(graph)
    return RuleBase(
        government=government(graph),
        specialises=specialises,
        post_in=post_in,
        members=members,
        quorums=quorums,
        convene=_powers(graph, CONVENE, meeting_types),
        preside=_powers(graph, PRESIDE, meeting_types),
        attend=_powers(graph, ATTEND, meeting_types),
        competences=_competences(graph),
        sign=_signing(graph, sorted(broader)),
        chains=chains,
        broader=broader,
        deadlines={_value(r["ruleAction"]): Deadline(float(r["amount"].value), _value(r["unit"])) for r in graph.select("deadlines")},
        procedures=procedures,
        one_matter=one_matter,
        no_request_in=no_request_in,
        leave=_leave(graph, posts),
        duty_forbids={r["forbids"].value for r in graph.select("duty-rules")},
    )


def government(graph: GovGraph) -> str:
    """The government the rule base's regulation governs."""
    rows = graph.select("government")
    if not rows:
        raise GovGraphError("the rule base names no government: expected a regulation with gg:jurisdiction")
    return rows[0]["government"].value


def _value(term: ox.NamedNode | ox.Literal | None) -> str | None:
    return None if term is None else term.value


def _organisation(graph: GovGraph) -> tuple[list[str], dict[str, set[str]], dict[str, str]]:
    """The posts, those each specialises (transitively), and the organ each sits in."""
    posts: set[str] = set()
    specialises: dict[str, set[str]] = defaultdict(set)
    post_in: dict[str, str] = {}
    for row in graph.select("authority-nodes"):
        if row["kind"].value != "post":
            continue
        post = row["node"].value
        posts.add(post)
        if row["postIn"] is not None:
            post_in[post] = row["postIn"].value
        if row["specialises"] is not None:
            specialises[post].add(row["specialises"].value)
    return sorted(posts), dict(specialises), post_in


def _meetings(graph: GovGraph, meeting_types: list[str], agenda_kinds: list[str]) -> tuple[dict, dict]:
    """Each meeting type's member posts, and its quorums: the general one and those for an agenda kind."""
    members: dict[str, list[str]] = {}
    quorums: dict[str, list[Quorum]] = {}
    for meeting in meeting_types:
        rows = graph.select("quorum", meeting=ox.NamedNode(meeting))
        listed = [row["member"].value for row in rows if row["member"] is not None]
        if listed:
            members[meeting] = list(dict.fromkeys(listed))
        found = _quorum(rows)
        for kind in agenda_kinds:
            rows = graph.select("quorum", meeting=ox.NamedNode(meeting), agendaKind=ox.NamedNode(kind))
            found += [quorum for quorum in _quorum(rows) if quorum.agenda is not None]
        if found:
            quorums[meeting] = found
    return members, quorums


def _quorum(rows: list[Row]) -> list[Quorum]:
    """The one quorum rule the rows of quorum.rq name, if one.

    For a meeting type with no quorum rule, quorum.rq gives every quorum rule of the rule
    base (its last OPTIONAL binds ?quorumRule afresh); GovGraph.quorum refuses such rows
    as several quorums, and so does this: no quorum.
    """
    rules = {row["quorumRule"].value: row for row in rows if row["numerator"] is not None}
    if len(rules) != 1:
        return []
    row = next(iter(rules.values()))
    return [Quorum(int(row["numerator"].value), int(row["denominator"].value), _value(row["quorumAgendaKind"]))]


def _powers(graph: GovGraph, act: str, targets: list[str]) -> dict[str, list[Power]]:
    """Who may do ``act`` (or a narrower act) on each target: the permissions, by rule and post."""
    powers: dict[str, list[Power]] = {}
    for target in targets:
        rows = graph.select("who", action=ox.NamedNode(act), target=ox.NamedNode(target))
        found = [_power(row, target) for row in rows if row["modality"].value == GG + "Permission"]
        if found:
            powers[target] = sorted(found, key=lambda p: (p.rule, p.post))
    return powers


def _power(row: Row, target: str) -> Power:
    conferral = row["conferral"].value
    return Power(
        rule=row["rule"].value,
        post=row["assignee"].value,
        act=row["ruleAction"].value,
        target=target,
        conferral=None if conferral == BY_RULE else conferral,
        grantor=_value(row["grantor"]),
        chain=_value(row["chain"]),
        if_necessary=row["ifNecessary"] is not None and row["ifNecessary"].value == "true",
    )


def _signing(graph: GovGraph, kinds: list[str]) -> list[Power]:
    """Who may sign each document kind, by rule, post and kind."""
    powers = [power for found in _powers(graph, SIGN, kinds).values() for power in found]
    return sorted(powers, key=lambda p: (p.rule, p.post, p.target))


def _competences(graph: GovGraph) -> dict[str, list[Competence]]:
    competences: dict[str, list[Competence]] = defaultdict(list)
    for row in graph.select("decide"):
        competences[row["meeting"].value].append(Competence(
            matter=row["matter"].value,
            minimum=None if row["minimumAmount"] is None else float(row["minimumAmount"].value),
            minimum_inclusive=_value(row["minimumInclusive"]) != "false",
            maximum=None if row["maximumAmount"] is None else float(row["maximumAmount"].value),
            maximum_inclusive=_value(row["maximumInclusive"]) != "false",
        ))
    return {meeting: sorted(found, key=lambda c: c.matter) for meeting, found in competences.items()}


def _documents(graph: GovGraph) -> tuple[dict[str, set[str]], dict[str, list[tuple[int, str]]]]:
    """Document kinds and the kinds each counts as; the approval chains before signing, step by step."""
    broader: dict[str, set[str]] = defaultdict(set)
    for row in graph.select("document-kinds"):
        broader[row["kind"].value].add(row["broader"].value)
    steps: dict[str, set[tuple[int, str]]] = defaultdict(set)
    for kind in sorted(broader):
        for row in graph.select("approval-chain", target=ox.NamedNode(kind)):
            if row["stepIndex"] is not None:
                steps[row["chain"].value].add((int(row["stepIndex"].value), row["approver"].value))
    return dict(broader), {chain: sorted(found) for chain, found in steps.items()}


def _submissions(graph: GovGraph) -> tuple[dict[str, list[tuple[str, str | None]]], set[str], set[str]]:
    """By matter kind: the procedures a submission needs first, and whether it must hold one matter or no request."""
    procedures: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    one_matter, no_request_in = set(), set()
    for row in graph.select("submission-rules"):
        matter, requirement = row["matter"].value, row["requirement"].value
        if requirement == "procedure":
            procedures[matter].append((row["requiredAct"].value, _value(row["performedBy"])))
        elif requirement == "one-matter":
            one_matter.add(matter)
        elif requirement == "no-request":
            no_request_in.add(matter)
    return dict(procedures), one_matter, no_request_in


def _leave(graph: GovGraph, posts: list[str]) -> dict[str, list[LeaveRule]]:
    """For each post, whom its holder asks for leave or reports an absence to, and for which reasons."""
    reasons: dict[str, list[str]] = defaultdict(list)
    for row in graph.select("absence-reasons"):
        reasons[row["rule"].value].append(row["reason"].value)
    leave: dict[str, list[LeaveRule]] = {}
    for post in posts:
        rows = graph.select("leave", post=ox.NamedNode(post))
        found = {
            LeaveRule(row["rule"].value, row["ruleAction"].value == ASK_FOR_LEAVE, row["occasion"].value,
                      row["recipient"].value, tuple(sorted(reasons.get(row["rule"].value, ()))))
            for row in rows
        }
        if found:
            leave[post] = sorted(found, key=lambda r: (r.rule, r.recipient))
    return leave
