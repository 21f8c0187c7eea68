"""How authority moves: the authority graph, who holds a power, absence scenarios and weak spots.

Everything here is derived from the rule base through the ``queries/authority-*.rq`` questions
(and ``acts-for.rq`` for which acting rules an absence triggers): Python knows no post, organ,
threshold or article.

**The authority graph** (``authority_graph``) is a ``networkx.MultiDiGraph`` whose nodes are
the posts, organs and roles (IRIs) and whose edges say how authority runs, each carrying its
kind, act, condition and article (``EDGE_KINDS``): acting for an absent post or taking over its
portfolio (from the post acted for to the one who acts), entrusting, authorising, designating and
consenting (from the grantor), each step of an approval chain (from one approver to the next, the
last to the signer), leading (and an organ led by two: dual leadership), assisting, reporting and
being notified (to the recipient).

**A power** is an (act, target) pair that some permission or duty gives a post, organ or role:
convening the Executive Meeting, signing upward documents, presiding over the government's work.
A post holds a power

- *directly* when a rule with no case names it, or a post it specialises (``gg:specialises``:
  rules for every deputy apply to the executive deputy);
- *through others* when a grantor entrusts, authorises, designates or consents (``how`` says
  which), or when it acts for an absent post (``acting``), which holds only while that post is
  away for a reason and length the rule admits.

**A scenario** (``play_scenario``) is a set of absences. In it, an absent post (or one that
specialises an absent post) holds nothing; acting rules hold when their absence is among those
given; a grant needs its grantor present, unless the rule itself is about the grantor's absence
(the head designates who presides while the head is away). ``standing_grants=True`` instead lets
grants made before an absence stand. A power is a *gap* when someone holds it with nobody away,
or an absence rule calls for it, and nobody can exercise it in the scenario; a post acting for an
absent post on a target covers the absent post's powers on that target (taking over a portfolio
covers handling it).

**Weak spots** (``weak_spots``): gaps (for one post away, and for two posts that pass powers
between them away together), cycles of acting and conferral, posts ranked by how many powers
their absence leaves without a holder, and grants that need a grantor who is away.
"""

from __future__ import annotations

import itertools
import weakref
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any

import networkx as nx
import pyoxigraph as ox

from .._core.cite import Citation, Named, Text
from .._core.errors import GovGraphError
from .._core.stores import Row, Term
from .._core.terms import LONGER_PERIOD, SHORTER_PERIOD
from ..answers.graph import GovGraph

#: Kinds of edge: key → (zh, en, colour). The key is what the authority-*.rq queries return.
EDGE_KINDS: dict[str, tuple[str, str, str]] = {
    "acts-for": ("代理／临时代管", "acts for / takes over", "#d62728"),
    "designates": ("指定", "designates", "#ff7f0e"),
    "entrusts": ("委托", "entrusts", "#2ca02c"),
    "authorises": ("授权", "authorises", "#1f77b4"),
    "consents": ("同意", "consents", "#17becf"),
    "approval-step": ("审批环节", "approval step", "#9467bd"),
    "leads": ("领导", "leads", "#555555"),
    "dual-leads": ("双重领导", "dual leadership", "#8c564b"),
    "assists": ("协助", "assists", "#bcbd22"),
    "reports": ("报告", "reports to", "#7f7f7f"),
    "notifies": ("告知／报送", "notifies", "#c7c7c7"),
}
#: Kinds of edge along which a power moves from one post to another.
DELEGATION_KINDS = ("acts-for", "designates", "entrusts", "authorises", "consents")
#: Kinds of node: key → (zh, en).
NODE_KINDS: dict[str, tuple[str, str]] = {"post": ("职务", "post"), "organ": ("机构", "organ"), "role": ("角色", "role")}


# ── records ──────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Power:
    """An act on a target that a rule gives someone: the unit that is held, passed on or lost."""

    act: Named
    target: Named

    def label(self, lang: str = "zh") -> str:
        if lang == "zh":
            return f"{self.act.label(lang)}（{self.target.label(lang)}）"
        return f"{self.act.label(lang)} ({self.target.label(lang)})"

    @property
    def key(self) -> tuple[str, str]:
        return (self.act.iri, self.target.iri)


