"""What govgraph answers with: plain, frozen records that carry their citation.

Every answer names its basis: the article's IRI, number and text. ``to_dict()`` gives
the JSON form the CLI prints with ``--format json``; ``to_record()`` one flat row of labels
(and the IRIs beside them), the row a table or a ``pandas.DataFrame`` shows. A list of
answers is an :class:`AnswerList`: still a list, one line per answer when printed, a table in
a notebook, ``to_records()`` and ``to_frame()`` (pandas: the extra ``notebook``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields, is_dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from .._core.cite import Citation, Named, Text
from .._core.errors import GovGraphError
from .._core.words import word

if TYPE_CHECKING:
    from fractions import Fraction


# ── records, rows and lists of answers ───────────────────────────────────────


class Record:
    """A frozen answer record: a one-line repr, and one flat row of labels and IRIs.

    ``SUMMARY`` names the fields a one-line summary shows, in order (unset ones are left out);
    the article the record rests on ends the line.
    """

    SUMMARY: tuple[str, ...] = ()

    def one_line(self, lang: str = "zh") -> str:
        """The record in one line: its main fields' labels, then its article."""
        parts = [_flat(getattr(self, name), lang) for name in self.SUMMARY]
        basis = getattr(self, "basis", None) or getattr(self, "articles", None)
        basis = basis() if callable(basis) else basis
        return " · ".join(str(p) for p in [*parts, _flat(basis, lang)] if p not in (None, ""))

    def to_record(self, lang: str = "zh") -> dict[str, Any]:
        """One flat row: each field as its label in ``lang`` (a list as labels joined), and the
        IRI of each resource in a column ``<field>_iri`` beside it."""
        row: dict[str, Any] = {}
        for item in fields(self):  # type: ignore[arg-type]
            value = getattr(self, item.name)
            row[item.name] = _flat(value, lang)
            if _has_iri(str(item.type)):
                row[f"{item.name}_iri"] = _iri(value)
        return row

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.one_line()}>"


def _flat(value: Any, lang: str) -> Any:
    """A field's value as one cell: a label, a number, a flag, or labels joined."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, Record):
        return value.one_line(lang)
    if hasattr(value, "label"):
        return value.label(lang)
    if isinstance(value, (tuple, list, frozenset, set)):
        return word("chain.list_separator", lang).join(str(_flat(v, lang)) for v in value)
    if is_dataclass(value):
        return type(value).__name__
    return str(value)


def _has_iri(annotation: str) -> bool:
    """Whether a field holds one resource (or its article), whose IRI gets a column of its own."""
    return annotation.split(" ")[0] in ("Named", "Citation")


def _iri(value: Any) -> str | None:
    if isinstance(value, Named):
        return value.iri
    if isinstance(value, Citation):
        return value.article.iri
    return None


T = TypeVar("T")


class AnswerList(list[T]):
    """A list of answers (still a ``list``): one line per answer when printed, a table in a
    notebook, rows for pandas."""

    def __repr__(self) -> str:
        kind = type(self[0]).__name__ if self else "answers"
        return "\n".join([f"AnswerList: {len(self)} × {kind}", *(f"  {item!r}" for item in self)])

    def to_records(self, lang: str = "zh") -> list[dict[str, Any]]:
        """One flat dict per answer (labels in ``lang``, IRIs in the ``*_iri`` columns)."""
        return [_record(item, lang) for item in self]

    def to_frame(self, lang: str = "zh") -> Any:
        """A ``pandas.DataFrame`` of :meth:`to_records` (pandas: ``pip install 'govgraph[notebook]'``)."""
        try:
            import pandas
        except ImportError:
            raise GovGraphError("to_frame() needs pandas: pip install 'govgraph[notebook]'") from None
        return pandas.DataFrame.from_records(self.to_records(lang), columns=_columns(self.to_records(lang)))

    def _repr_html_(self) -> str:
        """A table for notebooks: labels, each resource's IRI as its tooltip."""
        import html

        records = self.to_records()
        shown = [c for c in _columns(records) if not c.endswith("_iri")]
        head = "".join(f"<th>{html.escape(c)}</th>" for c in shown)
        body = "".join(
            "<tr>" + "".join(_cell(r.get(c), r.get(f"{c}_iri")) for c in shown) + "</tr>" for r in records
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _record(item: Any, lang: str) -> dict[str, Any]:
    if isinstance(item, Record):
        return item.to_record(lang)
    if isinstance(item, dict):
        return {key: _flat(value, lang) for key, value in item.items()}
    return {"value": _flat(item, lang)}


def _columns(records: Iterable[dict[str, Any]]) -> list[str]:
    """Every column any row has, in the order first met."""
    seen: dict[str, None] = {}
    for record in records:
        seen.update(dict.fromkeys(record))
    return list(seen)


def _cell(value: Any, iri: str | None) -> str:
    import html

    shown = "" if value is None else html.escape(str(value))
    return f'<td title="{html.escape(iri)}">{shown}</td>' if iri else f"<td>{shown}</td>"


# ── the answers ──────────────────────────────────────────────────────────────


@dataclass(frozen=True, repr=False)
class Step(Record):
    SUMMARY = ("index", "approver", "act")

    index: int
    approver: Named
    act: Named
    each_in_turn: bool = False


@dataclass(frozen=True, repr=False)
class ApprovalChain(Record):
    """Steps, in order, before a signature."""

    SUMMARY = ("chain", "steps")

    chain: Named
    steps: tuple[Step, ...]
    basis: Citation


@dataclass(frozen=True, repr=False)
class Answer(Record):
    """Who may / must / must not do an act, in which case, how the power reached them, on which article."""

    SUMMARY = ("post", "modality", "act", "target", "condition", "waits_for")

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
    #: With an absent post asked: the absent grantor whose act this grant needs (it does not hold
    #: while the grantor is away); None for an answer that holds.
    waits_for: Named | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, repr=False)
