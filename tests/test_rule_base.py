"""The Hongqiao rule base as a legal resource: its articles, its coverage, its integrity."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import govgraph
from govgraph._core import queries
from govgraph.law import jurisdictions
from govgraph.validate import rule_base_shapes, validate

ELI = "http://data.europa.eu/eli/ontology#"


def test_the_regulation_has_all_79_articles_each_with_its_text(oxigraph_graph: govgraph.GovGraph) -> None:
    coverage = oxigraph_graph.coverage()
    assert [c.number for c in coverage] == [str(n) for n in range(1, 80)]


def test_every_article_is_modelled_as_rules_or_recorded_as_a_principle(oxigraph_graph: govgraph.GovGraph) -> None:
    uncovered = [c.number for c in oxigraph_graph.coverage() if c.status == "uncovered"]
    assert uncovered == []


@pytest.mark.parametrize("number", ["4", "5", "6", "7", "8", "17", "19", "20", "21", "22", "39", "40", "41", "42", "43",
                                    "44", "45", "46", "47", "48", "49", "50", "51", "52", "56", "64", "65", "69", "78", "79",
                                    "27", "59", "67", "68", "28", "34", "53", "60", "61"])
def test_the_articles_with_checkable_conditions_carry_rules(oxigraph_graph: govgraph.GovGraph, number: str) -> None:
    row = next(c for c in oxigraph_graph.coverage() if c.number == number)
    assert row.status == "rules" and row.rules > 0


def test_the_rules_were_issued_on_9_january_2023_in_force_from_issue_and_repeal_the_2016_rules(
    oxigraph_graph: govgraph.GovGraph,
) -> None:
    rows = oxigraph_graph.sparql(
        f"""PREFIX eli: <{ELI}>
        SELECT ?issued ?inForce ?repealedId ?repealedDate WHERE {{
          ?regulation eli:date_document ?issued ; eli:first_date_entry_in_force ?inForce ; eli:repeals ?old .
          ?old eli:id_local ?repealedId ; eli:date_document ?repealedDate .
        }}"""
    )
    assert [(r["issued"].value, r["inForce"].value, r["repealedId"].value, r["repealedDate"].value) for r in rows] == [
        ("2023-01-09", "2023-01-09", "红桥政〔2016〕25号", "2016-12-29")
    ]


def test_article_41_is_in_the_chapter_on_meetings_and_says_who_convenes(oxigraph_graph: govgraph.GovGraph) -> None:
    view = oxigraph_graph.article(41)
    assert view.chapter.zh.endswith("会议制度")
    assert "由区长或区长委托负责日常工作的副区长召集和主持" in view.text
    assert any(kind.iri.endswith("#QuorumRule") for _, kind in view.rules)


def test_an_unknown_article_number_is_an_error_that_says_what_was_expected(oxigraph_graph: govgraph.GovGraph) -> None:
    with pytest.raises(govgraph.GovGraphError, match="no article '80'"):
        oxigraph_graph.article("80")


RULE_BASE_SHAPES = {s.iri.rsplit("#", 1)[-1] for s in rule_base_shapes().shapes}


def test_the_integrity_checks_are_shapes_of_the_rule_base() -> None:
    assert {
        "RuleHasArticle",
        "NormHasActorActAndTarget",
        "MeetingTypeHasConvener",
        "TermHasLabel-zh",
        "TermHasLabel-en",
        "TermIsDeclared",
        "ReferenceIsDescribed",
    } <= RULE_BASE_SHAPES
    assert not list(Path(queries.__file__).parents[3].glob("queries/*-violation.rq"))  # the shapes are the one home


def test_every_integrity_check_holds_on_the_rule_base(graph: govgraph.GovGraph) -> None:
    assert graph.check() == []


BROKEN = """
@prefix gg:   <https://w3id.org/govgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<urn:test:rule> a gg:Permission ; rdfs:label "无依据的规则"@zh ;
    gg:assignee <urn:test:NoSuchPost> ; gg:action gg:Convene ; gg:target <urn:test:Meeting> ;
    gg:condtionLabel "typo"@en .
<urn:test:Meeting> a gg:MeetingType ; rdfs:label "test meeting"@en .
<urn:test:Unconvened> a gg:MeetingType ; rdfs:label "无人召集的会议"@zh , "meeting nobody convenes"@en .
"""
GG = "https://w3id.org/govgraph/ontology#"


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Hongqiao's rule base with the broken rules above added to it."""
    folder = tmp_path_factory.mktemp("broken") / "broken-district"
    shutil.copytree(jurisdictions.find().folder, folder)
    (folder / "broken.ttl").write_text(BROKEN, encoding="utf-8")
    return folder


