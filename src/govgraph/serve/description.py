"""What ``govgraph serve`` says about itself: a SPARQL 1.1 Service Description and a VoID
description of the dataset it serves (triples per graph, the governments and versions).

Both are one Turtle document, built from the store's manifest (what each graph was loaded
from, with its triple count) and its rule bases' metadata, when the server starts. It is
served at the endpoint's URL asked for RDF without a query (as the Service Description
recommendation says) and at ``/.well-known/void`` (RFC 5785, as VoID recommends).
"""

from __future__ import annotations

from collections.abc import Sequence

from .._core.disk import Manifest
from .._core.terms import DCTERMS, GG, SD, VOID, XSD

#: the result formats Oxigraph's server answers SELECT with
RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV")
FORMATS = "http://www.w3.org/ns/formats/"


def description(base_url: str, manifest: Manifest, rule_bases: Sequence[object]) -> str:
    """The Service Description and VoID of the endpoint at ``base_url``, as Turtle.

    ``rule_bases`` are ``govgraph.answers.library.RuleBase`` records (graph, government, regulation).
    """
    import rdflib
    from rdflib import BNode, Literal, URIRef
    from rdflib.namespace import RDF

    sd, void, dcterms = rdflib.Namespace(SD), rdflib.Namespace(VOID), rdflib.Namespace(DCTERMS)
    graph = rdflib.Graph()
    for prefix, namespace in (("sd", SD), ("void", VOID), ("dcterms", DCTERMS), ("gg", GG)):
        graph.bind(prefix, namespace)
    service, dataset = URIRef(f"{base_url}/query#service"), URIRef(f"{base_url}/.well-known/void#dataset")
    graph.add((service, RDF.type, sd.Service))
    graph.add((service, sd.endpoint, URIRef(f"{base_url}/query")))
    graph.add((service, sd.supportedLanguage, sd.SPARQL11Query))
    graph.add((service, sd.feature, sd.UnionDefaultGraph))
    for result_format in RESULT_FORMATS:
        graph.add((service, sd.resultFormat, URIRef(FORMATS + result_format)))
    graph.add((service, sd.defaultDataset, dataset))

    by_graph = {getattr(base, "graph"): base for base in rule_bases}
    total = sum(entry.triples for entry in manifest.graphs.values())
    graph.add((dataset, RDF.type, sd.Dataset))
    graph.add((dataset, RDF.type, void.Dataset))
    graph.add((dataset, dcterms.title, Literal("govgraph", lang="en")))
    graph.add((dataset, void.sparqlEndpoint, URIRef(f"{base_url}/query")))
    graph.add((dataset, void.triples, Literal(total, datatype=URIRef(XSD + "integer"))))
    graph.add((dataset, void.vocabulary, URIRef(GG)))
    default = BNode()  # the union of the named graphs (Oxigraph's --union-default-graph)
    graph.add((dataset, sd.defaultGraph, default))
    graph.add((default, RDF.type, sd.Graph))
    for iri, entry in sorted(manifest.graphs.items()):
        named, subset = BNode(), URIRef(iri)
        graph.add((dataset, sd.namedGraph, named))
        graph.add((named, sd.name, subset))
        graph.add((named, sd.graph, subset))
        graph.add((dataset, void.subset, subset))
        graph.add((subset, RDF.type, void.Dataset))
        graph.add((subset, RDF.type, sd.Graph))
        graph.add((subset, void.triples, Literal(entry.triples, datatype=URIRef(XSD + "integer"))))
        graph.add((subset, dcterms.type, Literal(entry.kind)))
        base = by_graph.get(iri)
        if base is None:
            graph.add((subset, dcterms.title, Literal(entry.name)))
            continue
        regulation = base.regulation
        for lang in ("zh", "en"):
            if regulation.regulation.label(lang):
                graph.add((subset, dcterms.title, Literal(regulation.regulation.label(lang), lang=lang)))
        graph.add((subset, dcterms.source, URIRef(regulation.regulation.iri)))
        graph.add((subset, dcterms.spatial, URIRef(regulation.government.iri)))
        if regulation.in_force:
            graph.add((subset, dcterms.valid, Literal(f"start={regulation.in_force};" + (f" end={regulation.until};" if regulation.until else ""))))
    return graph.serialize(format="turtle")
