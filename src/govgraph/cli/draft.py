"""govgraph draft: a rule base drafted from a regulation's text, with a review report."""

from __future__ import annotations

import re
from pathlib import Path

import click

from ._common import emit_json, fail, format_option, friendly_errors, lang_option


@click.command()
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", "folder", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="The rule base folder to write (re-drafting keeps the rules confirmed or edited there).")
@click.option("--name", help="The rule base's name (its IRIs and its government's identifier); default: the folder's name.")
@click.option("--base", help="The namespace of the rule base's terms (default: patterns/text.toml's, with the name).")
@click.option("--prefix", default="d", show_default=True, help="The Turtle prefix of the rule base's terms.")
@format_option("text", "json", default="text")
@lang_option
@friendly_errors
def draft(source: Path, folder: Path, name: str | None, base: str | None, prefix: str, output_format: str, lang: str) -> None:
    """Draft a rule base from the text of a government's working rules (SOURCE, UTF-8 plain text):
    rules read by the clause patterns of patterns/, each with the article and wording it was
    read from, and DIR/REVIEW.md to review them.

    \b
      govgraph draft regulation.txt -o data/my-county-2024
      govgraph check --rules data/my-county-2024
    """
    from .._core.words import word
    from ..draft import read_regulation, write_draft
    from ..draft.patterns import PatternError
    from ..draft.review import review_data, review_markdown
    from ..law.articles import RegulationSyntaxError

    name = name or re.sub(r"[^A-Za-z0-9-]+", "-", folder.resolve().name).strip("-").lower() or "draft"
    try:
        text = source.read_text(encoding="utf-8")
        found = read_regulation(text)
    except RegulationSyntaxError as e:
        fail(f"{source}:{e.line}: {e.message}")
    except (UnicodeDecodeError, PatternError) as e:
        fail(f"{source}: {e}")
    written = write_draft(found, folder, name, prefix, base)
    data = review_data(found, written["kept"], written["deleted"])
    (folder / "REVIEW.md").write_text(review_markdown(data, lang), encoding="utf-8")
    if output_format == "json":
        emit_json(data)
        return
    s = data["summary"]
    click.echo(word("draft.wrote", lang, folder=folder, rules=s["rules"], principles=s["principles"],
                    terms=len(data["terms"])))
