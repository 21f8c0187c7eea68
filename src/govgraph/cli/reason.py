"""govgraph reason: is a rule base consistent OWL with the ontology? (HermiT, needs Java)."""

from __future__ import annotations

import sys

import click

from ._common import EXIT_NO, emit_json, format_option, friendly_errors, lang_option, rules_option, table, console


@click.command()
@rules_option
@format_option("table", "json")
@lang_option
@friendly_errors
def reason(rules: tuple[str, ...] | None, output_format: str, lang: str) -> None:
    """Run the HermiT reasoner on the ontology with each rule base: report inconsistency (and the
    resources typed with two disjoint classes that cause it, with their articles) and
    unsatisfiable classes. Needs Java and the `reason` extra. Exit 1 if a rule base fails."""
    from .._core.words import word
    from ..answers.reasoning import reason as run

    found = run(rules)
    if output_format == "json":
        emit_json([r.to_dict() for r in found])
    else:
        for result in found:
            _print(result, lang, word)
    if not all(r.holds for r in found):
        sys.exit(EXIT_NO)


def _print(result, lang: str, word) -> None:  # noqa: ANN001
    out = console()
    if result.consistent:
        if not result.unsatisfiable:
            out.print(word("reason.holds", lang, rule_base=result.rule_base))
        else:
            rows = [[c.label(lang), c.iri] for c in result.unsatisfiable]
            out.print(table(word("reason.unsatisfiable", lang), [word("column.resource", lang), "IRI"], rows))
        return
    out.print(word("reason.inconsistent", lang, rule_base=result.rule_base, message=result.reasoner_message), markup=False)
    if not result.clashes:
        out.print(word("reason.no_clash", lang))
        return
    headings = [word("column.resource", lang), word("reason.first", lang), word("reason.second", lang), word("answer.articles", lang)]
    rows = [[c.resource.label(lang) + f"\n{c.resource.iri}", c.first.label(lang), c.second.label(lang),
             c.basis.label(lang) if c.basis else ""] for c in result.clashes]
    out.print(table(word("reason.clashes", lang), headings, rows))
