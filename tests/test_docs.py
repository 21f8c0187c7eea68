"""govgraph docs: the ontology's documentation, written by pyLODE, opens offline and names every term in zh and en."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import rdflib
from chromium import chromium, outside
from click.testing import CliRunner

from govgraph._core import resources
from govgraph.cli import main

pytest.importorskip("pylode")
GG = "https://w3id.org/govgraph/ontology#"


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("docs") / "ontology"
    result = CliRunner().invoke(main, ["docs", "-o", str(folder)])
    assert result.exit_code == 0, result.output
    return folder


def test_the_documentation_has_a_page_for_the_ontology_and_one_for_the_records_vocabulary(pages: Path) -> None:
    assert sorted(p.name for p in pages.iterdir()) == ["govgraph.html", "records.html"]


@pytest.mark.parametrize("source", ["govgraph.ttl", "records.ttl"])
def test_every_class_of_an_ontology_file_is_documented_with_its_zh_and_en_labels(pages: Path, source: str) -> None:
    graph = rdflib.Graph().parse(resources.ontology_dir() / source)
    html = (pages / source.replace(".ttl", ".html")).read_text(encoding="utf-8")
    classes = [c for c in graph.subjects(rdflib.RDF.type, rdflib.OWL.Class) if str(c).startswith(GG)]
    assert classes
    for cls in classes:
        labels = {label.language: str(label) for label in graph.objects(cls, rdflib.RDFS.label)}
        assert labels["zh"] in html and labels["en"] in html, cls


@pytest.mark.parametrize("source", ["govgraph.ttl", "records.ttl"])
def test_every_class_and_property_of_an_ontology_file_is_documented_with_its_zh_and_en_definitions(pages: Path, source: str) -> None:
    graph = rdflib.Graph().parse(resources.ontology_dir() / source)
    page = html.unescape(re.sub(r"<[^>]+>", "", (pages / source.replace(".ttl", ".html")).read_text(encoding="utf-8")))
    kinds = (rdflib.OWL.Class, rdflib.OWL.ObjectProperty, rdflib.OWL.DatatypeProperty)
    terms = {t for kind in kinds for t in graph.subjects(rdflib.RDF.type, kind) if str(t).startswith(GG)}
    assert terms
    for term in terms:
        definitions = {d.language: str(d) for d in graph.objects(term, rdflib.SKOS.definition)}
        assert definitions["zh"] in page and definitions["en"] in page, term


def test_the_ontology_page_carries_its_version_iri_creator_and_dates(pages: Path) -> None:
    html = (pages / "govgraph.html").read_text(encoding="utf-8")
    for expected in ("https://w3id.org/govgraph/ontology/0.1.0", "The govgraph maintainers", "2026-11-26"):
        assert expected in html


@pytest.mark.browser
def test_the_ontology_page_renders_in_chromium_without_any_outside_request(pages: Path) -> None:
    with chromium() as browser:
        tab = browser.new_page()
        requested: list[str] = []
        tab.on("request", lambda request: requested.append(request.url))
        tab.goto((pages / "govgraph.html").as_uri())
        assert "govgraph" in tab.inner_text("h1")
        assert tab.locator("#classes").count() == 1
        tab.close()
    assert outside(requested) == []
