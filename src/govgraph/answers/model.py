"""What govgraph answers with: plain, frozen records that carry their citation.

Every answer names its basis: the article's IRI, number and text. ``to_dict()`` gives
the JSON form the CLI prints with ``--format json``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from fractions import Fraction
from typing import Any

from .._core.cite import Citation, Named, Text


@dataclass(frozen=True)
class Step:
    index: int
    approver: Named
    act: Named
    each_in_turn: bool = False


@dataclass(frozen=True)
class ApprovalChain:
    """Steps, in order, before a signature."""

    chain: Named
    steps: tuple[Step, ...]
    basis: Citation


@dataclass(frozen=True)
class Answer:
    """Who may / must / must not do an act, in which case, how the power reached them, on which article."""

    rule: Named
    modality: Named
    post: Named
    act: Named
    target: Named | None
    condition: Text | None
    conferral: Named
    grantor: Named | None
    on_behalf_of: Named | None
    chain: ApprovalChain | None
    if_necessary: bool
    basis: Citation

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Competence:
    """A meeting type that decides a kind of matter, within amount bounds."""

    rule: Named
    meeting: Named
    matter: Named
    minimum: float | None
    minimum_inclusive: bool | None
    maximum: float | None
    maximum_inclusive: bool | None
    condition: Text | None
    basis: Citation

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Member:
    post: Named
    rule: Named
    basis_number: str


@dataclass(frozen=True)
class Quorum:
    """A meeting type's members and how many must be present for an agenda kind."""

    meeting: Named
    agenda_kind: Named | None
    members: tuple[Member, ...]
    rule: Named | None
    numerator: int | None
    denominator: int | None
    inclusive: bool | None
    basis: Citation | None

    @property
    def fraction(self) -> Fraction | None:
        if self.numerator is None or self.denominator is None:
            return None
        return Fraction(self.numerator, self.denominator)

    def is_met(self, present: int, members: int) -> bool:
        """Whether ``present`` of ``members`` meets the quorum (an inclusive quorum admits exactly the fraction)."""
        if self.fraction is None:
            raise ValueError(f"no quorum rule for {self.meeting.iri}")
        needed = self.fraction * members
        return present >= needed if self.inclusive else present > needed

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["fraction"] = str(self.fraction) if self.fraction is not None else None
        return data


@dataclass(frozen=True)
class LeaveRule:
    """Whom a post's holder asks for leave or reports an absence to."""

    rule: Named
    post: Named
    act: Named
    occasion: Named
    recipient: Named
    condition: Text | None
    basis: Citation

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Deadline:
    rule: Named
    post: Named
    act: Named
    target: Named
    amount: float
    unit: Named
    direction: Named
    anchor: Text | None
    strength: Named | None
    basis: Citation

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ArticleView:
    """An article, its chapter and the rules resting on it."""

    article: Named
    number: str
    chapter: Named
    text: str
    rules: tuple[tuple[Named, Named], ...]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["rules"] = [{"rule": asdict(rule), "type": asdict(kind)} for rule, kind in self.rules]
        return data


@dataclass(frozen=True)
class Coverage:
    """How an article is modelled: by rules, as a principle, or not at all."""

    article: Named
    number: str
    chapter: Named
    rules: int
    principles: int
    status: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Violation:
    """A finding of one integrity shape (``shapes/rule-base.ttl``): a resource and what is wrong with it."""

    check: str  #: the shape's name, e.g. "RuleHasArticle"
    resource: Named  #: the resource that breaks it
    problem: str  #: what is wrong, in English
    message: Text  #: what is wrong, in zh and en
    path: str | None = None  #: the property concerned, if any
    value: Named | None = None  #: the value found, if not the resource itself (an undeclared class, a resource nothing describes)
    shape: str = ""  #: the shape's IRI

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
