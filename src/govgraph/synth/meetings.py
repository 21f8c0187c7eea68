"""Meetings held: who convened and presided, the members present, invitees, agenda items, leave and minutes.

Each meeting type the profile names is held as often as it says, through the year. The
rule base says who may preside (by the rules, or when entrusted), who may convene, who
the members are, the quorum (for an agenda kind or any), what the meeting decides and
within which amounts, and whom an absent member asks for leave.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from .model import Person, Value, at, boolean, number, text
from .roster import Year
from .rules import PRESIDING_OFFICER, Competence, Quorum

#: The plants made in meetings, in the order a meeting is tried for them.
PLANTS = ("presider-without-entrustment", "personnel-quorum", "quorum", "minutes-signer", "competence", "meeting-leave")


@dataclass
class Meeting:
    """One meeting being written."""

    iri: str
    kind: str  #: its meeting type
    k: int  #: its number within its type, from 0
    when: dt.datetime
    members: list[Person]
    quorum: list[Quorum]
    personnel: str | None = None  #: the agenda kind of its personnel item, if it has one
    need: int = 0  #: members who must be present
    absent_count: int = 0
    plant: str | None = None
    pairs: list[tuple[str, Value]] = field(default_factory=list)


def meetings(year: Year) -> None:
    """Every meeting the profile says was held."""
    held = 0
    for kind, count in year.profile.meetings:
        for k in range(count):
            held += 1
            meeting(year, kind, k, count, held)


def meeting(year: Year, kind: str, k: int, count: int, held: int) -> None:
    """Meeting ``k`` of ``count`` of a type, the ``held``-th of the year: its record and those it needs."""
    rules, calendar = year.rules, year.calendar
    day = calendar.workday(int((k + 0.5) * len(calendar.workdays) / count) + year.index)
    iri = f"{year.base}meeting/{held:03d}"
    presider = _presider(year, kind, k)
    if presider is None:
        return
    members = sorted({p.iri: p for post in rules.members.get(kind, []) for p in year.holders(post)}.values(), key=lambda p: p.iri)
    m = Meeting(iri, kind, k, dt.datetime.combine(day, dt.time(9, 30)), members, rules.quorums.get(kind, []))
    labels = year.profile.labels["meeting"]
    m.pairs = [("a", "gg:MeetingRecord"), ("gg:meetingType", kind), ("gg:heldAt", at(m.when)), ("gg:ofGovernment", year.government)]
    m.pairs += [("rdfs:label", text(labels[lang].format(day=day.isoformat(), n=held), lang)) for lang in ("zh", "en")]
    # Every fourth meeting of a type whose quorum is higher for an agenda kind has an item of that kind.
    m.personnel = next((q.agenda for q in m.quorum if q.agenda), None) if k % 4 == 1 else None
    m.need = max((-(-q.numerator * len(members) // q.denominator) for q in m.quorum if q.agenda in (None, m.personnel)), default=0)
    m.absent_count = min(year.rng.choice((0, 0, 1, 2)), max(len(members) - m.need, 0))
    _choose_plant(year, m)
    presider = _entrusted(year, m) or presider
    m.pairs += [("gg:presidedBy", presider.iri), ("gg:convenedBy", presider.iri)]
    others = [p for p in members if p.iri != presider.iri]
    absent = year.rng.sample(others, min(m.absent_count, len(others))) if m.absent_count else []
    m.pairs += [("gg:attendee", p.iri) for p in members if p not in absent]
    if kind in rules.attend and k % 3 == 0:
        m.pairs += [("gg:invitee", year.people.person([]).iri) for _ in range(2)]
    _agenda(year, m)
    _leave_of_the_absent(year, m, absent, presider)
    _minutes(year, m, presider)
    year.out.add(m.iri, *m.pairs)
    if m.plant in ("presider-without-entrustment", "personnel-quorum", "quorum"):
        year.plants.plant(m.plant, m.iri)


def _presider(year: Year, kind: str, k: int) -> Person | None:
    """Who presides by the rules alone, or else one of those who may convene, in turn; None if no one may."""
    by_rule = [power for power in year.rules.preside.get(kind, []) if not power.conferral]
    if by_rule:
        return year.first(by_rule[0].post)
    candidates = [p for power in year.rules.convene.get(kind, []) for p in year.holders(power.post)]
    return candidates[(k + 1) % len(candidates)] if candidates else None


def _choose_plant(year: Year, m: Meeting) -> None:
    """Whether a violation is planted in this meeting, and which; a quorum plant leaves too few present."""
    rules, plants = year.rules, year.plants
    entrustable = any(power.conferral for power in rules.preside.get(m.kind, []))
    by_rule = any(not power.conferral for power in rules.preside.get(m.kind, []))
    bounded = any(c.maximum is not None for c in rules.competences.get(m.kind, []))
    # Which meeting of its type each plant is made in (the profile's `meeting`), and what the meeting must be like.
    fits = {
        "presider-without-entrustment": lambda position: entrustable and m.k == position,
        "personnel-quorum": lambda position: m.personnel is not None,
        "quorum": lambda position: m.quorum and not m.personnel and m.k == position and not any(q.agenda for q in m.quorum),
        "minutes-signer": lambda position: not by_rule and m.k == position,
        "competence": lambda position: m.k == position and bounded,
        "meeting-leave": lambda position: m.k == position and m.quorum and m.absent_count == 0 and len(m.members) > m.need,
    }
    m.plant = next((name for name in PLANTS if plants.wants(name) is not None and fits[name](plants.wants(name).get("meeting"))), None)
    if m.plant == "meeting-leave":
        m.absent_count = 1
    elif m.plant in ("personnel-quorum", "quorum"):
        quorum = next(q for q in m.quorum if q.agenda == m.personnel) if m.plant == "personnel-quorum" else m.quorum[0]
        m.absent_count = len(m.members) - (quorum.numerator * len(m.members) - 1) // quorum.denominator


def _entrusted(year: Year, m: Meeting) -> Person | None:
    """The deputy presiding when entrusted: with the entrustment on record in the profile's meeting, without it when planted."""
    entrusted = next((power for power in year.rules.preside.get(m.kind, []) if power.conferral), None)
    if entrusted is None or m.plant != "presider-without-entrustment" and m.k != year.profile.entrusted_meeting:
        return None
    presider = year.first(entrusted.post)
    if m.plant != "presider-without-entrustment":
        year.out.add(f"{m.iri}/entrustment", ("a", "gg:ConferralRecord"), ("gg:conferralKindGiven", entrusted.conferral),
                     ("gg:giver", year.first(entrusted.grantor).iri), ("gg:receiver", presider.iri), ("gg:scopeTarget", m.kind),
                     ("gg:validFrom", at(m.when - dt.timedelta(days=1))), ("gg:validUntil", at(m.when + dt.timedelta(days=1))))
    return presider


