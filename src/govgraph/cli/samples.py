"""govgraph samples: the sample records a rule base carries, listed or copied out of the package."""

from __future__ import annotations

from pathlib import Path

import click

from ._common import console, emit_json, format_option, friendly_errors, lang_option, rules_option, table


@click.command()
@rules_option
@click.option("--copy", "target", type=click.Path(file_okay=False, path_type=Path),
              help="Copy the samples into this folder (as <rule base>/records and <rule base>/cases); never overwrites.")
@format_option("table", "json")
@lang_option
@friendly_errors
def samples(rules: tuple[str, ...] | None, target: Path | None, output_format: str, lang: str) -> None:
    """List the sample records that come with the rule bases (a made-up year of records with
    planted violations, and valid and invalid records per rule), or copy them out to try:

    \b
      govgraph samples --copy samples/
      govgraph validate samples/RULE-BASE/records/
    """
    from .._core.words import word
    from ..law.jurisdictions import choose
    from ..law.samples import copy_samples, samples as find

    found = find(choose(rules or "all"))
    if target is not None:
        for destination in copy_samples(found, target):
            click.echo(destination)
        return
    if output_format == "json":
        emit_json([s.to_dict() for s in found])
        return
    rows = [[s.name, s.summary, str(s.files), str(s.folder)] for s in found]
    headings = [word(f"samples.{column}", lang) for column in ("sample", "about", "files", "folder")]
    console().print(table(word("samples.title", lang), headings, rows))
