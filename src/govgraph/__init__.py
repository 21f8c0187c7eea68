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

from .errors import (
    AmbiguousName,
    GovGraphError,
    InputError,
    JurisdictionNotFound,
    NameNotFound,
    QueryError,
)
from .graph import GovGraph
from .loading import load
from .model import (
    Answer,
    ApprovalChain,
    ArticleView,
    Citation,
    Competence,
    Coverage,
    Deadline,
    LeaveRule,
    Member,
    Named,
    Quorum,
    Step,
    Text,
    Violation,
)
from .queries import NamedQuery, all_queries

__all__ = [
    "AmbiguousName",
    "Answer",
    "ApprovalChain",
    "ArticleView",
    "Citation",
    "Competence",
    "Coverage",
    "Deadline",
    "GovGraph",
    "GovGraphError",
    "InputError",
    "JurisdictionNotFound",
    "LeaveRule",
    "Member",
    "NameNotFound",
    "Named",
    "NamedQuery",
    "QueryError",
    "Quorum",
    "Step",
    "Text",
    "Violation",
    "all_queries",
    "load",
]
__version__ = "0.1.0"
