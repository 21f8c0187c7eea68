"""The closed vocabulary of records: the terms the ontology declares, and the closest one to a typo.

A records file that uses ``gg:presideBy`` would switch the presider check off in
silence (open-world reading of a closed record); the shape ``ggsh:TermIsDeclared``
finds the undeclared term, and this module names the declared term it most likely
meant ("did you mean gg:presidedBy?"), for the finding's message.
"""

from __future__ import annotations

import difflib
from functools import cache

import pyoxigraph as ox

from .._core.cite import Text
from .._core.terms import GG, RDF_TYPE
from .._core.words import word
from ..law import jurisdictions


@cache
def declared_terms() -> frozenset[str]:
    """Every term of the govgraph namespace the ontology's files declare (give a type)."""
    declared = set()
    for path in jurisdictions.ontology_files():
        for triple in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
            subject = triple.subject
            if triple.predicate.value == RDF_TYPE and isinstance(subject, ox.NamedNode) and subject.value.startswith(GG):
                declared.add(subject.value)
    return frozenset(declared)


def closest_term(iri: str) -> str | None:
    """The declared govgraph term ``iri`` most likely misspells, as a CURIE (``gg:presidedBy``), or None."""
    name = iri.removeprefix(GG)
    names = {term.removeprefix(GG): term for term in declared_terms()}
    same_but_case = [n for n in names if n.lower() == name.lower()]
    close = same_but_case or difflib.get_close_matches(name, names, n=1, cutoff=0.75)
    return f"gg:{close[0]}" if close else None


def suggestion(iri: str) -> Text:
    """What a finding on the undeclared term ``iri`` adds to its message, in zh and en."""
    term = closest_term(iri)
    if term is None:
        return Text(word("validate_trust.no_close_term", "zh"), word("validate_trust.no_close_term", "en"))
    return Text(word("validate_trust.did_you_mean", "zh", term=term), word("validate_trust.did_you_mean", "en", term=term))
