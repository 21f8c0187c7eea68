"""The authority graph for other tools: GraphML, GEXF, DOT and node-link JSON.

Every export carries each node's labels in zh and en, kind and IRI, and each edge's kind, act,
what it is about, condition and article (IRI, labels, number, text), as plain strings and integers.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from ..answers.graph import GovGraph
from ..authority import EDGE_KINDS, AuthorityEdge, authority_graph
from .style import NODE_COLOURS


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
        "article_zh": edge.basis.label("zh"),
        "article_en": edge.basis.label("en"),
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
    """The graph in Graphviz DOT, written here (no pydot needed); every attribute is kept.

    Each edge is labelled with its act and its article, as the rule base names it.
    """
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
        attributes = dict(data, label=f"{data[f'act_{lang}']} ({data[f'article_{lang}']})", color=data["colour"])
        lines.append(f"  {_dot_id(u)} -> {_dot_id(v)} [{_dot_attributes(attributes)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _dot_id(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _dot_attributes(attributes: dict[str, Any]) -> str:
    return ", ".join(f"{name}={_dot_id(str(value))}" for name, value in attributes.items() if value not in ("", None))


def write_dot(graph: GovGraph, path: Path, lang: str = "zh") -> Path:
    path.write_text(dot(graph, lang), encoding="utf-8")
    return path
