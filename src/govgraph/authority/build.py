"""The authority graph of a rule base, built once per graph from the ``queries/authority-*.rq`` rows.

The model holds the nodes (posts, organs, roles and the posts each specialises), the edges,
every holding a rule gives (``authority-powers.rq``), and the edges of each rule and approval
chain, so that scenarios are played without asking again. The ``networkx.MultiDiGraph`` of the
same nodes and edges is made only when asked for (exports, pictures): importing networkx takes
longer than answering a question, so questions do without it.
"""

from __future__ import annotations

import functools
import weakref
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .._core.cite import Citer, Named, Row
from ..answers.graph import GovGraph
from .model import Absence, AuthorityEdge, Holding, Power

if TYPE_CHECKING:
    import networkx as nx


@dataclass
class Model:
    """Everything the rules say about authority in one graph, and what playing it has computed."""

    graph: GovGraph
    nodes: dict[str, dict[str, Any]]
    specialises: dict[str, set[str]]
    norms: list[Holding]
    edges: list[AuthorityEdge]
    edges_by_rule: dict[str, list[AuthorityEdge]]
    chain_edges: dict[tuple[str, str], list[AuthorityEdge]]
    routes: dict[Holding, Holding] = field(default_factory=dict)
    triggers: dict[Absence, frozenset[str]] = field(default_factory=dict)

    def generalisations(self, post: str) -> set[str]:
        """The post and every post it specialises: rules naming any of them apply to it."""
        return {post} | self.specialises.get(post, set())

    @functools.cached_property
    def network(self) -> nx.MultiDiGraph:
        """The nodes and edges as a ``networkx.MultiDiGraph`` (each edge's ``record``: its ``AuthorityEdge``)."""
        import networkx as nx

        network = nx.MultiDiGraph(name="authority")
        for iri, info in self.nodes.items():
            network.add_node(iri, **info)
        for edge in self.edges:
            network.add_edge(edge.source.iri, edge.destination.iri, key=edge.key, record=edge)
        return network


_MODELS: weakref.WeakKeyDictionary[GovGraph, Model] = weakref.WeakKeyDictionary()


def model_of(graph: GovGraph) -> Model:
    """The authority model of ``graph``, built on first use."""
    if graph not in _MODELS:
        _MODELS[graph] = _build(graph)
    return _MODELS[graph]


def authority_graph(graph: GovGraph) -> nx.MultiDiGraph:
    """The authority graph of the rule base: a copy, so callers may change it freely.

    Nodes are IRIs with ``kind``, ``label_zh``, ``label_en``, ``post_in``, ``specialises``;
    each edge has a ``record`` (an ``AuthorityEdge``: kind, act, condition, article).
    """
    return model_of(graph).network.copy()


def edges(graph: GovGraph, kinds: Iterable[str] | None = None) -> list[AuthorityEdge]:
    """Every edge of the authority graph (of the given kinds), in a stable order."""
    wanted = set(kinds) if kinds is not None else None
    return sorted((e for e in model_of(graph).edges if wanted is None or e.kind in wanted), key=lambda e: e.key)


def _build(graph: GovGraph) -> Model:
    cite = graph.cite
    nodes, specialises = _nodes(graph)
    found: dict[tuple[str, str, str], AuthorityEdge] = {}
    edges_by_rule: dict[str, list[AuthorityEdge]] = defaultdict(list)
    for edge in _rule_edges(graph, "authority-delegations", "target") + _rule_edges(graph, "authority-relations", "about"):
        _add_edge(found, nodes, edge)
        if edge.rule is not None:
            edges_by_rule[edge.rule.iri].append(edge)
    chain_edges = _chain_edges(graph)
    for chain in chain_edges.values():
        for edge in chain:
            if (edge.source.iri, edge.destination.iri, edge.key) not in found:
                _add_edge(found, nodes, edge)
    norms = _merge(_holding(cite, row) for row in graph.select("authority-powers"))
    return Model(graph, nodes, specialises, norms, list(found.values()), dict(edges_by_rule), chain_edges)


def _node(named: Named, kind: str) -> dict[str, Any]:
    return {"kind": kind, "label_zh": named.zh or "", "label_en": named.en or "", "post_in": ""}


def _nodes(graph: GovGraph) -> tuple[dict[str, dict[str, Any]], dict[str, set[str]]]:
    """Posts, organs and roles (``authority-nodes.rq``), with the organ each post sits in and the posts it specialises."""
    cite = graph.cite
    nodes: dict[str, dict[str, Any]] = {}
    specialises: dict[str, set[str]] = defaultdict(set)
    for row in graph.select("authority-nodes"):
        node = cite.required(row, "node")
        nodes.setdefault(node.iri, _node(node, cite.required(row, "kind").iri))
        post_in, general = cite.named(row["postIn"]), cite.named(row["specialises"])
        if post_in is not None:
            nodes[node.iri]["post_in"] = post_in.iri
        if general is not None:
            specialises[node.iri].add(general.iri)
    for iri, general_posts in specialises.items():
        nodes[iri]["specialises"] = " ".join(sorted(general_posts))
    return nodes, dict(specialises)


