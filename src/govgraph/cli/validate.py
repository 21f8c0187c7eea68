"""``govgraph validate``: check records against a rule base; a thin layer over govgraph.validate."""

from __future__ import annotations

import sys

import click

from ._common import EXIT_NO, EXIT_OK, emit_json, friendly_errors, lang_option, rules_option

_HEADINGS = {
    "zh": {"structure": "记录结构（不涉及条文）", "record": "记录", "value": "发现值", "requires": "规定", "none": "全部记录符合规则。",
           "summary": "{v} 项违反，{w} 项提醒（{files} 个文件，引擎 {engine}）", "article": "第{n}条"},
    "en": {"structure": "Structure of the records (no article)", "record": "record", "value": "found", "requires": "rule",
           "none": "All records conform to the rules.", "summary": "{v} violation(s), {w} warning(s) ({files} file(s), engine {engine})",
           "article": "Article {n}"},
}


@click.command()
@click.argument("data", nargs=-1, required=True, type=click.Path())
@rules_option
@click.option("--format", "output_format", type=click.Choice(["text", "json", "turtle"]), default="text", show_default=True,
              help="text for people (grouped by article), json for machines, turtle for the standard SHACL report.")
@lang_option
@click.option("--engine", type=click.Choice(["fast", "pyshacl"]), default="fast", show_default=True, envvar="GOVGRAPH_ENGINE",
              help="fast: the shapes as SPARQL on Oxigraph; pyshacl: the reference SHACL engine (slow on large data).")
@click.option("--fail-on", type=click.Choice(["violation", "warning"]), default="violation", show_default=True,
              help="Exit 1 on violations only, or on warnings too.")
@click.option("--each", is_flag=True,
              help="Validate each DATA argument on its own (one government-year each), in parallel, and report them together.")
@click.option("--common", multiple=True, type=click.Path(), metavar="PATH",
              help="With --each: records every group needs (e.g. the working-day calendar). Repeatable.")
@friendly_errors
def validate(data: tuple[str, ...], rules: tuple[str, ...] | None, output_format: str, lang: str, engine: str, fail_on: str,
             each: bool, common: tuple[str, ...]) -> None:
    """Validate records (Turtle files or folders of them) against a government's working rules.

    \b
    Exit codes: 0 no violation (warnings are printed), 1 violations found, 2 the input could not be read.
    Examples:
      govgraph validate records/
      govgraph validate meetings.ttl roster.ttl --lang en --format json
    """
    rules = rules[0] if rules else None  # one rule base: the version in force is chosen per record later
    from ..validate import Report, validate_each
    from ..validate import validate as run

    progress = _progress() if output_format == "text" and sys.stderr.isatty() else None
    try:
        if each:
            if progress:
                progress.update(f"validating {len(data)} groups in parallel")
            reports = validate_each([[*common, d] for d in data], rules, engine=engine)
            findings = {f.key(): f for r in reports for f in r.findings}
            files = dict.fromkeys(f for r in reports for f in r.files)
            report = Report(tuple(findings.values()), engine, reports[0].jurisdiction, tuple(files))
        else:
            report = run([*common, *data], rules, engine=engine, progress=progress.update if progress else None)
    finally:
        if progress:
            progress.stop()
    if output_format == "json":
        emit_json(report.to_dict())
    elif output_format == "turtle":
        click.echo(report.to_turtle())
    else:
        _print_text(report, lang)
    failing = report.violations or (fail_on == "warning" and report.warnings)
    sys.exit(EXIT_NO if failing else EXIT_OK)


class _progress:
    """A spinner on stderr naming the step under way."""

    def __init__(self) -> None:
        from rich.console import Console

        self._status = Console(stderr=True).status("validating…")
        self._status.start()

    def update(self, text: str) -> None:
        self._status.update(text)

    def stop(self) -> None:
        self._status.stop()


def _print_text(report, lang: str) -> None:  # noqa: ANN001 - govgraph.validate.Report
    words = _HEADINGS[lang]
    if not report.findings:
        click.echo(words["none"])
    for citation, findings in report.by_article():
        if citation is None:
            click.echo(f"■ {words['structure']}")
        else:
            title = citation.article.label(lang) if lang == "en" else words["article"].format(n=citation.number)
            click.echo(f"■ {title}  <{citation.article.iri}>")
            click.echo(_indent(citation.text, "  │ "))
        for finding in findings:
            mark = "✗" if finding.severity == "violation" else "!"
            name = finding.focus.label(lang)
            click.echo(f"  {mark} [{finding.severity}] {words['record']}: " + (name if name == finding.focus.iri else f"{name}  <{finding.focus.iri}>"))
            if finding.value is not None and finding.value != finding.focus.iri:
                label = finding.value_label.label(lang) if finding.value_label else finding.value
                shown = label if label == finding.value or not finding.value.startswith(("http", "urn")) else f"{label}  <{finding.value}>"
                click.echo(f"      {words['value']}: {shown}")
            click.echo(f"      {words['requires']}: {finding.message.label(lang)}")
        click.echo("")
    click.echo(words["summary"].format(v=len(report.violations), w=len(report.warnings), files=len(report.files), engine=report.engine))


def _indent(text: str, prefix: str) -> str:
    return "\n".join(prefix + line for line in text.splitlines())
