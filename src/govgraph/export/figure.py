"""The static figure (matplotlib, SVG or PNG) of the authority graph or of one absence scenario.

Chinese is drawn with a Noto Sans CJK font (Debian's ``fonts-noto-cjk``). Titles and legends
are the ``[figure]`` words; labels of posts and kinds come from the rule base and the words file.
"""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from .._core.errors import GovGraphError
from .._core.words import word
from ..answers.graph import GovGraph
from ..authority import EDGE_COLOURS, NODE_KINDS, Absence, AuthorityEdge, Scenario, authority_graph, play_scenario
from .layout import layout, wrap
from .style import ABSENT_COLOUR, ACTING_COLOUR, BLOCKED_COLOUR, NODE_COLOURS, scenario_marks

Drawn = tuple[str, str, str, AuthorityEdge]


# ── the Chinese font ─────────────────────────────────────────────────────────


def cjk_font() -> str:
    """The family name of an installed Noto Sans CJK font (raise if there is none).

    matplotlib lists fonts in a cache written when it first ran: a font installed later is not
    in it. When no CJK font is listed, the list is rebuilt from the system's fonts (once per
    process, rewriting the cache so the next run finds the font at once) before giving up.
    """
    from matplotlib import font_manager

    names = _cjk_families(font_manager.fontManager)
    if not names:
        _rebuild_font_list()
        names = _cjk_families(font_manager.fontManager)
    for preferred in ("Noto Sans CJK SC", *names):
        if preferred in names:
            return preferred
    raise GovGraphError(word("figure.no_cjk_font", "en"))


def _cjk_families(manager: Any) -> list[str]:
    return sorted({f.name for f in manager.ttflist if f.name.startswith("Noto Sans CJK")})


@functools.cache
def _rebuild_font_list() -> None:
    """Scan the system's fonts again (once per process) and add those the cached list lacks."""
    from matplotlib import font_manager

    rebuild = getattr(font_manager, "_load_fontmanager", None)  # also rewrites the cache on disk
    fresh = rebuild(try_read_cache=False) if rebuild is not None else font_manager.FontManager()
    known = {f.fname for f in font_manager.fontManager.ttflist}
    for path in sorted({f.fname for f in fresh.ttflist} - known):
        font_manager.fontManager.addfont(path)


# ── the figure ───────────────────────────────────────────────────────────────


def figure(graph: GovGraph, absences: Sequence[Absence] = (), *, lang: str = "zh", kinds: Iterable[str] | None = None):  # noqa: ANN201 - Figure
    """A matplotlib figure of the authority graph (or of one scenario), with a legend of edge kinds."""
    # A plain Figure, not pyplot's: no GUI backend, and no pyplot callback on every change of an artist.
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import FancyArrowPatch

    network = authority_graph(graph)
    wanted = set(kinds) if kinds else set(EDGE_COLOURS)
    drawn = [
        (u, v, k, d["record"]) for u, v, k, d in network.edges(keys=True, data=True) if d["record"].kind in wanted and u != v
    ]
    nodes = sorted({n for u, v, _, _ in drawn for n in (u, v)})
    position = layout(network, nodes, lang=lang)
    scenario = play_scenario(graph, absences) if absences else None
    marks = scenario_marks(scenario)
    family = [cjk_font(), "DejaVu Sans"] if lang == "zh" else ["DejaVu Sans"]
    with rc_context({"font.family": family, "svg.fonttype": "path"}):
        width = min(18.0, max(11.0, 7.0 + 0.24 * len(nodes)))
        fig = Figure(figsize=(width, width * 0.64), dpi=110)
        FigureCanvasAgg(fig)  # measures the labels (and draws PNGs)
        axes = fig.add_subplot()
        axes.set_axis_off()
        texts = _draw_nodes(axes, network, nodes, position, marks, lang)
        axes.legend(
            handles=_legend(network, nodes, drawn, scenario, lang),
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0),
            frameon=False,
            fontsize=10,
            title=word("figure.legend", lang),
        )
        axes.set_title(_title(scenario, lang), fontsize=14, loc="left")
        axes.set_xlim(-0.08, 1.08)
        axes.set_ylim(-0.06, 1.06)
        fig.tight_layout()
        # Laid out once: no layout engine left for savefig to run again (it would draw the figure
        # an extra time first).
        fig.set_layout_engine(None)
        _draw_edges(axes, drawn, position, _boxes(fig, axes, texts), marks, FancyArrowPatch)
    return fig


def write_figure(graph: GovGraph, path: Path, fmt: str, absences: Sequence[Absence] = (), **options: Any) -> Path:
    """Draw the figure into ``path`` as ``fmt`` (svg or png); ``options`` are :func:`figure`'s (``lang``, ``kinds``)."""
    fig = figure(graph, absences, **options)
    # No bbox_inches="tight": the figure's tight layout already fits the legend, and a tight
    # bounding box would draw the whole figure once more only to measure it. A PNG of lines and
    # labels on white compresses well at the fastest level.
    png = {"dpi": 130, "pil_kwargs": {"compress_level": 1}} if fmt == "png" else {}
    fig.savefig(path, format=fmt, **png)
    return path


