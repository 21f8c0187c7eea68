"""HTML documentation of the ontology and the records vocabulary, written by pyLODE.

Each page is one self-contained HTML file (its CSS inlined, no script or font fetched), so
it opens offline. pyLODE merges the metadata of every ``skos:ConceptScheme`` into the
ontology's own (title, description); the code lists are therefore documented as the
individuals they are, without their scheme type, on the pages only.
"""

from __future__ import annotations

import logging
from pathlib import Path

from .._core import resources
from .._core.errors import GovGraphError

INSTALL = "pip install 'govgraph[docs]'"
#: ontology file → page written
PAGES = {"govgraph.ttl": "govgraph.html", "records.ttl": "records.html"}


def write_ontology_docs(folder: Path) -> list[Path]:
    """Write one HTML page per ontology file of ``PAGES`` into ``folder``; return the pages."""
    try:
        from pylode import OntPub
    except ImportError:
        raise GovGraphError(f"the ontology documentation needs pyLODE: {INSTALL}") from None
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    root, level = logging.getLogger(), logging.getLogger().level
    root.setLevel(max(level, logging.WARNING))  # pyLODE reports its progress on the root logger at INFO
    try:
        for source, page in PAGES.items():
            target = folder / page
            partial = target.with_name(f".{page}.partial")
            OntPub(ontology=_without_scheme_types(resources.ontology_dir() / source)).make_html(destination=partial, include_css=True)
            partial.replace(target)  # a page is whole or absent, never half-written
            written.append(target)
    finally:
        root.setLevel(level)
    return written


def _without_scheme_types(path: Path):  # noqa: ANN202 - rdflib.Graph
    import rdflib
    from rdflib.namespace import RDF, SKOS

    graph = rdflib.Graph().parse(path)
    graph.remove((None, RDF.type, SKOS.ConceptScheme))
    return graph
