"""A rule base's competency questions: the rules in sentences, asked as a user asks them.

A rule base carries its own questions in ``tests/competency.toml`` beside its Turtle
files: each ``[[question]]`` has a ``name`` (the rule in a sentence), what to ask (``ask``
and its arguments, as a user types them) and what the regulation answers (``expect_*``).
:func:`questions` reads them, :meth:`Question.ask` asks one, :meth:`Question.mismatches`
says where an answer differs from what is expected (an empty list: answered as expected).

    ask = "who"        action, target, [absent, reason, long, agenda, amount]
    ask = "acts_for"   post, [reason, long]
    ask = "decide"     [amount], [matter]
    ask = "quorum"     meeting, [agenda]
    ask = "leave"      post
    ask = "deadlines"  [act]
    ask = "article"    number

    expect_posts       the exact set of posts (zh labels) that answer; [] means nobody
    expect_articles    the exact set of article numbers the answers cite
    expect_conferral   post → how the power reaches it (its conferral's zh label)
    expect_grantor     post → who entrusts / authorises / designates / consents
    expect_modality    the kind of norm of every answer (zh label)
    expect_chain       post → the approvers before its signature, in order
    expect_meetings    (decide) the exact set of meeting types
    expect_members, expect_fraction, expect_inclusive,
    expect_met = [[present, members, met], …]   (quorum)
    expect_recipients  (leave) the exact set of recipients
    expect_deadline    (deadlines) [amount, unit] of every answer
    expect_rule_count  (article) how many rules rest on the article
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from .._core.errors import InputError
from ..law.jurisdictions import Jurisdiction

#: Where a rule base keeps its competency questions, relative to its folder.
QUESTIONS_FILE = Path("tests") / "competency.toml"


@dataclass(frozen=True)
class Question:
    """One competency question of a rule base."""

    name: str
    ask_kind: str
    arguments: dict[str, Any] = field(default_factory=dict)
    expected: dict[str, Any] = field(default_factory=dict)
    source: str = ""

    def ask(self, graph: Any) -> Any:
        """Ask ``graph`` (a GovGraph) the question as the library's user would."""
        a = self.arguments
        askers: dict[str, Callable[[], Any]] = {
            "who": lambda: graph.who(
                a["action"], a["target"], absent=a.get("absent"), reason=a.get("reason"),
                long_absence=a.get("long"), agenda=a.get("agenda"), amount=a.get("amount"),
            ),
            "acts_for": lambda: graph.acts_for(a["post"], reason=a.get("reason"), long_absence=a.get("long")),
            "decide": lambda: graph.decide(amount=a.get("amount"), matter=a.get("matter")),
            "quorum": lambda: graph.quorum(a["meeting"], a.get("agenda")),
            "leave": lambda: graph.leave(a["post"]),
            "deadlines": lambda: graph.deadlines(a.get("act")),
            "article": lambda: graph.article(a["number"]),
        }
        return askers[self.ask_kind]()

    def mismatches(self, answer: Any) -> list[str]:
        """Where ``answer`` differs from what the question expects (empty: as expected)."""
        problems: list[str] = []
        for key, wanted in self.expected.items():
            got = _EXPECTATIONS[key](answer, wanted)
            if got is not None:
                problems.append(f"{key}: expected {wanted!r}, got {got!r}")
        return problems


def questions(rule_base: Jurisdiction) -> list[Question]:
    """The competency questions a rule base carries (none if it has no questions file)."""
    path = rule_base.folder / QUESTIONS_FILE
    if not path.is_file():
        return []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise InputError(str(path), f"not valid TOML: {exc}") from None
    found = []
    for entry in data.get("question", []):
        entry = dict(entry)
        name, kind = entry.pop("name", None), entry.pop("ask", None)
        if not name or kind not in _ASK_KINDS:
            raise InputError(str(path), f"a [[question]] needs a name and ask = one of {', '.join(_ASK_KINDS)} (got {name!r}, {kind!r})")
        unknown = [k for k in entry if k.startswith("expect_") and k not in _EXPECTATIONS]
        if unknown:
            raise InputError(str(path), f"question {name!r}: unknown {', '.join(unknown)}: expected one of {', '.join(_EXPECTATIONS)}")
        expected = {k: v for k, v in entry.items() if k.startswith("expect_")}
        arguments = {k: v for k, v in entry.items() if not k.startswith("expect_")}
        found.append(Question(name, kind, arguments, expected, str(path)))
    return found


_ASK_KINDS = ("who", "acts_for", "decide", "quorum", "leave", "deadlines", "article")


# ── expectations: each returns None when met, else what was found ───────────────


def _items(answer: Any) -> list[Any]:
    return answer if isinstance(answer, list) else [answer]


def _same(found: Any, wanted: Any) -> Any:
    return None if found == wanted else found


def _cited(answer: Any, wanted: list[str]) -> Any:
    return _same({i.basis.number for i in _items(answer) if getattr(i, "basis", None) is not None}, set(wanted))


def _posts(answer: list[Any], wanted: list[str]) -> Any:
    uncited = [a.post.zh for a in answer if not a.basis.text or not a.basis.article.iri]
    if uncited:
        return f"answers without their article's text: {uncited}"
    return _same({a.post.zh for a in answer}, set(wanted))


def _per_post(attribute: Callable[[Any], Any]) -> Callable[[list[Any], dict[str, str]], Any]:
    def check(answer: list[Any], wanted: dict[str, str]) -> Any:
        found = {post: {attribute(a) for a in answer if a.post.zh == post} - {None} for post in wanted}
        return _same(found, {post: {value} for post, value in wanted.items()})

    return check


def _chain(answer: list[Any], wanted: dict[str, list[str]]) -> Any:
    for post, approvers in wanted.items():
        chains = [a.chain for a in answer if a.post.zh == post]
        if not chains or any(c is None or not c.basis.text for c in chains):
            return {post: "no approval chain with its article"}
        for chain in chains:
            steps = [s.approver.zh for s in chain.steps]
            if steps != approvers or [s.index for s in chain.steps] != list(range(1, len(steps) + 1)):
                return {post: steps}
    return None


def _met(answer: Any, wanted: list[list[Any]]) -> Any:
    wrong = [(present, members) for present, members, met in wanted if answer.is_met(present, members) is not met]
    return wrong or None


def _deadline(answer: list[Any], wanted: list[Any]) -> Any:
    found = {(d.amount, d.unit.zh) for d in answer}
    return None if answer and found == {tuple(wanted)} else found


_EXPECTATIONS: dict[str, Callable[[Any, Any], Any]] = {
    "expect_articles": _cited,
    "expect_posts": _posts,
    "expect_conferral": _per_post(lambda a: a.conferral.zh),
    "expect_grantor": _per_post(lambda a: a.grantor.zh if a.grantor else None),
    "expect_modality": lambda answer, wanted: _same({a.modality.zh for a in answer}, {wanted}),
    "expect_chain": _chain,
    "expect_meetings": lambda answer, wanted: _same({c.meeting.zh for c in answer}, set(wanted)),
    "expect_members": lambda answer, wanted: _same({m.post.zh for m in answer.members}, set(wanted)),
    "expect_fraction": lambda answer, wanted: _same(answer.fraction, Fraction(wanted)),
    "expect_inclusive": lambda answer, wanted: _same(answer.inclusive, wanted),
    "expect_met": _met,
    "expect_recipients": lambda answer, wanted: _same({r.recipient.zh for r in answer}, set(wanted)),
    "expect_deadline": _deadline,
    "expect_rule_count": lambda answer, wanted: _same(len(answer.rules), wanted),
}