def _legend(network: nx.MultiDiGraph, nodes: list[str], drawn: list[Drawn], scenario: Scenario | None, lang: str) -> list[Any]:
    """One entry per kind of edge and node drawn, and the colours of a scenario."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    kinds = {e.kind for *_, e in drawn}
    handles: list[Any] = [
        Line2D([0], [0], color=colour, lw=2.5, label=word(f"edge.{k}", lang)) for k, colour in EDGE_COLOURS.items() if k in kinds
    ]
    handles += [
        Patch(facecolor=NODE_COLOURS[k], edgecolor="#555555", label=word(f"node.{k}", lang))
        for k in NODE_KINDS
        if any(network.nodes[n].get("kind") == k for n in nodes)
    ]
    if scenario is not None:
        handles += [
            Patch(facecolor=ABSENT_COLOUR, edgecolor="#c62828", linestyle="--", label=word("figure.away", lang)),
            Patch(facecolor=ACTING_COLOUR, edgecolor="#555555", label=word("figure.acting", lang)),
            Patch(facecolor=BLOCKED_COLOUR, edgecolor="#555555", label=word("figure.blocked", lang)),
        ]
    return handles


def _title(scenario: Scenario | None, lang: str) -> str:
    if scenario is None:
        return word("figure.title", lang)
    away = word("chain.list_separator", lang).join(a.label(lang) for a in scenario.absences)
    return word("figure.scenario_title", lang, away=away, gaps=len(scenario.gaps))


def _boxes(fig: Any, axes: Any, texts: dict[str, Any]) -> dict[str, tuple[float, float]]:
    """Half width and half height of each node's label box, in data units (each box measured, not the
    whole figure drawn: the figure is drawn once, when it is written)."""
    renderer = fig.canvas.get_renderer()
    inverse = axes.transData.inverted()
    boxes = {}
    for node, text in texts.items():
        text.update_bbox_position_size(renderer)
        extent = text.get_bbox_patch().get_window_extent(renderer)
        (x0, y0), (x1, y1) = inverse.transform([[extent.x0, extent.y0], [extent.x1, extent.y1]])
        boxes[node] = (abs(x1 - x0) / 2, abs(y1 - y0) / 2)
    return boxes


def _clip(centre: tuple[float, float], towards: tuple[float, float], half: tuple[float, float]) -> tuple[float, float]:
    """Where the segment from ``centre`` to ``towards`` leaves the box of half sizes ``half`` around ``centre``."""
    dx, dy = towards[0] - centre[0], towards[1] - centre[1]
    scale = min(half[0] / abs(dx) if dx else math.inf, half[1] / abs(dy) if dy else math.inf, 1.0)
    return (centre[0] + dx * scale, centre[1] + dy * scale)


def _draw_edges(
    axes: Any,
    drawn: list[Drawn],
    position: dict[str, tuple[float, float]],
    boxes: dict[str, tuple[float, float]],
    marks: dict[str, Any],
    arrow: Any,
) -> None:
    """Arrows from box edge to box edge; several between the same two nodes bend apart; a scenario's in bold."""
    by_pair: dict[frozenset[str], list[Drawn]] = defaultdict(list)
    for item in drawn:
        by_pair[frozenset(item[:2])].append(item)
    active = bool(marks["edges"] or marks["away"])
    for items in by_pair.values():
        for index, (u, v, key, edge) in enumerate(sorted(items, key=lambda i: i[2])):
            rad = 0.12 * (index - (len(items) - 1) / 2) + (0.06 if len(items) > 1 else 0.0)
            rad = rad if u < v else -rad
            used, blocked = key in marks["edges"], key in marks["blocked_edges"]
            axes.add_artist(  # not add_patch: the limits are set, no need to measure each curve
                arrow(
                    _clip(position[u], position[v], boxes[u]),
                    _clip(position[v], position[u], boxes[v]),
                    arrowstyle="-|>",
                    mutation_scale=12,
                    color=EDGE_COLOURS[edge.kind],
                    lw=3.2 if used else 1.2,
                    alpha=0.95 if used or blocked or not active else 0.18,
                    linestyle="--" if blocked else "-",
                    connectionstyle=f"arc3,rad={rad:.3f}",
                    shrinkA=1,
                    shrinkB=2,
                    zorder=1,
                )
            )


def _node_style(node: str, kind: str, marks: dict[str, Any]) -> tuple[str, str, str]:
    """Fill, border colour and border style of a node: by its kind, or by what the scenario makes of it."""
    if node in marks["away"]:
        return ABSENT_COLOUR, "#c62828", "--"
    if node in marks["acting"]:
        return ACTING_COLOUR, "#555555", "-"
    if node in marks["blocked"]:
        return BLOCKED_COLOUR, "#555555", "-"
    return NODE_COLOURS.get(kind, "#eeeeee"), "#555555", "-"


def _draw_nodes(
    axes: Any,
    network: nx.MultiDiGraph,
    nodes: list[str],
    position: dict[str, tuple[float, float]],
    marks: dict[str, Any],
    lang: str,
) -> dict[str, Any]:
    texts = {}
    for node in nodes:
        data = network.nodes[node]
        fill, edge_colour, style = _node_style(node, data.get("kind", "other"), marks)
        label = data.get(f"label_{lang}") or data.get("label_zh") or node
        x, y = position[node]
        texts[node] = axes.text(
            x,
            y,
            wrap(label, lang),
            ha="center",
            va="center",
            fontsize=8.5,
            zorder=3,
            bbox={"boxstyle": "round,pad=0.35", "facecolor": fill, "edgecolor": edge_colour, "linestyle": style, "linewidth": 1.2},
        )
    return texts
