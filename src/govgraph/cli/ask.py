"""The analyst's questions: who, decide, quorum, leave, deadlines.

Each command resolves the names it is given, asks the library, and prints the answer
with its citation: a table for people (``--lang zh|en``), JSON for machines.
"""

from __future__ import annotations

from decimal import Decimal

import click

from .._core.cite import Text
from .._core.errors import GovGraphError
from ..answers.model import Answer
from ._common import TARGET_KINDS, Asking, amount_option, asks, complete_names, console, table
from ._printing import label, per_government, print_answers, print_articles, show


@click.command()
@click.argument("action", shell_complete=complete_names("act", also=("acts-for",)))
@click.argument("target", shell_complete=complete_names(*TARGET_KINDS))
@click.option("--absent", metavar="POST", shell_complete=complete_names("post"), help="Case: this post's holder is away.")
@click.option("--absence", "reason", metavar="REASON", shell_complete=complete_names("reason"), help="Case: why the holder is away (a reason of absence: away, study, business trip, sick leave…; zh or en).")
@click.option("--long/--short", "long_absence", default=None, help="Case: away for a longer period, or briefly.")
@click.option(
    "--standing-grants", is_flag=True, help="With --absent: grants made before the absence stand (default: a grant needs its grantor present)."
)
@click.option("--agenda", metavar="KIND", shell_complete=complete_names("agenda"), help="Case: the kind of agenda item (e.g. the personnel agenda).")
@amount_option("Case: the sum of money involved, in yuan: digits (3000000, 3,000,000) or as written in Chinese, with wan or numerals.")
@asks("table", "json", "csv")
def who(
    ask: Asking,
    action: str,
    target: str,
    absent: str | None,
    reason: str | None,
    long_absence: bool | None,
    standing_grants: bool,
    agenda: str | None,
    amount: Decimal | None,
) -> None:
    """Who may, must or must not do ACTION on TARGET, in which case, and on which article.

    ACTION is an act (convene, preside, sign, …, or its Chinese label); TARGET a meeting
    type, document kind, matter or portfolio. With ACTION "acts-for", TARGET is a post: who acts for
    it while its holder is away, and who designates them.

    With --absent, a grant whose grantor is the absent post is listed apart, saying that it needs
    the grantor's act and the grantor is away (as `chain --absent` does), unless the rule is about
    that very absence or --standing-grants is given.

    Exit codes: 0 answered; 1 no rule gives anyone ACTION on TARGET (at all, or in the case asked:
    the nearest rules are listed); 2 bad input, or ACTION is never done on this kind of TARGET (the
    kinds it applies to are suggested).
    """
    case = {"absent": absent, "reason": reason, "long_absence": long_absence, "agenda": agenda, "amount": amount}
    asked: dict[tuple[str, ...], object] = {}

    def answer(graph):  # noqa: ANN001, ANN202 - one government's answers, asked once
        key = tuple(graph.graphs or ())
        if key not in asked:
            if action == "acts-for":
                asked[key] = graph.acts_for(target, reason=reason, long_absence=long_absence)
            else:
                asked[key] = graph.who(action, target, standing_grants=standing_grants, **case)
        return asked[key]

    if action != "acts-for" and not any(_answers_in(graph, answer) for graph in ask.scopes()):
        from .cards import explain_none

        explain_none(ask, action, target, **case)
    waiting: dict[tuple[str, str], Text] = {}

    def show_one(found) -> None:  # noqa: ANN001
        holding = [a for a in found if a.waits_for is None]
        if holding or not found:
            print_answers(ask, holding, f"{action} {target}")
        else:
            console().print(ask.word("holding.no_holder"), markup=False)
        print_waiting(ask, [a for a in found if a.waits_for is not None], waiting)

    def to_json(found: Answer) -> dict:
        data = found.to_dict()
        reason_ = waiting.get((found.rule.iri, found.post.iri))
        if reason_ is not None:
            data["why_waiting"] = {"zh": reason_.zh, "en": reason_.en}
        return data

    if absent is not None:
        for graph in ask.scopes():
            waiting.update(why_waiting_in(graph, _answers_or_none(graph, answer), absent, reason, long_absence))
    per_government(ask, answer, show_one, to_json, sheet=lambda: _answer_sheet(ask, waiting))


