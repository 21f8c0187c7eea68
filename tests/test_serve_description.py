"""govgraph serve describes itself: a SPARQL 1.1 Service Description at its endpoint and VoID at /.well-known/void."""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest
import rdflib

from govgraph.answers.loading import parts_for
from govgraph.serve.endpoint import Server
from govgraph.serve.push import load_disk
from rule_bases import FIXTURES

SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")
GRAPH = "https://w3id.org/govgraph/graph/"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    location = tmp_path_factory.mktemp("described") / "store"
    load_disk(location, parts_for(["hongqiao-2023", FIXTURES / "other-district"]))
    with Server(location, port=0, timeout=10) as running:
        yield running


def fetch(url: str) -> rdflib.Graph:
    request = urllib.request.Request(url, headers={"Accept": "text/turtle"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers["Content-Type"].startswith("text/turtle")
        return rdflib.Graph().parse(data=response.read(), format="turtle")


def test_the_endpoint_url_asked_for_turtle_describes_a_sparql_11_query_service(server: Server) -> None:
    described = fetch(f"{server.url}/query")
    (service,) = described.subjects(rdflib.RDF.type, SD.Service)
    assert (service, SD.endpoint, rdflib.URIRef(f"{server.url}/query")) in described
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in described
    assert {str(g) for g in described.objects(None, SD.name)} == {GRAPH + "ontology", GRAPH + "hongqiao-2023", GRAPH + "other-district"}


def test_void_counts_the_triples_of_each_graph_and_names_the_government_and_regulation_version(server: Server) -> None:
    described = fetch(f"{server.url}/.well-known/void")
    counts = {str(s): int(n) for s, n in described.subject_objects(VOID.triples)}
    for part in parts_for(["hongqiao-2023", FIXTURES / "other-district"]):
        expected = len(rdflib.Graph().parse(part.files[0])) if len(part.files) == 1 else None
        assert counts[part.graph] > 0 and (expected is None or counts[part.graph] == expected)
    hongqiao = rdflib.URIRef(GRAPH + "hongqiao-2023")
    titles = {t.language: str(t) for t in described.objects(hongqiao, DCTERMS.title)}
    assert titles["zh"] == "天津市红桥区人民政府工作规则"
    assert str(next(described.objects(hongqiao, DCTERMS.valid))).startswith("start=2023-")


def test_a_browser_asking_the_endpoint_url_without_a_query_still_gets_the_query_page(server: Server) -> None:
    with urllib.request.urlopen(f"{server.url}/query", timeout=10) as response:
        assert response.url.rstrip("/") == server.url and "text/html" in response.headers["Content-Type"]
