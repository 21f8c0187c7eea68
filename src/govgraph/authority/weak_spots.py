"""Weak spots: what the rules leave fragile, each with its posts, powers and articles.

Gaps (for one post away, and for two posts that pass powers between them away together), cycles
of acting and conferral, posts ranked by how many powers their absence leaves without a holder,
and grants that need a grantor who is away. Summaries are the ``[weak_spot]`` words.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator

from .._core.cite import Text, unique_citations, unique_named
from .._core.words import LANGUAGES, table, word
from ..answers.graph import GovGraph
from ..answers.model import AnswerList
from .build import Model, model_of
from .model import DELEGATION_KINDS, Absence, AuthorityEdge, Gap, Holding, Power, Scenario, WeakSpot
from .scenarios import play_scenario


def cycles(graph: GovGraph) -> list[tuple[AuthorityEdge, ...]]:
    """Rings of posts passing powers to each other (acting and conferral edges), each edge once per pair."""
    records: dict[tuple[str, str], list[AuthorityEdge]] = defaultdict(list)
    for edge in model_of(graph).edges:
        if edge.kind in DELEGATION_KINDS and edge.source.iri != edge.destination.iri:
            records[(edge.source.iri, edge.destination.iri)].append(edge)
    rings = []
    for cycle in sorted(_rings(records), key=lambda c: (len(c), sorted(c))):
        pairs = list(zip(cycle, cycle[1:] + cycle[:1], strict=True))
        rings.append(tuple(e for pair in pairs for e in records[pair]))
    return rings


def _rings(pairs: Iterable[tuple[str, str]]) -> Iterator[list[str]]:
    """Every ring of the directed pairs once, from its least post: paths from each post through
    greater posts only, back to it. (The delegation graph has a handful of posts; networkx's
    ``simple_cycles`` would do the same, but importing networkx takes longer than the question.)"""
    after: dict[str, list[str]] = defaultdict(list)
    for source, destination in sorted(set(pairs)):
        after[source].append(destination)

    def walk(path: list[str]) -> Iterator[list[str]]:
        for following in after[path[-1]]:
            if following == path[0]:
                yield list(path)
            elif following > path[0] and following not in path:
                yield from walk([*path, following])

    for start in sorted(after):
        yield from walk([start])


def weak_spots(graph: GovGraph, *, standing_grants: bool = False) -> AnswerList[WeakSpot]:
    """Gaps, cycles, critical posts (ranked) and grants that need an absent grantor, with their articles."""
    model = model_of(graph)
    singles = {
        post: play_scenario(graph, [Absence(graph.names.named(post))], standing_grants=standing_grants)
        for post in _posts_holding_powers(model)
    }
    spots: AnswerList[WeakSpot] = AnswerList()
    spots.extend(_critical_posts(singles))
    spots.extend(_gaps(graph, model, singles, standing_grants))
    spots.extend(_cycle_spots(graph))
    return spots


# ── which posts to play away ─────────────────────────────────────────────────


def _is_leaf_post(model: Model, iri: str) -> bool:
    """A post no other post specialises: its absence is one person's, not a whole class's."""
    if model.nodes.get(iri, {}).get("kind") != "post":
        return False
    return not any(iri in general for general in model.specialises.values())


def _posts_holding_powers(model: Model) -> list[str]:
    return sorted({n.post.iri for n in model.norms if _is_leaf_post(model, n.post.iri)})


def _delegation_posts(model: Model) -> list[str]:
    """Posts that pass powers on or receive them: the ones whose joint absences interact."""
    found: set[str] = set()
    for edge in model.edges:
        if edge.kind in DELEGATION_KINDS:
            found.update((edge.source.iri, edge.destination.iri))
    for n in model.norms:
        if n.absent_post is not None:
            found.add(n.absent_post.iri)
    return sorted(p for p in found if _is_leaf_post(model, p))


# ── the spots ────────────────────────────────────────────────────────────────


def _summary(key: str, values: Callable[[str], dict[str, object]]) -> Text:
    """The words ``weak_spot.<key>`` in each language, filled with that language's ``values``."""
    return Text(*(word(f"weak_spot.{key}", lang, **values(lang)) for lang in LANGUAGES))


