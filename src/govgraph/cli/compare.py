"""govgraph compare and govgraph survey: two governments (or versions) side by side, and one
feature over every government a store holds. The work is in ``answers/compare.py`` and
``answers/survey.py``; this module reads options and prints."""

from __future__ import annotations

from pathlib import Path

import click

from .._core.cite import Citation, Regulation, unique_citations
from ._common import Asking, console, emit_json, endpoint_option, format_option, friendly_errors, lang_option, rules_option
from ._common import escape, store_option, table
from ._printing import print_articles


def _as_of_option(function):  # noqa: ANN001, ANN202
    return click.option("--as-of", "as_of", metavar="DATE", envvar="GOVGRAPH_AS_OF",
                        help="Compare the versions in force on this ISO date (NAME@DATE overrides it) [default: today].")(function)


@click.command()
@click.argument("left", metavar="A")
@click.argument("right", metavar="B")
@rules_option
@store_option
@endpoint_option
@_as_of_option
@format_option("table", "json", "markdown", "csv")
@lang_option
@friendly_errors
def compare(left: str, right: str, rules, store, endpoint, as_of, output_format, lang) -> None:  # noqa: ANN001
    """Set two governments' working rules (or two versions of one) side by side.

    A and B are each a government's zh or en name, its identifier or its rule base's name,
    optionally followed by @DATE for the version in force then (e.g. NAME@2020-01-01).
    The store must hold both (e.g. --rules ONE --rules OTHER, or --store
    oxigraph:PATH). Points are aligned through the national template: for each meeting,
    post and document kind, the members, convener and presider (and who may be entrusted),
    quorum by agenda kind, money routing, acting for an absent holder, signing and
    approval chains, leave and deadlines are the same, differ, or are set on one side
    only, each side citing its own articles.
    """
    from ..answers.compare import compare_in

    ask = Asking(rules, store, endpoint, None, as_of, output_format, lang)
    found = compare_in(ask.library, left, right, as_of)
    if ask.json:
        emit_json(found.to_dict())
    elif output_format == "markdown":
        click.echo(markdown(ask, found))
    elif ask.csv:
        _compare_csv(ask, found)
    else:
        _print_table(ask, found)


def _compare_csv(ask: Asking, found) -> None:  # noqa: ANN001 - Comparison
    """One row per point: what each side says (or nothing), each side citing its own articles."""
    from ._csv import citation_cells, citation_columns, emit_csv, named_cells

    lang = ask.lang

    def row(point) -> dict:  # noqa: ANN001 - Point
        cells = {"topic": point.topic, "aspect": point.aspect, "aspect_label": point.aspect_label.label(lang),
                 "verdict": point.verdict}
        cells |= named_cells("subject", point.subject, lang) | named_cells("case", point.case, lang)
        for side, regulation in (("left", found.left), ("right", found.right)):
            statement = getattr(point, side)
            cells[side] = statement.text.label(lang) if statement else ""
            cells |= citation_cells(statement.citations if statement else None, lang, prefix=f"{side}_")
            cells |= _side_cells(regulation, lang, f"{side}_")
        return cells

    columns = ["topic", "subject", "subject_iri", "aspect", "aspect_label", "case", "case_iri", "verdict", "left", "right",
               *citation_columns("left_"), *citation_columns("right_")]
    emit_csv(columns, (row(point) for point in found.points))


def _side_cells(regulation: Regulation | None, lang: str, prefix: str) -> dict[str, str]:
    """The regulation and government of a side, whether or not the side cites an article on the point."""
    if regulation is None:
        return {}
    return {f"{prefix}regulation": regulation.label(lang), f"{prefix}government": regulation.government.label(lang)}


def _side_name(ask: Asking, regulation: Regulation | None, *, short: bool = False) -> str:
    """A side: its government and the version of its rules (the date it took force, when ``short``)."""
    if regulation is None:
        return "?"
    if short:
        return f"{regulation.government.label(ask.lang)} ({regulation.in_force or '?'})"
    return f"{regulation.government.label(ask.lang)} ({regulation.label(ask.lang)}, {regulation.in_force or '?'})"


def _cell(ask: Asking, statement) -> str:  # noqa: ANN001
    if statement is None:
        return ask.word("compare.nothing")
    cited = ask.word("compare.list_separator").join(c.label(ask.lang) for c in statement.citations)
    return f"{statement.text.label(ask.lang)} [{cited}]"


def _verdict(ask: Asking, verdict: str) -> str:
    return ask.word(f"compare.{verdict.replace('-', '_')}")


def _point_name(ask: Asking, point) -> str:  # noqa: ANN001
    aspect = point.aspect_label.label(ask.lang)
    return f"{aspect} ({point.case.label(ask.lang)})" if point.case else aspect


