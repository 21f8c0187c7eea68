"""The shapes compiled to SPARQL: the one module of govgraph.validate that writes SPARQL.

pySHACL runs a SHACL-SPARQL constraint once per focus node; the fast engine runs each
constraint once, unbound, with the shape's targets as a filter, so that its cost grows
with the data rather than with the data times the number of records (a shape that
targets a node runs once with ``$this`` bound to it, as data). The SHACL core
constraints the shapes use (see :mod:`govgraph.validate.shapes`) are translated to one
SELECT each. Every query binds ``?this``, the focus node.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from .._core.binding import bind_values, iri_text, serialise
from .._core.errors import QueryError
from .._core.terms import RDF_TYPE, RDFS_SUBCLASS_OF, SH, XSD
from .shapes import Messages, NodeShape, PropertyConstraint, Shapes, SparqlConstraint, Target

SPARQL_COMPONENT = SH + "SPARQLConstraintComponent"
_CURRENT_SHAPE = re.compile(r"[$?]currentShape\b")


@dataclass(frozen=True)
class Constraint:
    """One constraint of one shape as one SELECT over every focus node at once.

    A row binds ``?this``; a SPARQL constraint's rows may bind ``?path``, ``?value`` (the
    focus node if unbound) and the variables its messages name; a core constraint's rows
    bind ``?value`` when the constraint reports one (not for a count).
    """

    shape: str
    component: str
    severity: str
    path: str | None
    messages: Messages
    query: str

    @property
    def is_sparql(self) -> bool:
        return self.component == SPARQL_COMPONENT


def compile_shapes(plan: Shapes) -> list[Constraint]:
    """Every constraint of every shape, as the queries the fast engine runs."""
    compiled: list[Constraint] = []
    for shape in plan.shapes:
        targets = target_pattern(shape.targets)
        for constraint in shape.sparql:
            compiled.extend(_sparql(shape, constraint, targets))
        compiled.extend(_core(constraint, f"{{ {targets} }}") for constraint in shape.properties)
    return compiled


def target_pattern(targets: Iterable[Target]) -> str:
    """A graph pattern matching ``?this`` to the shape's focus nodes.

    A class target is walked from the class (a bound start), never joined to a constant
    end: Virtuoso loses rows then, and Oxigraph walks it once rather than once per resource.
    """
    branches = []
    for target in targets:
        iri = iri_text(target.iri)
        if target.kind == "class":
            branches.append(f"{iri} ^{iri_text(RDFS_SUBCLASS_OF)}* ?thisType . ?this {iri_text(RDF_TYPE)} ?thisType")
        elif target.kind == "subjectsOf":
            branches.append(f"?this {iri} []")
        elif target.kind == "objectsOf":
            branches.append(f"[] {iri} ?this")
        elif target.kind == "node":
            branches.append(f"VALUES ?this {{ {iri} }}")
    if not branches:
        raise QueryError("a shape without a target cannot be run")
    # One target needs no group of its own (Virtuoso loses the rows of a group nested in EXISTS).
    return branches[0] if len(branches) == 1 else " UNION ".join(f"{{ {branch} }}" for branch in branches)


def _sparql(shape: NodeShape, constraint: SparqlConstraint, targets: str) -> list[Constraint]:
    prefixes = "".join(f"PREFIX {prefix}: {iri_text(namespace)}\n" for prefix, namespace in constraint.prefixes)
    inner = _CURRENT_SHAPE.sub(iri_text(shape.iri), constraint.select)
    nodes = [target.iri for target in shape.targets if target.kind == "node"]
    if nodes:
        queries = [prefixes + bind_values(inner, {"this": ox.NamedNode(node)}) for node in nodes]
    else:
        queries = [f"{prefixes}SELECT * WHERE {{ {{ {inner} }} FILTER EXISTS {{ {targets} }} }}"]
    return [Constraint(shape.iri, SPARQL_COMPONENT, shape.severity, None, constraint.messages, query) for query in queries]


def _core(constraint: PropertyConstraint, targets: str) -> Constraint:
    path, parameter, component = iri_text(constraint.path), constraint.parameter, constraint.component
    valued = f"SELECT DISTINCT ?this ?value WHERE {{ {targets} ?this {path} ?value"
    if component == SH + "MinCountConstraintComponent":
        query = (f"SELECT ?this WHERE {{ {targets} OPTIONAL {{ ?this {path} ?value }} }} "
                 f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) < {int(parameter.value)})")
    elif component == SH + "MaxCountConstraintComponent":
        query = (f"SELECT ?this WHERE {{ {targets} ?this {path} ?value }} "
                 f"GROUP BY ?this HAVING (COUNT(DISTINCT ?value) > {int(parameter.value)})")
    elif component == SH + "DatatypeConstraintComponent":
        query = f"{valued} {_lexical_check(parameter)}FILTER (!isLiteral(?value) || datatype(?value) != {serialise(parameter)}{_ill_typed(parameter)}) }}"
    elif component == SH + "ClassConstraintComponent":
        # Walked from the value's types, the end compared by STR(), in an OPTIONAL: the one form that
        # Virtuoso answers right here (not a path to or from the constant) and Oxigraph evaluates once.
        query = (f"{valued} OPTIONAL {{ ?value {iri_text(RDF_TYPE)} ?valueType . ?valueType {iri_text(RDFS_SUBCLASS_OF)}* ?valueClass . "
                 f"FILTER (STR(?valueClass) = STR({serialise(parameter)})) BIND (true AS ?isInstance) }} "
                 f"FILTER (!BOUND(?isInstance)) }}")
    elif component == SH + "DisjointConstraintComponent":
        query = f"{valued} . ?this {serialise(parameter)} ?value }}"
    elif component == SH + "MinInclusiveConstraintComponent":
        query = f"{valued} FILTER (!COALESCE(?value >= {serialise(parameter)}, false)) }}"
    else:  # pragma: no cover - refused when the shapes are loaded
        raise QueryError(f"unsupported constraint {component}")
    return Constraint(constraint.shape, component, constraint.severity, constraint.path, constraint.messages, query)


#: Datatypes whose lexical form the fast engine checks by casting it (SHACL: a literal whose
#: lexical form is not valid for its datatype does not conform to sh:datatype).
CASTABLE = {XSD + name for name in ("dateTime", "date", "decimal", "integer", "boolean", "double", "float", "time")}


def _lexical_check(datatype: ox.NamedNode | ox.Literal) -> str:
    """Binds ?wellFormed when the value's lexical form is valid for ``datatype`` (a cast of it succeeds, else it stays unbound)."""
    if datatype.value not in CASTABLE:
        return ""
    return f"BIND ({iri_text(datatype.value)}(STR(?value)) AS ?wellFormed) "


def _ill_typed(datatype: ox.NamedNode | ox.Literal) -> str:
    return " || !BOUND(?wellFormed)" if datatype.value in CASTABLE else ""