@pytest.mark.parametrize("store", ["oxigraph", "rdflib"])
def test_the_integrity_checks_catch_a_rule_without_article_a_missing_label_a_typo_and_a_meeting_without_convener(
    broken: Path, store: str,
) -> None:
    found = {(v.check, v.resource.iri) for v in govgraph.load(broken, store=store).check()}
    assert found == {
        ("Rule-basis", "urn:test:rule"),  # RuleHasArticle: no gg:basis
        ("TermHasLabel-en", "urn:test:rule"),  # no English label
        ("TermHasLabel-zh", "urn:test:Meeting"),  # no Chinese label
        ("TermIsDeclared", GG + "condtionLabel"),  # a typo of gg:conditionLabel
        ("ReferenceIsDescribed", "urn:test:NoSuchPost"),  # a post nothing describes
        ("MeetingTypeHasConvener", "urn:test:Unconvened"),  # the rule above convenes urn:test:Meeting, not this one
        ("TermMapsToTemplate", "urn:test:Meeting"),  # maps to no template meeting (a warning)
        ("TermMapsToTemplate", "urn:test:Unconvened"),
    }


def test_an_integrity_violation_says_what_is_wrong_in_both_languages_and_where(broken: Path) -> None:
    (typo,) = [v for v in govgraph.load(broken).check() if v.check == "TermIsDeclared"]
    assert typo.message.en.startswith(GG + "condtionLabel is used as a property") and typo.problem == typo.message.en
    assert "属性" in typo.message.zh
    (reference,) = [v for v in govgraph.load(broken).check() if v.check == "ReferenceIsDescribed"]
    assert reference.path == GG + "assignee" and "urn:test:rule" in reference.message.en


def test_govgraph_check_and_govgraph_validate_run_the_same_integrity_shapes(broken: Path) -> None:
    checked = {(v.shape, v.value.iri if v.value else v.resource.iri) for v in govgraph.load(broken).check()}
    report = validate([broken / "tests" / "cases" / "base.ttl"], rules=str(broken))  # records never state rules
    shapes = {s.iri for s in rule_base_shapes().shapes} | {p.shape for s in rule_base_shapes().shapes for p in s.properties}
    validated = {(f.shape, f.value if f.value is not None else f.focus.iri) for f in report.findings if f.shape in shapes}
    assert checked == validated


def test_the_integrity_checks_give_the_same_violations_on_a_sparql_endpoint(broken: Path, tmp_path: Path) -> None:
    from govgraph.answers.loading import parts_for
    from govgraph.serve.endpoint import Server
    from govgraph.serve.push import load_disk

    load_disk(tmp_path / "store", parts_for(broken))
    with Server(tmp_path / "store", port=0, timeout=60) as server:
        remote = govgraph.load(endpoint=f"{server.url}/query").check()
    assert [(v.check, v.resource.iri) for v in remote] == [(v.check, v.resource.iri) for v in govgraph.load(broken).check()]


LABEL_ONLY = """
@prefix gg:   <https://w3id.org/govgraph/ontology#> .
@prefix hq:   <https://w3id.org/govgraph/id/hongqiao-2023/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
hq:rule-69-label-only a gg:Duty ; rdfs:label "遇到紧急情况时报告"@zh , "report in an emergency"@en ;
    gg:assignee hq:DepartmentPrincipalLeader ; gg:action gg:Report ; gg:target hq:AbsenceFromWork ;
    gg:strength gg:Mandatory ; gg:conditionLabel "遇到紧急情况时"@zh , "in an emergency"@en ; gg:basis hq:art_69 .
"""


@pytest.fixture(scope="module")
def label_only(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Hongqiao's rule base with a rule whose only condition is in words."""
    folder = tmp_path_factory.mktemp("label-only") / "label-only-district"
    shutil.copytree(jurisdictions.find().folder, folder)
    (folder / "label-only.ttl").write_text(LABEL_ONLY, encoding="utf-8")
    return folder


def test_the_integrity_checks_list_a_rule_whose_only_condition_is_a_label(label_only: Path) -> None:
    assert "ConditionIsTyped" in RULE_BASE_SHAPES
    found = [(v.check, v.resource.iri) for v in govgraph.load(label_only).check()]
    assert found == [("ConditionIsTyped", "https://w3id.org/govgraph/id/hongqiao-2023/rule-69-label-only")]
    (finding,) = govgraph.load(label_only).check()
    assert "遇到紧急情况时" in finding.message.zh and "typed case" in finding.message.en
