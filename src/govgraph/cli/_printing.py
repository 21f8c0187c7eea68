"""Printing answers: JSON for machines, or a table in the language asked followed by the
text of every article the answers cite (each once, in the regulation's order)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from .._core.cite import Citation, Named, Regulation, Text, unique_citations
from .._core.errors import GovGraphError
from ..answers.model import Answer
from ._common import Asking, console, emit_json, escape, table


def label(item: Named | Text | None, lang: str) -> str:
    return "" if item is None else item.label(lang)


def rules_heading(ask: Asking, regulation: Regulation | None) -> str:
    """The regulation version an answer comes from: title, number and dates."""
    if regulation is None:
        return ""
    return ask.word(
        "answer.rules_in_force",
        title=regulation.label(ask.lang),
        number=ask.word("answer.number", number=regulation.number) if regulation.number else "",
        in_force=regulation.in_force or "?",
        until=ask.word("answer.until", until=regulation.until) if regulation.until else "",
    )


def per_government(
    ask: Asking,
    answer: Callable[[Any], Any],
    show_one: Callable[[Any], None],
    to_json: Callable[[Any], Any] = lambda item: item.to_dict(),
    sheet: Callable[[], Any] | None = None,  # makes the cli._csv.Sheet that turns each answer into a CSV row
) -> None:
    """Ask each government in scope (``answer(graph)``) and print each answer under its rules'
    heading; in JSON, one list of every answer (each names its regulation in its basis); in CSV,
    one row per answer by ``sheet()`` (made only then; each row names its regulation and government). A name
    one government's rules do not know is said for that government (on stderr in CSV); known
    to none, it is an error."""
    answers, problems = [], []
    for graph in ask.scopes():
        try:
            answers.append((graph, answer(graph)))
        except GovGraphError as exc:
            problems.append((graph, exc))
    if not answers:
        raise problems[0][1]
    every = [item for _, found in answers for item in (found if isinstance(found, list) else [found])]
    if ask.json:
        emit_json([to_json(item) for item in every])
        return
    if ask.csv and sheet is not None:
        sheet().write(every, ask.lang)
        for graph, problem in problems:
            government = graph.regulation.label(ask.lang) if graph.regulation else ""
            ask.note(ask.word("answer.not_here", government=government, problem=problem))
        return
    for graph, found in answers:
        heading = rules_heading(ask, graph.regulation)
        if heading:
            console().print(f"[bold]{heading}[/bold]", markup=True, highlight=False)
        show_one(found)
    for graph, problem in problems:
        government = graph.regulation.label(ask.lang) if graph.regulation else ""
        console().print(ask.word("answer.not_here", government=government, problem=problem), markup=False)


def print_articles(ask: Asking, citations: Iterable[Citation | None], heading: str | None = None) -> None:
    """Each cited article's label, IRI and text, once, after the table, under ``heading``
    (the word for "articles" if not given)."""
    cited = unique_citations(citations)
    if not cited:
        return
    out = console()
    out.print(f"\n[bold]{escape(heading or ask.word('answer.articles'))}[/bold]")
    for citation in cited:
        out.print(f"[bold]{escape(citation.label(ask.lang))}[/bold] <{citation.article.iri}>")
        out.print(citation.text, markup=False)


def show(
    ask: Asking,
    found: Sequence[Any],
    title: str,
    columns: Sequence[str],
    row: Callable[[Any], Sequence[str]],
) -> None:
    """A table of results (headings from the words file's ``column`` section) followed by the
    articles they cite, or a sentence saying nothing answers."""
    if not found:
        console().print(ask.word("answer.none"))
        return
    headings = [ask.word(f"column.{column}") for column in columns]
    console().print(table(title, headings, [row(item) for item in found]))
    citations = [getattr(item, "basis", None) for item in found]
    citations += [item.chain.basis for item in found if getattr(item, "chain", None)]
    print_articles(ask, citations)


def _how(ask: Asking, answer: Answer) -> str:
    how = answer.conferral.label(ask.lang)
    if answer.grantor is not None:
        how += f" ({ask.word('answer.by')} {answer.grantor.label(ask.lang)})"
    return how


def _chain(ask: Asking, answer: Answer) -> str:
    if answer.chain is None:
        return ""
    lang = ask.lang
    each = ask.word("answer.each_in_turn")
    steps = [
        f"{step.index}. {step.approver.label(lang)} {step.act.label(lang)}{each if step.each_in_turn else ''}"
        for step in answer.chain.steps
    ]
    steps.append(f"→ {answer.post.label(lang)} {answer.act.label(lang)}")
    return "\n".join(steps) + f"\n[{answer.chain.basis.label(lang)}]"


def print_answers(ask: Asking, answers: Sequence[Answer], title: str) -> None:
    """Who may, must or must not: post, norm, act on target, case, how the power came, article."""
    lang, always = ask.lang, ask.word("answer.always")
    has_chain = any(answer.chain for answer in answers)
    columns = ["post", "modality", "act", "condition", "how", *(["chain"] if has_chain else []), "basis"]

    def row(answer: Answer) -> list[str]:
        return [
            label(answer.post, lang),
            label(answer.modality, lang),
            f"{label(answer.act, lang)}\n{label(answer.target, lang)}",
            label(answer.condition, lang) or always,
            _how(ask, answer),
            *([_chain(ask, answer)] if has_chain else []),
            answer.basis.label(lang),
        ]

    show(ask, answers, title, columns, row)
