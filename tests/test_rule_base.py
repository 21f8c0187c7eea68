"""The Hongqiao rule base as a legal resource: its articles, its coverage, its integrity."""

from __future__ import annotations

import pytest

import govgraph
from govgraph._core import queries

ELI = "http://data.europa.eu/eli/ontology#"


def test_the_regulation_has_all_79_articles_each_with_its_text(oxigraph_graph: govgraph.GovGraph) -> None:
    coverage = oxigraph_graph.coverage()
    assert [c.number for c in coverage] == [str(n) for n in range(1, 80)]


def test_every_article_is_modelled_as_rules_or_recorded_as_a_principle(oxigraph_graph: govgraph.GovGraph) -> None:
    uncovered = [c.number for c in oxigraph_graph.coverage() if c.status == "uncovered"]
    assert uncovered == []


@pytest.mark.parametrize("number", ["4", "5", "6", "7", "8", "17", "19", "20", "21", "22", "39", "40", "41", "42", "43",
                                    "44", "45", "46", "47", "48", "49", "50", "51", "52", "56", "64", "65", "69", "78", "79",
                                    "27", "59", "67", "68"])
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


CHECKS = queries.integrity_checks()


def test_the_four_integrity_checks_the_core_issue_asks_for_exist() -> None:
    names = {q.name for q in CHECKS}
    assert {
        "rule-without-article-violation",
        "meeting-type-without-convener-violation",
        "term-without-label-violation",
        "undeclared-term-violation",
    } <= names


@pytest.mark.parametrize("check", CHECKS, ids=[q.name for q in CHECKS])
def test_integrity_check_returns_no_row_on_the_rule_base(graph: govgraph.GovGraph, check: queries.NamedQuery) -> None:
    assert graph.store.select(check.text) == []


BROKEN = """
@prefix gg:   <https://w3id.org/govgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<urn:test:rule> a gg:Permission ; rdfs:label "无依据的规则"@zh ;
    gg:assignee <urn:test:NoSuchPost> ; gg:action gg:Convene ; gg:target <urn:test:Meeting> ;
    gg:condtionLabel "typo"@en .
<urn:test:Meeting> a gg:MeetingType ; rdfs:label "test meeting"@en .
<urn:test:Unconvened> a gg:MeetingType ; rdfs:label "无人召集的会议"@zh , "meeting nobody convenes"@en .
"""


def test_the_integrity_checks_catch_a_rule_without_article_a_missing_label_a_typo_and_a_meeting_without_convener(
    tmp_path,  # noqa: ANN001
) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text(BROKEN, encoding="utf-8")
    graph = govgraph.load(extra=(broken,))
    found = {(v.check, v.resource.iri) for v in graph.check()}
    assert ("rule-without-article-violation", "urn:test:rule") in found
    assert ("term-without-label-violation", "urn:test:rule") in found  # no English label
    assert ("term-without-label-violation", "urn:test:Meeting") in found  # no Chinese label
    assert ("undeclared-term-violation", "https://w3id.org/govgraph/ontology#condtionLabel") in found
    assert ("undeclared-term-violation", "urn:test:NoSuchPost") in found
    assert ("meeting-type-without-convener-violation", "urn:test:Unconvened") in found
    assert ("meeting-type-without-convener-violation", "urn:test:Meeting") not in found  # the rule above convenes it
