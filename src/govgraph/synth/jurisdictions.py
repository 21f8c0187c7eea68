"""Synthetic jurisdictions on a real rule base's template, with records: for scale tests.

A synthetic jurisdiction is the template rule base's RDF with every IRI of its namespace
moved to a namespace of its own, then varied, all read from the graph:

- members: each composition rule (``gg:member``) may lose one member or gain another post;
- thresholds: every value of a property the ontology gives the range ``xsd:decimal``
  on a rule (amounts of money) is scaled by one factor per jurisdiction;
- portfolios: a few portfolios are added, each held by a post that already holds one;
- mechanisms (:mod:`govgraph.synth.variants`): acting for an absent holder, the quorum,
  the money threshold, each drawn from the ways real rules differ;
- metadata: each is a government of its own (identifier ``synth-NNNNN``, prefix, level,
  names), one rule base per government, loaded into a named graph of its own.

Records are the posts held, year by year, in the record model of the sample year
(:mod:`govgraph.synth.model`): a ``gg:PostHolding`` per person and post, from the year
they took it until the year someone else did, named under the jurisdiction's records.

Nothing here names a post, threshold or article: they come from the template.
"""

from __future__ import annotations

import datetime as dt
import os
import random
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox

from .._core.errors import GovGraphError
from .._core.stores import rdf_format
from .._core.terms import GG, RDF_TYPE, RDFS, RDFS_LABEL, XSD_DECIMAL
from ..answers.loading import load
from ..law import jurisdictions
from . import rules as rule_base
from . import variants
from .model import People, Records, namespace_of, records_base
from .profile import person_names

TYPE, LABEL = ox.NamedNode(RDF_TYPE), ox.NamedNode(RDFS_LABEL)


@dataclass
class Template:
    """The template rule base, read once: its triples and what the variations and records need."""

    triples: list[ox.Triple]
    namespace: str  #: that of the government its regulation governs
    government: str
    threshold_properties: frozenset[str]
    posts: list[str]
    labels: dict[str, dict[str, str]]
    organ_of_post: dict[str, str]
    names: tuple[str, str] | None  #: surnames and given names for made-up people (records/profile.toml), if any
    folder: Path
    levels: tuple[str, ...] = ()  #: the levels of government the ontology names

    @classmethod
    def read(cls, rules: str | Path | None = None) -> Template:
        juris = jurisdictions.find(rules)
        graph = load(rules)
        triples = [quad.triple for path in juris.files() for quad in ox.parse(path=str(path), format=rdf_format(path))]
        ontology = [q.triple for path in jurisdictions.ontology_files() for q in ox.parse(path=str(path), format=rdf_format(path))]
        decimal_properties = frozenset(
            t.subject.value for t in ontology
            if t.predicate.value == RDFS + "range" and isinstance(t.object, ox.NamedNode) and t.object.value == XSD_DECIMAL
            and any(d.subject == t.subject and d.predicate.value == RDFS + "domain" and d.object.value == GG + "Rule" for d in ontology)
        )
        government = rule_base.government(graph)
        nodes = [row for row in graph.select("authority-nodes") if row["kind"].value == "post"]
        labels: dict[str, dict[str, str]] = defaultdict(dict)
        for row in graph.select("labels"):
            if row["kind"].value == "label" and row["lang"].value:
                labels[row["resource"].value].setdefault(row["lang"].value, row["name"].value)
        profile = juris.folder / "records" / "profile.toml"
        return cls(
            triples=triples,
            namespace=namespace_of(government),
            government=government,
            threshold_properties=decimal_properties,
            posts=sorted({row["node"].value for row in nodes}),
            labels=dict(labels),
            organ_of_post={row["node"].value: row["postIn"].value for row in nodes if row["postIn"] is not None},
            names=person_names(profile) if profile.is_file() else None,
            folder=juris.folder,
            levels=tuple(sorted(t.subject.value for t in ontology
                                if t.predicate.value == RDF_TYPE and t.object.value == GG + "GovernmentLevel")),
        )

    def moved(self, iri: str, index: int) -> str:
        """``iri`` in synthetic jurisdiction ``index`` (the template itself: ``index=-1``)."""
        if index < 0 or not iri.startswith(self.namespace):
            return iri
        return synthetic_namespace(self, index) + iri[len(self.namespace):]


def synthetic_namespace(template: Template, index: int) -> str:
    parent = template.namespace.rstrip("/#")
    parent = parent[: parent.rfind("/") + 1]
    return f"{parent}synth-{index:05d}/"


