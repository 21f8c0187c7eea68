"""Where each node of a picture goes: deterministic positions in [0, 1]², labels that do not overlap.

Distances follow path lengths (stress majorisation, SMACOF), then label boxes are pushed apart.
Shared by the static figure and the HTML page (``lang="both"`` leaves room for either language).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx


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
    """A label's box as a fraction of the figure (width, height), as wrap lays it out."""
    lines = wrap(label, lang).split("\n")
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


def wrap(label: str, lang: str) -> str:
    """A label in short lines: 8 characters of Chinese, about 22 of English (words kept whole)."""
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