@dataclass(frozen=True)
class AuthorityEdge:
    """One edge of the authority graph: how authority runs from ``source`` to ``destination``."""

    key: str
    kind: str
    source: Named
    destination: Named
    act: Named
    about: Named | None
    condition: Text | None
    rule: Named | None
    basis: Citation
    step: int | None = None

    @property
    def kind_label(self) -> Text:
        zh, en, _ = EDGE_KINDS[self.kind]
        return Text(zh, en)


@dataclass(frozen=True)
class Holding:
    """A post (organ, role) holding a power by one rule, how it came to hold it, and on which article.

    ``route`` is the edges of the rule by which the power reaches ``post`` (empty when held
    directly): an acting edge from the post acted for and/or a grant edge from the grantor;
    ``origin`` is how the first post of the route holds the power itself, if the rules say;
    ``before`` is the approval chain that precedes the act; ``blocked_by`` is the absent grantor
    a grant waits for in a scenario.
    """

    post: Named
    power: Power
    how: str
    rule: Named
    modality: Named
    condition: Text | None
    grantor: Named | None
    on_behalf_of: Named | None
    absent_post: Named | None
    basis: Citation
    route: tuple[AuthorityEdge, ...] = ()
    origin: Holding | None = None
    chain: Named | None = None
    before: tuple[AuthorityEdge, ...] = ()
    via: Named | None = None
    if_necessary: bool = False
    blocked_by: Named | None = None

    @property
    def direct(self) -> bool:
        return self.how == "direct"

    def path(self) -> tuple[AuthorityEdge, ...]:
        """Every edge from the first holder to ``post``, across origins."""
        return (self.origin.path() if self.origin else ()) + self.route

    def articles(self) -> tuple[Citation, ...]:
        """The articles this holding rests on: its rule's, its route's, its origin's, its chain's."""
        found = [self.basis, *(e.basis for e in self.path()), *(e.basis for e in self.before)]
        if self.origin:
            found.extend(self.origin.articles())
        return _unique(found)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Absence:
    """A post whose holder is away, why (``None``: any reason) and for how long (``None``: any length)."""

    post: Named
    reason: Named | None = None
    duration: Named | None = None

    @classmethod
    def of(cls, graph: GovGraph, post: str, reason: str | None = None, long_absence: bool | None = None) -> Absence:
        """Resolve names (zh, en, CURIE or IRI) into an absence."""
        duration = None if long_absence is None else (LONGER_PERIOD if long_absence else SHORTER_PERIOD)
        return cls(
            _name(graph, graph.resolve(post, "post")),
            graph.named(graph.resolve(reason, "reason")) if reason else None,
            graph.named(duration),
        )

    def label(self, lang: str = "zh") -> str:
        details = [x.label(lang) for x in (self.reason, self.duration) if x is not None]
        return self.post.label(lang) + (f" ({', '.join(details)})" if details else "")


@dataclass(frozen=True)
class Gap:
    """A power nobody can exercise in a scenario, and the holdings that are away or blocked."""

    power: Power
    lost: tuple[Holding, ...]

    def articles(self) -> tuple[Citation, ...]:
        return _unique(c for h in self.lost for c in h.articles())


@dataclass(frozen=True)
class Scenario:
    """Who holds each power while some posts are away, and what nobody can do."""

    absences: tuple[Absence, ...]
    holdings: tuple[Holding, ...]
    blocked: tuple[Holding, ...]
    gaps: tuple[Gap, ...]
    away: frozenset[str] = field(default_factory=frozenset)

    def holders(self, act: str, target: str) -> list[Holding]:
        """The holdings of the power (act IRI, target IRI) in this scenario."""
        return [h for h in self.holdings if h.power.key == (act, target)]

    def acting(self) -> list[Holding]:
        """Holdings that exist because someone is away: acting, or granted for an absence."""
        return [h for h in self.holdings if h.absent_post is not None]

    def designators(self) -> list[Named]:
        """Grantors who may still confer a power in this scenario (present, or named by the absence rule)."""
        seen: dict[str, Named] = {}
        for h in self.holdings:
            if h.grantor is not None:
                seen.setdefault(h.grantor.iri, h.grantor)
        return list(seen.values())

    def gap(self, act: str, target: str) -> Gap | None:
        return next((g for g in self.gaps if g.power.key == (act, target)), None)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["away"] = sorted(self.away)
        return data


