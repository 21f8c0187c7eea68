"""The fast engine: govgraph's shapes run as SPARQL on Oxigraph, all focus nodes at once.

pySHACL runs a SHACL-SPARQL constraint once per focus node on rdflib; here each
constraint runs once, unbound, with the shape's targets as a filter, so its cost grows
with the data rather than with the data times the number of records. The SHACL core
constraints the shapes use on simple paths (sh:minCount, sh:maxCount, sh:datatype,
sh:class, sh:disjoint, sh:minInclusive) are translated to SPARQL; any other construct is
refused when the shapes are loaded, so the two engines never silently differ.
``tests/test_validate_engines.py`` checks that both report the same findings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import pyoxigraph as ox

from .._core.errors import QueryError

SH = "http://www.w3.org/ns/shacl#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
XSD = "http://www.w3.org/2001/XMLSchema#"
SPARQL_COMPONENT = SH + "SPARQLConstraintComponent"
_NUMERIC = {
    XSD + t
    for t in ("integer", "decimal", "double", "float", "long", "int", "short", "byte", "nonNegativeInteger", "positiveInteger",
              "negativeInteger", "nonPositiveInteger", "unsignedLong", "unsignedInt")
}
_CURRENT_SHAPE = re.compile(r"[$?]currentShape\b")


@dataclass(frozen=True)
class Row:
    """One result of one constraint: what SHACL reports, plus the variables the query bound."""

    shape: str
    component: str
    severity: str
    focus: str
    path: str | None
    value: str | None
    messages: tuple[tuple[str, str], ...]
    bindings: dict[str, str] = field(default_factory=dict, hash=False, compare=False)


def lexical(term: ox.NamedNode | ox.Literal | ox.BlankNode | None) -> str | None:
    """A term as findings compare it: an IRI, ``_:id``, or a literal's value (numbers normalised)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if term.datatype.value in _NUMERIC:
        return _number(term.value)
    return term.value


def lexical_rdflib(term: Any) -> str | None:
    """The same for an rdflib term."""
    import rdflib

    if term is None:
        return None
    if isinstance(term, rdflib.BNode):
        return f"_:{term}"
    if isinstance(term, rdflib.Literal):
        if term.datatype is not None and str(term.datatype) in _NUMERIC:
            return _number(str(term))
        return str(term)
    return str(term)


def _number(text: str) -> str:
    try:
        number = Decimal(text)
    except (InvalidOperation, ValueError):
        return text
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")


def messages_of(graph: Any, node: Any) -> tuple[tuple[str, str], ...]:
    import rdflib

    return tuple(sorted((m.language or "", str(m)) for m in graph.objects(node, rdflib.URIRef(SH + "resultMessage"))))


# ── Targets ─────────────────────────────────────────────────────────────────────


def target_pattern(targets: Iterable[tuple[str, str]], variable: str = "?this") -> str:
    """A graph pattern binding ``variable`` to the shape's focus nodes."""
    branches = []
    for kind, iri in targets:
        if kind == "class":
            branches.append(f"{{ {variable} <{RDF_TYPE}>/<{RDFS_SUBCLASS}>* <{iri}> }}")
        elif kind == "subjectsOf":
            branches.append(f"{{ {variable} <{iri}> [] }}")
        elif kind == "objectsOf":
            branches.append(f"{{ [] <{iri}> {variable} }}")
    if not branches:
        raise QueryError("a shape without a target cannot be run")
    return " UNION ".join(branches)


# ── Running ─────────────────────────────────────────────────────────────────────


