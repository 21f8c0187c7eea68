"""Synthetic jurisdictions on a real rule base's template, with records: for scale tests.

A synthetic jurisdiction is the template rule base's RDF with every IRI of its namespace
moved to a namespace of its own, then varied, all read from the graph:

- members: each composition rule (``gg:member``) may lose one member or gain another post;
- thresholds: every value of a property the ontology gives the range ``xsd:decimal``
  on a rule (amounts of money) is scaled by one factor per jurisdiction;
- portfolios: a few portfolios are added, each held by a post that already holds one.

Records are W3C ORG memberships: for each post and year, who held it (``org:Membership``
with ``org:member``, ``org:organization``, ``org:role`` and ``org:memberDuring``).

Nothing here names a post, threshold or article: they come from the template.
"""

from __future__ import annotations

import os
import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox

from .._core.stores import rdf_format
from .._core.terms import GG, ORG, XSD
from ..law import jurisdictions

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
LABEL = ox.NamedNode(RDFS + "label")
TIME_INTERVAL = ox.NamedNode("http://www.w3.org/2006/time#Interval")


@dataclass
class Template:
    """The template rule base, read once: its triples and what the variations need."""

    triples: list[ox.Triple]
    namespace: str
    threshold_properties: frozenset[str]
    posts: list[str]
    labels: dict[str, dict[str, str]]
    organ_of_post: dict[str, str]

    @classmethod
    def read(cls, rules: str | Path | None = None) -> Template:
        juris = jurisdictions.find(rules)
        triples = [quad.triple for path in juris.files() for quad in ox.parse(path=str(path), format=rdf_format(path))]
        ontology = [q.triple for path in jurisdictions.ontology_files() for q in ox.parse(path=str(path), format=rdf_format(path))]
        decimal_properties = frozenset(
            t.subject.value for t in ontology
            if t.predicate.value == RDFS + "range" and isinstance(t.object, ox.NamedNode) and t.object.value == XSD + "decimal"
            and any(d.subject == t.subject and d.predicate.value == RDFS + "domain" and d.object.value == GG + "Rule" for d in ontology)
        )
        namespace = _namespace(t.subject.value for t in triples if isinstance(t.subject, ox.NamedNode))
        post_classes = {GG + "Post", ORG + "Post"}
        posts = sorted({t.subject.value for t in triples if t.predicate == RDF_TYPE and t.object.value in post_classes})
        labels: dict[str, dict[str, str]] = defaultdict(dict)
        organ_of_post = {}
        for t in triples:
            if t.predicate == LABEL and isinstance(t.object, ox.Literal) and t.object.language:
                labels[t.subject.value].setdefault(t.object.language, t.object.value)
            if t.predicate.value == ORG + "postIn" and t.subject.value in posts:
                organ_of_post[t.subject.value] = t.object.value
        return cls(triples, namespace, decimal_properties, posts, dict(labels), organ_of_post)


def _namespace(iris: Iterable[str]) -> str:
    """The namespace most subjects of the rule base share (up to the last / or #)."""
    counts = Counter(iri[: max(iri.rfind("/"), iri.rfind("#")) + 1] for iri in iris)
    return counts.most_common(1)[0][0]


def synthetic_namespace(template: Template, index: int) -> str:
    parent = template.namespace.rstrip("/#")
    parent = parent[: parent.rfind("/") + 1]
    return f"{parent}synth-{index:05d}/"


