"""Pictures and exports of the authority graph: GraphML, GEXF, DOT, node-link JSON, SVG/PNG, HTML.

Every export carries each node's labels in zh and en and each edge's kind, act, condition and
article (IRI, number, text). Figures draw Chinese with the Noto Sans CJK font (Debian's
``fonts-noto-cjk``); the HTML page is one file with its script and style inside, so that it opens
from disk with no network.
"""

from __future__ import annotations

import html as html_escape
import itertools
import json
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from ..authority import (
    DELEGATION_KINDS,
    EDGE_KINDS,
    NODE_KINDS,
    Absence,
    AuthorityEdge,
    Scenario,
    authority_graph,
    play_scenario,
)
from .._core.errors import GovGraphError
from ..answers.graph import GovGraph

NODE_COLOURS = {"post": "#dbe9f6", "organ": "#fdf1d6", "role": "#e3f2df", "other": "#eeeeee"}
ABSENT_COLOUR, ACTING_COLOUR, BLOCKED_COLOUR = "#bdbdbd", "#ffb74d", "#ef9a9a"


# ── exports ──────────────────────────────────────────────────────────────────


def export_graph(graph: GovGraph) -> nx.MultiDiGraph:
    """The authority graph with plain attributes only (strings and integers), ready for any writer."""
    network = authority_graph(graph)
    plain = nx.MultiDiGraph(name="govgraph authority graph")
    for node, data in network.nodes(data=True):
        plain.add_node(
            node,
            label=data["label_zh"] or data["label_en"] or node,
            label_zh=data["label_zh"],
            label_en=data["label_en"],
            kind=data["kind"],
            iri=node,
            post_in=data.get("post_in", ""),
            specialises=data.get("specialises", ""),
        )
    for u, v, key, data in network.edges(keys=True, data=True):
        plain.add_edge(u, v, key=key, **edge_attributes(data["record"]))
    return plain


def edge_attributes(edge: AuthorityEdge) -> dict[str, Any]:
    """An edge as flat attributes: kind, act, what it is about, condition and article, in zh and en."""
    kind_zh, kind_en, colour = EDGE_KINDS[edge.kind]
    return {
        "kind": edge.kind,
        "kind_zh": kind_zh,
        "kind_en": kind_en,
        "colour": colour,
        "label": edge.act.zh or edge.act.en or edge.act.iri,
        "act": edge.act.iri,
        "act_zh": edge.act.zh or "",
        "act_en": edge.act.en or "",
        "about": edge.about.iri if edge.about else "",
        "about_zh": (edge.about.zh or "") if edge.about else "",
        "about_en": (edge.about.en or "") if edge.about else "",
        "condition_zh": (edge.condition.zh or "") if edge.condition else "",
        "condition_en": (edge.condition.en or "") if edge.condition else "",
        "rule": edge.rule.iri if edge.rule else "",
        "article": edge.basis.article.iri,
        "article_number": edge.basis.number,
        "article_text": edge.basis.text,
        "step": edge.step if edge.step is not None else 0,
    }


def write_graphml(graph: GovGraph, path: Path) -> Path:
    nx.write_graphml(export_graph(graph), path, encoding="utf-8", prettyprint=True)
    return path


def write_gexf(graph: GovGraph, path: Path) -> Path:
    nx.write_gexf(export_graph(graph), path, encoding="utf-8", prettyprint=True)
    return path


def node_link(graph: GovGraph) -> dict[str, Any]:
    """The node-link form (``nodes`` and ``edges``) networkx and d3 read."""
    return nx.node_link_data(export_graph(graph), edges="edges")


