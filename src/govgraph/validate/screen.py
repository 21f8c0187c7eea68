"""Loading records so that they can never change the rules they are judged by.

Records are read into a graph of their own first. A statement of a records file is the
rule base's to make, not the records', when its subject is a term the ontology or the
rule base describes (a rule, a post, a meeting type, an article…), a term of the
ontology's namespace, or something the records type with a class the ontology marks
``gg:statedByRuleBases`` (or a subclass of one). Such statements are left out of the
validation, so they change no verdict, and the term is marked ``gg:statedInRecords``
with the file's name: the shape ``ggsh:RecordsStateNoRules`` reports each one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox

from .._core.stores import OxigraphStore
from .._core.terms import GG, RDF_TYPE, RDFS_SUBCLASS_OF, RECORDS_GRAPH_BASE, XSD_STRING

STATED_BY_RULE_BASES = ox.NamedNode(GG + "statedByRuleBases")
STATED_IN_RECORDS = ox.NamedNode(GG + "statedInRecords")


def load_records(store: OxigraphStore, files: Sequence[Path]) -> None:
    """Add the records in ``files`` to ``store`` (which holds the ontology and the rule base) without any rule statement."""
    native = store.native
    rule_terms = {quad.subject for quad in native.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    rule_classes = _rule_classes(native)
    staged = []
    for n, path in enumerate(files):
        graph = f"{RECORDS_GRAPH_BASE}validation/{n}"
        store.load(path, graph=graph)
        staged.append((path, ox.NamedNode(graph)))
    types: dict[ox.NamedNode | ox.BlankNode, set] = defaultdict(set)
    for _, graph in staged:
        for quad in native.quads_for_pattern(None, ox.NamedNode(RDF_TYPE), None, graph):
            types[quad.subject].add(quad.object)
    for path, graph in staged:
        quads = list(native.quads_for_pattern(None, None, None, graph))
        native.remove_graph(graph)
        stated = set()
        for quad in quads:
            subject = quad.subject
            if subject in rule_terms or _in_ontology(subject) or types.get(subject, set()) & rule_classes:
                stated.add(subject)
            else:
                native.add(ox.Quad(subject, quad.predicate, quad.object, ox.DefaultGraph()))
        for subject in stated:
            native.add(ox.Quad(subject, STATED_IN_RECORDS, ox.Literal(path.name, datatype=ox.NamedNode(XSD_STRING)), ox.DefaultGraph()))


def _in_ontology(term: ox.NamedNode | ox.BlankNode | ox.Triple) -> bool:
    return isinstance(term, ox.NamedNode) and term.value.startswith(GG)


def _rule_classes(native: ox.Store) -> set:
    """The classes marked gg:statedByRuleBases and all their subclasses, in the ontology and rule base."""
    found = {quad.subject for quad in native.quads_for_pattern(None, STATED_BY_RULE_BASES, None, ox.DefaultGraph())}
    subclass = ox.NamedNode(RDFS_SUBCLASS_OF)
    frontier = set(found)
    while frontier:
        frontier = {q.subject for c in frontier for q in native.quads_for_pattern(None, subclass, c, ox.DefaultGraph())} - found
        found |= frontier
    return found
