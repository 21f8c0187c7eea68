"""What a store holds: the rule bases (one regulation version of one government each, in a
graph of its own), and the scope a question is asked in.

A :class:`Library` lists its :class:`RuleBase`\\ s from their metadata (``queries/rule-bases.rq``)
and picks, for a government and a date, the version in force then (``scope``), or one
version per government (``scopes``). A scope is a :class:`GovGraph` whose questions see
the ontology and that one rule base, nothing else: names resolve within it, and every
answer cites its article with the regulation and government it is of.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from functools import cached_property

from .._core.cite import Named, Regulation
from .._core.errors import GovGraphError
from .._core.stores import Store
from .._core.terms import RECORDS_GRAPH_BASE
from .graph import GovGraph
from .names import normalise


@dataclass(frozen=True)
class RuleBase:
    """One regulation version of one government, as a store holds it."""

    graph: str
    iri: str
    name: str
    regulation: Regulation
    government_id: str | None = None
    level: Named | None = None
    superior: Named | None = None
    prefix: str | None = None
    namespace: str | None = None
    repeals: tuple[str, ...] = ()

    @property
    def government(self) -> Named:
        return self.regulation.government

    @property
    def jurisdiction_key(self) -> str:
        """What identifies the government across versions: its identifier, else its IRI."""
        return self.government_id or self.government.iri

    def names(self) -> set[str]:
        """Every name the government or this version may be asked by (normalised)."""
        found = {self.name, self.government_id or "", self.prefix or "", self.government.iri, self.graph, self.iri}
        found |= {self.government.zh or "", self.government.en or ""}
        found |= {self.regulation.regulation.zh or "", self.regulation.regulation.en or ""}
        return {normalise(n) for n in found if n}


@dataclass
class Library:
    """The rule bases a store holds, and the scopes questions are asked in.

    ``ontology`` names the graphs every scope sees (the ontology); ``notes`` are things the
    user should hear about the store (a graph older than its files, say).
    """

    store: Store
    ontology: Sequence[str] | None
    notes: list[str] = field(default_factory=list)
    #: When the store is one graph holding everything (an endpoint restricted to one graph).
    single_graph: bool = False

    @cached_property
    def rule_bases(self) -> list[RuleBase]:
        found = _rule_bases(self.store)
        if self.single_graph:  # an endpoint restricted to one graph: only what that graph holds
            held = set(self.store.graph_names())
            found = [base for base in found if base.graph in held]
        return found

    def governments(self) -> dict[str, list[RuleBase]]:
        """Every government the store holds, with its versions in the order they took force."""
        grouped: dict[str, list[RuleBase]] = defaultdict(list)
        for base in self.rule_bases:
            grouped[base.jurisdiction_key].append(base)
        return dict(grouped)

    def select(self, jurisdiction: str | None = None, as_of: str | dt.date | None = None) -> list[RuleBase]:
        """The version in force on ``as_of`` (default today) of each government ``jurisdiction`` names."""
        day = _day(as_of)
        version = self._version_named(jurisdiction, day if as_of is not None else None)
        if version is not None:
            return [version]
        governments = self.governments()
        if jurisdiction is not None:
            governments = _named(governments, normalise(jurisdiction))
            if not governments:
                known = "; ".join(_describe(b) for b in self.rule_bases) or "none"
                raise GovGraphError(f"no government named {jurisdiction!r} in this store: it holds {known}")
        chosen = []
        for bases in governments.values():
            in_force = [b for b in bases if b.regulation.in_force_on(day)]
            if not in_force:
                versions = "; ".join(_describe(b) for b in bases)
                raise GovGraphError(f"no version of {bases[0].government.label('en')}'s working rules is in force on {day}: "
                                    f"the store holds {versions}")
            chosen.append(in_force[-1])
        return chosen

    def versions(self, jurisdiction: str | None = None) -> list[RuleBase]:
        """Every version of the one government ``jurisdiction`` names (the store's only one if None),
        in the order they took force."""
        governments = self.governments()
        if jurisdiction is not None:
            governments = _named(governments, normalise(jurisdiction))
        if len(governments) != 1:
            known = "; ".join(_describe(b) for b in self.rule_bases) or "none"
            asked = f"named {jurisdiction!r}" if jurisdiction is not None else "given (choose one with --jurisdiction)"
            raise GovGraphError(f"{len(governments)} governments {asked} in this store: it holds {known}")
        return next(iter(governments.values()))

    def _version_named(self, jurisdiction: str | None, day: str | None) -> RuleBase | None:
        """The one version ``jurisdiction`` names by its rule base (name, graph or IRI), if it does:
        that version is meant, whatever the date, unless a date is given on which it is not in force."""
        if jurisdiction is None:
            return None
        wanted = normalise(jurisdiction)
        named = [b for b in self.rule_bases if wanted in {normalise(b.name), normalise(b.graph), normalise(b.iri)}]
        if len(named) != 1:
            return None
        if day is not None and not named[0].regulation.in_force_on(day):
            raise GovGraphError(f"{_describe(named[0])} is not in force on {day}")
        return named[0]

    def scope(self, jurisdiction: str | None = None, as_of: str | dt.date | None = None) -> GovGraph:
        """The graph of one government's rules in force on ``as_of``: exactly one must match."""
        if not self.rule_bases:
            return GovGraph(self.store, None if self.single_graph else self.ontology_and(self.store.graph_names()))
        chosen = self.select(jurisdiction, as_of)
        if len(chosen) > 1:
            names = ", ".join(f"{b.government.label('zh')} ({b.government.label('en')})" for b in chosen)
            raise GovGraphError(f"this store holds several governments ({names}): choose one with --jurisdiction")
        return self.graph_of(chosen[0])

    def scopes(self, jurisdiction: str | None = None, as_of: str | dt.date | None = None) -> list[GovGraph]:
        """One graph per government ``jurisdiction`` names (every one if None), each the version in force."""
        if not self.rule_bases:
            return [self.scope()]
        return [self.graph_of(base) for base in self.select(jurisdiction, as_of)]

    def catalogue(self, as_of: str | dt.date | None = None) -> Catalogue:
        """What the store holds: each government with its versions (in force or not on ``as_of``,
        default today), every graph with its kind and triple count."""
        day = _day(as_of)
        held = self.store.graph_names()
        counts = {graph: _triples(self.store, graph) for graph in held}
        by_graph = {base.graph: base for base in self.rule_bases}
        governments = tuple(
            GovernmentEntry(bases[0].government, key, bases[0].level,
                            tuple(VersionEntry(b, _status(b.regulation, day), counts.get(b.graph)) for b in bases))
            for key, bases in self.governments().items()
        )
        graphs = tuple(GraphEntry(g, _kind(g, by_graph, self.ontology), by_graph[g].name if g in by_graph else None, counts[g])
                       for g in held)
        return Catalogue(self.store.name, day, governments, graphs)

    def require_graph(self, graph: str) -> None:
        """Raise, listing what the store holds, if it holds no graph ``graph``."""
        held = self.store.graph_names()
        if graph not in held or not _triples(self.store, graph):  # an empty graph is no graph in SPARQL
            others = [g for g in held if g != graph]
            raise GovGraphError(f"no graph {graph} in {self.store.name}: it holds {', '.join(others) or 'no other named graph'}")

    def everything(self) -> GovGraph:
        """A graph over every graph the store holds (for SPARQL of one's own across governments)."""
        return GovGraph(self.store, None)

    def graph_of(self, base: RuleBase) -> GovGraph:
        if base.graph not in self._graphs:
            graphs = None if self.single_graph else self.ontology_and([base.graph])
            self._graphs[base.graph] = GovGraph(self.store, graphs, base)
        return self._graphs[base.graph]

    def ontology_and(self, graphs: Sequence[str]) -> list[str]:
        return [*(self.ontology or ()), *(g for g in graphs if g not in (self.ontology or ()))]

    @cached_property
    def _graphs(self) -> dict[str, GovGraph]:
        return {}


@dataclass(frozen=True)
class VersionEntry:
    """One version of a government's working rules as a store holds it, and whether it is in force."""

    rule_base: RuleBase
    status: str  # "in force", "repealed" or "not yet in force", on the catalogue's day
    triples: int | None = None

    def to_dict(self) -> dict:
        base, regulation = self.rule_base, self.rule_base.regulation
        return {
            "rule_base": base.name, "graph": base.graph, "regulation": asdict(regulation.regulation),
            "number": regulation.number, "issued": regulation.issued, "in_force": regulation.in_force,
            "until": regulation.until, "repeals": list(base.repeals), "status": self.status, "triples": self.triples,
        }


@dataclass(frozen=True)
class GovernmentEntry:
    """A government the store holds, with its versions in the order they took force."""

    government: Named
    identifier: str
    level: Named | None
    versions: tuple[VersionEntry, ...]

    def to_dict(self) -> dict:
        return {
            "government": asdict(self.government), "identifier": self.identifier,
            "level": asdict(self.level) if self.level else None, "versions": [v.to_dict() for v in self.versions],
        }


@dataclass(frozen=True)
class GraphEntry:
    """A named graph of the store: the ontology, a rule base, records, or something else."""

    graph: str
    kind: str  # "ontology", "rule-base", "records" or "other"
    rule_base: str | None
    triples: int

    def to_dict(self) -> dict:
        return {"graph": self.graph, "kind": self.kind, "rule_base": self.rule_base, "triples": self.triples}


@dataclass(frozen=True)
class Catalogue:
    """What a store holds (``govgraph list``): governments and their versions, and every graph."""

    store: str
    day: str
    governments: tuple[GovernmentEntry, ...]
    graphs: tuple[GraphEntry, ...]

    def to_dict(self) -> dict:
        return {
            "store": self.store, "as_of": self.day, "governments": [g.to_dict() for g in self.governments],
            "graphs": [g.to_dict() for g in self.graphs],
        }


def _status(regulation: Regulation, day: str) -> str:
    if regulation.in_force is not None and day < regulation.in_force:
        return "not yet in force"
    return "in force" if regulation.in_force_on(day) else "repealed"


def _kind(graph: str, rule_bases: dict[str, RuleBase], ontology: Sequence[str] | None) -> str:
    if graph in (ontology or ()):
        return "ontology"
    if graph in rule_bases:
        return "rule-base"
    return "records" if graph.startswith(RECORDS_GRAPH_BASE) else "other"


def _triples(store: Store, graph: str) -> int:
    from .._core.queries import named

    rows = store.select(named("count").text, graphs=[graph])
    return int(rows[0]["triples"].value) if rows and rows[0]["triples"] is not None else 0


def _named(governments: dict[str, list[RuleBase]], wanted: str) -> dict[str, list[RuleBase]]:
    """The governments ``wanted`` names exactly (a name, identifier, rule base); else those whose
    names contain it (a district's short name within its regulation's title), for two characters or more."""
    exact = {key: bases for key, bases in governments.items() if any(wanted in b.names() for b in bases)}
    if exact or len(wanted) < 2:
        return exact
    return {key: bases for key, bases in governments.items() if any(wanted in name for b in bases for name in b.names())}


def _day(as_of: str | dt.date | None) -> str:
    if as_of is None:
        return dt.date.today().isoformat()
    if isinstance(as_of, dt.date):
        return as_of.isoformat()
    try:
        return dt.date.fromisoformat(str(as_of).strip()).isoformat()
    except ValueError:
        raise GovGraphError(f"date {as_of!r}: expected an ISO date such as 2020-05-01") from None


def _describe(base: RuleBase) -> str:
    until = f" until {base.regulation.until}" if base.regulation.until else ""
    return f"{base.name} ({base.government.label('en')}, in force from {base.regulation.in_force}{until})"


def _rule_bases(store: Store) -> list[RuleBase]:
    """The rule bases the store's graphs describe, each version's end worked out from what repeals it."""
    from .._core.queries import named

    rows = store.select(named("rule-bases").text)
    first: dict[str, dict] = {}
    repeals: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        graph = row["graph"].value
        first.setdefault(graph, row)
        if row["repeals"] is not None:
            repeals[graph].add(row["repeals"].value)
    ends = _ends(first, repeals)
    labels = _labels(store) if first else {}
    bases = [_rule_base(graph, row, labels, ends.get(row["regulation"].value), tuple(sorted(repeals[graph])))
             for graph, row in first.items()]
    return sorted(bases, key=lambda b: (b.jurisdiction_key, b.regulation.in_force or "", b.graph))


def _ends(first: dict[str, dict], repeals: dict[str, set[str]]) -> dict[str, str]:
    """The last day in force of each regulation: its own date, else the day before what repeals it took force."""
    ends: dict[str, str] = {}
    for graph, row in first.items():
        if row["noLongerInForce"] is not None:
            ends[row["regulation"].value] = row["noLongerInForce"].value
    for graph, repealed in repeals.items():
        start = first[graph]["inForce"]
        if start is None:
            continue
        day_before = (dt.date.fromisoformat(start.value) - dt.timedelta(days=1)).isoformat()
        for regulation in repealed:
            ends.setdefault(regulation, day_before)
    return ends


def _rule_base(graph: str, row: dict, labels: dict[tuple[str, str], dict[str, str]], until: str | None,
               repeals: tuple[str, ...]) -> RuleBase:
    def named(column: str) -> Named | None:
        term = row[column]
        if term is None:
            return None
        found = labels.get((graph, term.value), {})
        return Named(term.value, found.get("zh"), found.get("en"))

    def value(column: str) -> str | None:
        return None if row[column] is None else row[column].value

    regulation = Regulation(named("regulation"), named("government"), value("number"), value("issued"), value("inForce"), until)
    iri = row["ruleBase"].value
    return RuleBase(
        graph=graph, iri=iri, name=iri.rstrip("/#").rsplit("/", 1)[-1], regulation=regulation,
        government_id=value("governmentId"), level=named("level"), superior=named("superior"),
        prefix=value("prefix"), namespace=value("namespace"), repeals=repeals,
    )


def _labels(store: Store) -> dict[tuple[str, str], dict[str, str]]:
    """The labels, by language, of every rule base's regulation, government, level and superior, asked
    once for the whole store (``queries/rule-base-labels.rq``): those the rule base's own graph gives,
    else those of any graph (an ontology term such as a level)."""
    from .._core.queries import named

    own: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    elsewhere: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
    for row in store.select(named("rule-base-labels").text):
        if row["lang"] is None or not row["lang"].value:
            continue
        key = (row["graph"].value, row["resource"].value)
        found = own if row["labelGraph"] == row["graph"] else elsewhere
        found[key].setdefault(row["lang"].value, row["name"].value)
    return {key: own.get(key) or elsewhere[key] for key in own.keys() | elsewhere.keys()}
