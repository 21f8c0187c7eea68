"""The reference engine: pySHACL alone, over rdflib, with the messages its own run fills in.

pySHACL reports what SHACL says (shape, focus node, path, value, severity, messages).
Nothing of the fast engine's run is used: the messages are pySHACL's ``sh:resultMessage``
(its own substitution of the constraint's variables), and the article and rule a finding
cites come from pySHACL too, through one more message each SPARQL constraint that binds
``?article`` is given for this run, ``{?article}|{?rule}``, never shown. The engines' test
(``tests/test_validate_engines.py``) then compares two independent explanations.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .._core.errors import GovGraphError
from .._core.stores import OxigraphStore
from .._core.terms import SH
from .fast import NUMERIC, Row, plain_number
from .shapes import Shapes, messages_of

if TYPE_CHECKING:
    import rdflib

_SLOT = re.compile(r"(\{[?$]\w+\})")
#: The message that carries a finding's article and rule out of pySHACL.
CITATION = "{?article}|{?rule}"
INSTALL = "the pyshacl engine needs pySHACL: pip install 'govgraph[validate]' (or use --engine fast)"


def run(store: OxigraphStore, plan: Shapes) -> list[Row]:
    """pySHACL's results over the triples of ``store``, explained by pySHACL alone."""
    try:
        import pyshacl
    except ImportError:
        raise GovGraphError(INSTALL) from None
    import rdflib

    data = rdflib.Graph()
    data.parse(data=store.native.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()), format="nt")
    shapes = citing(plan)
    try:
        _conforms, results, _text = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=False, allow_warnings=True)
    except Exception as exc:  # noqa: BLE001 - pySHACL fails in many ways (e.g. on ill-typed literals in a SPARQL constraint)
        raise GovGraphError(f"pySHACL could not validate these records ({type(exc).__name__}); the fast engine can: --engine fast") from None
    languages = templates(plan)
    return [_row(results, result, languages) for result in results.subjects(rdflib.RDF.type, rdflib.URIRef(SH + "ValidationResult"))]


def templates(plan: Shapes) -> dict[str, list[tuple[str, re.Pattern]]]:
    """Each shape's message templates as patterns, by language: pySHACL drops a filled message's language tag."""
    found: dict[str, list[tuple[str, re.Pattern]]] = defaultdict(list)
    for shape in plan.shapes:
        for constraint in shape.sparql:
            found[shape.iri].extend((lang, _pattern(text)) for lang, text in constraint.messages)
        for constraint in shape.properties:
            found[constraint.shape].extend((lang, _pattern(text)) for lang, text in constraint.messages)
    return found


def _pattern(template: str) -> re.Pattern:
    parts = _SLOT.split(template)
    return re.compile("".join(re.escape(part) if n % 2 == 0 else ".*?" for n, part in enumerate(parts)) + r"\Z", re.DOTALL)


def _language(shape: str, lang: str, text: str, languages: dict[str, list[tuple[str, re.Pattern]]]) -> str:
    if lang:
        return lang
    return next((language for language, pattern in languages.get(shape, []) if pattern.match(text)), "")


def citing(plan: Shapes) -> rdflib.Graph:
    """A copy of the shapes graph (pySHACL adds axioms to the graph it is given) whose citing constraints report their article."""
    import rdflib

    sh = rdflib.Namespace(SH)
    shapes = rdflib.Graph()
    shapes += plan.graph
    for constraint, select in plan.graph.subject_objects(sh.select):
        if "?article" in str(select):
            shapes.add((constraint, sh.message, rdflib.Literal(CITATION)))
    return shapes


def _row(results: rdflib.Graph, result: rdflib.term.Node, languages: dict) -> Row:
    import rdflib

    sh = rdflib.Namespace(SH)
    path = results.value(result, sh.resultPath)
    shape = str(results.value(result, sh.sourceShape))
    messages = tuple(sorted((_language(shape, lang, text, languages), text)
                            for lang, text in messages_of(results, result, SH + "resultMessage")))
    return Row(
        shape=shape,
        component=str(results.value(result, sh.sourceConstraintComponent)),
        severity=str(results.value(result, sh.resultSeverity)),
        focus=lexical(results.value(result, sh.focusNode)) or "",
        path=str(path) if path is not None else None,
        value=lexical(results.value(result, sh.value)),
        messages=tuple((lang, text) for lang, text in messages if not (lang == "" and "|" in text)),
        bindings=_citation(messages),
    )


def _citation(messages: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """The article and rule the citation message carries (a variable left unbound stays out)."""
    for lang, text in messages:
        if lang == "" and "|" in text:
            article, rule = text.split("|", 1)
            return {name: value for name, value in (("article", article), ("rule", rule)) if value and not value.startswith("{")}
    return {}


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