def mechanisms(template: Template, index: int, *, seed: int = 0) -> variants.Mechanisms:
    """Which variant of each mechanism synthetic jurisdiction ``index`` uses."""
    return variants.Mechanisms.draw(random.Random(f"variants:{seed}:{index}"), list(template.levels))


def jurisdiction(template: Template, index: int, *, seed: int = 0) -> Iterator[ox.Triple]:
    """The rule base of synthetic jurisdiction ``index``: the template, moved and varied, a government of its own."""
    chosen = mechanisms(template, index, seed=seed)
    triples = variants.apply(list(_moved(template, index, seed=seed)), chosen, random.Random(f"variants:{seed}:{index}:apply"))
    name = synthetic_name(index)
    yield from variants.metadata(triples, identifier=name, prefix=f"s{index:05d}", namespace=synthetic_namespace(template, index),
                                 level=chosen.level, suffix=f"#{index:05d}")


def synthetic_name(index: int) -> str:
    """The identifier (and rule base name) of synthetic jurisdiction ``index``."""
    return f"synth-{index:05d}"


def _moved(template: Template, index: int, *, seed: int = 0) -> Iterator[ox.Triple]:
    """The template's triples in jurisdiction ``index``'s namespace, its members, thresholds and portfolios varied."""
    rng = random.Random(f"{seed}:{index}")
    new = synthetic_namespace(template, index)

    def move(term):
        if isinstance(term, ox.NamedNode):
            return ox.NamedNode(template.moved(term.value, index))
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
    posts = [ox.NamedNode(template.moved(p, index)) for p in template.posts]
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
        yield ox.Triple(portfolio, TYPE, ox.NamedNode(GG + "Portfolio"))
        for language, text in template.labels.get(holder, {}).items():
            yield ox.Triple(portfolio, LABEL, ox.Literal(f"{text} · {number + 1}", language=language))
        yield ox.Triple(portfolio, ox.NamedNode(GG + "portfolioOf"), move(ox.NamedNode(holder)))


def records(template: Template, index: int, *, years: range = range(2019, 2024), seed: int = 0) -> Iterator[ox.Triple]:
    """Who held each post of synthetic jurisdiction ``index`` (or of the template: ``index=-1``), year by year."""
    if template.names is None:
        raise GovGraphError(f"{template.folder / 'records' / 'profile.toml'}: expected a [names] table to name made-up people")
    rng = random.Random(f"records:{seed}:{index}")
    base = records_base(template.moved(template.namespace, index))
    out = Records()
    people = People(out, rng, base, *template.names)
    government = template.moved(template.government, index)
    for post in template.posts:
        organ = template.organ_of_post.get(post)
        if organ is None:
            continue
        post_there = template.moved(post, index)
        tenures = []
        for year in years:
            if not tenures or rng.random() < 0.3:
                tenures.append((people.person([post_there]), year))
        for (holder, start), after in zip(tenures, [*tenures[1:], None], strict=True):
            until = dt.datetime(after[1], 1, 1) if after else None
            people.hold(holder, post_there, government, dt.datetime(start, 1, 1), until=until, organ=template.moved(organ, index))
    yield from out.triples


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
    """Write ``count`` synthetic jurisdictions to ``out``, one rule base folder each (``synth-NNNNN/rules.ttl``, N-Triples,
    which ``govgraph load --rules`` reads) with its records beside (``synth-NNNNN/records/records.nt``);
    return the folders. A folder already written is kept."""
    template = Template.read(rules)
    folders = []
    for index in range(count):
        folder = Path(out) / synthetic_name(index)
        _write_once(folder / "rules.ttl", lambda: jurisdiction(template, index, seed=seed))
        if with_records:
            _write_once(folder / "records" / "records.nt", lambda: records(template, index, seed=seed))
        folders.append(folder)
    return folders


def _write_once(path: Path, triples) -> None:  # noqa: ANN001 - a function giving triples
    if path.exists():
        return
    tmp = path.with_name(f"{path.name}.{os.getpid()}.part")
    write_ntriples(triples(), tmp)
    tmp.rename(path)


def template_records(out: Path, *, rules: str | Path | None = None, seed: int = 0) -> Path:
    """Sample records for the template rule base itself (its own posts), as one N-Triples file."""
    template = Template.read(rules)
    path = Path(out)
    write_ntriples(records(template, -1, seed=seed), path)
    return path
