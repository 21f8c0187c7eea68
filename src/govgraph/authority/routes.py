"""How a holding reaches its post: the edges of its rule, how the first post holds the power, the approval chain."""

from __future__ import annotations

from dataclasses import replace

from .build import Model
from .model import AuthorityEdge, Holding


def with_routes(model: Model, holding: Holding) -> Holding:
    """The holding with its route (edges of its rule into the post), origin and approval chain."""
    if holding not in model.routes:
        model.routes[holding] = _route(model, holding, frozenset())
    return model.routes[holding]


def _route(model: Model, holding: Holding, seen: frozenset[str]) -> Holding:
    route = tuple(
        e
        for e in model.edges_by_rule.get(holding.rule.iri, ())
        if e.destination.iri == holding.post.iri and e.about is not None and e.about.iri == holding.power.target.iri
    )
    before: tuple[AuthorityEdge, ...] = ()
    if holding.chain is not None:
        before = tuple(model.chain_edges.get((holding.chain.iri, holding.post.iri), ()))
    return replace(holding, route=route, origin=_origin(model, holding, route, seen), before=before)


def _origin(model: Model, holding: Holding, route: tuple[AuthorityEdge, ...], seen: frozenset[str]) -> Holding | None:
    """How the post the power comes from holds it itself: directly by a rule (with its own route), if any."""
    sources = [e.source.iri for e in route if e.kind == "acts-for"] or [e.source.iri for e in route]
    for source in sources:
        if source in seen:
            continue
        general = model.generalisations(source)
        candidates = [n for n in model.norms if n.power.key == holding.power.key and n.post.iri in general and n.direct]
        if candidates:
            return _route(model, candidates[0], seen | {holding.post.iri, source})
    return None
