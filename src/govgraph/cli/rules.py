"""The rule base itself: an article and the rules resting on it, coverage, integrity checks."""

from __future__ import annotations

import sys

import click

from ._common import EXIT_NO, Asking, asks, console, emit_json, table


@click.command()
@click.argument("number")
@asks("table", "json", "csv")
def article(ask: Asking, number: str) -> None:
    """Print article NUMBER: its chapter, its text, and the rules that rest on it."""
    view = ask.graph.article(number)
    if ask.json:
        emit_json(view.to_dict())
        return
    if ask.csv:
        return _article_csv(ask, view)
    lang, out = ask.lang, console()
    out.print(f"[bold]{view.article.label(lang)}[/bold] <{view.article.iri}>  ({view.chapter.label(lang)})")
    out.print(view.text, markup=False)
    if view.rules:
        out.print("")
        headings = [ask.word("column.modality"), ask.word("column.rule")]
        out.print(table(ask.word("column.rules"), headings, [[kind.label(lang), rule.label(lang)] for rule, kind in view.rules]))


def _article_csv(ask: Asking, view) -> None:  # noqa: ANN001 - an ArticleView
    """One row per rule resting on the article (the article alone if none), each citing it."""
    from .._core.cite import Citation
    from ._csv import citation_cells, citation_columns, emit_csv, named_cells

    cited = citation_cells(Citation(view.article, view.number, view.text, ask.graph.regulation), ask.lang)
    chapter = named_cells("chapter", view.chapter, ask.lang)
    rules = [named_cells("rule", rule, ask.lang) | named_cells("modality", kind, ask.lang) for rule, kind in view.rules] or [{}]
    columns = [*citation_columns(), "chapter", "chapter_iri", "rule", "rule_iri", "modality", "modality_iri"]
    emit_csv(columns, (cited | chapter | rule for rule in rules))


@click.command()
@asks("table", "json", "csv")
def coverage(ask: Asking) -> None:
    """For each article: how many rules rest on it, or whether it is recorded as a principle."""
    found = ask.graph.coverage()
    if ask.json:
        emit_json([c.to_dict() for c in found])
        return
    if ask.csv:
        return _coverage_csv(ask, found)
    lang = ask.lang
    rows = [[c.number, c.article.label(lang), c.chapter.label(lang), str(c.rules), str(c.principles), c.status] for c in found]
    headings = [ask.word(f"column.{c}") for c in ("number", "article", "chapter", "rules", "principles", "status")]
    console().print(table(ask.word("heading.coverage"), headings, rows))
    counts = {status: sum(1 for c in found if c.status == status) for status in ("rules", "principle", "uncovered")}
    console().print(
        ask.word("answer.coverage_summary", total=len(found), rules=counts["rules"], principles=counts["principle"],
                 uncovered=counts["uncovered"])
    )


def _coverage_csv(ask: Asking, found) -> None:  # noqa: ANN001 - Coverage answers
    """One row per article, citing it (its text read by ``citation.rq``), with its counts."""
    from .._core.cite import Citation
    from ._csv import citation_cells, citation_columns, emit_csv, named_cells

    graph = ask.graph

    def text(coverage) -> str:  # noqa: ANN001
        rows = graph.select("citation", article=coverage.article.iri)
        return rows[0]["text"].value if rows and rows[0].get("text") is not None else ""

    rows = (
        citation_cells(Citation(c.article, c.number, text(c), graph.regulation), ask.lang)
        | named_cells("chapter", c.chapter, ask.lang) | {"rules": c.rules, "principles": c.principles, "status": c.status}
        for c in found
    )
    emit_csv([*citation_columns(), "chapter", "chapter_iri", "rules", "principles", "status"], rows)


@click.command()
@asks("table", "json", "csv")
def check(ask: Asking) -> None:
    """Run the rule base's integrity checks (the shapes of shapes/rule-base.ttl, which validate
    runs too). Exit 1 if any fails."""
    found = ask.graph.check()
    if ask.json:
        emit_json([v.to_dict() for v in found])
    elif ask.csv:
        from ..answers.model import Violation
        from ._csv import Sheet

        Sheet(Violation).write(found, ask.lang)
    elif found:
        headings = [ask.word(f"column.{c}") for c in ("check", "resource", "problem")]
        rows = [[v.check, v.resource.iri + (f"\n{v.value.iri}" if v.value else ""), v.message.label(ask.lang)] for v in found]
        console().print(table(ask.word("heading.check"), headings, rows))
    else:
        console().print(ask.word("answer.checks_hold"))
    if found:
        sys.exit(EXIT_NO)
