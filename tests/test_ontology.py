"""The ontology is OWL 2 DL that HermiT accepts: consistent, and no class is unsatisfiable."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import rdflib

from govgraph.law import jurisdictions as jurisdiction

owlready2 = pytest.importorskip("owlready2")


def reason_with_hermit(files: list[Path], tmp_path: Path):  # noqa: ANN201
    """Load the files into owlready2 (via N-Triples, which it reads) and run HermiT."""
    graph = rdflib.Graph()
    for path in files:
        graph.parse(path)
    ntriples = tmp_path / "merged.nt"
    graph.serialize(ntriples, format="nt", encoding="utf-8")
    world = owlready2.World()
    ontology = world.get_ontology(ntriples.as_uri()).load()
    with ontology:
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    return world


@pytest.fixture(scope="module")
def java() -> str:
    path = shutil.which("java")
    if path is None:
        pytest.fail("HermiT needs Java: run scripts/setup --system (installs default-jre-headless)")
    return path


def test_hermit_finds_the_ontology_consistent_with_no_unsatisfiable_class(java: str, tmp_path: Path) -> None:
    world = reason_with_hermit(jurisdiction.ontology_files(), tmp_path)
    assert list(world.inconsistent_classes()) == []


def test_hermit_finds_the_ontology_and_the_hongqiao_rule_base_consistent_together(java: str, tmp_path: Path) -> None:
    files = jurisdiction.ontology_files() + jurisdiction.find("hongqiao-2023").files()
    world = reason_with_hermit(files, tmp_path)
    assert list(world.inconsistent_classes()) == []


def test_hermit_rejects_a_rule_that_is_both_a_permission_and_a_prohibition(java: str, tmp_path: Path) -> None:
    bad = tmp_path / "contradiction.ttl"
    bad.write_text(
        "@prefix gg: <https://w3id.org/govgraph/ontology#> .\n"
        "<urn:example:rule> a gg:Permission , gg:Prohibition .\n",
        encoding="utf-8",
    )
    with pytest.raises(owlready2.OwlReadyInconsistentOntologyError):
        reason_with_hermit([*jurisdiction.ontology_files(), bad], tmp_path)


ONTOLOGY = rdflib.Graph().parse(jurisdiction.ontology_files()[0])
GG = rdflib.Namespace("https://w3id.org/govgraph/ontology#")
OWN_TERMS = sorted(
    s
    for s in set(ONTOLOGY.subjects(rdflib.RDF.type, None))
    if isinstance(s, rdflib.URIRef) and str(s).startswith(str(GG)) and s != GG[""]
)


@pytest.mark.parametrize("term", OWN_TERMS, ids=[t.removeprefix(str(GG)) for t in OWN_TERMS])
def test_every_ontology_term_has_zh_and_en_labels_zh_and_en_definitions_and_is_defined_by_the_ontology(term: rdflib.URIRef) -> None:
    languages = {label.language for label in ONTOLOGY.objects(term, rdflib.RDFS.label)}
    assert {"zh", "en"} <= languages
    definitions = [definition.language for definition in ONTOLOGY.objects(term, rdflib.SKOS.definition)]
    assert sorted(definitions, key=str) == ["en", "zh"]
    assert (term, rdflib.RDFS.isDefinedBy, GG[""]) in ONTOLOGY


@pytest.mark.parametrize("path", jurisdiction.ontology_files(), ids=lambda path: path.name)
def test_every_definition_in_an_ontology_file_is_given_once_in_en_and_once_in_zh(path: Path) -> None:
    graph = rdflib.Graph().parse(path)
    languages: dict[rdflib.term.Node, list[str | None]] = {}
    for term, definition in graph.subject_objects(rdflib.SKOS.definition):
        languages.setdefault(term, []).append(definition.language)
    assert languages
    assert {term: found for term, found in languages.items() if sorted(found, key=str) != ["en", "zh"]} == {}