def run(store: ox.Store, plan: Any, progress: Callable[[str], None] | None = None) -> list[Row]:
    """Every result of every shape of ``plan`` (a :class:`govgraph.validate.Shapes`) over ``store``.

    (Running the constraints on several threads gains nothing: pyoxigraph holds the GIL
    while it iterates over solutions. Split independent governments into separate runs
    and processes instead, as :func:`govgraph.validate.validate_each` does.)
    """
    jobs: list[Callable[[], list[Row]]] = []
    for shape in plan.shapes:
        targets = target_pattern(shape.targets)
        for constraint in shape.sparql:
            jobs.append(lambda s=shape, c=constraint, t=targets: list(_run_sparql(store, s, c, t)))
        for constraint in shape.properties:
            jobs.append(lambda c=constraint, t=targets: list(_run_property(store, c, t)))
    rows: list[Row] = []
    for done, job in enumerate(jobs, 1):
        if progress:
            progress(f"constraint {done} of {len(jobs)}")
        rows.extend(job())
    return rows


def _query(store: ox.Store, text: str) -> ox.QuerySolutions:
    try:
        return store.query(text)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax in a shape: {exc}\n{text}") from None


def _run_sparql(store: ox.Store, shape: Any, constraint: Any, targets: str) -> Iterable[Row]:
    inner = _CURRENT_SHAPE.sub(f"<{shape.iri}>", constraint.select)
    text = f"{constraint.prefixes}\nSELECT * WHERE {{ {{ {inner} }} FILTER EXISTS {{ {targets} }} }}"
    solutions = _query(store, text)
    names = [v.value for v in solutions.variables]
    for solution in solutions:
        bound = {name: solution[name] for name in names if solution[name] is not None}
        focus = bound.get("this")
        if focus is None:
            continue
        value = bound.get("value", focus)
        yield Row(
            shape=shape.iri,
            component=SPARQL_COMPONENT,
            severity=shape.severity,
            focus=lexical(focus),
            path=lexical(bound["path"]) if "path" in bound else None,
            value=lexical(value),
            messages=constraint.messages,
            bindings={name: lexical(term) for name, term in bound.items()},
        )


def _run_property(store: ox.Store, constraint: Any, targets: str) -> Iterable[Row]:
    path = f"<{constraint.path}>"
    parameter = constraint.parameter
    component = constraint.component
    with_value = True
    if component == SH + "MinCountConstraintComponent":
        with_value = False
        text = (f"SELECT ?this WHERE {{ {targets} OPTIONAL {{ ?this {path} ?v }} }} "
                f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) < {int(parameter)})")
    elif component == SH + "MaxCountConstraintComponent":
        with_value = False
        text = (f"SELECT ?this WHERE {{ {targets} ?this {path} ?v }} "
                f"GROUP BY ?this HAVING (COUNT(DISTINCT ?v) > {int(parameter)})")
    elif component == SH + "DatatypeConstraintComponent":
        text = (f"SELECT DISTINCT ?this ?v WHERE {{ {targets} ?this {path} ?v "
                f"FILTER (!isLiteral(?v) || datatype(?v) != <{parameter}>) }}")
    elif component == SH + "ClassConstraintComponent":
        text = (f"SELECT DISTINCT ?this ?v WHERE {{ {targets} ?this {path} ?v "
                f"FILTER NOT EXISTS {{ ?v <{RDF_TYPE}>/<{RDFS_SUBCLASS}>* <{parameter}> }} }}")
    elif component == SH + "DisjointConstraintComponent":
        text = f"SELECT DISTINCT ?this ?v WHERE {{ {targets} ?this {path} ?v . ?this <{parameter}> ?v }}"
    elif component == SH + "MinInclusiveConstraintComponent":
        text = (f"SELECT DISTINCT ?this ?v WHERE {{ {targets} ?this {path} ?v "
                f"FILTER (!COALESCE(?v >= {parameter.n3()}, false)) }}")
    else:  # pragma: no cover - refused when the shapes are loaded
        raise QueryError(f"unsupported constraint {component}")
    for solution in _query(store, text):
        yield Row(
            shape=constraint.shape,
            component=component,
            severity=constraint.severity,
            focus=lexical(solution["this"]),
            path=constraint.path,
            value=lexical(solution["v"]) if with_value else None,
            messages=constraint.messages,
            bindings={},
        )
