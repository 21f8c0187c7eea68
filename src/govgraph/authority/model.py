"""The records of the authority graph: powers, edges, holdings, absences, scenarios and weak spots.

Their labels come from the rule base (posts, acts, articles) and from ``_core/words.toml`` (kinds
of edge and node); Python writes none of them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from .._core.cite import Citation, Named, Text, unique_citations, unique_named
from .._core.terms import LONGER_PERIOD, SHORTER_PERIOD
from .._core.words import text, word
from ..answers.model import Record

if TYPE_CHECKING:
    from ..answers.graph import GovGraph

#: Kinds of edge (the keys the authority-*.rq queries return), in the order legends list them,
#: with the colour pictures draw each in. Their labels are the ``[edge]`` words.
EDGE_COLOURS: dict[str, str] = {
    "acts-for": "#d62728",
    "designates": "#ff7f0e",
    "entrusts": "#2ca02c",
    "authorises": "#1f77b4",
    "consents": "#17becf",
    "approval-step": "#9467bd",
    "leads": "#555555",
    "dual-leads": "#8c564b",
    "assists": "#bcbd22",
    "reports": "#7f7f7f",
    "notifies": "#c7c7c7",
}
#: Kinds of edge: key → (zh, en, colour), the labels from the words file.
EDGE_KINDS: dict[str, tuple[str, str, str]] = {
    key: (word(f"edge.{key}", "zh"), word(f"edge.{key}", "en"), colour) for key, colour in EDGE_COLOURS.items()
}
#: Kinds of edge along which a power moves from one post to another.
DELEGATION_KINDS = ("acts-for", "designates", "entrusts", "authorises", "consents")
#: Kinds of node: key → (zh, en), the labels from the words file.
NODE_KINDS: dict[str, tuple[str, str]] = {
    key: (word(f"node.{key}", "zh"), word(f"node.{key}", "en")) for key in ("post", "organ", "role")
}


@dataclass(frozen=True)
class Power:
    """An act on a target that a rule gives someone: the unit that is held, passed on or lost."""

    act: Named
    target: Named

    def label(self, lang: str = "zh") -> str:
        return word("holding.power", lang, act=self.act.label(lang), target=self.target.label(lang))

    @property
    def key(self) -> tuple[str, str]:
        return (self.act.iri, self.target.iri)


@dataclass(frozen=True, repr=False)
class AuthorityEdge(Record):
    """One edge of the authority graph: how authority runs from ``source`` to ``destination``."""

    SUMMARY = ("source", "kind_label", "destination", "act", "about", "condition")

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
        return text(f"edge.{self.kind}")


@dataclass(frozen=True, repr=False)
class Holding(Record):
    """A post (organ, role) holding a power by one rule, how it came to hold it, and on which article.

    ``route`` is the edges of the rule by which the power reaches ``post`` (empty when held
    directly): an acting edge from the post acted for and/or a grant edge from the grantor;
    ``origin`` is how the first post of the route holds the power itself, if the rules say;
    ``before`` is the approval chain that precedes the act; ``blocked_by`` is the absent grantor
    a grant waits for in a scenario.
    """

    SUMMARY = ("post", "power", "how", "via", "condition", "blocked_by")

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
        return unique_citations(found)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, repr=False)
class Absence(Record):
    """A post whose holder is away, why (``None``: any reason) and for how long (``None``: any length)."""

    SUMMARY = ("post", "reason", "duration")

    post: Named
    reason: Named | None = None
    duration: Named | None = None

    @classmethod
    def of(cls, graph: GovGraph, post: str, reason: str | None = None, long_absence: bool | None = None) -> Absence:
        """Resolve names (zh, en, CURIE or IRI) into an absence."""
        duration = None if long_absence is None else (LONGER_PERIOD if long_absence else SHORTER_PERIOD)
        return cls(
            graph.names.named(graph.resolve(post, "post")),
            graph.cite.named(graph.resolve(reason, "reason")) if reason else None,
            graph.cite.named(duration),
        )

    def label(self, lang: str = "zh") -> str:
        details = [x.label(lang) for x in (self.reason, self.duration) if x is not None]
        return self.post.label(lang) + (f" ({', '.join(details)})" if details else "")


@dataclass(frozen=True, repr=False)
class Gap(Record):
    """A power nobody can exercise in a scenario, and the holdings that are away or blocked."""

    SUMMARY = ("power",)

    power: Power
    lost: tuple[Holding, ...]

    def articles(self) -> tuple[Citation, ...]:
        return unique_citations(c for h in self.lost for c in h.articles())


@dataclass(frozen=True, repr=False)
class Scenario(Record):
    """Who holds each power while some posts are away, and what nobody can do."""

    SUMMARY = ("absences",)

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
        return list(unique_named(h.grantor for h in self.holdings if h.grantor is not None))

    def gap(self, act: str, target: str) -> Gap | None:
        return next((g for g in self.gaps if g.power.key == (act, target)), None)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["away"] = sorted(self.away)
        return data


@dataclass(frozen=True, repr=False)
class WeakSpot(Record):
    """Something the rules leave fragile, with the posts, powers and articles involved.

    ``kind`` is ``gap`` (nobody can exercise a power in ``scenario``), ``cycle`` (powers pass round
    a ring of posts), ``critical-post`` (``score`` powers lose every holder when the post is away)
    or ``absent-grantor`` (a grant needs a grantor who is away in ``scenario``).
    """

    SUMMARY = ("kind", "summary")

    kind: str
    summary: Text
    posts: tuple[Named, ...]
    powers: tuple[Power, ...]
    scenario: tuple[Absence, ...]
    articles: tuple[Citation, ...]
    score: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