@dataclass(frozen=True)
class WeakSpot:
    """Something the rules leave fragile, with the posts, powers and articles involved.

    ``kind`` is ``gap`` (nobody can exercise a power in ``scenario``), ``cycle`` (powers pass round
    a ring of posts), ``critical-post`` (``score`` powers lose every holder when the post is away)
    or ``absent-grantor`` (a grant needs a grantor who is away in ``scenario``).
    """

    kind: str
    summary: Text
    posts: tuple[Named, ...]
    powers: tuple[Power, ...]
    scenario: tuple[Absence, ...]
    articles: tuple[Citation, ...]
    score: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# ── loading the model once per graph ─────────────────────────────────────────


@dataclass
class _Model:
    graph: GovGraph
    nodes: dict[str, dict[str, Any]]
    specialises: dict[str, set[str]]
    norms: list[Holding]
    network: nx.MultiDiGraph
    edges_by_rule: dict[str, list[AuthorityEdge]]
    chain_edges: dict[tuple[str, str], list[AuthorityEdge]]
    routes: dict[Holding, Holding] = field(default_factory=dict)
    triggers: dict[Absence, frozenset[str]] = field(default_factory=dict)


_MODELS: weakref.WeakKeyDictionary[GovGraph, _Model] = weakref.WeakKeyDictionary()


def _model(graph: GovGraph) -> _Model:
    if graph not in _MODELS:
        _MODELS[graph] = _build(graph)
    return _MODELS[graph]


def _build(graph: GovGraph) -> _Model:
    nodes, specialises = _nodes(graph)
    network = nx.MultiDiGraph(name="authority")
    for iri, info in nodes.items():
        network.add_node(iri, **info)
    edges_by_rule: dict[str, list[AuthorityEdge]] = defaultdict(list)
    chain_edges: dict[tuple[str, str], list[AuthorityEdge]] = defaultdict(list)
    for edge in _delegation_edges(graph) + _relation_edges(graph):
        _add_edge(network, nodes, edge)
        if edge.rule is not None:
            edges_by_rule[edge.rule.iri].append(edge)
    for (chain, signer), edges in _chain_edges(graph).items():
        chain_edges[(chain, signer)] = edges
        for edge in edges:
            if not network.has_edge(edge.source.iri, edge.destination.iri, edge.key):
                _add_edge(network, nodes, edge)
    norms = [_holding(graph, row) for row in graph.select("authority-powers")]
    return _Model(graph, nodes, specialises, _merge(norms), network, dict(edges_by_rule), dict(chain_edges))


def _nodes(graph: GovGraph) -> tuple[dict[str, dict[str, Any]], dict[str, set[str]]]:
    nodes: dict[str, dict[str, Any]] = {}
    specialises: dict[str, set[str]] = defaultdict(set)
    for row in graph.select("authority-nodes"):
        iri = _value(row, "node")
        if iri not in nodes:
            named = _name(graph, iri)
            nodes[iri] = {"kind": _value(row, "kind"), "label_zh": named.zh or "", "label_en": named.en or "", "post_in": ""}
        if row["postIn"] is not None:
            nodes[iri]["post_in"] = _value(row, "postIn")
        if row["specialises"] is not None:
            specialises[iri].add(_value(row, "specialises"))
    for iri, general in specialises.items():
        nodes[iri]["specialises"] = " ".join(sorted(general))
    return nodes, dict(specialises)