def write_json(graph: GovGraph, path: Path) -> Path:
    path.write_text(json.dumps(node_link(graph), ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def dot(graph: GovGraph, lang: str = "zh") -> str:
    """The graph in Graphviz DOT, written here (no pydot needed); every attribute is kept."""
    plain = export_graph(graph)
    lines = [
        "digraph authority {",
        '  graph [rankdir=LR, fontname="Noto Sans CJK SC"];',
        '  node [shape=box, style="rounded,filled", fontname="Noto Sans CJK SC"];',
        '  edge [fontname="Noto Sans CJK SC", fontsize=9];',
    ]
    for node, data in plain.nodes(data=True):
        attributes = dict(data, label=data[f"label_{lang}"] or data["label"], fillcolor=NODE_COLOURS.get(data["kind"], "#eeeeee"))
        lines.append(f"  {_dot_id(node)} [{_dot_attributes(attributes)}];")
    for u, v, data in plain.edges(data=True):
        attributes = dict(
            data, label=f"{data[f'act_{lang}']} ({_article_word(data['article_number'], lang)})", color=data["colour"]
        )
        lines.append(f"  {_dot_id(u)} -> {_dot_id(v)} [{_dot_attributes(attributes)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _article_word(number: str, lang: str) -> str:
    return f"第{number}条" if lang == "zh" else f"art. {number}"


def _dot_id(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _dot_attributes(attributes: dict[str, Any]) -> str:
    return ", ".join(f"{name}={_dot_id(str(value))}" for name, value in attributes.items() if value not in ("", None))


def write_dot(graph: GovGraph, path: Path, lang: str = "zh") -> Path:
    path.write_text(dot(graph, lang), encoding="utf-8")
    return path


# ── layout ───────────────────────────────────────────────────────────────────


def layout(network: nx.MultiDiGraph, nodes: Iterable[str] | None = None, *, lang: str = "zh") -> dict[str, tuple[float, float]]:
    """Deterministic positions in [0, 1]²: distances follow path lengths (stress majorisation), then
    labels are pushed apart so that none overlaps another."""
    chosen = sorted(nodes) if nodes is not None else sorted(n for n in network if network.degree(n) > 0)
    simple = nx.Graph()
    simple.add_nodes_from(chosen)
    simple.add_edges_from((u, v) for u, v in network.edges() if u in simple and v in simple and u != v)
    if not chosen:
        return {}
    components = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c))
    main, rest = components[0], [n for c in components[1:] for n in c]
    position = _placed(network, simple.subgraph(main), main, lang)
    if rest:
        # Small separate groups go in a row along the bottom, the main one above them.
        position = {n: (x, 0.12 + 0.88 * y) for n, (x, y) in position.items()}
        step = min(0.2, 1.0 / len(rest))
        for i, node in enumerate(rest):
            position[node] = (0.05 + i * step, 0.0)
    return position


def _placed(network: nx.MultiDiGraph, simple: nx.Graph, order: list[str], lang: str) -> dict[str, tuple[float, float]]:
    points = _stress(simple, order)
    languages = ("zh", "en") if lang == "both" else (lang,)
    sizes = [
        tuple(max(_label_size(network.nodes[n].get(f"label_{code}") or n, code)[axis] for code in languages) for axis in (0, 1))
        for n in order
    ]
    points = _spread(points, [(w * 1.5, h * 2.2) for w, h in sizes])
    return {n: (float(x), float(y)) for n, (x, y) in zip(order, points, strict=True)}


def _stress(simple: nx.Graph, order: list[str]) -> Any:
    """Stress majorisation (SMACOF) on shortest-path distances; other components sit a step further."""
    import numpy as np

    n = len(order)
    if n == 1:
        return np.array([[0.5, 0.5]])
    lengths = dict(nx.all_pairs_shortest_path_length(simple))
    longest = max((d for row in lengths.values() for d in row.values()), default=1)
    index = {node: i for i, node in enumerate(order)}
    distance = np.full((n, n), float(longest + 1))
    for a, row in lengths.items():
        for b, d in row.items():
            distance[index[a], index[b]] = d
    np.fill_diagonal(distance, 0.0)
    weight = np.zeros_like(distance)
    weight[distance > 0] = distance[distance > 0] ** -2
    laplacian = -weight
    np.fill_diagonal(laplacian, weight.sum(axis=1))
    inverse = np.linalg.pinv(laplacian)
    angles = np.linspace(0, 2 * np.pi, n, endpoint=False)
    points = np.column_stack([np.cos(angles), np.sin(angles)]) * longest / 2
    for _ in range(200):
        gaps = np.linalg.norm(points[:, None, :] - points[None, :, :], axis=2)
        np.fill_diagonal(gaps, 1.0)
        b = -weight * distance / np.maximum(gaps, 1e-9)
        np.fill_diagonal(b, 0.0)
        np.fill_diagonal(b, -b.sum(axis=1))
        points = inverse @ b @ points
    points -= points.min(axis=0)
    return points / max(points.max(), 1e-9)


def _label_size(label: str, lang: str) -> tuple[float, float]:
    """A label's box as a fraction of the figure (width, height), as _wrap lays it out."""
    lines = _wrap(label, lang).split("\n")
    per_char = 0.0075 if lang == "zh" else 0.0042
    return (max(len(line) for line in lines) * per_char + 0.012, len(lines) * 0.022 + 0.012)


def _spread(points: Any, sizes: list[tuple[float, float]], rounds: int = 300) -> Any:
    """Push overlapping label boxes apart, then fit everything back into [0, 1]²."""
    import numpy as np

    points = points.astype(float).copy()
    half = np.array(sizes) / 2
    for _ in range(rounds):
        moved = False
        for i in range(len(points)):
            for j in range(i + 1, len(points)):
                dx, dy = points[j] - points[i]
                overlap_x = half[i, 0] + half[j, 0] - abs(dx)
                overlap_y = half[i, 1] + half[j, 1] - abs(dy)
                if overlap_x > 0 and overlap_y > 0:
                    moved = True
                    if overlap_x / (half[i, 0] + half[j, 0]) < overlap_y / (half[i, 1] + half[j, 1]):
                        shift = np.array([(overlap_x / 2 + 1e-4) * (1 if dx >= 0 else -1), 0.0])
                    else:
                        shift = np.array([0.0, (overlap_y / 2 + 1e-4) * (1 if dy >= 0 else -1)])
                    points[i] -= shift
                    points[j] += shift
        if not moved:
            break
    points -= points.min(axis=0)
    span = points.max(axis=0)
    span[span == 0] = 1.0
    return points / span


# ── scenario colouring ───────────────────────────────────────────────────────


def scenario_marks(scenario: Scenario | None) -> dict[str, Any]:
    """What a scenario changes in a picture: away, acting and blocked posts; the edges in use."""
    if scenario is None or not scenario.absences:
        return {"away": set(), "acting": set(), "blocked": set(), "edges": set(), "blocked_edges": set()}
    acting = scenario.acting()
    return {
        "away": set(scenario.away),
        "acting": {h.post.iri for h in acting},
        "blocked": {h.post.iri for h in scenario.blocked},
        "edges": {e.key for h in acting for e in h.path()},
        "blocked_edges": {e.key for h in scenario.blocked for e in h.route},
    }


# ── static figure ────────────────────────────────────────────────────────────


def cjk_font() -> str:
    """The family name of an installed Noto Sans CJK font (raise if there is none)."""
    from matplotlib import font_manager

    names = sorted({f.name for f in font_manager.fontManager.ttflist if f.name.startswith("Noto Sans CJK")})
    for preferred in ("Noto Sans CJK SC", *names):
        if preferred in names:
            return preferred
    raise GovGraphError(
        "no Chinese font found for the figure: install fonts-noto-cjk (scripts/setup --system), or draw with --lang en"
    )


def figure(graph: GovGraph, absences: Sequence[Absence] = (), *, lang: str = "zh", kinds: Iterable[str] | None = None):  # noqa: ANN201 - Figure
    """A matplotlib figure of the authority graph (or of one scenario), with a legend of edge kinds."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib import pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch, Patch

    network = authority_graph(graph)
    wanted = set(kinds) if kinds else set(EDGE_KINDS)
    drawn = [
        (u, v, k, d["record"]) for u, v, k, d in network.edges(keys=True, data=True) if d["record"].kind in wanted and u != v
    ]
    nodes = sorted({n for u, v, _, _ in drawn for n in (u, v)})
    position = layout(network, nodes, lang=lang)
    scenario = play_scenario(graph, absences) if absences else None
    marks = scenario_marks(scenario)
    family = [cjk_font(), "DejaVu Sans"] if lang == "zh" else ["DejaVu Sans"]
    with plt.rc_context({"font.family": family, "svg.fonttype": "path"}):
        width = min(18.0, max(11.0, 7.0 + 0.24 * len(nodes)))
        fig, axes = plt.subplots(figsize=(width, width * 0.64), dpi=110)
        axes.set_axis_off()
        texts = _draw_nodes(axes, network, nodes, position, marks, lang)
        handles: list[Any] = [
            Line2D([0], [0], color=EDGE_KINDS[k][2], lw=2.5, label=EDGE_KINDS[k][0 if lang == "zh" else 1])
            for k in EDGE_KINDS
            if k in {e.kind for *_, e in drawn}
        ]
        handles += [
            Patch(facecolor=NODE_COLOURS[k], edgecolor="#555555", label=NODE_KINDS[k][0 if lang == "zh" else 1])
            for k in NODE_KINDS
            if any(network.nodes[n].get("kind") == k for n in nodes)
        ]
        if scenario is not None:
            handles += _scenario_legend(lang, Patch)
        axes.legend(
            handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=10, title=_legend_title(lang)
        )
        axes.set_title(_title(scenario, lang), fontsize=14, loc="left")
        axes.set_xlim(-0.08, 1.08)
        axes.set_ylim(-0.06, 1.06)
        fig.tight_layout()
        _draw_edges(axes, drawn, position, _boxes(fig, axes, texts), marks, FancyArrowPatch)
    return fig


def _legend_title(lang: str) -> str:
    return "边的种类 / 节点" if lang == "zh" else "kinds of edge / node"


def _title(scenario: Scenario | None, lang: str) -> str:
    if scenario is None:
        return (
            "权力结构图：代理、委托、授权、指定、审批链、领导与报告"
            if lang == "zh"
            else "Authority graph: acting, entrusting, authorising, designating, approval chains, leading and reporting"
        )
    away = (
        "、".join(a.label(lang) for a in scenario.absences)
        if lang == "zh"
        else ", ".join(a.label(lang) for a in scenario.absences)
    )
    gaps = len(scenario.gaps)
    return (
        f"缺位情形：{away}（{gaps}项权力无人行使）" if lang == "zh" else f"Scenario: {away} away ({gaps} powers without a holder)"
    )


def _scenario_legend(lang: str, patch: Any) -> list[Any]:
    names = {
        "zh": ("缺位", "代理／受托行使", "授予人缺位，无法取得"),
        "en": ("away", "acts / holds in their stead", "grant blocked: grantor away"),
    }[lang]
    return [
        patch(facecolor=ABSENT_COLOUR, edgecolor="#c62828", linestyle="--", label=names[0]),
        patch(facecolor=ACTING_COLOUR, edgecolor="#555555", label=names[1]),
        patch(facecolor=BLOCKED_COLOUR, edgecolor="#555555", label=names[2]),
    ]


def _boxes(fig: Any, axes: Any, texts: dict[str, Any]) -> dict[str, tuple[float, float]]:
    """Half width and half height of each node's label box, in data units (measured once drawn)."""
    fig.canvas.draw()
    inverse = axes.transData.inverted()
    boxes = {}
    for node, text in texts.items():
        extent = text.get_bbox_patch().get_window_extent()
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
    drawn: list[tuple[str, str, str, AuthorityEdge]],
    position: dict[str, tuple[float, float]],
    boxes: dict[str, tuple[float, float]],
    marks: dict[str, Any],
    arrow: Any,
) -> None:
    by_pair: dict[frozenset[str], list[tuple[str, str, str, AuthorityEdge]]] = defaultdict(list)
    for item in drawn:
        by_pair[frozenset(item[:2])].append(item)
    active = bool(marks["edges"] or marks["away"])
    for items in by_pair.values():
        for index, (u, v, key, edge) in enumerate(sorted(items, key=lambda i: i[2])):
            rad = 0.12 * (index - (len(items) - 1) / 2) + (0.06 if len(items) > 1 else 0.0)
            rad = rad if u < v else -rad
            used, blocked = key in marks["edges"], key in marks["blocked_edges"]
            width = 3.2 if used else 1.2
            alpha = 0.95 if used or blocked or not active else 0.18
            axes.add_patch(
                arrow(
                    _clip(position[u], position[v], boxes[u]),
                    _clip(position[v], position[u], boxes[v]),
                    arrowstyle="-|>",
                    mutation_scale=12,
                    color=EDGE_KINDS[edge.kind][2],
                    lw=width,
                    alpha=alpha,
                    linestyle="--" if blocked else "-",
                    connectionstyle=f"arc3,rad={rad:.3f}",
                    shrinkA=1,
                    shrinkB=2,
                    zorder=1,
                )
            )


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
        fill = NODE_COLOURS.get(data.get("kind", "other"), "#eeeeee")
        edge_colour, style = "#555555", "-"
        if node in marks["away"]:
            fill, edge_colour, style = ABSENT_COLOUR, "#c62828", "--"
        elif node in marks["acting"]:
            fill = ACTING_COLOUR
        elif node in marks["blocked"]:
            fill = BLOCKED_COLOUR
        label = data.get(f"label_{lang}") or data.get("label_zh") or node
        x, y = position[node]
        texts[node] = axes.text(
            x,
            y,
            _wrap(label, lang),
            ha="center",
            va="center",
            fontsize=8.5,
            zorder=3,
            bbox={
                "boxstyle": "round,pad=0.35",
                "facecolor": fill,
                "edgecolor": edge_colour,
                "linestyle": style,
                "linewidth": 1.2,
            },
        )
    return texts


def _wrap(label: str, lang: str) -> str:
    width = 8 if lang == "zh" else 22
    if lang == "zh":
        return "\n".join(label[i : i + width] for i in range(0, len(label), width))
    words, lines, line = label.split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return "\n".join([*lines, line])


def write_figure(
    graph: GovGraph,
    path: Path,
    fmt: str,
    absences: Sequence[Absence] = (),
    *,
    lang: str = "zh",
    kinds: Iterable[str] | None = None,
) -> Path:
    from matplotlib import pyplot as plt

    fig = figure(graph, absences, lang=lang, kinds=kinds)
    try:
        fig.savefig(path, format=fmt, dpi=130 if fmt == "png" else None, bbox_inches="tight")
    finally:
        plt.close(fig)
    return path


# ── the interactive page ─────────────────────────────────────────────────────


def page_data(graph: GovGraph, *, lang: str = "zh", max_pickable: int = 8) -> dict[str, Any]:
    """What the HTML page needs: nodes with positions, edges with their articles, and every scenario
    of the posts that pass powers on (precomputed here, so the page needs no reasoning of its own)."""
    network = authority_graph(graph)
    nodes = [n for n in network if network.degree(n) > 0]
    position = layout(network, nodes, lang="both")
    node_list = [
        {
            "id": n,
            "zh": network.nodes[n]["label_zh"],
            "en": network.nodes[n]["label_en"],
            "kind": network.nodes[n]["kind"],
            "x": round(position[n][0], 4),
            "y": round(position[n][1], 4),
        }
        for n in sorted(nodes)
    ]
    edge_list = []
    for u, v, key, data in sorted(network.edges(keys=True, data=True), key=lambda e: e[2]):
        attributes = edge_attributes(data["record"])
        edge_list.append(
            {
                "id": key,
                "s": u,
                "t": v,
                **{
                    k: attributes[k]
                    for k in (
                        "kind",
                        "act_zh",
                        "act_en",
                        "about_zh",
                        "about_en",
                        "condition_zh",
                        "condition_en",
                        "article_number",
                        "article_text",
                        "step",
                    )
                },
            }
        )
    pickable = _pickable(network)[:max_pickable]
    return {
        "lang": lang,
        "kinds": [{"key": k, "zh": zh, "en": en, "colour": colour} for k, (zh, en, colour) in EDGE_KINDS.items()],
        "nodeKinds": [{"key": k, "zh": zh, "en": en, "colour": NODE_COLOURS[k]} for k, (zh, en) in NODE_KINDS.items()],
        "nodes": node_list,
        "edges": edge_list,
        "pickable": [{"id": p, "zh": network.nodes[p]["label_zh"], "en": network.nodes[p]["label_en"]} for p in pickable],
        "scenarios": _scenarios(graph, pickable),
    }


def _pickable(network: nx.MultiDiGraph) -> list[str]:
    """Posts that pass powers on or receive them, most connected first."""
    counts: dict[str, int] = defaultdict(int)
    for u, v, data in network.edges(data=True):
        if data["record"].kind in DELEGATION_KINDS:
            for n in (u, v):
                if network.nodes[n].get("kind") == "post":
                    counts[n] += 1
    specialised = {g for n in network for g in network.nodes[n].get("specialises", "").split()}
    return sorted((n for n in counts if n not in specialised), key=lambda n: (-counts[n], n))


def _scenarios(graph: GovGraph, pickable: list[str]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for size in range(1, len(pickable) + 1):
        for chosen in itertools.combinations(range(len(pickable)), size):
            for length in ("long", "short"):
                absences = [Absence.of(graph, pickable[i], long_absence=length == "long") for i in chosen]
                scenario = play_scenario(graph, absences)
                marks = scenario_marks(scenario)
                found[",".join(map(str, chosen)) + "|" + length] = {
                    "away": sorted(marks["away"]),
                    "acting": sorted(marks["acting"]),
                    "blocked": sorted(marks["blocked"]),
                    "edges": sorted(marks["edges"]),
                    "blockedEdges": sorted(marks["blocked_edges"]),
                    "gaps": len(scenario.gaps),
                    "lines": [_acting_line(h) for h in scenario.acting()],
                    "blockedLines": [_blocked_line(h) for h in scenario.blocked],
                }
    return found


def _acting_line(holding: Any) -> dict[str, str]:
    behalf = holding.on_behalf_of or holding.absent_post
    return {
        "zh": f"{holding.post.zh} 代 {behalf.zh if behalf else ''} {holding.power.label('zh')}（第{holding.basis.number}条）",
        "en": f"{holding.post.en} for {behalf.en if behalf else ''}: {holding.power.label('en')} (art. {holding.basis.number})",
    }


def _blocked_line(holding: Any) -> dict[str, str]:
    grantor = holding.blocked_by
    return {
        "zh": f"{grantor.zh}缺位：{holding.post.zh}无法取得 {holding.power.label('zh')}（第{holding.basis.number}条）",
        "en": f"{grantor.en} away: the {holding.post.en} cannot be {holding.how} to {holding.power.label('en')} (art. {holding.basis.number})",
    }


def html(graph: GovGraph, *, lang: str = "zh") -> str:
    """A self-contained page: the graph as SVG, filters by kind of edge, zh/en, absence scenarios."""
    assets = Path(__file__).parents[1] / "assets"
    script = (assets / "authority.js").read_text(encoding="utf-8")
    style = (assets / "authority.css").read_text(encoding="utf-8")
    data = json.dumps(page_data(graph, lang=lang), ensure_ascii=False).replace("</", "<\\/")
    title = "权力结构图" if lang == "zh" else "Authority graph"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html_escape.escape(title)} · govgraph</title>\n"
        # Nothing may come from elsewhere: forbid every fetch beyond this file.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n"
        f"<style>\n{style}\n</style>\n</head>\n<body>\n"
        f'<script type="application/json" id="govgraph-data">{data}</script>\n'
        f"<script>\n{script}\n</script>\n</body>\n</html>\n"
    )


def write_html(graph: GovGraph, path: Path, *, lang: str = "zh") -> Path:
    path.write_text(html(graph, lang=lang), encoding="utf-8")
    return path


# ── one entry point ──────────────────────────────────────────────────────────


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
    writers = {
        "html": lambda: write_html(graph, path, lang=lang),
        "graphml": lambda: write_graphml(graph, path),
        "gexf": lambda: write_gexf(graph, path),
        "dot": lambda: write_dot(graph, path, lang),
        "json": lambda: write_json(graph, path),
    }
    if fmt not in writers:
        raise GovGraphError(f"unknown format {fmt!r}: expected svg, png, {', '.join(writers)}")
    return writers[fmt]()
