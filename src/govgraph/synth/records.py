"""Made-up but realistic records for a rule base: a roster, meetings, documents, duty shifts.

What to make comes from two places, never from this module: the rule base (meeting
types and their members, quorums, who may convene, preside and sign which document
kind after which approval chain, competences by amount, deadlines, whom leave is
asked of) and a profile (``records/profile.toml``: which posts are filled by how many
people, the departments, how many meetings and documents, the holiday calendar).
Everything generated conforms to the rules, except the planted violations, each
derived from a rule of the rule base and listed by :func:`district` as it plants it.

    python -m govgraph.records_synth data/<jurisdiction>/records       # writes records.ttl + calendar
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .._core.stores import open_store
from .._core.terms import GG
from ..law import jurisdictions

ORG = "http://www.w3.org/ns/org#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PREFIXES = f"PREFIX gg: <{GG}>\nPREFIX org: <{ORG}>\nPREFIX skos: <{SKOS}>\n"

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红建国志红海波宁凯辉鹏飞斌颖琳晨雪梅立新文博宇浩然思源嘉怡子轩雨欣"


# ── What the rule base says, read once ──────────────────────────────────────────


@dataclass
class RuleBase:
    """The facts of a rule base the generator needs, by IRI."""

    government: str
    specialises: dict[str, set[str]]  #: post → posts it specialises (transitively)
    post_in: dict[str, str]  #: post → organ
    members: dict[str, list[str]]  #: meeting type → member posts
    quorums: dict[str, list[tuple[int, int, bool, str | None]]]  #: type → (n, d, inclusive, agenda kind)
    preside: dict[str, list[dict]]
    convene: dict[str, list[dict]]
    competences: dict[str, list[dict]]  #: meeting type → competences
    sign: list[dict]  #: sign permissions with target, post, conferral, grantor, chain, if_necessary
    chains: dict[str, list[tuple[int, str]]]
    broader: dict[str, set[str]]  #: document kind → kinds it is a narrower kind of (reflexive)
    deadlines: dict[str, dict]  #: act → amount, unit, direction
    required: list[dict]  #: prohibitions on submission without a required act
    one_matter: set[str]
    no_request_in: set[str]
    leave: list[dict]
    report_leave: list[dict]
    same_person: bool
    non_staff: bool
    invitee_posts: dict[str, set[str]]

    def holds(self, held: str, post: str) -> bool:
        return held == post or post in self.specialises.get(held, set())


def _rows(store: ox.Store, query: str) -> list[dict[str, str | None]]:
    solutions = store.query(PREFIXES + query)
    names = [v.value for v in solutions.variables]
    return [{n: (s[n].value if s[n] is not None else None) for n in names} for s in solutions]


def read_rule_base(rules: str | Path | None = None) -> RuleBase:
    juris = jurisdictions.find(rules)
    store = open_store([*jurisdictions.ontology_files(), *juris.files()]).native
    specialises: dict[str, set[str]] = defaultdict(set)
    for r in _rows(store, "SELECT ?a ?b WHERE { ?a gg:specialises+ ?b }"):
        specialises[r["a"]].add(r["b"])
    post_in = {r["p"]: r["o"] for r in _rows(store, "SELECT ?p ?o WHERE { ?p a gg:Post ; org:postIn ?o }")}
    members: dict[str, list[str]] = defaultdict(list)
    for r in _rows(store, "SELECT ?t ?m WHERE { ?c a gg:CompositionRule ; gg:target ?t ; gg:member ?m . ?t a gg:MeetingType } ORDER BY ?m"):
        members[r["t"]].append(r["m"])
    quorums: dict[str, list] = defaultdict(list)
    for r in _rows(store, """SELECT ?t ?n ?d ?i ?k WHERE { ?r a gg:QuorumRule ; gg:target ?t ; gg:quorumNumerator ?n ;
                              gg:quorumDenominator ?d ; gg:quorumInclusive ?i . OPTIONAL { ?r gg:agendaKind ?k } }"""):
        quorums[r["t"]].append((int(r["n"]), int(r["d"]), r["i"] == "true", r["k"]))

    def permissions(act_pattern: str) -> list[dict]:
        return _rows(store, f"""SELECT ?rule ?target ?post ?act ?conferral ?grantor ?chain ?ifNecessary WHERE {{
            ?rule a gg:Permission ; gg:action ?act ; gg:target ?target ; gg:assignee ?post . {act_pattern}
            OPTIONAL {{ ?rule gg:conferral ?conferral ; gg:grantor ?grantor }}
            OPTIONAL {{ ?rule gg:afterApprovalChain ?chain }}
            OPTIONAL {{ ?rule gg:ifNecessary ?ifNecessary }} }} ORDER BY ?rule ?post""")

    def by_target(rows: list[dict]) -> dict[str, list[dict]]:
        grouped: dict[str, list[dict]] = defaultdict(list)
        for row in rows:
            grouped[row["target"]].append(row)
        return grouped

    competences: dict[str, list[dict]] = defaultdict(list)
    for r in _rows(store, """SELECT ?t ?matter ?min ?minI ?max ?maxI WHERE { ?r a gg:Competence ; gg:assignee ?t ; gg:target ?matter .
                             OPTIONAL { ?r gg:minimumAmount ?min } OPTIONAL { ?r gg:minimumInclusive ?minI }
                             OPTIONAL { ?r gg:maximumAmount ?max } OPTIONAL { ?r gg:maximumInclusive ?maxI } } ORDER BY ?matter"""):
        competences[r["t"]].append(r)
    chains: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for r in _rows(store, "SELECT ?c ?i ?a WHERE { ?c gg:hasStep ?s . ?s gg:stepIndex ?i ; gg:approver ?a } ORDER BY ?c ?i"):
        chains[r["c"]].append((int(r["i"]), r["a"]))
    broader: dict[str, set[str]] = defaultdict(set)
    for r in _rows(store, "SELECT ?k ?b WHERE { ?k a gg:DocumentKind ; skos:broader* ?b }"):
        broader[r["k"]].add(r["b"])
    deadlines = {
        r["act"]: {"amount": float(r["amount"]), "unit": r["unit"], "direction": r["direction"]}
        for r in _rows(store, """SELECT ?act ?amount ?unit ?direction WHERE { ?r gg:action ?act ; gg:deadline ?d .
                                 ?d gg:deadlineAmount ?amount ; gg:deadlineUnit ?unit ; gg:deadlineDirection ?direction }""")
    }
    required = _rows(store, """SELECT ?matter ?act ?by WHERE { ?r a gg:Prohibition ; gg:action gg:SubmitToGovernment ;
                               gg:target ?matter ; gg:requiredAct ?act .
                               OPTIONAL { ?d a gg:Duty ; gg:action ?act ; gg:target ?matter ; gg:assignee ?by } }""")
    leave = _rows(store, """SELECT ?rule ?matter ?post ?recipient ?reason WHERE { ?rule a gg:Duty ; gg:action gg:AskForLeave ;
                            gg:target ?matter ; gg:assignee ?post ; gg:recipient ?recipient .
                            OPTIONAL { ?rule gg:absenceReason ?reason } } ORDER BY ?rule ?recipient ?reason""")
    report_leave = _rows(store, """SELECT ?matter ?post ?recipient WHERE { ?rule a gg:Duty ; gg:action gg:ReportLeave ;
                                   gg:target ?matter ; gg:assignee ?post ; gg:recipient ?recipient }""")
    invitee_posts: dict[str, set[str]] = defaultdict(set)
    for r in permissions("FILTER (?act = gg:AttendWithoutMembership)"):
        invitee_posts[r["target"]].add(r["post"])
    government = _rows(store, "SELECT ?g WHERE { ?reg gg:jurisdiction ?g }")[0]["g"]
    return RuleBase(
        government=government,
        specialises=specialises,
        post_in=post_in,
        members=members,
        quorums=quorums,
        preside=by_target(permissions("FILTER (?act = gg:Preside)")),
        convene=by_target(permissions("FILTER (?act = gg:Convene)")),
        competences=competences,
        sign=permissions("?act skos:broader* gg:Sign ."),
        chains=chains,
        broader=broader,
        deadlines=deadlines,
        required=required,
        one_matter={r["m"] for r in _rows(store, "SELECT ?m WHERE { ?r gg:action gg:LimitToOneMatter ; gg:target ?m }")},
        no_request_in={r["m"] for r in _rows(store, "SELECT ?m WHERE { ?r gg:action gg:IncludeRequestInReport ; gg:target ?m }")},
        leave=leave,
        report_leave=report_leave,
        same_person=bool(_rows(store, "SELECT ?r WHERE { ?r gg:action gg:AssignSamePersonDutyAndLead }")),
        non_staff=bool(_rows(store, "SELECT ?r WHERE { ?r gg:action gg:AssignNonStaffToDuty }")),
        invitee_posts=invitee_posts,
    )


# ── The calendar ────────────────────────────────────────────────────────────────


def working_days(holidays: dict) -> list[tuple[dt.date, bool]]:
    """Each day of the year and whether it is a working day, from the holiday data."""
    year = int(holidays["year"])
    off = {dt.date.fromisoformat(d) for d in holidays.get("days_off", [])}
    worked = {dt.date.fromisoformat(d) for d in holidays.get("weekend_days_worked", [])}
    day, days = dt.date(year, 1, 1), []
    while day.year == year:
        working = day in worked or (day.weekday() < 5 and day not in off)
        days.append((day, working))
        day += dt.timedelta(days=1)
    return days


def calendar_turtle(holidays: dict, base: str) -> str:
    lines = [_header(), f"# The working-day calendar of {holidays['year']}, generated from holidays.toml by govgraph.records_synth.", ""]
    count = 0
    for day, working in working_days(holidays):
        count += working
        lines.append(
            f"<{base}calendar/{day.isoformat()}> a gg:CalendarEntry ; gg:calendarDate \"{day.isoformat()}T00:00:00\"^^xsd:dateTime ;"
            f" gg:isWorkingDay {'true' if working else 'false'} ; gg:workingDaysToDate {count} ."
        )
    return "\n".join(lines) + "\n"


def _header() -> str:
    return (
        f"@prefix gg: <{GG}> .\n@prefix org: <{ORG}> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
    )


# ── One district-year of records ────────────────────────────────────────────────


@dataclass
class Person:
    iri: str
    name: str
    posts: list[str] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)


@dataclass
class Planted:
    """A violation planted on purpose: the record, the shape that must find it, the article."""

    record: str
    shape: str
    what: str


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, subject: str, *pairs: tuple[str, str]) -> None:
        body = " ;\n    ".join(f"{p} {o}" for p, o in pairs)
        self.lines.append(f"<{subject}> {body} .")


def _t(moment: dt.datetime) -> str:
    return f"\"{moment.isoformat(timespec='seconds')}\"^^xsd:dateTime"


def _s(text: str, lang: str | None = None) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"@{lang}' if lang else f'"{escaped}"'


def district(rb: RuleBase, profile: dict, holidays: dict, index: int = 0, *, plant: bool = True) -> tuple[str, list[Planted]]:
    """Turtle for one district-year, and the violations planted in it.

    District 0 is the rule base's own government; others are made-up governments that
    share its rule base (for the benchmark).
    """
    rng = random.Random(int(profile.get("seed", 0)) + index)
    prefixes = profile.get("prefixes", {})
    base = f"{prefixes.get('hq', 'urn:govgraph:')}records/" + (f"d{index:03d}/" if index else "")

    def iri(curie: str) -> str:
        prefix, _, local = curie.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + local
        return f"{base}{prefix}/{local}"

    out = _Writer()
    planted: list[Planted] = []
    year = int(profile["year"])
    days = working_days(holidays)
    workdays = [d for d, w in days if w]
    counts = _running_counts(days)

    government = rb.government if index == 0 else f"{base}government"
    if index:
        out.add(government, ("a", "gg:PeoplesGovernment"), ("rdfs:label", _s(f"模拟政府{index:03d}", "zh")),
                ("rdfs:label", _s(f"Simulated district government {index:03d}", "en")))

    # ── roster ────────────────────────────────────────────────────────────────
    people: list[Person] = []
    used_names: set[str] = set()

    def person(posts: list[str], status: str = "gg:RegularStaff") -> Person:
        while True:
            name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
            if name not in used_names:
                used_names.add(name)
                break
        p = Person(f"{base}person/{len(people) + 1:04d}", name, list(posts))
        people.append(p)
        out.add(p.iri, ("a", "gg:Person"), ("rdfs:label", _s(name)), ("gg:employmentStatus", status))
        return p

    start = dt.datetime(year, 1, 1)

    def hold(p: Person, post: str, organ: str | None = None, areas: list[str] = ()) -> None:
        holding = f"{base}holding/{p.iri.rsplit('/', 1)[-1]}-{post.rsplit('/', 1)[-1]}"
        pairs = [("a", "gg:PortfolioAssignment" if areas else "gg:PostHolding"), ("org:member", f"<{p.iri}>"),
                 ("gg:holdsPost", f"<{post}>"), ("gg:ofGovernment", f"<{government}>"), ("gg:validFrom", _t(start))]
        if organ:
            pairs.append(("org:organization", f"<{organ}>"))
        pairs += [("gg:inChargeOf", f"<{a}>") for a in areas]
        out.add(holding, *pairs)

    for curie, count in profile["roster"].items():
        for _ in range(int(count)):
            p = person([iri(curie)])
            hold(p, iri(curie))
    units = profile["heads_of_units"]
    departments = [iri(d[0]) for d in units["departments"]]
    for curie, zh, en in units["departments"] + units["agencies"]:
        if not curie.startswith("hq:"):
            kind = "gg:WorkingDepartment" if curie.startswith("dept:") else "gg:SubDistrictOffice"
            out.add(iri(curie), ("a", kind), ("rdfs:label", _s(zh, "zh")), ("rdfs:label", _s(en, "en")))
    unit_heads: dict[str, Person] = {}
    for curie, _zh, _en in units["departments"]:
        p = person([iri(units["department_post"])])
        hold(p, iri(units["department_post"]), iri(curie))
        unit_heads[iri(curie)] = p
    for curie, _zh, _en in units["agencies"]:
        p = person([iri(units["agency_post"])])
        hold(p, iri(units["agency_post"]), iri(curie))
    in_charge = iri(units["in_charge_post"])
    deputies = [p for p in people if any(p.posts[0] == iri(c) for c in units["in_charge_from"])]
    for i, deputy in enumerate(deputies):
        deputy.areas = departments[i :: len(deputies)]
        deputy.posts.append(in_charge)
        hold(deputy, in_charge, areas=deputy.areas)

    def holders(post: str, area: str | None = None) -> list[Person]:
        found = [p for p in people if any(rb.holds(h, post) for h in p.posts) or any(rb.post_in.get(h) == post for h in p.posts)]
        if area is not None:
            scoped = [p for p in found if not (post == in_charge or rb.holds(in_charge, post) and in_charge in p.posts) or area in p.areas]
            found = [p for p in scoped if post != in_charge or area in p.areas]
        return found

    def first(post: str, area: str | None = None) -> Person:
        found = holders(post, area)
        if not found:
            raise ValueError(f"the profile fills no post {post}")
        return found[0]

    def unpermitted(posts: set[str]) -> Person:
        """Someone holding none of ``posts`` (nor a post specialising one): for planting."""
        return next(p for p in people if p.posts and not any(rb.holds(h, q) for h in p.posts for q in posts))

    def workday(i: int) -> dt.date:
        return workdays[i % len(workdays)]

    # ── meetings ───────────────────────────────────────────────────────────────
    plants_left = set(_PLANTS) if plant else set()
    meeting_no = 0
    for type_curie, count in profile["meetings"].items():
        mtype = iri(type_curie)
        member_posts = rb.members.get(mtype, [])
        members = sorted({p.iri: p for post in member_posts for p in holders(post)}.values(), key=lambda p: p.iri)
        presiders = [r for r in rb.preside.get(mtype, []) if not r["conferral"]]
        conveners = rb.convene.get(mtype, [])
        for k in range(int(count)):
            meeting_no += 1
            day = workday(int((k + 0.5) * len(workdays) / int(count)) + index)
            when = dt.datetime.combine(day, dt.time(9, 30))
            m = f"{base}meeting/{meeting_no:03d}"
            if presiders:
                presider = first(presiders[0]["post"])
            elif conveners:
                candidates = [p for r in conveners for p in holders(r["post"])]
                presider = candidates[(k + 1) % len(candidates)]
            else:
                continue
            convener = presider
            pairs = [("a", "gg:MeetingRecord"), ("gg:meetingType", f"<{mtype}>"), ("gg:heldAt", _t(when)),
                     ("gg:ofGovernment", f"<{government}>"), ("rdfs:label", _s(f"{day.isoformat()} 会议{meeting_no:03d}", "zh")),
                     ("rdfs:label", _s(f"meeting {meeting_no:03d} of {day.isoformat()}", "en"))]
            quorum = rb.quorums.get(mtype, [])
            personnel = next((q[3] for q in quorum if q[3]), None) if k % 4 == 1 else None
            need = max((-(-n * len(members) // d) for n, d, _i, kind in quorum if kind is None or kind == personnel), default=0)
            absent_count = min(rng.choice((0, 0, 1, 2)), max(len(members) - need, 0))
            plant_here = None
            if "presider-without-entrustment" in plants_left and mtype in rb.preside and any(r["conferral"] for r in rb.preside[mtype]) and k == 3:
                plant_here = "presider-without-entrustment"
            elif "personnel-quorum" in plants_left and personnel:
                plant_here = "personnel-quorum"
            elif "quorum" in plants_left and quorum and not personnel and k == 5 and not any(q[3] for q in quorum):
                plant_here = "quorum"
            elif "minutes-signer" in plants_left and not presiders and k == 2:
                plant_here = "minutes-signer"
            elif "competence" in plants_left and k == 4 and any(c["max"] for c in rb.competences.get(mtype, [])):
                plant_here = "competence"
            elif "meeting-leave" in plants_left and k == 6 and quorum and absent_count == 0 and len(members) > need:
                plant_here = "meeting-leave"
                absent_count = 1
            if plant_here == "personnel-quorum":
                n, d = next((n, d) for n, d, _i, kind in quorum if kind == personnel)
                present_target = (n * len(members) - 1) // d  # just below the fraction
                absent_count = len(members) - present_target
            if plant_here == "quorum":
                n, d = quorum[0][0], quorum[0][1]
                absent_count = len(members) - ((n * len(members) - 1) // d)
            if plant_here == "presider-without-entrustment":
                entrusted = next(r for r in rb.preside[mtype] if r["conferral"])
                presider = first(entrusted["post"])
            elif mtype in rb.preside and k == 7:
                # a valid entrustment: the deputy presides with a record of it
                entrusted = next((r for r in rb.preside[mtype] if r["conferral"]), None)
                if entrusted:
                    presider = first(entrusted["post"])
                    giver = first(entrusted["grantor"])
                    conferral = f"{m}/entrustment"
                    out.add(conferral, ("a", "gg:ConferralRecord"), ("gg:conferralKindGiven", f"<{entrusted['conferral']}>"),
                            ("gg:giver", f"<{giver.iri}>"), ("gg:receiver", f"<{presider.iri}>"), ("gg:scopeTarget", f"<{mtype}>"),
                            ("gg:validFrom", _t(when - dt.timedelta(days=1))), ("gg:validUntil", _t(when + dt.timedelta(days=1))))
            convener = presider
            pairs += [("gg:presidedBy", f"<{presider.iri}>"), ("gg:convenedBy", f"<{convener.iri}>")]
            others = [p for p in members if p.iri != presider.iri]
            absent = rng.sample(others, min(absent_count, len(others))) if absent_count else []
            present = [p for p in members if p not in absent]
            pairs += [("gg:attendee", f"<{p.iri}>") for p in present]
            if mtype in rb.invitee_posts and k % 3 == 0:
                for j in range(2):
                    guest = person([])
                    pairs.append(("gg:invitee", f"<{guest.iri}>"))
            # agenda items
            comps = rb.competences.get(mtype, [])
            for j in range(1 + (k % 3)):
                item = f"{m}/item/{j + 1}"
                ipairs = [("a", "gg:AgendaItemRecord"), ("gg:decided", "true")]
                if comps:
                    comp = comps[(k + j) % len(comps)]
                    ipairs.append(("gg:matterKind", f"<{comp['matter']}>"))
                    if comp["min"] or comp["max"]:
                        ipairs.append(("gg:amount", f"\"{_amount_within(comp, rng)}\"^^xsd:decimal"))
                if personnel and j == 0:
                    ipairs.append(("gg:agendaKind", f"<{personnel}>"))
                out.add(item, *ipairs)
                pairs.append(("gg:agendaItem", f"<{item}>"))
            if plant_here == "competence":
                comp = next(c for c in comps if c["max"])
                amount = float(comp["max"]) + (0 if comp["maxI"] == "false" else 1)
                item = f"{m}/item/9"
                out.add(item, ("a", "gg:AgendaItemRecord"), ("gg:decided", "true"), ("gg:matterKind", f"<{comp['matter']}>"),
                        ("gg:amount", f"\"{amount:.0f}\"^^xsd:decimal"))
                pairs.append(("gg:agendaItem", f"<{item}>"))
                planted.append(Planted(m, "CompetenceByAmount", f"decided {amount:.0f} yuan, at the bound its competence excludes"))
            # leave of the absent members
            for j, p in enumerate(absent):
                rule = next((r for r in rb.leave if r["recipient"] == GG + "PresidingOfficer" and any(rb.holds(h, r["post"]) for h in p.posts)), None)
                if rule is None:
                    continue
                asked = presider
                if plant_here == "meeting-leave" and j == 0:
                    asked = unpermitted({r["post"] for r in rb.preside.get(mtype, [])} | set(member_posts))
                    planted.append(Planted(f"{m}/leave/{j + 1}", "LeaveRecipient", "a member asked someone other than the presiding officer for leave"))
                out.add(f"{m}/leave/{j + 1}", ("a", "gg:LeaveRecord"), ("gg:leaveOf", f"<{p.iri}>"), ("gg:askedOf", f"<{asked.iri}>"),
                        ("gg:grantedBy", f"<{asked.iri}>"), ("gg:matterKind", f"<{rule['matter']}>"), ("gg:forMeeting", f"<{m}>"),
                        ("gg:askedAt", _t(when - dt.timedelta(days=1))))
            # minutes
            minutes = f"{m}/minutes"
            signer = presider
            if plant_here == "minutes-signer":
                signer = unpermitted({h for h in presider.posts})
                planted.append(Planted(m, "MinutesSigner-advisory", "minutes signed by someone other than the presiding deputy"))
            out.add(minutes, ("a", "gg:DocumentRecord"), ("gg:signedBy", f"<{signer.iri}>"), ("gg:signedAt", _t(when + dt.timedelta(days=2))))
            pairs.append(("gg:minutes", f"<{minutes}>"))
            out.add(m, *pairs)
            if plant_here == "personnel-quorum":
                planted.append(Planted(m, "Quorum", "a personnel item with fewer members present than the fraction its rule asks"))
            elif plant_here == "quorum":
                planted.append(Planted(m, "Quorum", "fewer members present than the quorum"))
            elif plant_here == "presider-without-entrustment":
                planted.append(Planted(m, "ConvenerAndPresider", "convened by a deputy with no entrustment on record"))
                planted.append(Planted(m, "ConvenerAndPresider", "presided by a deputy with no entrustment on record"))
            if plant_here:
                plants_left.discard(plant_here)

    # ── documents signed ───────────────────────────────────────────────────────
    doc_no = 0
    conferrals: set[str] = set()
    for kind_curie, count in profile["documents"].items():
        kind = iri(kind_curie)
        applicable = [r for r in rb.sign if r["target"] in rb.broader.get(kind, {kind})]
        nearest = [r for r in applicable if not any(o["target"] != r["target"] and r["target"] in rb.broader.get(o["target"], set()) for o in applicable)]
        plain = [r for r in nearest if not r["ifNecessary"]] or nearest
        for k in range(int(count)):
            doc_no += 1
            d = f"{base}document/{doc_no:04d}"
            day = workday(rng.randrange(len(workdays)))
            area = departments[(doc_no * 7) % len(departments)]
            rule = plain[k % len(plain)] if plain else None
            pairs = [("a", "gg:DocumentRecord"), ("gg:documentKind", f"<{kind}>"), ("gg:concernsArea", f"<{area}>"),
                     ("eli:id_local", _s(profile.get("document_number", "{year}-{n}").format(year=year, n=doc_no)))]
            if rule is None:
                out.add(d, *pairs)
                continue
            signer = first(rule["post"], area)
            if rule["conferral"]:
                giver = first(rule["grantor"])
                conferral = f"{base}conferral/{rule['rule'].rsplit('/', 1)[-1]}-{rule['target'].rsplit('/', 1)[-1]}-{signer.iri.rsplit('/', 1)[-1]}"
                if conferral not in conferrals:
                    conferrals.add(conferral)
                    out.add(conferral, ("a", "gg:ConferralRecord"), ("gg:conferralKindGiven", f"<{rule['conferral']}>"),
                            ("gg:giver", f"<{giver.iri}>"), ("gg:receiver", f"<{signer.iri}>"), ("gg:scopeAct", f"<{rule['act']}>"),
                            ("gg:scopeTarget", f"<{rule['target']}>"), ("gg:validFrom", _t(start)))
                pairs.append(("gg:reliesOn", f"<{conferral}>"))
            steps = rb.chains.get(rule["chain"] or "", [])
            skip_step = None
            if "signer" in plants_left and not rule["conferral"]:
                signer = unpermitted({r["post"] for r in applicable})
                plants_left.discard("signer")
                planted.append(Planted(d, "Signer", "signed by someone no permission for the document kind names"))
            elif "chain-step" in plants_left and len(steps) >= 3:
                skip_step = steps[1][0]
                plants_left.discard("chain-step")
                planted.append(Planted(d, "ApprovalChain", f"approval step {skip_step} of the chain missing"))
            for index_, (step, approver_post) in enumerate(steps):
                if step == skip_step:
                    continue
                approver = first(approver_post, area)
                approval = f"{d}/approval/{step}"
                out.add(approval, ("a", "gg:ApprovalRecord"), ("gg:approvedBy", f"<{approver.iri}>"),
                        ("gg:approvedAt", _t(dt.datetime.combine(day, dt.time(9 + index_, 0)))))
                pairs.append(("gg:approval", f"<{approval}>"))
            pairs += [("gg:signedBy", f"<{signer.iri}>"), ("gg:signedAt", _t(dt.datetime.combine(day, dt.time(16, 30))))]
            out.add(d, *pairs)

    # ── submissions from departments, consultations ───────────────────────────
    submission_kind = iri(profile["submissions"]["kind"])
    reply = rb.deadlines.get(GG + "ReplyToConsultation")
    for matter_curie, count in profile["submissions"].items():
        if matter_curie == "kind":
            continue
        matter = iri(matter_curie)
        needs = [r for r in rb.required if r["matter"] == matter]
        for k in range(int(count)):
            doc_no += 1
            d = f"{base}document/{doc_no:04d}"
            i = rng.randrange(5, len(workdays) - 5)
            day = workdays[i]
            sender = departments[(doc_no * 5) % len(departments)]
            submitted = dt.datetime.combine(day, dt.time(15, 0))
            pairs = [("a", "gg:DocumentRecord"), ("gg:documentKind", f"<{submission_kind}>"), ("gg:matterKind", f"<{matter}>"),
                     ("gg:fromDepartment", f"<{sender}>"), ("gg:concernsArea", f"<{sender}>"), ("gg:submittedAt", _t(submitted))]
            if matter in rb.one_matter:
                matters = 1
                if "one-matter" in plants_left:
                    matters = 3
                    plants_left.discard("one-matter")
                    planted.append(Planted(d, "OneMatter", "a request asking about three matters"))
                pairs.append(("gg:matterCount", str(matters)))
            if matter in rb.no_request_in:
                carries = "false"
                if "request-in-report" in plants_left:
                    carries = "true"
                    plants_left.discard("request-in-report")
                    planted.append(Planted(d, "NoRequestInReport", "a report carrying a request for instructions"))
                pairs.append(("gg:carriesRequest", carries))
            for need in needs:
                if "legality" in plants_left:
                    plants_left.discard("legality")
                    planted.append(Planted(d, "RequiredProcedure", "submitted with no legality review on record"))
                    continue
                procedure = f"{d}/procedure"
                ppairs = [("a", "gg:ProcedureRecord"), ("gg:procedureAct", f"<{need['act']}>"), ("gg:passed", "true"),
                          ("gg:performedAt", _t(submitted - dt.timedelta(days=3)))]
                if need["by"]:
                    ppairs.append(("gg:performedBy", f"<{need['by']}>"))
                out.add(procedure, *ppairs)
                pairs.append(("gg:procedure", f"<{procedure}>"))
            out.add(d, *pairs)
            if matter in rb.one_matter and reply and k % 2 == 0:
                c = f"{d}/consultation"
                sent_day = workdays[i - 4]
                late = False
                if "reply-late" in plants_left and sent_day.weekday() == 4:
                    late = True
                elif "reply-late" in plants_left and k > 20:
                    # move to a Friday before a plain weekend for the planted case
                    friday = next((w for w in workdays[max(i - 10, 0) : i] if w.weekday() == 4 and _nth_working_after(days, counts, w, 3)), None)
                    if friday is not None:
                        sent_day, late = friday, True
                allowed = int(reply["amount"]) if reply["unit"] == GG + "WorkingDay" else 1
                nth = allowed + 1 if late else rng.randint(1, allowed)
                replied_day = _nth_working_after(days, counts, sent_day, nth)
                consulted = departments[(doc_no * 3 + 1) % len(departments)]
                out.add(c, ("a", "gg:ConsultationRecord"), ("gg:consultingDepartment", f"<{sender}>"),
                        ("gg:consultedDepartment", f"<{consulted}>"), ("gg:aboutDocument", f"<{d}>"),
                        ("gg:sentAt", _t(dt.datetime.combine(sent_day, dt.time(10, 0)))),
                        ("gg:repliedAt", _t(dt.datetime.combine(replied_day, dt.time(17, 0)))))
                if late:
                    plants_left.discard("reply-late")
                    planted.append(Planted(c, "Deadline-advisory", f"reply on working day {nth} after a consultation sent on a Friday"))

    # ── invitations, verification, duty, leave ─────────────────────────────────
    activity = profile["activity"]
    invite = rb.deadlines.get(GG + "SendInvitation")
    leaders = [p for p in deputies] or people[:1]
    for k in range(int(activity["invitations"])) if invite else ():
        event = dt.datetime.combine(workday(rng.randrange(10, len(workdays))), dt.time(14, 0))
        ahead = int(invite["amount"]) + rng.randint(1, 6)
        if "invitation-late" in plants_left:
            ahead = max(int(invite["amount"]) - 2, 0)
            plants_left.discard("invitation-late")
            planted.append(Planted(f"{base}invitation/{k + 1:03d}", "Deadline-advisory", f"invitation sent {ahead} days ahead"))
        out.add(f"{base}invitation/{k + 1:03d}", ("a", "gg:InvitationRecord"),
                ("gg:invitingDepartment", f"<{departments[k % len(departments)]}>"), ("gg:invitedLeader", f"<{leaders[k % len(leaders)].iri}>"),
                ("gg:eventAt", _t(event)), ("gg:sentAt", _t(event - dt.timedelta(days=ahead, hours=5))))
    phone = rb.deadlines.get(GG + "ReportByPhone")
    written = rb.deadlines.get(GG + "ReportInWriting")
    for k in range(int(activity["verifications"])):
        requested = dt.datetime.combine(days[rng.randrange(len(days))][0], dt.time(rng.randint(7, 21), rng.randint(0, 59)))
        pairs = [("a", "gg:VerificationRecord"), ("gg:reportingDepartment", f"<{departments[(k * 3) % len(departments)]}>"),
                 ("gg:requestedAt", _t(requested))]
        v = f"{base}verification/{k + 1:03d}"
        if phone:
            minutes = rng.randint(5, int(phone["amount"]))
            if "phone-late" in plants_left:
                minutes = int(phone["amount"]) + 6
                plants_left.discard("phone-late")
                planted.append(Planted(v, "Deadline", f"phoned {minutes} minutes after the request"))
            pairs.append(("gg:phonedAt", _t(requested + dt.timedelta(minutes=minutes))))
        if written:
            minutes = rng.randint(int(phone["amount"]) + 1 if phone else 5, int(written["amount"]))
            if "written-late" in plants_left and not any(p.record == v for p in planted):
                minutes = int(written["amount"]) + 5
                plants_left.discard("written-late")
                planted.append(Planted(v, "Deadline", f"written report {minutes} minutes after the request"))
            pairs.append(("gg:writtenAt", _t(requested + dt.timedelta(minutes=minutes))))
        out.add(v, *pairs)

    for n, unit in enumerate(departments[: int(activity["duty_departments"])]):
        staff = [person([]) for _ in range(4)]
        leads = [unit_heads[unit]] + [person([]) for _ in range(1)]
        temp = person([], "gg:TemporaryHire") if rb.non_staff and "temporary-on-duty" in plants_left else None
        for j, (day, _w) in enumerate(days):
            s = f"{base}shift/{n + 1:02d}/{day.isoformat()}"
            on = staff[j % len(staff)]
            lead = leads[j % len(leads)]
            if j == 100 + n and "same-person" in plants_left and rb.same_person:
                on = lead
                plants_left.discard("same-person")
                planted.append(Planted(s, "SamePersonOnDutyAndLeading", "one person both on duty and leading the shift"))
            elif temp is not None and j == 200:
                on = temp
                plants_left.discard("temporary-on-duty")
                planted.append(Planted(s, "NonRegularStaffOnDuty", "a temporary hire on duty"))
                temp = None
            begin = dt.datetime.combine(day, dt.time(8, 30))
            out.add(s, ("a", "gg:DutyShiftRecord"), ("gg:dutyDepartment", f"<{unit}>"), ("gg:shiftStart", _t(begin)),
                    ("gg:shiftEnd", _t(begin + dt.timedelta(days=1))), ("gg:onDuty", f"<{on.iri}>"), ("gg:leadingDuty", f"<{lead.iri}>"))

    work_rules = [r for r in rb.leave if r["recipient"] != GG + "PresidingOfficer" and r["reason"]]
    for k in range(int(activity["leave_notices"])):
        p = deputies[k % len(deputies)] if deputies else people[0]
        rule = next((r for r in work_rules if any(rb.holds(h, r["post"]) for h in p.posts)), None)
        if rule is None:
            continue
        reasons = sorted({r["reason"] for r in work_rules if r["rule"] == rule["rule"]})
        begin = dt.datetime.combine(workday(rng.randrange(len(workdays))), dt.time(8, 0))
        asked = first(rule["recipient"])
        lv = f"{base}leave/{k + 1:03d}"
        if "work-leave" in plants_left:
            asked = unpermitted({rule["recipient"]} | set(p.posts))
            plants_left.discard("work-leave")
            planted.append(Planted(lv, "LeaveRecipient", "a deputy asked someone other than the rule's recipient for leave"))
        pairs = [("a", "gg:LeaveRecord"), ("gg:leaveOf", f"<{p.iri}>"), ("gg:askedOf", f"<{asked.iri}>"),
                 ("gg:grantedBy", f"<{asked.iri}>"), ("gg:matterKind", f"<{rule['matter']}>"),
                 ("gg:leaveReason", f"<{reasons[k % len(reasons)]}>"), ("gg:askedAt", _t(begin - dt.timedelta(days=2))),
                 ("gg:validFrom", _t(begin)), ("gg:validUntil", _t(begin + dt.timedelta(days=2)))]
        pairs += [("gg:reportedTo", f"<{r['recipient']}>") for r in rb.report_leave if any(rb.holds(h, r["post"]) for h in p.posts)]
        out.add(lv, *pairs)

    text = _header() + "@prefix eli: <http://data.europa.eu/eli/ontology#> .\n\n" + "\n".join(out.lines) + "\n"
    return text, planted


_PLANTS = (
    "personnel-quorum", "quorum", "presider-without-entrustment", "competence", "minutes-signer", "meeting-leave",
    "signer", "chain-step", "legality", "one-matter", "request-in-report", "reply-late", "invitation-late",
    "phone-late", "written-late", "same-person", "temporary-on-duty", "work-leave",
)


def _amount_within(competence: dict, rng: random.Random) -> str:
    low = float(competence["min"]) if competence["min"] else 0.0
    high = float(competence["max"]) if competence["max"] else low * 4 or 1e7
    if competence["min"] and competence["minI"] == "false":
        low += 1
    if competence["max"]:
        high -= 1
    amount = rng.uniform(max(low, 1e5) if not competence["min"] else low, high)
    return f"{round(amount, -4):.0f}" if round(amount, -4) >= low and round(amount, -4) <= high else f"{amount:.0f}"


def _running_counts(days: list[tuple[dt.date, bool]]) -> dict[dt.date, int]:
    counts, total = {}, 0
    for day, working in days:
        total += working
        counts[day] = total
    return counts


def _nth_working_after(days: list, counts: dict, day: dt.date, n: int) -> dt.date | None:
    target = counts[day] + n
    return next((d for d, w in days if w and counts[d] == target), None)


# ── Command line ────────────────────────────────────────────────────────────────


def load_profile(folder: Path) -> tuple[dict, dict]:
    profile = tomllib.loads((folder / "profile.toml").read_text(encoding="utf-8"))
    holidays = tomllib.loads((folder / "holidays.toml").read_text(encoding="utf-8"))
    return profile, holidays


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write a made-up year of records for a rule base.")
    parser.add_argument("folder", type=Path, help="folder holding profile.toml and holidays.toml; records are written here")
    parser.add_argument("--rules", help="rule base (default: data/catalog.toml's)")
    args = parser.parse_args(argv)
    profile, holidays = load_profile(args.folder)
    rb = read_rule_base(args.rules)
    text, planted = district(rb, profile, holidays)
    base = f"{profile['prefixes']['hq']}records/"
    (args.folder / f"calendar-{holidays['year']}.ttl").write_text(calendar_turtle(holidays, base), encoding="utf-8")
    (args.folder / "records.ttl").write_text(text, encoding="utf-8")
    for p in planted:
        print(f"{p.shape}\t{p.record}\t{p.what}")


if __name__ == "__main__":
    main()