class Competence(Record):
    """A meeting type that decides a kind of matter, within amount bounds."""

    SUMMARY = ("meeting", "matter", "minimum", "maximum", "condition")

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


@dataclass(frozen=True, repr=False)
class Member(Record):
    SUMMARY = ("post",)

    post: Named
    rule: Named
    basis_number: str


@dataclass(frozen=True, repr=False)
class Quorum(Record):
    """A meeting type's members and how many must be present for an agenda kind."""

    SUMMARY = ("meeting", "agenda_kind", "fraction")

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
        from fractions import Fraction

        return Fraction(self.numerator, self.denominator)

    def is_met(self, present: int, members: int) -> bool:
        """Whether ``present`` of ``members`` meets the quorum (an inclusive quorum admits exactly the fraction)."""
        if self.fraction is None:
            raise ValueError(f"no quorum rule for {self.meeting.iri}")
        if members < 1 or not 0 <= present <= members:
            raise ValueError(f"{present} present of {members} members: expected at least one member and 0 to {members} present")
        needed = self.fraction * members
        return present >= needed if self.inclusive else present > needed

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["fraction"] = str(self.fraction) if self.fraction is not None else None
        return data


@dataclass(frozen=True, repr=False)
class LeaveRule(Record):
    """Whom a post's holder asks for leave or reports an absence to."""

    SUMMARY = ("post", "act", "recipient", "occasion", "condition")

    rule: Named
    post: Named
    act: Named
    occasion: Named
    recipient: Named
    condition: Text | None
    basis: Citation

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, repr=False)
class Deadline(Record):
    SUMMARY = ("post", "act", "target", "amount", "unit", "direction", "anchor")

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


@dataclass(frozen=True, repr=False)
class ArticleView(Record):
    """An article, its chapter and the rules resting on it."""

    SUMMARY = ("article", "chapter")

    article: Named
    number: str
    chapter: Named
    text: str
    rules: tuple[tuple[Named, Named], ...]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["rules"] = [{"rule": asdict(rule), "type": asdict(kind)} for rule, kind in self.rules]
        return data


@dataclass(frozen=True, repr=False)
class Coverage(Record):
    """How an article is modelled: by rules, as a principle, or not at all."""

    SUMMARY = ("article", "status", "rules", "principles")

    article: Named
    number: str
    chapter: Named
    rules: int
    principles: int
    status: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, repr=False)
class Violation(Record):
    """A finding of one integrity shape (``shapes/rule-base.ttl``): a resource and what is wrong with it."""

    SUMMARY = ("check", "resource", "message")

    check: str  #: the shape's name, e.g. "RuleHasArticle"
    resource: Named  #: the resource that breaks it
    problem: str  #: what is wrong, in English
    message: Text  #: what is wrong, in zh and en
    path: str | None = None  #: the property concerned, if any
    value: Named | None = None  #: the value found, if not the resource itself (an undeclared class, a resource nothing describes)
    shape: str = ""  #: the shape's IRI

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
