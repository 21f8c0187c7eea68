"""govgraph docs: HTML documentation of the ontology, to read offline."""

from __future__ import annotations

from pathlib import Path

import click

from ._common import friendly_errors


@click.command()
@click.option("-o", "--output", "folder", type=click.Path(file_okay=False, path_type=Path), default=Path("docs/ontology"),
              show_default=True, help="Folder to write the pages into (created if missing).")
@friendly_errors
def docs(folder: Path) -> None:
    """Write HTML documentation of the ontology (ontology/govgraph.ttl) and the records vocabulary
    (ontology/records.ttl) with pyLODE: every class and property with its zh and en labels,
    definition, domain and range. Each page is one file that opens offline. Needs the `docs` extra."""
    from ..export.ontology_docs import write_ontology_docs

    for page in write_ontology_docs(folder):
        click.echo(page)
