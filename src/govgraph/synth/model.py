"""The record model: records as triples, and the two records every other kind builds on.

A record is a subject with (property, value) pairs in the records vocabulary
(``ontology/records.ttl``), kept in the order written so that the same inputs give the
same file. A person holds a post through a ``gg:PostHolding`` (an ``org:Membership``:
``org:member``, ``gg:holdsPost``, ``gg:ofGovernment``, ``gg:validFrom``/``gg:validUntil``),
as the shapes read it, in the sample year and in the synthetic jurisdictions alike.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox

from .._core.terms import ELI, GG, ORG, RDF_TYPE, RDFS, XSD

#: The prefixes records are written with (properties and classes of the records vocabulary).
PREFIXES = {"gg": GG, "org": ORG, "rdfs": RDFS, "xsd": XSD, "eli": ELI}

Value = ox.NamedNode | ox.Literal | str


def records_base(namespace: str) -> str:
    """Where a government's records are named: under its rule base's namespace."""
    return f"{namespace}records/"


def namespace_of(iri: str) -> str:
    """The namespace of a term: its IRI up to the last / or #."""
    return iri[: max(iri.rfind("/"), iri.rfind("#")) + 1]


def node(value: str) -> ox.NamedNode:
    """A term from a CURIE of the records' prefixes (``gg:Person``), ``a``, or an IRI."""
    if value == "a":
        return ox.NamedNode(RDF_TYPE)
    prefix, _, local = value.partition(":")
    return ox.NamedNode(PREFIXES[prefix] + local if prefix in PREFIXES else value)


def at(moment: dt.datetime) -> ox.Literal:
    return ox.Literal(moment.isoformat(timespec="seconds"), datatype=ox.NamedNode(XSD + "dateTime"))


def text(value: str, language: str | None = None) -> ox.Literal:
    return ox.Literal(value, language=language) if language else ox.Literal(value)


def number(value: int | str, datatype: str = "integer") -> ox.Literal:
    return ox.Literal(str(value), datatype=ox.NamedNode(XSD + datatype))


def boolean(value: bool) -> ox.Literal:
    return ox.Literal("true" if value else "false", datatype=ox.NamedNode(XSD + "boolean"))


class Records:
    """Records as triples, in the order they were written."""

    def __init__(self) -> None:
        self.triples: list[ox.Triple] = []

    def add(self, subject: str, *pairs: tuple[str, Value]) -> None:
        """One record: ``subject`` with each (property, value); a str value is a CURIE or an IRI."""
        about = ox.NamedNode(subject)
        for predicate, value in pairs:
            self.triples.append(ox.Triple(about, node(predicate), node(value) if isinstance(value, str) else value))

    def turtle(self, comment: str) -> str:
        """The records as Turtle, after a ``#`` comment saying what they are."""
        body = ox.serialize(self.triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES).decode("utf-8")
        return "".join(f"# {line}\n" for line in comment.splitlines()) + "\n" + body


@dataclass
class Person:
    iri: str
    name: str
    posts: list[str] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)


@dataclass
class People:
    """The people of one government, named from a profile's surnames and given names."""

    out: Records
    rng: random.Random
    base: str
    surnames: str
    given_names: str
    everyone: list[Person] = field(default_factory=list)
    names: set[str] = field(default_factory=set)

    def person(self, posts: Sequence[str] = (), status: str = "gg:RegularStaff") -> Person:
        """A new person (a ``gg:Person`` record with a made-up name no one else has)."""
        while True:
            name = self.rng.choice(self.surnames) + "".join(self.rng.choice(self.given_names) for _ in range(self.rng.choice((1, 2))))
            if name not in self.names:
                self.names.add(name)
                break
        someone = Person(f"{self.base}person/{len(self.everyone) + 1:04d}", name, list(posts))
        self.everyone.append(someone)
        self.out.add(someone.iri, ("a", "gg:Person"), ("rdfs:label", text(name)), ("gg:employmentStatus", status))
        return someone

    def hold(self, someone: Person, post: str, government: str, start: dt.datetime, *, until: dt.datetime | None = None,
             organ: str | None = None, areas: Sequence[str] = ()) -> None:
        """A post held: a ``gg:PostHolding`` (a ``gg:PortfolioAssignment`` when held for ``areas``)."""
        holding = f"{self.base}holding/{someone.iri.rsplit('/', 1)[-1]}-{post.rsplit('/', 1)[-1]}"
        pairs: list[tuple[str, Value]] = [
            ("a", "gg:PortfolioAssignment" if areas else "gg:PostHolding"), ("org:member", someone.iri),
            ("gg:holdsPost", post), ("gg:ofGovernment", government), ("gg:validFrom", at(start)),
        ]
        if until is not None:
            pairs.append(("gg:validUntil", at(until)))
        if organ:
            pairs.append(("org:organization", organ))
        pairs += [("gg:inChargeOf", area) for area in areas]
        self.out.add(holding, *pairs)
