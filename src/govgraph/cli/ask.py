"""The analyst's questions: who, decide, quorum, leave, deadlines.

Each command resolves the names it is given, asks the library, and prints the answer
with its citation: a table for people (``--lang zh|en``), JSON for machines.
"""

from __future__ import annotations

import click

from ._common import Asking, asks, console, table
from ._printing import label, per_government, print_answers, print_articles, show


@click.command()
@click.argument("action")
@click.argument("target")
@click.option("--absent", metavar="POST", help="Case: this post's holder is away.")
@click.option("--absence", "reason", metavar="REASON", help="Case: why the holder is away (a reason of absence: away, study, business trip, sick leave…; zh or en).")
@click.option("--long/--short", "long_absence", default=None, help="Case: away for a longer period, or briefly.")
@click.option("--agenda", metavar="KIND", help="Case: the kind of agenda item (e.g. the personnel agenda).")
@click.option("--amount", metavar="YUAN", help="Case: the sum of money involved, in yuan.")
@asks("table", "json")
def who(
    ask: Asking,
    action: str,
    target: str,
    absent: str | None,
    reason: str | None,
    long_absence: bool | None,
    agenda: str | None,
    amount: str | None,
) -> None:
    """Who may, must or must not do ACTION on TARGET, in which case, and on which article.

    ACTION is an act (convene, preside, sign, …, or its Chinese label); TARGET a meeting
    type, document kind, matter or portfolio. With ACTION "acts-for", TARGET is a post: who acts for
    it while its holder is away, and who designates them.
    """
    def answer(graph):  # noqa: ANN001, ANN202
        if action == "acts-for":
            return graph.acts_for(target, reason=reason, long_absence=long_absence)
        return graph.who(action, target, absent=absent, reason=reason, long_absence=long_absence, agenda=agenda, amount=amount)

    per_government(ask, answer, lambda found: print_answers(ask, found, f"{action} {target}"))


@click.command()
@click.option("--amount", metavar="YUAN", help="The sum of money the matter involves, in yuan.")
@click.option("--matter", metavar="KIND", help="The kind of matter.")
@asks("table", "json")
def decide(ask: Asking, amount: str | None, matter: str | None) -> None:
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
    ))


@click.command()
@click.argument("meeting")
@click.option("--agenda", metavar="KIND", help="The kind of agenda item: it may need a larger quorum.")
@click.option("--present", type=click.IntRange(min=0), help="How many members are present, to say whether the quorum is met.")
@click.option("--members", "member_count", type=click.IntRange(min=1), help="How many members the meeting has (with --present).")
@asks("table", "json")
def quorum(ask: Asking, meeting: str, agenda: str | None, present: int | None, member_count: int | None) -> None:
    """A meeting type's members, and how many of them must be present (for an agenda kind).

    Only members count, never those invited to attend without membership.
    """
    if (present is None) != (member_count is None):
        raise click.UsageError("--present and --members go together")
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

    per_government(ask, lambda graph: graph.quorum(meeting, agenda), show_one, to_json)


@click.command()
@click.argument("post")
@asks("table", "json")
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
    ))


@click.command()
@click.option("--act", "action", metavar="ACT", help="Only deadlines on this act.")
@asks("table", "json")
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
    ))
