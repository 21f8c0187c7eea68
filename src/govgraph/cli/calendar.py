"""``govgraph calendar YEAR``: the working-day calendar of a year, as records a validator loads."""

from __future__ import annotations

import click

from ._common import friendly_errors


@click.command()
@click.argument("year", type=int)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the Turtle here [default: stdout].")
@click.option("--base", metavar="IRI", default=None, help="Name each day <IRI><date> [default: govgraph's calendar IRIs].")
@friendly_errors
def calendar(year: int, output: str | None, base: str | None) -> None:
    """The working-day calendar of YEAR (one gg:CalendarEntry a day), from the chinesecalendar package.

    \b
    Needs: pip install 'govgraph[calendar]'. Exit 2 for a year the package does not cover.
    Examples:
      govgraph calendar 2024 -o records/calendar-2024.ttl
    """
    from ..validate.calendar import CALENDAR_BASE, calendar_graph

    turtle = calendar_graph(year, base or CALENDAR_BASE).serialize(format="turtle")
    if output:
        with open(output, "w", encoding="utf-8") as out:
            out.write(turtle)
    else:
        click.echo(turtle)
