"""The reference engine: pySHACL over rdflib, each result matched to the fast engine's row.

pySHACL reports what SHACL says (shape, focus node, path, value, severity, messages);
the variables a SHACL-SPARQL constraint bound (the rule broken, its article) it does not
report, so each result takes them from the fast engine's row of the same constraint,
shape, focus node and value. A result that the fast engine did not find keeps pySHACL's
own messages and explains without an article: the engines' test then fails on it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .._core.stores import OxigraphStore
from .._core.terms import SH
from .fast import NUMERIC, Row, plain_number
from .shapes import Shapes, messages_of

if TYPE_CHECKING:
    import rdflib


def run(store: OxigraphStore, plan: Shapes, explained: Sequence[Row]) -> list[Row]:
    """pySHACL's results over the triples of ``store``, each with the bindings of its row in ``explained``."""
    import pyshacl
    import rdflib

    data = rdflib.Graph()
    data.parse(data=store.native.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()), format="nt")
    shapes = rdflib.Graph()
    shapes += plan.graph  # pySHACL adds RDFS axioms to the shapes graph it is given: the plan's is never changed
    _conforms, results, _text = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=False, allow_warnings=True)
    index: dict[tuple[str, str | None, str | None, str], list[Row]] = defaultdict(list)
    for row in explained:
        index[(row.shape, row.focus, row.value, row.component)].append(row)
    return [_row(results, result, index) for result in results.subjects(rdflib.RDF.type, rdflib.URIRef(SH + "ValidationResult"))]


def _row(results: rdflib.Graph, result: rdflib.term.Node, index: dict) -> Row:
    import rdflib

    sh = rdflib.Namespace(SH)
    shape = str(results.value(result, sh.sourceShape))
    focus = lexical(results.value(result, sh.focusNode)) or ""
    value = lexical(results.value(result, sh.value))
    path = results.value(result, sh.resultPath)
    component = str(results.value(result, sh.sourceConstraintComponent))
    matches = index.get((shape, focus, value, component), [])
    return Row(
        shape=shape,
        component=component,
        severity=str(results.value(result, sh.resultSeverity)),
        focus=focus,
        path=str(path) if path is not None else None,
        value=value,
        messages=matches[0].messages if matches else messages_of(results, result, SH + "resultMessage"),
        bindings=matches[0].bindings if matches else {},
    )


def lexical(term: rdflib.term.Node | None) -> str | None:
    """An rdflib term as findings compare it (as :func:`govgraph.validate.fast.lexical` does a pyoxigraph one)."""
    import rdflib

    if term is None:
        return None
    if isinstance(term, rdflib.BNode):
        return f"_:{term}"
    if isinstance(term, rdflib.Literal) and term.datatype is not None and str(term.datatype) in NUMERIC:
        return plain_number(str(term))
    return str(term)

