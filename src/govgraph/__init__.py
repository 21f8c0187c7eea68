"""govgraph: a knowledge graph of government roles and authority.

>>> import govgraph
>>> graph = govgraph.load()                       # the ontology and the default rule base
>>> [a.post.zh for a in graph.who("convene", "区政府常务会议")]
['区长', '负责日常工作的副区长']

Every answer carries its basis: the article's IRI, number and text.
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
    "Named",
    "NameNotFound",
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