def _answer_sheet(ask: Asking, waiting: dict[tuple[str, str], Text]):  # noqa: ANN202 - a cli._csv.Sheet
    """An answer of ``who`` as a CSV row: citing its rule's article and its approval chain's, and
    saying why it waits when its grantor is away."""
    from ._csv import Sheet

    def why(answer: Answer) -> str:
        said = waiting.get((answer.rule.iri, answer.post.iri))
        return said.label(ask.lang) if said is not None else ""

    return Sheet(Answer, extra=(("why_waiting", why),), cites=lambda a: [a.basis, a.chain.basis if a.chain else None])


def _answers_in(graph, answer) -> bool:  # noqa: ANN001
    """Whether ``answer(graph)`` found anything (a name this government does not know: nothing)."""
    return bool(_answers_or_none(graph, answer))


def _answers_or_none(graph, answer) -> list:  # noqa: ANN001
    try:
        return list(answer(graph))
    except GovGraphError:
        return []


def why_waiting_in(graph, answers: list[Answer], absent: str, reason: str | None, long_absence: bool | None) -> dict[tuple[str, str], Text]:  # noqa: ANN001, E501
    """Why each answer that waits for an absent grantor does not hold, by (rule, post): the
    sentence of the absence scenario (``authority.why_waiting``), the one absence logic."""
    if not any(a.waits_for is not None for a in answers):
        return {}
    from ..authority import Absence, play_scenario, why_waiting

    scenario = play_scenario(graph, [Absence.of(graph, absent, reason, long_absence)])
    return {(h.rule.iri, h.post.iri): why_waiting(h) for h in scenario.blocked}


def print_waiting(ask: Asking, answers: list[Answer], why: dict[tuple[str, str], Text]) -> None:
    """The grants that wait for an absent grantor, each saying why, with their articles."""
    if not answers:
        return
    lang = ask.lang

    def because(answer: Answer) -> str:
        said = why.get((answer.rule.iri, answer.post.iri))
        return said.label(lang) if said is not None else ask.word("holding.away", grantor=answer.waits_for.label(lang))

    rows = [
        [label(a.post, lang), f"{label(a.act, lang)}\n{label(a.target, lang)}", label(a.condition, lang), because(a), a.basis.label(lang)]
        for a in answers
    ]
    headings = [ask.word(f"column.{c}") for c in ("post", "act", "condition", "how", "basis")]
    console().print(table(ask.word("chain.waiting"), headings, rows))
    print_articles(ask, [a.basis for a in answers])


@click.command()
@amount_option("The sum of money the matter involves, in yuan: digits (3000000, 3,000,000) or as written in Chinese, with wan or numerals.")
@click.option("--matter", metavar="KIND", shell_complete=complete_names("matter"), help="The kind of matter.")
@asks("table", "json", "csv")
def decide(ask: Asking, amount: Decimal | None, matter: str | None) -> None:
    """Which meeting decides a matter, given its kind and the amount involved, and why.

    Amounts compare as the regulation counts: each bound says whether it includes the
    amount itself ("or more" and "including" do, "less than" does not).
    """
    if amount is None and matter is None:
        raise click.UsageError("give --amount, --matter, or both")
    lang, always = ask.lang, ask.word("answer.always")
    per_government(ask, lambda graph: graph.decide(amount=amount, matter=matter), lambda found: show(
        ask,
        found,
        f"decide {amount or ''} {matter or ''}".strip(),
        ["meeting", "matter", "condition", "basis"],
        lambda c: [c.meeting.label(lang), c.matter.label(lang), label(c.condition, lang) or always, c.basis.label(lang)],
    ), sheet=lambda: _sheet("Competence"))


def _sheet(kind: str, **options: object):  # noqa: ANN202 - a cli._csv.Sheet
    """How the answers of the record class ``kind`` (in ``answers.model``) become CSV rows."""
    from ..answers import model
    from ._csv import Sheet

    return Sheet(getattr(model, kind), **options)


