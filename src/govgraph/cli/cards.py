"""Cards: ``govgraph meeting``, ``document``, ``post`` and ``regulation``; and the honest "no"
(``explain_none``) that ``who`` prints when nothing answers.

Each card is one table per way the rules concern its subject, every line with its article,
followed by the text of the articles cited; ``--format json`` gives the card as data.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import click

from .._core.cite import Named
from .._core.errors import GovGraphError
from ..answers.cards import PARTS, Card, CardLine, NoAnswer, RegulationCard
from ._common import Asking, asks, complete_names, console, emit_json, fail, table
from ._printing import label, per_government, print_answers, print_articles

#: Nearest rules shown under a negative answer (the rest are counted).
NEAREST_SHOWN = 12


@click.command()
@click.argument("name", shell_complete=complete_names("meeting"))
@asks("table", "json", "csv")
def meeting(ask: Asking, name: str) -> None:
    """Everything the rules say about the meeting type NAME, each line with its article.

    Members, who convenes and presides (and who may be entrusted), the quorum for every agenda
    kind, how often it meets, fixed and occasional attendees, what it decides (with amounts), who
    records it, who signs its minutes, and whom its members ask for leave.
    """
    per_government(ask, lambda graph: graph.meeting_card(name), lambda found: print_card(ask, found), sheet=lambda: _card_sheet(ask))


@click.command()
@click.argument("kind", shell_complete=complete_names("document"))
@asks("table", "json", "csv")
def document(ask: Asking, kind: str) -> None:
    """Everything the rules say about the document kind KIND, each line with its article.

    Who signs and who may be authorised to, the approval chain before each signature in order,
    reviews, filings and their recipients.
    """
    per_government(ask, lambda graph: graph.document_card(kind), lambda found: print_card(ask, found), sheet=lambda: _card_sheet(ask))


@click.command()
@click.argument("name", shell_complete=complete_names("post", "organ"))
@asks("table", "json", "csv")
def post(ask: Asking, name: str) -> None:
    """Everything the rules say about the post (or organ) NAME, each line with its article.

    What it leads and assists, every power and duty (its own, through the wider posts it holds,
    or granted to it by someone), who acts for it, what it grants, and whom it reports or asks
    for leave.
    """
    per_government(ask, lambda graph: graph.post_card(name), lambda found: print_card(ask, found), sheet=lambda: _card_sheet(ask))


@click.command()
@asks("table", "json")
def regulation(ask: Asking) -> None:
    """The regulation itself: title, number, government, when issued and in force, what it
    repeals, and its chapters with their articles."""
    per_government(ask, lambda graph: graph.regulation_card(), lambda found: print_regulation(ask, found))


# ── printing a card ────────────────────────────────────────────────────────────


_CARD_COLUMNS = ("subject", "subject_iri", "part", "topic", "topic_iri", "holders", "holders_iri", "on_what", "on_what_iri",
                 "recipients", "recipients_iri", "detail", "condition", "rule", "rule_iri")


def _card_sheet(ask: Asking):  # noqa: ANN202 - a cli._csv.Table
    """A card as CSV: one row per line, citing its rule's article (and its approval chain's)."""
    from ._csv import Table, citation_cells, citation_columns, named_cells

    def rows(card: Card, lang: str) -> list[dict]:
        return [
            named_cells("subject", card.subject, lang) | named_cells("topic", line.act or line.kind, lang)
            | named_cells("rule", line.rule, lang) | _many("holders", line.holders, lang)
            | _many("on_what", line.targets, lang) | _many("recipients", line.recipients, lang)
            | {"part": line.part, "detail": detail(ask, line), "condition": label(line.condition, lang)}
            | citation_cells([line.basis, line.chain.basis if line.chain else None], lang)
            for line in card.lines
        ]

    return Table([*_CARD_COLUMNS, *citation_columns()], rows)


def _many(column: str, items: Sequence[Named], lang: str) -> dict[str, str]:
    """Several resources in one cell each for labels and IRIs, in the same order."""
    from ._csv import SEPARATOR

    return {column: SEPARATOR.join(item.label(lang) for item in items), f"{column}_iri": SEPARATOR.join(item.iri for item in items)}


def print_card(ask: Asking, card: Card) -> None:
    subject = card.subject.label(ask.lang)
    if not card.lines:
        console().print(ask.word("card.none", subject=subject), markup=False)
        return
    headings = [ask.word(key) for key in ("card.topic", "card.who", "card.on_what", "card.detail", "column.condition", "column.basis")]
    for part in PARTS:
        lines = card.part(part)
        if lines:
            console().print(table(ask.word(f"card.part_{part}", subject=subject), headings, [_row(ask, line, card.subject) for line in lines]))
    print_articles(ask, [line.basis for line in card.lines] + [line.chain.basis for line in card.lines if line.chain])


def _row(ask: Asking, line: CardLine, subject: Named) -> list[str]:
    lang = ask.lang
    topic = line.act or line.kind
    # On the card of a meeting or document, its own name adds nothing: other targets do.
    on_what = _names([t for t in line.targets if t.iri != subject.iri], lang)
    if line.recipients:
        on_what += "\n" + ask.word("card.to", recipients=_names(line.recipients, lang))
    return [label(topic, lang), _names(line.holders, lang), on_what, detail(ask, line), label(line.condition, lang), line.basis.label(lang)]


def _names(items: Sequence[Named], lang: str) -> str:
    return "\n".join(item.label(lang) for item in items)


def detail(ask: Asking, line: CardLine) -> str:
    """What a line adds to who and what: a quorum, a frequency, how the power came, a chain."""
    lang, parts = ask.lang, []
    if line.quorum is not None:
        sign = ask.word("card.at_least" if line.quorum_inclusive else "card.more_than")
        agenda = ask.word("card.for_agenda", agenda=line.agenda_kind.label(lang)) if line.agenda_kind else ask.word("card.every_agenda")
        parts.append(ask.word("card.quorum", sign=sign, fraction=line.quorum) + agenda)
    if line.frequency is not None:
        parts.append(_frequency(ask, line))
    if line.conferral is not None and line.grantor is not None:
        parts.append(ask.word("card.granted", how=line.conferral.label(lang), grantor=line.grantor.label(lang)))
    if line.on_behalf_of is not None:
        parts.append(ask.word("card.on_behalf_of", post=line.on_behalf_of.label(lang)))
    if line.if_necessary:
        parts.append(ask.word("card.if_necessary"))
    if line.chain is not None:
        parts += [f"{step.index}. {step.approver.label(lang)} {step.act.label(lang)}" for step in line.chain.steps]
    return "\n".join(parts)


def _frequency(ask: Asking, line: CardLine) -> str:
    bounds, period = line.frequency, label(line.per_period, ask.lang)
    low = f"{bounds.minimum:g}" if bounds.minimum is not None else None
    high = f"{bounds.maximum:g}" if bounds.maximum is not None else None
    if low and high:
        return ask.word("card.frequency_range", low=low, high=high, period=period)
    if low:
        return ask.word("card.frequency_at_least", low=low, period=period)
    return ask.word("card.frequency_at_most", high=high, period=period)


def print_regulation(ask: Asking, card: RegulationCard) -> None:
    lang, reg = ask.lang, card.regulation
    basis = card.in_force_basis.label(lang) if card.in_force_basis else ""
    rows = [
        [ask.word("card.title"), reg.label(lang), ""],
        [ask.word("card.government"), reg.government.label(lang), ""],
        [ask.word("card.issued"), reg.issued or "", ""],
        [ask.word("card.in_force"), reg.in_force or "", basis],
    ]
    if reg.number:
        rows.insert(1, [ask.word("card.number"), reg.number, ""])
    if reg.until:
        rows.append([ask.word("card.until"), reg.until, ""])
    rows += [[ask.word("card.repeals"), repealed.label(lang), cited.label(lang) if cited else ""] for repealed, _, cited in card.repeals]
    headings = [ask.word("card.field"), ask.word("card.value"), ask.word("column.basis")]
    console().print(table(ask.word("card.regulation"), headings, rows))
    chapter_headings = [ask.word(key) for key in ("column.chapter", "card.articles", "card.rules", "card.first_article")]
    chapters = [[c.chapter.label(lang), str(c.articles), str(c.rules), c.first.label(lang)] for c in card.chapters]
    console().print(table(ask.word("card.chapters"), chapter_headings, chapters))
    print_articles(ask, [card.in_force_basis, *(cited for _, _, cited in card.repeals)])


# ── never a false "no" ─────────────────────────────────────────────────────────


def explain_none(ask: Asking, action: str, target: str, **case: Any) -> None:
    """Say why ``who`` found nothing, for each government asked, and exit: 1 when no rule gives the
    act on the target (at all, or in the case asked), 2 when the act never applies to this kind of
    target (with what it applies to). ``who`` calls this when every government answered nothing."""
    found: list[NoAnswer] = []
    for graph in ask.scopes():
        try:
            found.append(graph.why_none(action, target, **case))
        except GovGraphError:
            continue
    if not found:
        return
    if ask.json:
        emit_json([item.to_dict() for item in found])
    worst = max(item.exit_code for item in found)
    if ask.csv:
        _no_answer_csv(ask, found)
    elif not ask.json:
        for item in found:
            print_no_answer(ask, item)
    raise SystemExit(worst)


def _no_answer_csv(ask: Asking, found: list[NoAnswer]) -> None:
    """In CSV, an honest 'no' is the header with no row; why, and what was searched, go to stderr."""
    from .ask import _answer_sheet

    _answer_sheet(ask, {}).write([], ask.lang)
    lang = ask.lang
    for item in found:
        regulation = item.regulation.label(lang) if item.regulation else ""
        values = {"act": item.act.label(lang), "target": item.target.label(lang), "regulation": regulation}
        if item.verdict == "not-applicable":
            kinds = ask.word("card.separator").join(k.label(lang) for k in item.applies_to)
            ask.note(ask.word("rows.not_applicable", kind=label(item.target_kind, lang), kinds=kinds, **values))
        else:
            ask.note(ask.word("rows.not_in_case" if item.verdict == "not-in-case" else "card.no_rule", **values))


def print_no_answer(ask: Asking, item: NoAnswer) -> None:
    lang = ask.lang
    regulation = item.regulation.label(lang) if item.regulation else ""
    values = {"act": item.act.label(lang), "target": item.target.label(lang), "regulation": regulation}
    if item.verdict == "not-applicable":
        separator = ask.word("card.separator")
        kinds = separator.join(k.label(lang) for k in item.applies_to)
        examples = separator.join(e.label(lang) for e in item.examples)
        fail(ask.word("card.not_applicable", kind=label(item.target_kind, lang), kinds=kinds, examples=examples, **values))
    out = console()
    if item.verdict == "not-in-case":
        out.print(ask.word("card.not_in_case", **values), markup=False)
        print_answers(ask, list(item.case_rules), f"{item.act.label(lang)} {item.target.label(lang)}")
    else:
        out.print(ask.word("card.no_rule", **values), markup=False)
        _print_nearest(ask, item)
    acts = ", ".join(act.label(lang) for act in item.acts_searched)
    in_force = item.regulation.in_force if item.regulation and item.regulation.in_force else "?"
    out.print(ask.word("card.searched", regulation=regulation, in_force=in_force, acts=acts, target=item.target.label(lang)), markup=False)


def _print_nearest(ask: Asking, item: NoAnswer) -> None:
    if not item.nearest:
        return
    lang = ask.lang
    shown = item.nearest[:NEAREST_SHOWN]
    headings = [ask.word(key) for key in ("card.relation", "column.post", "column.act", "column.target", "column.basis")]
    rows = [
        [ask.word(f"card.relation_{n.relation}"), _names(n.holders, lang), n.act.label(lang), n.target.label(lang), n.basis.label(lang)]
        for n in shown
    ]
    console().print(table(ask.word("card.nearest"), headings, rows))
    if len(item.nearest) > len(shown):
        console().print(ask.word("card.more", count=len(item.nearest) - len(shown)), markup=False)