def _add_edge(network: nx.MultiDiGraph, nodes: dict[str, dict[str, Any]], edge: AuthorityEdge) -> None:
    for end in (edge.source, edge.destination):
        if end.iri not in nodes:  # e.g. a meeting type named as an approver: kept, as what it is
            nodes[end.iri] = {"kind": "other", "label_zh": end.zh or "", "label_en": end.en or "", "post_in": ""}
            network.add_node(end.iri, **nodes[end.iri])
    network.add_edge(edge.source.iri, edge.destination.iri, key=edge.key, record=edge)


def _name(graph: GovGraph, term: Term | str | None) -> Named:
    """The labels of a term a query always binds."""
    named = graph.named(term)
    if named is None:
        raise GovGraphError("an authority query left a required variable unbound")
    return named


def _value(row: Row, column: str) -> str:
    term = row[column]
    if term is None:
        raise GovGraphError(f"an authority query left ?{column} unbound")
    return term.value


def _citation(graph: GovGraph, row: Row) -> Citation:
    return Citation(_name(graph, row["article"]), _value(row, "number"), _value(row, "text"))


def _text(zh: Term | None, en: Term | None) -> Text | None:
    if zh is None and en is None:
        return None
    return Text(zh.value if zh is not None else None, en.value if en is not None else None)


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _delegation_edges(graph: GovGraph) -> list[AuthorityEdge]:
    """Acting, entrusting, authorising, designating and consenting edges (``authority-delegations.rq``)."""
    return _rule_edges(graph, "authority-delegations", "target")


def _relation_edges(graph: GovGraph) -> list[AuthorityEdge]:
    """Leading, assisting, reporting and notifying edges (``authority-relations.rq``)."""
    return _rule_edges(graph, "authority-relations", "about")


def _rule_edges(graph: GovGraph, query: str, about: str) -> list[AuthorityEdge]:
    """One edge per row of ``query`` (rows repeating a rule's optional values collapse into one)."""
    edges: dict[str, AuthorityEdge] = {}
    for row in graph.select(query):
        what = row[about].value if row[about] is not None else ""  # type: ignore[union-attr]
        key = ":".join([_value(row, "kind"), *(_local(_value(row, c)) for c in ("rule", "from", "to")), _local(what)])
        edges.setdefault(
            key,
            AuthorityEdge(
                key=key,
                kind=_value(row, "kind"),
                source=_name(graph, row["from"]),
                destination=_name(graph, row["to"]),
                act=_name(graph, row["action"]),
                about=graph.named(row[about]),
                condition=_text(row["conditionZh"], row["conditionEn"]),
                rule=graph.named(row["rule"]),
                basis=_citation(graph, row),
            ),
        )
    return list(edges.values())


def _chain_edges(graph: GovGraph) -> dict[tuple[str, str], list[AuthorityEdge]]:
    """Per (chain, signer): one edge per step, from its approver to the next one (the last to the signer)."""
    steps: dict[tuple[str, str], dict[int, Row]] = defaultdict(dict)
    for row in graph.select("authority-chains"):
        steps[(_value(row, "chain"), _value(row, "signer"))].setdefault(int(_value(row, "stepIndex")), row)
    result: dict[tuple[str, str], list[AuthorityEdge]] = {}
    for (chain, signer), by_index in steps.items():
        ordered = [by_index[i] for i in sorted(by_index)]
        edges = []
        for position, row in enumerate(ordered):
            after = ordered[position + 1]["approver"] if position + 1 < len(ordered) else row["signer"]
            index = int(_value(row, "stepIndex"))
            key = f"approval-step:{_local(chain)}:{index}:{_local(_value(row, 'approver'))}:{_local(str(after.value))}"  # type: ignore[union-attr]
            edges.append(
                AuthorityEdge(
                    key=key,
                    kind="approval-step",
                    source=_name(graph, row["approver"]),
                    destination=_name(graph, after),
                    act=_name(graph, row["stepAct"]),
                    about=graph.named(chain),
                    condition=_text(row["chainZh"], row["chainEn"]),
                    rule=graph.named(chain),
                    basis=_citation(graph, row),
                    step=index,
                )
            )
        result[(chain, signer)] = edges
    return result