@click.command()
@click.argument("meeting", shell_complete=complete_names("meeting"))
@click.option("--agenda", metavar="KIND", shell_complete=complete_names("agenda"), help="The kind of agenda item: it may need a larger quorum.")
@click.option("--present", type=click.IntRange(min=0), help="How many members are present, to say whether the quorum is met.")
@click.option("--members", "member_count", type=click.IntRange(min=1), help="How many members the meeting has (with --present).")
@asks("table", "json", "csv")
def quorum(ask: Asking, meeting: str, agenda: str | None, present: int | None, member_count: int | None) -> None:
    """A meeting type's members, and how many of them must be present (for an agenda kind).

    Only members count, never those invited to attend without membership.
    """
    if (present is None) != (member_count is None):
        raise click.UsageError("--present and --members go together")
    if present is not None and member_count is not None and present > member_count:
        raise click.UsageError(f"--present {present} is more than --members {member_count}: only members are counted")
    def met(result) -> bool | None:  # noqa: ANN001
        return result.is_met(present, member_count) if present is not None and result.fraction is not None else None

    def to_json(result) -> dict:  # noqa: ANN001
        data = result.to_dict()
        if met(result) is not None:
            data["present"], data["member_count"], data["met"] = present, member_count, met(result)
        return data

    def show_one(result) -> None:  # noqa: ANN001
        lang = ask.lang
        if result.fraction is None:
            needed = ask.word("answer.none")
        else:
            needed = f"{'≥' if result.inclusive else '>'} {result.fraction} × {ask.word('column.members')}"
            if met(result) is not None:
                needed += f"\n{present}/{member_count}: {ask.word('answer.met' if met(result) else 'answer.not_met')}"
        members = "\n".join(m.post.label(lang) for m in result.members)
        rows = [[result.meeting.label(lang), members, needed, result.basis.label(lang) if result.basis else ""]]
        headings = [ask.word(f"column.{c}") for c in ("meeting", "members", "quorum", "basis")]
        console().print(table(f"quorum {meeting} {agenda or ''}".strip(), headings, rows))
        print_articles(ask, [result.basis])

    extra = (("fraction", lambda r: r.fraction), ("present", lambda r: present), ("member_count", lambda r: member_count), ("met", met))
    per_government(ask, lambda graph: graph.quorum(meeting, agenda), show_one, to_json, sheet=lambda: _sheet("Quorum", extra=extra))


@click.command()
@click.argument("post", shell_complete=complete_names("post"))
@asks("table", "json", "csv")
def leave(ask: Asking, post: str) -> None:
    """Whom the holder of POST asks for leave, or reports an absence to."""
    lang, always = ask.lang, ask.word("answer.always")
    per_government(ask, lambda graph: graph.leave(post), lambda found: show(
        ask,
        found,
        f"leave {post}",
        ["post", "act", "occasion", "recipient", "condition", "basis"],
        lambda r: [
            r.post.label(lang),
            r.act.label(lang),
            r.occasion.label(lang),
            r.recipient.label(lang),
            label(r.condition, lang) or always,
            r.basis.label(lang),
        ],
    ), sheet=lambda: _sheet("LeaveRule"))


@click.command()
@click.option("--act", "action", metavar="ACT", shell_complete=complete_names("act"), help="Only deadlines on this act.")
@asks("table", "json", "csv")
def deadlines(ask: Asking, action: str | None) -> None:
    """Every time limit the rules set: on which act, how long, counted from what.

    Each deadline says its unit (working days, calendar days, minutes) and what it counts
    from or ahead of.
    """
    lang = ask.lang
    per_government(ask, lambda graph: graph.deadlines(action), lambda found: show(
        ask,
        found,
        "deadlines",
        ["post", "act", "deadline", "counted_from", "basis"],
        lambda d: [
            d.post.label(lang),
            f"{d.act.label(lang)}\n{d.target.label(lang)}",
            f"{d.direction.label(lang)} {d.amount:g} {d.unit.label(lang)}",
            label(d.anchor, lang),
            d.basis.label(lang),
        ],
    ), sheet=lambda: _sheet("Deadline"))