def _print_table(ask: Asking, found) -> None:  # noqa: ANN001
    from ..answers.compare import topics

    out = console()
    left, right = _side_name(ask, found.left), _side_name(ask, found.right)
    out.print(f"[bold]{escape(ask.word('compare.title', left=left, right=right))}[/bold]")
    out.print(ask.word("compare.summary", **{k.replace("-", "_"): v for k, v in found.counts().items()}))
    sides = [_side_name(ask, found.left, short=True), _side_name(ask, found.right, short=True)]
    headings = [ask.word("compare.subject"), ask.word("compare.aspect"), *sides, ask.word("compare.verdict")]
    for topic, points in topics(found.points).items():
        rows = [[escape(cell) for cell in (p.subject.label(ask.lang), _point_name(ask, p), _cell(ask, p.left), _cell(ask, p.right),
                                          _verdict(ask, p.verdict))] for p in points]
        out.print(table(ask.word(f"compare.topic_{topic}"), headings, rows))
    for regulation, side in ((found.left, "left"), (found.right, "right")):
        _print_cited(ask, regulation, [c for p in found.points if getattr(p, side) for c in getattr(p, side).citations])


def _print_cited(ask: Asking, regulation: Regulation | None, citations: list[Citation]) -> None:
    print_articles(ask, citations, ask.word("compare.cited") + ": " + _side_name(ask, regulation))


def markdown(ask: Asking, found) -> str:  # noqa: ANN001
    """A report a researcher can paste: a table per topic, then each side's articles quoted."""
    from ..answers.compare import topics

    left, right = _side_name(ask, found.left), _side_name(ask, found.right)
    lines = [f"# {ask.word('compare.title', left=left, right=right)}", "",
             ask.word("compare.summary", **{k.replace("-", "_"): v for k, v in found.counts().items()}), ""]
    headings = [ask.word("compare.subject"), ask.word("compare.aspect"), left, right, ask.word("compare.verdict")]
    for topic, points in topics(found.points).items():
        lines += [f"## {ask.word(f'compare.topic_{topic}')}", "", _md_row(headings), _md_row(["---"] * len(headings))]
        lines += [_md_row([p.subject.label(ask.lang), _point_name(ask, p), _cell(ask, p.left), _cell(ask, p.right),
                           _verdict(ask, p.verdict)]) for p in points]
        lines.append("")
    for regulation, side in ((found.left, "left"), (found.right, "right")):
        cited = unique_citations(c for p in found.points if getattr(p, side) for c in getattr(p, side).citations)
        if cited:
            lines += [f"## {ask.word('compare.cited')}: {_side_name(ask, regulation)}", ""]
            lines += [f"- **{c.label(ask.lang)}** {c.text}".rstrip() for c in cited]
            lines.append("")
    return "\n".join(lines)


def _md_row(cells: list[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|").replace("\n", " ") for cell in cells) + " |"


@click.command()
@click.argument("feature")
@rules_option
@store_option
@endpoint_option
@_as_of_option
@format_option("table", "json", "csv")
@lang_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Also draw a chart: survey.png or survey.svg.")
@friendly_errors
def survey(feature: str, rules, store, endpoint, as_of, output_format, lang, output: Path | None) -> None:  # noqa: ANN001
    """One feature of every government the store holds, one row per government (the version
    in force --as-of). FEATURE is one of the queries/survey-*.rq names, e.g. threshold,
    executive-members, acting, quorum (`govgraph survey list` lists them)."""
    from ..answers.survey import features, survey as surveyed

    ask = Asking(rules, store, endpoint, None, as_of, output_format, lang)
    if feature == "list":
        for name, question in features().items():
            click.echo(f"{name}\t{question}")
        return
    found = surveyed(ask.library, feature, as_of)
    if output is not None:
        from ..export.chart import write_survey_chart

        write_survey_chart(found, output, lang=lang)
    if ask.json:
        emit_json(found.to_dict())
        return
    if ask.csv:
        return _survey_csv(ask, found)
    separator = ask.word("compare.list_separator")
    rows = [[escape(cell) for cell in (
        r.government.label(lang), f"{r.regulation.label(lang)} ({r.regulation.in_force or '?'})",
        r.text.label(lang) or ask.word("compare.none"), separator.join(c.label(lang) for c in r.citations))] for r in found.rows]
    headings = [ask.word("compare.government"), ask.word("compare.regulation"), ask.word("compare.value"), ask.word("column.basis")]
    console().print(table(ask.word("compare.survey_title", feature=found.question.label(lang)), headings, rows))


def _survey_csv(ask: Asking, found) -> None:  # noqa: ANN001 - Survey
    """One row per government: what its rules in force say on the feature, and the articles."""
    from ._csv import citation_cells, citation_columns, emit_csv, named_cells

    lang = ask.lang

    def row(item) -> dict:  # noqa: ANN001 - SurveyRow
        return citation_cells(item.citations, lang) | named_cells("government", item.government, lang) | {
            "feature": found.feature, "rule_base": item.rule_base, "regulation": item.regulation.label(lang),
            "regulation_iri": item.regulation.regulation.iri, "in_force": item.regulation.in_force,
            "value": item.text.label(lang), "amount": item.amount, "key": item.key,
        }

    columns = ["feature", "government_iri", "rule_base", "regulation_iri", "in_force", "value", "amount", "key", *citation_columns()]
    emit_csv(columns, (row(item) for item in found.rows))
