"""The shapes, parsed once: the SHACL graph pySHACL reads and the plan the fast engine runs.

The plan holds, for each active node shape, its targets, its SHACL-SPARQL constraints
and the SHACL core constraints of its property shapes on simple paths (``sh:minCount``,
``sh:maxCount``, ``sh:datatype``, ``sh:class``, ``sh:disjoint``, ``sh:minInclusive``).
Any other construct is refused here, when the shapes are loaded, so that the two
engines never silently differ. Input files are only read; a plan is never changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .._core import resources
from .._core.errors import GovGraphError, InputError
from .._core.terms import RDF_TYPE, RDFS, SH

if TYPE_CHECKING:
    import rdflib

#: (language, template) pairs of a constraint's sh:message, sorted.
Messages = tuple[tuple[str, str], ...]

#: The shapes a rule base itself must satisfy (``govgraph check``), with the prefixes they declare.
RULE_BASE_SHAPES = ("prefixes.ttl", "rule-base.ttl")

VIOLATION = SH + "Violation"
CORE_COMPONENTS = {
    SH + "minCount": SH + "MinCountConstraintComponent",
    SH + "maxCount": SH + "MaxCountConstraintComponent",
    SH + "datatype": SH + "DatatypeConstraintComponent",
    SH + "class": SH + "ClassConstraintComponent",
    SH + "disjoint": SH + "DisjointConstraintComponent",
    SH + "minInclusive": SH + "MinInclusiveConstraintComponent",
}
TARGETS = {SH + "targetClass": "class", SH + "targetSubjectsOf": "subjectsOf", SH + "targetObjectsOf": "objectsOf",
           SH + "targetNode": "node"}
#: What a node shape may say besides its targets and constraints.
_NODE_TERMS = {*TARGETS, SH + "severity", SH + "sparql", SH + "property", SH + "message", RDF_TYPE,
               RDFS + "label", RDFS + "seeAlso", RDFS + "comment"}
#: Terms of a property shape that are not constraints.
_NOT_CONSTRAINTS = {SH + "path", SH + "message", SH + "severity", SH + "name", SH + "description", RDF_TYPE, RDFS + "label"}


@dataclass(frozen=True)
class Target:
    """How a shape picks its focus nodes: ``kind`` is "class", "subjectsOf", "objectsOf" or "node".

    A shape that targets a node (a check of the whole graph, focused on the ontology) has
    no other target: its SPARQL constraints run once with ``$this`` bound to the node.
    """

    kind: str
    iri: str


@dataclass(frozen=True)
class SparqlConstraint:
    """A sh:sparql constraint of a node shape: its SELECT and the prefixes it declares."""

    node: str
    select: str
    prefixes: tuple[tuple[str, str], ...]  #: (prefix, namespace)
    messages: Messages


@dataclass(frozen=True)
class PropertyConstraint:
    """One SHACL core constraint of a property shape, on a simple path."""

    shape: str
    path: str
    component: str
    parameter: ox.NamedNode | ox.Literal  #: the count, datatype, class, other property or bound
    severity: str
    messages: Messages


@dataclass(frozen=True)
class NodeShape:
    iri: str
    severity: str
    targets: tuple[Target, ...]
    sparql: tuple[SparqlConstraint, ...]
    properties: tuple[PropertyConstraint, ...]


@dataclass(frozen=True)
class Shapes:
    """The shapes graph (rdflib, for pySHACL) and the plan the fast engine runs."""

    graph: rdflib.Graph
    shapes: tuple[NodeShape, ...]
    files: tuple[str, ...]

    def shape(self, iri: str) -> NodeShape | None:
        return next((s for s in self.shapes if s.iri == iri), None)


def shapes_files(folder: Path | None = None) -> list[Path]:
    return sorted((folder or resources.shapes_dir()).glob("*.ttl"))


def load_shapes(folder: str | Path | None = None) -> Shapes:
    """Every shape of ``folder`` (``shapes/`` by default), parsed once per process."""
    return load_shape_files(tuple(str(p) for p in shapes_files(Path(folder) if folder else None)))


def rule_base_shapes() -> Shapes:
    """The shapes a rule base itself must satisfy: govgraph's integrity checks."""
    return load_shape_files(tuple(str(resources.shapes_dir() / name) for name in RULE_BASE_SHAPES))