def _holding(graph: GovGraph, row: Row) -> Holding:
    return Holding(
        post=_name(graph, row["assignee"]),
        power=Power(_name(graph, row["action"]), _name(graph, row["target"])),
        how=_value(row, "how"),
        rule=_name(graph, row["rule"]),
        modality=_name(graph, row["modality"]),
        condition=_text(row["conditionZh"], row["conditionEn"]),
        grantor=graph.named(row["grantor"]),
        on_behalf_of=graph.named(row["onBehalfOf"]),
        absent_post=graph.named(row["absentPost"]),
        basis=_citation(graph, row),
        chain=graph.named(row["chain"]),
        if_necessary=row["ifNecessary"] is not None and row["ifNecessary"].value in ("true", "1"),
    )


def _merge(norms: list[Holding]) -> list[Holding]:
    """One holding per (rule, post, power): rows differ only by repeated optional values."""
    seen: dict[tuple[str, str, tuple[str, str]], Holding] = {}
    for h in norms:
        seen.setdefault((h.rule.iri, h.post.iri, h.power.key), h)
    return list(seen.values())


# ── the authority graph ──────────────────────────────────────────────────────


def authority_graph(graph: GovGraph) -> nx.MultiDiGraph:
    """The authority graph of the rule base: a copy, so callers may change it freely.

    Nodes are IRIs with ``kind``, ``label_zh``, ``label_en``, ``post_in``, ``specialises``;
    each edge has a ``record`` (an ``AuthorityEdge``: kind, act, condition, article).
    """
    return _model(graph).network.copy()


def edges(graph: GovGraph, kinds: Iterable[str] | None = None) -> list[AuthorityEdge]:
    """Every edge of the authority graph (of the given kinds), in a stable order."""
    wanted = set(kinds) if kinds is not None else None
    found = [data["record"] for _, _, data in _model(graph).network.edges(data=True)]
    return sorted((e for e in found if wanted is None or e.kind in wanted), key=lambda e: e.key)


# ── holders, paths, powers ───────────────────────────────────────────────────


def _generalisations(model: _Model, post: str) -> set[str]:
    return {post} | model.specialises.get(post, set())


def _with_routes(model: _Model, holding: Holding) -> Holding:
    """The holding with its route (edges of its rule into the post), origin and approval chain."""
    if holding not in model.routes:
        model.routes[holding] = _route(model, holding, frozenset())
    return model.routes[holding]


def _route(model: _Model, holding: Holding, seen: frozenset[str]) -> Holding:
    route = tuple(
        e
        for e in model.edges_by_rule.get(holding.rule.iri, ())
        if e.destination.iri == holding.post.iri and e.about is not None and e.about.iri == holding.power.target.iri
    )
    origin = None
    sources = [e.source.iri for e in route if e.kind == "acts-for"] or [e.source.iri for e in route]
    for source in sources:
        if source in seen:
            continue
        candidates = [
            n
            for n in model.norms
            if n.power.key == holding.power.key and n.post.iri in _generalisations(model, source) and n.direct
        ]
        if candidates:
            origin = _route(model, candidates[0], seen | {holding.post.iri, source})
            break
    before: tuple[AuthorityEdge, ...] = ()
    if holding.chain is not None:
        before = tuple(model.chain_edges.get((holding.chain.iri, holding.post.iri), ()))
    return _replace(holding, route=route, origin=origin, before=before)


def _replace(holding: Holding, **changes: Any) -> Holding:
    return replace(holding, **changes)


def _power_key(graph: GovGraph, act: str, target: str) -> tuple[str, str]:
    return (graph.resolve(act, "act"), graph.resolve(target, "term"))


def _absences(graph: GovGraph, absences: Iterable[Absence | str]) -> tuple[Absence, ...]:
    return tuple(a if isinstance(a, Absence) else Absence.of(graph, a) for a in absences)