def _critical_posts(singles: dict[str, Scenario]) -> list[WeakSpot]:
    ranked = sorted(singles.values(), key=lambda s: (-len(s.gaps), s.absences[0].post.iri))
    spots = []
    for scenario in ranked:
        if not scenario.gaps:
            continue
        post, count = scenario.absences[0].post, len(scenario.gaps)
        spots.append(
            WeakSpot(
                kind="critical-post",
                summary=_summary(
                    "critical_post" if count != 1 else "critical_post_one",
                    lambda lang, post=post, count=count: {"post": post.label(lang), "count": count},
                ),
                posts=(post,),
                powers=tuple(g.power for g in scenario.gaps),
                scenario=scenario.absences,
                articles=unique_citations(c for g in scenario.gaps for c in g.articles()),
                score=count,
            )
        )
    return spots


def _gap_spot(scenario: Scenario, gap: Gap) -> WeakSpot:
    def values(lang: str) -> dict[str, object]:
        return {
            "posts": word("weak_spot.posts_and", lang).join(a.post.label(lang) for a in scenario.absences),
            "verb": word("weak_spot.verb_one" if len(scenario.absences) == 1 else "weak_spot.verb_many", lang),
            "power": gap.power.label(lang),
        }

    return WeakSpot(
        kind="gap",
        summary=_summary("gap", values),
        posts=tuple(a.post for a in scenario.absences),
        powers=(gap.power,),
        scenario=scenario.absences,
        articles=gap.articles(),
    )


def _grant_spot(scenario: Scenario, holding: Holding) -> WeakSpot:
    grantor = holding.blocked_by or holding.grantor
    assert grantor is not None
    conferral = f"weak_spot.how_{holding.how}"

    def values(lang: str) -> dict[str, object]:
        return {
            "grantor": grantor.label(lang),
            "how": word(conferral, lang) if conferral in table() else holding.how,
            "post": holding.post.label(lang),
            "power": holding.power.label(lang),
        }

    return WeakSpot(
        kind="absent-grantor",
        summary=_summary("absent_grantor", values),
        posts=(grantor, holding.post),
        powers=(holding.power,),
        scenario=scenario.absences,
        articles=holding.articles(),
    )


def _gaps(graph: GovGraph, model: Model, singles: dict[str, Scenario], standing_grants: bool) -> list[WeakSpot]:
    """Gaps of one post away, new gaps of two delegating posts away together, and grants blocked in any of them."""
    spots: list[WeakSpot] = []
    lost_alone: dict[str, set[tuple[str, str]]] = {p: {g.power.key for g in s.gaps} for p, s in singles.items()}
    for scenario in singles.values():
        spots.extend(_gap_spot(scenario, g) for g in scenario.gaps)
    scenarios = list(singles.values())
    for first, second in itertools.combinations(_delegation_posts(model), 2):
        pair = play_scenario(
            graph, [Absence(graph.names.named(first)), Absence(graph.names.named(second))], standing_grants=standing_grants
        )
        scenarios.append(pair)
        alone = lost_alone.get(first, set()) | lost_alone.get(second, set())
        spots.extend(_gap_spot(pair, g) for g in pair.gaps if g.power.key not in alone)
    granted: set[str] = set()
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
        posts = unique_named(e.source for e in ring)

        def values(lang: str, posts: tuple = posts) -> dict[str, object]:
            return {"ring": word("weak_spot.ring_arrow", lang).join(p.label(lang) for p in (*posts, posts[0]))}

        spots.append(
            WeakSpot(
                kind="cycle",
                summary=_summary("cycle", values),
                posts=posts,
                powers=_unique_powers(Power(e.act, e.about) for e in ring if e.about is not None),
                scenario=(),
                articles=unique_citations(e.basis for e in ring),
            )
        )
    return spots


def _unique_powers(items: Iterable[Power]) -> tuple[Power, ...]:
    seen: dict[tuple[str, str], Power] = {}
    for item in items:
        seen.setdefault(item.key, item)
    return tuple(seen.values())
