"""Draft a rule base from a regulation's text (issue 15).

The text is normalised (:mod:`.text`), cut into articles (law/articles.py) and
sentences, and read by the clause patterns of the ``patterns/`` folder
(:mod:`.patterns`); what they find becomes rules with their provenance
(:mod:`.reading`), written as a rule base folder (:mod:`.writing`) with a review
report (:mod:`.review`). Python holds no wording of the law: the patterns do.
"""

from __future__ import annotations

from .reading import Draft, DraftedRule, read_regulation
from .writing import write_draft  # noqa: E402

__all__ = ["Draft", "DraftedRule", "read_regulation", "write_draft"]