def _agenda(year: Year, m: Meeting) -> None:
    """The items decided: matters the meeting decides, within their amounts; one at the bound when planted."""
    competences = year.rules.competences.get(m.kind, [])
    for j in range(1 + m.k % 3):
        item = f"{m.iri}/item/{j + 1}"
        pairs: list[tuple[str, Value]] = [("a", "gg:AgendaItemRecord"), ("gg:decided", boolean(True))]
        if competences:
            competence = competences[(m.k + j) % len(competences)]
            pairs.append(("gg:matterKind", competence.matter))
            if competence.minimum is not None or competence.maximum is not None:
                pairs.append(("gg:amount", number(_amount_within(competence, year.rng), "decimal")))
        if m.personnel and j == 0:
            pairs.append(("gg:agendaKind", m.personnel))
        year.out.add(item, *pairs)
        m.pairs.append(("gg:agendaItem", item))
    if m.plant == "competence":
        competence = next(c for c in competences if c.maximum is not None)
        amount = f"{competence.maximum + (1 if competence.maximum_inclusive else 0):.0f}"
        item = f"{m.iri}/item/9"
        year.out.add(item, ("a", "gg:AgendaItemRecord"), ("gg:decided", boolean(True)), ("gg:matterKind", competence.matter),
                     ("gg:amount", number(amount, "decimal")))
        m.pairs.append(("gg:agendaItem", item))
        year.plants.plant("competence", m.iri, amount=amount)


def _amount_within(competence: Competence, rng: random.Random) -> str:
    """A sum of money the competence's bounds admit, rounded to ten thousand yuan where that stays within them."""
    low = competence.minimum if competence.minimum is not None else 0.0
    high = competence.maximum if competence.maximum is not None else low * 4 or 1e7
    if competence.minimum is not None and not competence.minimum_inclusive:
        low += 1
    if competence.maximum is not None:
        high -= 1
    amount = rng.uniform(max(low, 1e5) if competence.minimum is None else low, high)
    rounded = round(amount, -4)
    return f"{rounded:.0f}" if low <= rounded <= high else f"{amount:.0f}"


def _leave_of_the_absent(year: Year, m: Meeting, absent: list[Person], presider: Person) -> None:
    """Each absent member asked the presiding officer for leave (someone else, when planted)."""
    for j, someone in enumerate(absent):
        rule = next((r for r in year.rules.leave_rules(someone.posts) if r.asks and r.recipient == PRESIDING_OFFICER), None)
        if rule is None:
            continue
        leave, asked = f"{m.iri}/leave/{j + 1}", presider
        if m.plant == "meeting-leave" and j == 0:
            posts = {power.post for power in year.rules.preside.get(m.kind, [])} | set(year.rules.members.get(m.kind, []))
            asked = year.unpermitted(posts)
            year.plants.plant("meeting-leave", leave)
        year.out.add(leave, ("a", "gg:LeaveRecord"), ("gg:leaveOf", someone.iri), ("gg:askedOf", asked.iri), ("gg:grantedBy", asked.iri),
                     ("gg:matterKind", rule.occasion), ("gg:forMeeting", m.iri), ("gg:askedAt", at(m.when - dt.timedelta(days=1))))


def _minutes(year: Year, m: Meeting, presider: Person) -> None:
    """The minutes, signed by whoever presided (by someone else, when planted)."""
    minutes, signer = f"{m.iri}/minutes", presider
    if m.plant == "minutes-signer":
        signer = year.unpermitted(set(presider.posts))
        year.plants.plant("minutes-signer", m.iri)
    year.out.add(minutes, ("a", "gg:DocumentRecord"), ("gg:signedBy", signer.iri), ("gg:signedAt", at(m.when + dt.timedelta(days=2))))
    m.pairs.append(("gg:minutes", minutes))
