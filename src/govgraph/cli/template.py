"""``govgraph template KIND``: a Turtle record template, what the ontology allows and the shapes require."""

from __future__ import annotations

import click

from ._common import friendly_errors, lang_option


@click.command()
@click.argument("kind")
@lang_option
@friendly_errors
def template(kind: str, lang: str) -> None:
    """A Turtle template of a record of KIND (meeting, document, leave, duty-shift, report, approval…).

    \b
    Required properties (a shape's minimum count) come first; the others are commented out.
    Examples:
      govgraph template meeting > meeting.ttl
      govgraph template duty-shift --lang zh
    """
    from ..validate.template import template as build

    click.echo(build(kind, lang), nl=False)