def jurisdiction(template: Template, index: int, *, seed: int = 0) -> Iterator[ox.Triple]:
    """The rule base of synthetic jurisdiction ``index``: the template, moved and varied."""
    rng = random.Random(f"{seed}:{index}")
    old, new = template.namespace, synthetic_namespace(template, index)

    def move(term):
        if isinstance(term, ox.NamedNode) and term.value.startswith(old):
            return ox.NamedNode(new + term.value[len(old):])
        if isinstance(term, ox.BlankNode):
            return ox.BlankNode(f"{term.value}x{index}")
        return term

    factor = Decimal(rng.choice(["0.5", "0.8", "1", "1", "1.5", "2", "3"]))
    members: dict[str, list[ox.Triple]] = defaultdict(list)
    for triple in template.triples:
        subject, predicate, obj = move(triple.subject), triple.predicate, move(triple.object)
        if predicate.value in template.threshold_properties and isinstance(obj, ox.Literal):
            scaled = (Decimal(obj.value) * factor).quantize(Decimal(1))
            obj = ox.Literal(str(scaled), datatype=obj.datatype)
        if predicate.value == GG + "member":
            members[subject.value].append(ox.Triple(subject, predicate, obj))
            continue
        yield ox.Triple(subject, predicate, obj)
    # Members: one fewer, or one more, for some composition rules.
    posts = [ox.NamedNode(new + p[len(old):]) if p.startswith(old) else ox.NamedNode(p) for p in template.posts]
    for listed in members.values():
        roll = rng.random()
        if roll < 0.25 and len(listed) > 1:
            listed = listed[:]
            listed.pop(rng.randrange(len(listed)))
        elif roll < 0.5:
            extra = [p for p in posts if all(t.object != p for t in listed)]
            if extra:
                listed = [*listed, ox.Triple(listed[0].subject, listed[0].predicate, rng.choice(extra))]
        yield from listed
    # Portfolios: a few more, each held by a post that already holds one.
    holders = sorted({t.object.value for t in template.triples if t.predicate.value == GG + "portfolioOf"})
    for number in range(rng.randint(0, 3)):
        if not holders:
            break
        holder = rng.choice(holders)
        portfolio = ox.NamedNode(f"{new}synthetic-portfolio-{number + 1}")
        yield ox.Triple(portfolio, RDF_TYPE, ox.NamedNode(GG + "Portfolio"))
        for language, text in template.labels.get(holder, {}).items():
            yield ox.Triple(portfolio, LABEL, ox.Literal(f"{text} · {number + 1}", language=language))
        yield ox.Triple(portfolio, ox.NamedNode(GG + "portfolioOf"), move(ox.NamedNode(holder)))


def records(template: Template, index: int, *, years: range = range(2019, 2024), seed: int = 0) -> Iterator[ox.Triple]:
    """Who held each post of synthetic jurisdiction ``index`` (or of the template: ``index=-1``), year by year."""
    rng = random.Random(f"records:{seed}:{index}")
    old = template.namespace
    new = old if index < 0 else synthetic_namespace(template, index)

    def move(iri: str) -> ox.NamedNode:
        return ox.NamedNode(new + iri[len(old):] if iri.startswith(old) else iri)

    people = 0
    for post in template.posts:
        organ = template.organ_of_post.get(post)
        if organ is None:
            continue
        holder = None
        for year in years:
            if holder is None or rng.random() < 0.3:
                people += 1
                holder = ox.NamedNode(f"{new}person-{people}")
                for language in ("zh", "en"):
                    yield ox.Triple(holder, LABEL, ox.Literal(f"{'人员' if language == 'zh' else 'person'} {people}", language=language))
            local = post[len(old):] if post.startswith(old) else post.rsplit("/", 1)[-1]
            membership = ox.NamedNode(f"{new}tenure-{local}-{year}")
            interval = ox.BlankNode(f"y{year}j{index + 1}" + "".join(c for c in local if c.isalnum()))
            yield ox.Triple(membership, RDF_TYPE, ox.NamedNode(ORG + "Membership"))
            for language, text in template.labels.get(post, {}).items():
                yield ox.Triple(membership, LABEL, ox.Literal(f"{text} {year}", language=language))
            yield ox.Triple(membership, ox.NamedNode(ORG + "member"), holder)
            yield ox.Triple(membership, ox.NamedNode(ORG + "organization"), move(organ))
            yield ox.Triple(membership, ox.NamedNode(ORG + "role"), move(post))
            yield ox.Triple(membership, ox.NamedNode(ORG + "memberDuring"), interval)
            yield ox.Triple(interval, RDF_TYPE, TIME_INTERVAL)
            yield ox.Triple(interval, LABEL, ox.Literal(str(year)))


def write_ntriples(triples: Iterable[ox.Triple], path: Path) -> int:
    """Write triples as N-Triples; return how many."""
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for triple in triples:
            out.write(f"{triple.subject} {triple.predicate} {triple.object} .\n")
            count += 1
    return count


def generate(out: Path, count: int, *, rules: str | Path | None = None, seed: int = 0, with_records: bool = True) -> list[Path]:
    """Write ``count`` synthetic jurisdictions (rule base and records) to ``out``, one N-Triples file each."""
    template = Template.read(rules)
    paths = []
    for index in range(count):
        path = Path(out) / f"synth-{index:05d}.nt"
        if not path.exists():
            triples = list(jurisdiction(template, index, seed=seed))
            if with_records:
                triples.extend(records(template, index, seed=seed))
            tmp = path.with_suffix(f".nt.{os.getpid()}.part")
            write_ntriples(triples, tmp)
            tmp.rename(path)
        paths.append(path)
    return paths


def template_records(out: Path, *, rules: str | Path | None = None, seed: int = 0) -> Path:
    """Sample records for the template rule base itself (its own posts), as one N-Triples file."""
    template = Template.read(rules)
    path = Path(out)
    write_ntriples(records(template, -1, seed=seed), path)
    return path
