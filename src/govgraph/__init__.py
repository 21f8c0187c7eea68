"""govgraph: a knowledge graph of government roles and authority.

    import govgraph
    graph = govgraph.load()              # the ontology and the default rule base
    graph.who("convene", MEETING)        # MEETING: a label, CURIE or IRI of a meeting type
    graph.acts_for(POST, reason=REASON)  # who acts for an absent post, designated by whom
    graph.decide(amount=AMOUNT)          # which meeting decides a sum of money

Every answer carries its basis: the article's IRI, number and text. The README shows
these calls on the default rule base.
"""

from __future__ import annotations

from typing import TYPE_CHECKING as _TYPE_CHECKING

#: Every public name and the module it lives in (``module:attribute`` when they differ).
#: Each is imported on first use (PEP 562), so ``import govgraph`` and a CLI command pay
#: only for what they touch: ``from govgraph import GovGraph`` works as ever.
_LAZY = {
    **dict.fromkeys(["AmbiguousName", "GovGraphError", "InputError", "JurisdictionNotFound", "NameNotFound",
                     "QueryError"], "_core.errors"),
    **dict.fromkeys(["Citation", "Named", "Text"], "_core.cite"),
    **dict.fromkeys(["NamedQuery", "all_queries"], "_core.queries"),
    "GovGraph": "answers.graph",
    "load": "answers.loading",
    **dict.fromkeys(["Answer", "ApprovalChain", "ArticleView", "Competence", "Coverage", "Deadline", "LeaveRule",
                     "Member", "Quorum", "Step", "Violation"], "answers.model"),
    **dict.fromkeys(["Absence", "AuthorityEdge", "Gap", "Holding", "Power", "Scenario", "WeakSpot",
                     "authority_graph", "holders", "path_to_power", "play_scenario", "powers_of", "weak_spots"],
                    "authority"),
    **dict.fromkeys(["Finding", "Report", "validate_each"], "validate"),
    "validate_records": "validate:validate",
}

if _TYPE_CHECKING:  # what type checkers and IDEs see; at run time each name comes from __getattr__
    from ._core.cite import Citation, Named, Text
    from ._core.errors import AmbiguousName, GovGraphError, InputError, JurisdictionNotFound, NameNotFound, QueryError
    from ._core.queries import NamedQuery, all_queries
    from .answers.graph import GovGraph
    from .answers.loading import load
    from .answers.model import (Answer, ApprovalChain, ArticleView, Competence, Coverage, Deadline, LeaveRule,
                                Member, Quorum, Step, Violation)


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        module, _, attribute = _LAZY[name].partition(":")
        value = getattr(importlib.import_module(f".{module}", __name__), attribute or name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "Absence",
    "AmbiguousName",
    "Answer",
    "ApprovalChain",
    "ArticleView",
    "AuthorityEdge",
    "Citation",
    "Competence",
    "Coverage",
    "Deadline",
    "Finding",
    "Gap",
    "GovGraph",
    "GovGraphError",
    "Holding",
    "InputError",
    "JurisdictionNotFound",
    "LeaveRule",
    "Member",
    "NameNotFound",
    "Named",
    "NamedQuery",
    "Power",
    "QueryError",
    "Quorum",
    "Report",
    "Scenario",
    "Step",
    "Text",
    "Violation",
    "WeakSpot",
    "all_queries",
    "authority_graph",
    "holders",
    "load",
    "path_to_power",
    "play_scenario",
    "powers_of",
    "validate_each",
    "validate_records",
    "weak_spots",
]
__version__ = "0.1.0"