def holders(graph: GovGraph, act: str, target: str, absences: Iterable[Absence | str] = ()) -> list[Holding]:
    """Everyone who may come to hold the power (act, target): directly, through others, or acting.

    With ``absences``, only those who hold it in that scenario.
    """
    key = _power_key(graph, act, target)
    chosen = _absences(graph, absences)
    if chosen:
        return play_scenario(graph, chosen).holders(*key)
    model = _model(graph)
    return [_with_routes(model, n) for n in model.norms if n.power.key == key]


def path_to_power(graph: GovGraph, post: str, act: str, target: str, absences: Iterable[Absence | str] = ()) -> list[Holding]:
    """The ways ``post`` may come to hold the power (act, target), each with its route and articles.

    A rule naming a post that ``post`` specialises counts (``via`` says which).
    """
    model = _model(graph)
    iri = graph.resolve(post, "post")
    general = _generalisations(model, iri)
    found = [h for h in holders(graph, act, target, absences) if h.post.iri in general]
    return [_as_post(graph, h, iri) for h in found]


def _as_post(graph: GovGraph, holding: Holding, iri: str) -> Holding:
    """The holding seen from ``iri``: the post itself holds it, ``via`` the general post the rule names."""
    if holding.post.iri == iri:
        return holding
    return _replace(holding, post=graph.named(iri), via=holding.post)


def powers_of(graph: GovGraph, post: str, absences: Iterable[Absence | str] = ()) -> list[Holding]:
    """Every power ``post`` holds, directly or through others (with ``absences``: in that scenario)."""
    model = _model(graph)
    iri = graph.resolve(post, "post")
    general = _generalisations(model, iri)
    chosen = _absences(graph, absences)
    pool = play_scenario(graph, chosen).holdings if chosen else [_with_routes(model, n) for n in model.norms]
    found = [h for h in pool if h.post.iri in general]
    return sorted(
        (_as_post(graph, h, iri) for h in found),
        key=lambda h: (not h.direct, h.how, h.power.act.iri, h.power.target.iri, h.rule.iri),
    )


# ── scenarios ────────────────────────────────────────────────────────────────


def _away(model: _Model, absences: Sequence[Absence]) -> frozenset[str]:
    named = {a.post.iri for a in absences}
    return frozenset(n for n in model.nodes if n in named or model.specialises.get(n, set()) & named) | named


def _triggered(graph: GovGraph, absences: Sequence[Absence]) -> set[str]:
    """The rules an absence brings into force (``acts-for.rq``: reason and length must fit)."""
    model = _model(graph)
    rules: set[str] = set()
    for absence in absences:
        if absence not in model.triggers:
            rows = graph.select(
                "acts-for",
                absentPost=ox.NamedNode(absence.post.iri),
                absenceReason=ox.NamedNode(absence.reason.iri) if absence.reason else None,
                absenceDuration=ox.NamedNode(absence.duration.iri) if absence.duration else None,
            )
            model.triggers[absence] = frozenset(_value(row, "rule") for row in rows)
        rules.update(model.triggers[absence])
    return rules


def _available(
    model: _Model, away: frozenset[str], triggered: set[str], standing_grants: bool
) -> tuple[list[Holding], list[Holding]]:
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
            blocked.append(_replace(norm, blocked_by=grantor))
        else:
            held.append(norm)
    return held, blocked


def play_scenario(graph: GovGraph, absences: Iterable[Absence | str], *, standing_grants: bool = False) -> Scenario:
    """Who holds each power, and by which chain, while the given posts are away.

    ``absences`` are ``Absence`` records or post names (any reason, any length).
    """
    model = _model(graph)
    chosen = _absences(graph, absences)
    away = _away(model, chosen)
    triggered = _triggered(graph, chosen)
    held, blocked = _available(model, away, triggered, standing_grants)
    gaps = _gaps_in(model, held, away, triggered, standing_grants)
    return Scenario(
        absences=chosen,
        holdings=tuple(_with_routes(model, h) for h in held),
        blocked=tuple(_with_routes(model, h) for h in blocked),
        gaps=tuple(gaps),
        away=away,
    )


