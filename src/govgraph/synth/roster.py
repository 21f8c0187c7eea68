"""One government's year of records being written, and its roster: who holds which post.

A :class:`Year` carries what every kind of record needs: the rules, the profile, the
people and the departments, the records written so far and the violations still to
plant. :func:`roster` fills the posts the profile names, gives each department and
agency its head, and divides the departments among the deputies (their portfolios).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from .model import People, Person, Records, text
from .plants import Plants
from .profile import Calendar, Profile
from .rules import RuleBase


@dataclass
class Year:
    """One government's year of records being written."""

    rules: RuleBase
    profile: Profile
    index: int  #: 0 for the rule base's own government, n for made-up district n (the benchmarks')
    base: str  #: where its records are named
    government: str
    rng: random.Random
    out: Records
    people: People
    plants: Plants
    departments: list[str] = field(default_factory=list)
    unit_heads: dict[str, Person] = field(default_factory=dict)
    deputies: list[Person] = field(default_factory=list)
    conferrals: set[str] = field(default_factory=set)  #: conferral records written (one per signer and power)

    @property
    def calendar(self) -> Calendar:
        return self.profile.calendar

    @property
    def start(self) -> dt.datetime:
        return dt.datetime(self.profile.year, 1, 1)

    def holders(self, post: str, area: str | None = None) -> list[Person]:
        """Who holds ``post`` (or a post specialising it, or a post in the organ ``post``); for ``area``, the one in charge of it."""
        rules, in_charge = self.rules, self.profile.in_charge_post
        found = [p for p in self.people.everyone
                 if any(rules.holds(h, post) for h in p.posts) or any(rules.post_in.get(h) == post for h in p.posts)]
        if area is not None:
            scoped = [p for p in found if not (post == in_charge or rules.holds(in_charge, post) and in_charge in p.posts) or area in p.areas]
            found = [p for p in scoped if post != in_charge or area in p.areas]
        return found

    def first(self, post: str, area: str | None = None) -> Person:
        found = self.holders(post, area)
        if not found:
            raise ValueError(f"the profile fills no post {post}")
        return found[0]

    def unpermitted(self, posts: set[str]) -> Person:
        """Someone holding none of ``posts`` (nor a post specialising one): for planting."""
        return next(p for p in self.people.everyone if p.posts and not any(self.rules.holds(h, q) for h in p.posts for q in posts))

    def hold(self, someone: Person, post: str, organ: str | None = None, areas: list[str] = ()) -> None:
        self.people.hold(someone, post, self.government, self.start, organ=organ, areas=areas)


def roster(year: Year) -> None:
    """The posts filled, the heads of the departments and agencies, and the deputies' portfolios."""
    profile, people = year.profile, year.people
    for post, count in profile.roster:
        for _ in range(count):
            year.hold(people.person([post]), post)
    year.departments = [unit.iri(year.base) for unit in profile.departments]
    for units, kind in ((profile.departments, "gg:WorkingDepartment"), (profile.agencies, "gg:SubDistrictOffice")):
        for unit in units:
            if unit.term is None:
                year.out.add(unit.iri(year.base), ("a", kind), ("rdfs:label", text(unit.zh, "zh")), ("rdfs:label", text(unit.en, "en")))
    for unit in profile.departments:
        head = people.person([profile.department_post])
        year.hold(head, profile.department_post, unit.iri(year.base))
        year.unit_heads[unit.iri(year.base)] = head
    for unit in profile.agencies:
        year.hold(people.person([profile.agency_post]), profile.agency_post, unit.iri(year.base))
    in_charge = profile.in_charge_post
    year.deputies = [p for p in people.everyone if p.posts[0] in profile.in_charge_from]
    for i, deputy in enumerate(year.deputies):
        deputy.areas = year.departments[i :: len(year.deputies)]
        deputy.posts.append(in_charge)
        year.hold(deputy, in_charge, areas=deputy.areas)