@cache
def load_shape_files(files: tuple[str, ...]) -> Shapes:
    """Parse these shape files once per process (the result is never changed)."""
    import rdflib

    graph = rdflib.Graph()
    for path in files:
        try:
            graph.parse(path, format="turtle")
        except Exception as exc:  # noqa: BLE001 - rdflib raises many syntax error types
            raise InputError(str(path), f"not valid Turtle: {exc}") from None
    return Shapes(graph, tuple(_node_shapes(graph)), files)


def _node_shapes(graph: rdflib.Graph) -> Iterable[NodeShape]:
    import rdflib

    sh = rdflib.Namespace(SH)
    for node in sorted(set(graph.subjects(rdflib.RDF.type, sh.NodeShape)), key=str):
        if (node, sh.deactivated, rdflib.Literal(True)) in graph:
            continue
        unsupported = {str(p) for p, _ in graph.predicate_objects(node)} - _NODE_TERMS
        if unsupported:
            raise GovGraphError(f"shape {node}: the fast engine does not support {', '.join(sorted(unsupported))}")
        targets = tuple(Target(kind, str(o)) for term, kind in TARGETS.items() for o in graph.objects(node, rdflib.URIRef(term)))
        if len({t.kind == "node" for t in targets}) > 1:
            raise GovGraphError(f"shape {node}: the fast engine runs a shape with sh:targetNode only if it has no other target")
        yield NodeShape(
            iri=str(node),
            severity=str(graph.value(node, sh.severity) or VIOLATION),
            targets=targets,
            sparql=tuple(_sparql_constraint(graph, c) for c in graph.objects(node, sh.sparql)),
            properties=tuple(p for ps in graph.objects(node, sh.property) for p in _property_constraints(graph, ps)),
        )


def messages_of(graph: rdflib.Graph, node: rdflib.term.Node, predicate: str = SH + "message") -> Messages:
    """The (language, text) pairs of a node's messages (``sh:message``, or a result's ``sh:resultMessage``)."""
    import rdflib

    return tuple(sorted((m.language or "", str(m)) for m in graph.objects(node, rdflib.URIRef(predicate))))


def _sparql_constraint(graph: rdflib.Graph, node: rdflib.term.Node) -> SparqlConstraint:
    import rdflib

    sh = rdflib.Namespace(SH)
    select = graph.value(node, sh.select)
    if select is None:
        raise GovGraphError(f"SPARQL constraint {node}: expected sh:select")
    prefixes = {
        (str(graph.value(declaration, sh.prefix)), str(graph.value(declaration, sh.namespace)))
        for declaring in graph.objects(node, sh.prefixes)
        for declaration in graph.objects(declaring, sh.declare)
    }
    return SparqlConstraint(str(node), str(select), tuple(sorted(prefixes)), messages_of(graph, node))


def _property_constraints(graph: rdflib.Graph, node: rdflib.term.Node) -> Iterable[PropertyConstraint]:
    import rdflib

    sh = rdflib.Namespace(SH)
    path = graph.value(node, sh.path)
    if not isinstance(path, rdflib.URIRef):
        raise GovGraphError(f"property shape {node}: the fast engine supports simple paths only")
    severity = str(graph.value(node, sh.severity) or VIOLATION)
    messages = messages_of(graph, node)
    for predicate, obj in graph.predicate_objects(node):
        if str(predicate) in _NOT_CONSTRAINTS:
            continue
        if str(predicate) not in CORE_COMPONENTS:
            raise GovGraphError(f"property shape {node}: the fast engine does not support {predicate}")
        yield PropertyConstraint(str(node), str(path), CORE_COMPONENTS[str(predicate)], _parameter(node, obj), severity, messages)


def _parameter(shape: rdflib.term.Node, term: rdflib.term.Node) -> ox.NamedNode | ox.Literal:
    """A constraint's parameter as the fast engine writes it: an IRI or a literal."""
    import rdflib

    if isinstance(term, rdflib.URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, rdflib.Literal) and term.datatype is not None:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    raise GovGraphError(f"property shape {shape}: expected an IRI or a typed literal, not {term!r}")

