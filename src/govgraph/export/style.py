"""How pictures colour the authority graph: kinds of node, and who is away, acting or blocked in a scenario.

Colours of the kinds of edge are ``authority.EDGE_COLOURS``; every label is in the words file.
"""

from __future__ import annotations

from typing import Any

from ..authority import Scenario

NODE_COLOURS = {"post": "#dbe9f6", "organ": "#fdf1d6", "role": "#e3f2df", "other": "#eeeeee"}
ABSENT_COLOUR, ACTING_COLOUR, BLOCKED_COLOUR = "#bdbdbd", "#ffb74d", "#ef9a9a"


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