def _gaps_in(model: _Model, held: list[Holding], away: frozenset[str], triggered: set[str], standing_grants: bool) -> list[Gap]:
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
            _with_routes(model, _replace(n, blocked_by=n.grantor if n.grantor and n.grantor.iri in away else None))
            for n in relevant
        ]
        gaps.append(Gap(power, tuple(lost)))
    return gaps


# ── weak spots ───────────────────────────────────────────────────────────────


def _is_leaf_post(model: _Model, iri: str) -> bool:
    """A post no other post specialises: its absence is one person's, not a whole class's."""
    if model.nodes.get(iri, {}).get("kind") != "post":
        return False
    return not any(iri in general for general in model.specialises.values())


def _posts_holding_powers(model: _Model) -> list[str]:
    return sorted({n.post.iri for n in model.norms if _is_leaf_post(model, n.post.iri)})


def _delegation_posts(model: _Model) -> list[str]:
    """Posts that pass powers on or receive them: the ones whose joint absences interact."""
    found: set[str] = set()
    for _, _, data in model.network.edges(data=True):
        edge: AuthorityEdge = data["record"]
        if edge.kind in DELEGATION_KINDS:
            found.update((edge.source.iri, edge.destination.iri))
    for n in model.norms:
        if n.absent_post is not None:
            found.add(n.absent_post.iri)
    return sorted(p for p in found if _is_leaf_post(model, p))


def cycles(graph: GovGraph) -> list[tuple[AuthorityEdge, ...]]:
    """Rings of posts passing powers to each other (acting and conferral edges), each edge once per pair."""
    model = _model(graph)
    simple = nx.DiGraph()
    for u, v, data in model.network.edges(data=True):
        edge: AuthorityEdge = data["record"]
        if edge.kind in DELEGATION_KINDS and u != v:
            simple.add_edge(u, v)
            simple[u][v].setdefault("records", []).append(edge)
    rings = []
    for cycle in sorted(nx.simple_cycles(simple), key=lambda c: (len(c), sorted(c))):
        pairs = list(zip(cycle, cycle[1:] + cycle[:1], strict=True))
        rings.append(tuple(e for u, v in pairs for e in simple[u][v]["records"]))
    return rings


def weak_spots(graph: GovGraph, *, standing_grants: bool = False) -> list[WeakSpot]:
    """Gaps, cycles, critical posts (ranked) and grants that need an absent grantor, with their articles."""
    model = _model(graph)
    singles = {
        post: play_scenario(graph, [Absence(_name(graph, post))], standing_grants=standing_grants)
        for post in _posts_holding_powers(model)
    }
    spots: list[WeakSpot] = []
    spots.extend(_critical_posts(singles))
    spots.extend(_gaps(graph, model, singles, standing_grants))
    spots.extend(_cycle_spots(graph))
    return spots


def _critical_posts(singles: dict[str, Scenario]) -> list[WeakSpot]:
    ranked = sorted(singles.values(), key=lambda s: (-len(s.gaps), s.absences[0].post.iri))
    spots = []
    for scenario in ranked:
        if not scenario.gaps:
            continue
        post = scenario.absences[0].post
        count = len(scenario.gaps)
        spots.append(
            WeakSpot(
                kind="critical-post",
                summary=Text(
                    f"{post.label('zh')}缺位时，{count}项权力无人行使",
                    f"While the {post.label('en')} is away, {count} power{'s have' if count != 1 else ' has'} no holder",
                ),
                posts=(post,),
                powers=tuple(g.power for g in scenario.gaps),
                scenario=scenario.absences,
                articles=_unique(c for g in scenario.gaps for c in g.articles()),
                score=count,
            )
        )
    return spots


