"""Pictures and exports of the authority graph: GraphML, GEXF, DOT, node-link JSON, SVG/PNG, HTML.

Every export carries each node's labels in zh and en and each edge's kind, act, condition and
article (IRI, labels, number, text). Figures draw Chinese with the Noto Sans CJK font (Debian's
``fonts-noto-cjk``); the HTML page is one file with its script and style inside, so that it opens
from disk with no network.

Modules: ``formats`` (GraphML, GEXF, DOT, JSON), ``layout`` (positions), ``style`` (colours and
what a scenario marks), ``figure`` (matplotlib), ``page`` (the offline HTML page).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from .._core.errors import GovGraphError
from ..answers.graph import GovGraph
from ..authority import Absence
from .figure import cjk_font, figure, write_figure
from .formats import dot, edge_attributes, export_graph, node_link, write_dot, write_gexf, write_graphml, write_json
from .layout import layout
from .page import html, page_data, write_html
from .style import ABSENT_COLOUR, ACTING_COLOUR, BLOCKED_COLOUR, NODE_COLOURS, scenario_marks

__all__ = [
    "ABSENT_COLOUR",
    "ACTING_COLOUR",
    "BLOCKED_COLOUR",
    "NODE_COLOURS",
    "cjk_font",
    "dot",
    "edge_attributes",
    "export_graph",
    "figure",
    "html",
    "layout",
    "node_link",
    "page_data",
    "scenario_marks",
    "write",
    "write_dot",
    "write_figure",
    "write_gexf",
    "write_graphml",
    "write_html",
    "write_json",
]


def write(
    graph: GovGraph,
    path: Path,
    fmt: str,
    *,
    absences: Sequence[Absence] = (),
    lang: str = "zh",
    kinds: Iterable[str] | None = None,
) -> Path:
    """Write the authority graph to ``path`` as ``fmt`` (svg, png, html, graphml, gexf, dot, json)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt in ("svg", "png"):
        return write_figure(graph, path, fmt, absences, lang=lang, kinds=kinds)
    if absences:
        raise GovGraphError(
            f"a scenario can be drawn as svg or png; {fmt} exports the whole graph (the html page plays scenarios itself)"
        )
    writers: dict[str, Callable[[], Path]] = {
        "html": lambda: write_html(graph, path, lang=lang),
        "graphml": lambda: write_graphml(graph, path),
        "gexf": lambda: write_gexf(graph, path),
        "dot": lambda: write_dot(graph, path, lang),
        "json": lambda: write_json(graph, path),
    }
    if fmt not in writers:
        raise GovGraphError(f"unknown format {fmt!r}: expected svg, png, {', '.join(writers)}")
    return writers[fmt]()