def _add_edge(found: dict[tuple[str, str, str], AuthorityEdge], nodes: dict[str, dict[str, Any]], edge: AuthorityEdge) -> None:
    """One edge (the last of the same ends and key wins, as in a multigraph); its ends become nodes."""
    for end in (edge.source, edge.destination):
        if end.iri not in nodes:  # e.g. a meeting type named as an approver: kept, as what it is
            nodes[end.iri] = _node(end, "other")
    found[(edge.source.iri, edge.destination.iri, edge.key)] = edge


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _rule_edges(graph: GovGraph, query: str, about: str) -> list[AuthorityEdge]:
    """One edge per row of ``query`` (rows repeating a rule's optional values collapse into one).

    ``authority-delegations.rq``: acting, entrusting, authorising, designating and consenting;
    ``authority-relations.rq``: leading, assisting, reporting and notifying.
    """
    cite = graph.cite
    found: dict[str, AuthorityEdge] = {}
    for row in graph.select(query):
        kind, rule = cite.required(row, "kind").iri, cite.required(row, "rule")
        source, destination, what = cite.required(row, "from"), cite.required(row, "to"), cite.named(row[about])
        key = ":".join([kind, *(_local(n.iri) for n in (rule, source, destination)), _local(what.iri) if what else ""])
        if key not in found:
            found[key] = AuthorityEdge(
                key=key,
                kind=kind,
                source=source,
                destination=destination,
                act=cite.required(row, "action"),
                about=what,
                condition=cite.text(row),
                rule=rule,
                basis=cite.citation(row),
            )
    return list(found.values())


def _chain_edges(graph: GovGraph) -> dict[tuple[str, str], list[AuthorityEdge]]:
    """Per (chain, signer): one edge per step, from its approver to the next one (the last to the signer)."""
    cite = graph.cite
    steps: dict[tuple[str, str], dict[int, Row]] = defaultdict(dict)
    for row in graph.select("authority-chains"):
        chain, signer = cite.required(row, "chain").iri, cite.required(row, "signer").iri
        steps[(chain, signer)].setdefault(int(cite.required(row, "stepIndex").iri), row)
    return {
        key: _chain_steps(cite, [by_index[i] for i in sorted(by_index)]) for key, by_index in steps.items()
    }


def _chain_steps(cite: Citer, ordered: list[Row]) -> list[AuthorityEdge]:
    """The edges of one chain's steps, in order: each approver hands on to the next, the last to the signer."""
    found = []
    for position, row in enumerate(ordered):
        chain, source = cite.required(row, "chain"), cite.required(row, "approver")
        after = cite.required(ordered[position + 1], "approver") if position + 1 < len(ordered) else cite.required(row, "signer")
        index = int(cite.required(row, "stepIndex").iri)
        found.append(
            AuthorityEdge(
                key=f"approval-step:{_local(chain.iri)}:{index}:{_local(source.iri)}:{_local(after.iri)}",
                kind="approval-step",
                source=source,
                destination=after,
                act=cite.required(row, "stepAct"),
                about=chain,
                condition=cite.text(row, "chainZh", "chainEn"),
                rule=chain,
                basis=cite.citation(row),
                step=index,
            )
        )
    return found


def _holding(cite: Citer, row: Row) -> Holding:
    """A holding as ``authority-powers.rq`` gives it: who, which power, how, by which rule and article."""
    if_necessary = row["ifNecessary"]
    return Holding(
        post=cite.required(row, "assignee"),
        power=Power(cite.required(row, "action"), cite.required(row, "target")),
        how=cite.required(row, "how").iri,
        rule=cite.required(row, "rule"),
        modality=cite.required(row, "modality"),
        condition=cite.text(row),
        grantor=cite.named(row["grantor"]),
        on_behalf_of=cite.named(row["onBehalfOf"]),
        absent_post=cite.named(row["absentPost"]),
        basis=cite.citation(row),
        chain=cite.named(row["chain"]),
        if_necessary=if_necessary is not None and if_necessary.value in ("true", "1"),
    )


def _merge(norms: Iterable[Holding]) -> list[Holding]:
    """One holding per (rule, post, power): rows differ only by repeated optional values."""
    seen: dict[tuple[str, str, tuple[str, str]], Holding] = {}
    for h in norms:
        seen.setdefault((h.rule.iri, h.post.iri, h.power.key), h)
    return list(seen.values())
