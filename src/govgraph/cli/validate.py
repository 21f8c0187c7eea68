"""``govgraph validate``: check records against a rule base; a thin layer over govgraph.validate."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from .._core.words import word
from ._common import EXIT_NO, EXIT_OK, emit_json, friendly_errors, lang_option, rules_option

if TYPE_CHECKING:
    from .._core.cite import Regulation, Text
    from ..validate import Finding, Report


@click.command()
@click.argument("data", nargs=-1, required=True, type=click.Path())
@rules_option
@click.option("--format", "output_format", type=click.Choice(["text", "json", "turtle", "csv"]), default="text", show_default=True,
              help="text for people (grouped by article), json for machines, turtle for the standard SHACL report, "
                   "csv: one row per finding with its article.")
@lang_option
@click.option("--engine", type=click.Choice(["fast", "pyshacl"]), default="fast", show_default=True, envvar="GOVGRAPH_ENGINE",
              help="fast: the shapes as SPARQL on Oxigraph; pyshacl: the reference SHACL engine (slow on large data).")
@click.option("--fail-on", type=click.Choice(["violation", "warning"]), default="violation", show_default=True,
              help="Exit 1 on violations only, or on warnings too.")
@click.option("--each", is_flag=True,
              help="Validate each DATA argument on its own (one government-year each), in parallel, and report them together.")
@click.option("--common", multiple=True, type=click.Path(), metavar="PATH",
              help="With --each: records every group needs (e.g. the working-day calendar). Repeatable.")
@click.option("--store", metavar="oxigraph:PATH",
              help="Judge each record by the version in force on its date among those an on-disk store holds (instead of --rules).")
@click.option("--jurisdiction", metavar="NAME", help="With --store: the government whose versions judge the records, if the store holds several.")
@click.option("--max-per-shape", type=click.IntRange(min=1), default=20, show_default=True,
              help="In text output, list at most this many findings of each shape and count the rest (json and turtle list all).")
@friendly_errors
def validate(data: tuple[str, ...], rules: tuple[str, ...] | None, output_format: str, lang: str, engine: str, fail_on: str,
             each: bool, common: tuple[str, ...], store: str | None, jurisdiction: str | None, max_per_shape: int) -> None:
    """Validate records (Turtle files or folders of them) against a government's working rules.

    \b
    Exit codes: 0 no violation (warnings are printed), 1 violations found, 2 the input could not be read.
    Examples:
      govgraph validate records/
      govgraph validate meetings.ttl roster.ttl --lang en --format json
    """
    if store is not None and each:
        raise click.UsageError("--store judges one set of records by the versions it holds: it does not go with --each")
    if jurisdiction is not None and store is None:
        raise click.UsageError("--jurisdiction chooses among the governments of a --store: give the store too")
    rules = list(rules) if rules else None  # several versions: each record is judged by the one in force on its date
    from ..validate import Report, validate_each
    from ..validate import validate as run

    spinner = _Spinner(lang) if output_format == "text" and sys.stderr.isatty() else None
    try:
        if each:
            if spinner:
                spinner.update(word("validate.validating_groups", lang, groups=len(data)))
            report = Report.merged(validate_each([[*common, d] for d in data], rules, engine=engine))
        else:
            report = run([*common, *data], rules, engine=engine, progress=spinner.step if spinner else None,
                         store=store, jurisdiction=jurisdiction)
    finally:
        if spinner:
            spinner.stop()
    if output_format == "json":
        emit_json(report.to_dict())
    elif output_format == "turtle":
        click.echo(report.to_turtle())
    elif output_format == "csv":
        _print_csv(report, lang)
    else:
        _print_text(report, lang, max_per_shape)
    failing = report.violations or (fail_on == "warning" and report.warnings)
    sys.exit(EXIT_NO if failing else EXIT_OK)


_CSV_COLUMNS = ("severity", "focus", "focus_iri", "path", "value", "value_label", "message", "rule", "shape", "component",
                "judged_by")


def _print_csv(report: Report, lang: str) -> None:
    """One row per finding: the record, the value found, what the rule requires, and the article
    of the rule broken (empty citation columns for a structural finding)."""
    from ._csv import citation_cells, citation_columns, emit_csv

    def row(finding: Finding) -> dict:
        return {
            "severity": finding.severity, "focus": finding.focus.label(lang), "focus_iri": finding.focus.iri,
            "path": finding.path, "value": finding.value,
            "value_label": finding.value_label.label(lang) if finding.value_label else None,
            "message": finding.message.label(lang), "rule": finding.rule, "shape": finding.shape,
            "component": finding.component, "judged_by": finding.version.label(lang) if finding.version else None,
        } | citation_cells(finding.article, lang)

    emit_csv([*_CSV_COLUMNS, *citation_columns()], (row(finding) for finding in report.findings))


class _Spinner:
    """A spinner on stderr naming the step under way."""

    def __init__(self, lang: str) -> None:
        from rich.console import Console

        self._lang = lang
        self._status = Console(stderr=True).status(word("validate.validating", lang))
        self._status.start()

    def update(self, text: str) -> None:
        self._status.update(text)

    def step(self, text: Text) -> None:
        self.update(text.label(self._lang))

    def stop(self) -> None:
        self._status.stop()


def _print_text(report: Report, lang: str, max_per_shape: int) -> None:
    from ..validate.report import cap_per_shape

    if not report.findings:
        click.echo(word("validate.none", lang))
    shown, left_out = cap_per_shape(report.findings, max_per_shape)
    listed = {id(finding) for finding in shown}
    for version, part in report.by_version():
        if version is not None:
            click.echo("══ " + _judged_by(version, lang))
            click.echo("")
        _print_articles(part, lang, listed)
    for shape, count in left_out.items():
        click.echo(word("validate.left_out", lang, shape=_local_name(shape), count=count))
    if left_out:
        click.echo("")
    summary = word("validate.summary", lang, violations=len(report.violations), warnings=len(report.warnings),
                   files=len(report.files), engine=report.engine)
    click.echo(summary)


def _judged_by(version: Regulation, lang: str) -> str:
    """The heading of the findings one version of the rules judged: the regulation, its number and dates."""
    span = [version.number or "", word("validate_versions.in_force", lang, first=version.in_force or "…")]
    span.append(word("validate_versions.until", lang, day=version.until) if version.until else "")
    return word("validate_versions.judged_by", lang, regulation=version.label(lang),
                span=word("validate_versions.span_separator", lang).join(part for part in span if part))


def _local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _print_articles(report: Report, lang: str, listed: set[int]) -> None:
    for citation, all_findings in report.by_article():
        findings = [finding for finding in all_findings if id(finding) in listed]
        if not findings:
            continue
        if citation is None:
            click.echo(f"■ {word('validate.structure', lang)}")
        else:
            click.echo(f"■ {citation.label(lang)}  <{citation.article.iri}>")
            click.echo(_indent(citation.text, "  │ "))
        for finding in findings:
            click.echo("\n".join(_finding_lines(finding, lang)))
        click.echo("")


def _finding_lines(finding: Finding, lang: str) -> list[str]:
    """A finding as the text report prints it: the record, the value found, what the rule requires."""
    from ..validate.report import looks_like_iri

    mark = "✗" if finding.severity == "violation" else "!"
    name = finding.focus.label(lang)
    shown = name if name == finding.focus.iri else f"{name}  <{finding.focus.iri}>"
    lines = [f"  {mark} [{word('validate.' + finding.severity, lang)}] {word('validate.record', lang)}: {shown}"]
    if finding.value is not None and finding.value != finding.focus.iri:
        label = finding.value_label.label(lang) if finding.value_label else finding.value
        value = label if label == finding.value or not looks_like_iri(finding.value) else f"{label}  <{finding.value}>"
        lines.append(f"      {word('validate.value', lang)}: {value}")
    lines.append(f"      {word('validate.requires', lang)}: {finding.message.label(lang)}")
    return lines


def _indent(text: str, prefix: str) -> str:
    return "\n".join(prefix + line for line in text.splitlines())
