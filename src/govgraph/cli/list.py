"""``govgraph list``: what a store or endpoint holds — governments, versions, graphs, triples."""

from __future__ import annotations

import os

import click

from ._common import Asking, asks, console, emit_json, table


@click.command(name="list")
@click.option("--graph", "graphs", multiple=True, metavar="IRI",
              help="Check that the store holds this named graph (repeatable): exit 2 with the list if not.")
@asks("table", "json", "csv")
def list_holdings(ask: Asking, graphs: tuple[str, ...]) -> None:
    """What the store (--store oxigraph:PATH) or endpoint (--endpoint URL) holds: each government with
    its versions (issued, in force from, until, in force or repealed on --as-of, default today), and
    every named graph (ontology, rule base, records) with its triple count.

    A --jurisdiction, --graph or GOVGRAPH_GRAPH naming something the store does not hold is an
    error (exit 2) that lists what it holds.
    """
    library = ask.library
    asked = [*graphs, *([os.environ["GOVGRAPH_GRAPH"]] if ask.endpoint and os.environ.get("GOVGRAPH_GRAPH") else [])]
    for graph in asked:
        library.require_graph(graph)
    chosen = {base.graph for base in library.select(ask.jurisdiction, None)} if ask.jurisdiction else None
    catalogue = library.catalogue(ask.as_of)
    if chosen is not None:
        catalogue = _only(catalogue, chosen)
    if ask.json:
        emit_json(catalogue.to_dict())
        return
    if ask.csv:
        return _csv(ask, catalogue)
    _print(ask, catalogue)


_CSV_COLUMNS = ("graph", "kind", "rule_base", "triples", "government", "government_iri", "identifier", "level", "level_iri",
                "regulation", "regulation_iri", "regulation_number", "issued", "in_force", "until", "status")


def _csv(ask: Asking, catalogue) -> None:  # noqa: ANN001 - Catalogue
    """One row per named graph; a rule base's row names its government and regulation version
    (a list of graphs cites no article: its rows are the sources themselves)."""
    from ._csv import emit_csv, named_cells

    lang = ask.lang
    versions = {v.rule_base.graph: (g, v) for g in catalogue.governments for v in g.versions}

    def row(entry) -> dict:  # noqa: ANN001 - GraphEntry
        cells = {"graph": entry.graph, "kind": entry.kind, "rule_base": entry.rule_base, "triples": entry.triples}
        if entry.graph not in versions:
            return cells
        government, version = versions[entry.graph]
        regulation = version.rule_base.regulation
        return cells | named_cells("government", government.government, lang) | named_cells("level", government.level, lang) | {
            "identifier": government.identifier, "regulation_number": regulation.number, "issued": regulation.issued,
            "in_force": regulation.in_force, "until": regulation.until, "status": version.status,
        } | named_cells("regulation", regulation.regulation, lang)

    emit_csv(_CSV_COLUMNS, (row(entry) for entry in catalogue.graphs))


def _only(catalogue, graphs: set[str]):  # noqa: ANN001, ANN202 - Catalogue
    """The catalogue narrowed to the governments whose versions live in ``graphs``."""
    from dataclasses import replace

    kept = tuple(g for g in catalogue.governments if any(v.rule_base.graph in graphs for v in g.versions))
    held = {v.rule_base.graph for g in kept for v in g.versions}
    return replace(catalogue, governments=kept, graphs=tuple(g for g in catalogue.graphs if g.graph in held))


_STATUS_WORDS = {"in force": "list.in_force_now", "repealed": "list.repealed", "not yet in force": "list.not_yet_in_force"}


def _print(ask: Asking, catalogue) -> None:  # noqa: ANN001 - Catalogue
    lang, out = ask.lang, console()
    rows = [
        [
            f"{g.government.label(lang)}\n{g.identifier}",
            g.level.label(lang) if g.level else "",
            f"{v.rule_base.regulation.label(lang)}\n{v.rule_base.regulation.number or ''}".strip(),
            v.rule_base.regulation.issued or "",
            f"{v.rule_base.regulation.in_force or ''} – {v.rule_base.regulation.until or ''}",
            ask.word(_STATUS_WORDS[v.status]),
            v.rule_base.name,
            str(v.triples if v.triples is not None else ""),
        ]
        for g in catalogue.governments
        for v in g.versions
    ]
    headings = [ask.word(f"list.{c}") for c in ("government", "level", "regulation", "issued", "in_force", "status", "rule_base", "triples")]
    out.print(table(ask.word("list.title", store=catalogue.store, day=catalogue.day), headings, rows))
    graph_rows = [[g.graph, ask.word(f"list.kind_{g.kind.replace('-', '_')}"), g.rule_base or "", str(g.triples)] for g in catalogue.graphs]
    graph_headings = [ask.word(f"list.{c}") for c in ("graph", "kind", "rule_base", "triples")]
    out.print(table(ask.word("list.graphs"), graph_headings, graph_rows))