def _gap_spot(scenario: Scenario, gap: Gap) -> WeakSpot:
    who_zh = "、".join(a.post.label("zh") for a in scenario.absences)
    who_en = " and the ".join(a.post.label("en") for a in scenario.absences)
    return WeakSpot(
        kind="gap",
        summary=Text(
            f"{who_zh}缺位时，无人可以{gap.power.label('zh')}",
            f"While the {who_en} {'is' if len(scenario.absences) == 1 else 'are'} away, no one can {gap.power.label('en')}",
        ),
        posts=tuple(a.post for a in scenario.absences),
        powers=(gap.power,),
        scenario=scenario.absences,
        articles=gap.articles(),
    )


def _grant_spot(scenario: Scenario, holding: Holding) -> WeakSpot:
    grantor = holding.blocked_by or holding.grantor
    assert grantor is not None
    how = holding.how
    return WeakSpot(
        kind="absent-grantor",
        summary=Text(
            f"{grantor.label('zh')}缺位，无法{_CONFERRAL_ZH.get(how, how)}{holding.post.label('zh')}{holding.power.label('zh')}",
            f"The {grantor.label('en')} is away and cannot make the grant ({how}) by which the {holding.post.label('en')} would {holding.power.label('en')}",
        ),
        posts=(grantor, holding.post),
        powers=(holding.power,),
        scenario=scenario.absences,
        articles=holding.articles(),
    )


_CONFERRAL_ZH = {"designated": "指定", "entrusted": "委托", "authorised": "授权", "consented": "同意"}


def _gaps(graph: GovGraph, model: _Model, singles: dict[str, Scenario], standing_grants: bool) -> list[WeakSpot]:
    spots: list[WeakSpot] = []
    lost_alone: dict[str, set[tuple[str, str]]] = {p: {g.power.key for g in s.gaps} for p, s in singles.items()}
    granted: set[str] = set()
    for scenario in singles.values():
        spots.extend(_gap_spot(scenario, g) for g in scenario.gaps)
    scenarios = list(singles.values())
    for first, second in itertools.combinations(_delegation_posts(model), 2):
        pair = play_scenario(
            graph, [Absence(_name(graph, first)), Absence(_name(graph, second))], standing_grants=standing_grants
        )
        scenarios.append(pair)
        alone = lost_alone.get(first, set()) | lost_alone.get(second, set())
        spots.extend(_gap_spot(pair, g) for g in pair.gaps if g.power.key not in alone)
    for scenario in scenarios:
        for holding in scenario.blocked:
            key = f"{holding.rule.iri} {holding.post.iri} {holding.power.key}"
            if key not in granted:
                granted.add(key)
                spots.append(_grant_spot(scenario, holding))
    return spots


def _cycle_spots(graph: GovGraph) -> list[WeakSpot]:
    spots = []
    for ring in cycles(graph):
        posts = _unique_named(e.source for e in ring)
        spots.append(
            WeakSpot(
                kind="cycle",
                summary=Text(
                    "权力在" + "→".join(p.label("zh") for p in (*posts, posts[0])) + "之间循环：同时缺位时互相无法代理",
                    "Powers pass round "
                    + " → ".join(p.label("en") for p in (*posts, posts[0]))
                    + ": if all are away, none can stand in",
                ),
                posts=posts,
                powers=tuple(_unique_powers(Power(e.act, e.about) for e in ring if e.about is not None)),
                scenario=(),
                articles=_unique(e.basis for e in ring),
            )
        )
    return spots


# ── helpers ──────────────────────────────────────────────────────────────────


def _unique(citations: Iterable[Citation]) -> tuple[Citation, ...]:
    seen: dict[str, Citation] = {}
    for c in citations:
        seen.setdefault(c.article.iri, c)
    return tuple(sorted(seen.values(), key=lambda c: (len(c.number), c.number)))


def _unique_named(items: Iterable[Named]) -> tuple[Named, ...]:
    seen: dict[str, Named] = {}
    for item in items:
        seen.setdefault(item.iri, item)
    return tuple(seen.values())


def _unique_powers(items: Iterable[Power]) -> list[Power]:
    seen: dict[tuple[str, str], Power] = {}
    for item in items:
        seen.setdefault(item.key, item)
    return list(seen.values())
