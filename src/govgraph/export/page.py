"""The interactive page: one HTML file with its script, style and data inside, that opens from disk offline.

``page_data`` is everything the page shows: nodes with positions, edges with their articles, the
``[page]`` words in both languages, and every scenario of the posts that pass powers on,
precomputed here so that the page (``assets/authority.js``) needs no reasoning of its own.
"""

from __future__ import annotations

import html as html_escape
import itertools
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import networkx as nx

from .._core.words import LANGUAGES, section, word
from ..answers.graph import GovGraph
from ..authority import DELEGATION_KINDS, EDGE_KINDS, NODE_KINDS, Absence, AuthorityEdge, Holding, authority_graph, play_scenario
from .formats import edge_attributes
from .layout import layout
from .style import NODE_COLOURS, scenario_marks

#: The attributes of an edge the page shows.
EDGE_FIELDS = (
    "kind",
    "act_zh",
    "act_en",
    "about_zh",
    "about_en",
    "condition_zh",
    "condition_en",
    "article_zh",
    "article_en",
    "article_number",
    "article_text",
    "step",
)


def page_data(graph: GovGraph, *, lang: str = "zh", max_pickable: int = 8) -> dict[str, Any]:
    """What the HTML page needs: nodes with positions, edges with their articles, its words, and every
    scenario of the posts that pass powers on (precomputed here, so the page needs no reasoning of its own)."""
    network = authority_graph(graph)
    pickable = _pickable(network)[:max_pickable]
    return {
        "lang": lang,
        "words": {code: section("page", code) for code in LANGUAGES},
        "kinds": [{"key": k, "zh": zh, "en": en, "colour": colour} for k, (zh, en, colour) in EDGE_KINDS.items()],
        "nodeKinds": [{"key": k, "zh": zh, "en": en, "colour": NODE_COLOURS[k]} for k, (zh, en) in NODE_KINDS.items()],
        "nodes": _nodes(network),
        "edges": [
            _edge(u, v, key, data["record"]) for u, v, key, data in sorted(network.edges(keys=True, data=True), key=lambda e: e[2])
        ],
        "pickable": [{"id": p, "zh": network.nodes[p]["label_zh"], "en": network.nodes[p]["label_en"]} for p in pickable],
        "scenarios": _scenarios(graph, pickable),
    }


def html(graph: GovGraph, *, lang: str = "zh") -> str:
    """A self-contained page: the graph as SVG, filters by kind of edge, zh/en, absence scenarios."""
    assets = Path(__file__).parents[1] / "assets"
    script = (assets / "authority.js").read_text(encoding="utf-8")
    style = (assets / "authority.css").read_text(encoding="utf-8")
    data = json.dumps(page_data(graph, lang=lang), ensure_ascii=False).replace("</", "<\\/")
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html_escape.escape(word('page.title', lang))} · govgraph</title>\n"
        # Nothing may come from elsewhere: forbid every fetch beyond this file.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n"
        f"<style>\n{style}\n</style>\n</head>\n<body>\n"
        f'<script type="application/json" id="govgraph-data">{data}</script>\n'
        f"<script>\n{script}\n</script>\n</body>\n</html>\n"
    )


def write_html(graph: GovGraph, path: Path, *, lang: str = "zh") -> Path:
    path.write_text(html(graph, lang=lang), encoding="utf-8")
    return path


def _nodes(network: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """The nodes with an edge, their labels, kind and place (laid out with room for either language)."""
    nodes = [n for n in network if network.degree(n) > 0]
    position = layout(network, nodes, lang="both")
    return [
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


def _edge(source: str, destination: str, key: str, record: AuthorityEdge) -> dict[str, Any]:
    attributes = edge_attributes(record)
    return {"id": key, "s": source, "t": destination, **{name: attributes[name] for name in EDGE_FIELDS}}


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
    """Every set of pickable posts away, for a longer or a shorter period, keyed "0,2|long"."""
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


def _acting_line(holding: Holding) -> dict[str, str]:
    """Who acts for whom, doing what, on which article: in each language."""
    behalf = holding.on_behalf_of or holding.absent_post
    return {
        lang: word(
            "figure.acting_line",
            lang,
            post=holding.post.label(lang),
            behalf=behalf.label(lang) if behalf else "",
            power=holding.power.label(lang),
            article=holding.basis.label(lang),
        )
        for lang in LANGUAGES
    }


def _blocked_line(holding: Holding) -> dict[str, str]:
    """Whose grant waits for which absent grantor, on which article: in each language."""
    grantor = holding.blocked_by
    return {
        lang: word(
            "figure.blocked_line",
            lang,
            grantor=grantor.label(lang) if grantor else "",
            post=holding.post.label(lang),
            how=holding.how,
            power=holding.power.label(lang),
            article=holding.basis.label(lang),
        )
        for lang in LANGUAGES
    }
