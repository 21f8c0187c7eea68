"""How authority moves: the authority graph, who holds a power, absence scenarios and weak spots.

Everything here is derived from the rule base through the ``queries/authority-*.rq`` questions
(and ``acts-for.rq`` for which acting rules an absence triggers): Python knows no post, organ,
threshold or article.

**The authority graph** (``authority_graph``) is a ``networkx.MultiDiGraph`` whose nodes are
the posts, organs and roles (IRIs) and whose edges say how authority runs, each carrying its
kind, act, condition and article (``EDGE_KINDS``): acting for an absent post or taking over its
portfolio (from the post acted for to the one who acts), entrusting, authorising, designating and
consenting (from the grantor), each step of an approval chain (from one approver to the next, the
last to the signer), leading (and an organ led by two: dual leadership), assisting, reporting and
being notified (to the recipient).

**A power** is an (act, target) pair that some permission or duty gives a post, organ or role:
convening the Executive Meeting, signing upward documents, presiding over the government's work.
A post holds a power

- *directly* when a rule with no case names it, or a post it specialises (``gg:specialises``:
  rules for every deputy apply to the executive deputy);
- *through others* when a grantor entrusts, authorises, designates or consents (``how`` says
  which), or when it acts for an absent post (``acting``), which holds only while that post is
  away for a reason and length the rule admits.

**A scenario** (``play_scenario``) is a set of absences. In it, an absent post (or one that
specialises an absent post) holds nothing; acting rules hold when their absence is among those
given; a grant needs its grantor present, unless the rule itself is about the grantor's absence
(the head designates who presides while the head is away). ``standing_grants=True`` instead lets
grants made before an absence stand. A power is a *gap* when someone holds it with nobody away,
or an absence rule calls for it, and nobody can exercise it in the scenario; a post acting for an
absent post on a target covers the absent post's powers on that target (taking over a portfolio
covers handling it).

**Weak spots** (``weak_spots``): gaps (for one post away, and for two posts that pass powers
between them away together), cycles of acting and conferral, posts ranked by how many powers
their absence leaves without a holder, and grants that need a grantor who is away.

Modules: ``model`` (the records and the kinds of edge and node), ``build`` (the model and graph
built from the query rows, once per graph), ``routes`` (how a holding reaches its post),
``scenarios`` (holders, paths, powers, scenarios), ``weak_spots`` (weak spots and cycles).
"""

from __future__ import annotations

from .build import authority_graph, edges
from .model import (
    DELEGATION_KINDS,
    EDGE_COLOURS,
    EDGE_KINDS,
    NODE_KINDS,
    Absence,
    AuthorityEdge,
    Gap,
    Holding,
    Power,
    Scenario,
    WeakSpot,
)
from .scenarios import holders, path_to_power, play_scenario, powers_of, who_while_away, why_waiting
from .weak_spots import cycles, weak_spots

__all__ = [
    "DELEGATION_KINDS",
    "EDGE_COLOURS",
    "EDGE_KINDS",
    "NODE_KINDS",
    "Absence",
    "AuthorityEdge",
    "Gap",
    "Holding",
    "Power",
    "Scenario",
    "WeakSpot",
    "authority_graph",
    "cycles",
    "edges",
    "holders",
    "path_to_power",
    "play_scenario",
    "powers_of",
    "weak_spots",
    "who_while_away",
    "why_waiting",
]
