"""Faithful to every article: each rule of the Hongqiao rule base records the words of its
article that decide its modality and its case, those words are in the article, and its
strength follows its wording as Chinese legal drafting uses it (issues 13 and 14)."""

from __future__ import annotations

import pytest
import rdflib

from govgraph.law import jurisdictions

GG = rdflib.Namespace("https://w3id.org/govgraph/ontology#")
RULE_BASE = jurisdictions.find("hongqiao-2023")
GRAPH = rdflib.Graph()
for path in [*jurisdictions.ontology_files(), *RULE_BASE.files()]:
    GRAPH.parse(path)

# The word that decides a rule's strength, and what it makes of the rule.
DUTY = {"应", "应当", "须", "必须", "要", "需"}  # a duty (or a prohibition), mandatory
ADVISORY = {"一般", "原则上"}  # softened: advisory
PERMISSION = {"可"}  # a permission
PROHIBITION = {"不得", "严禁", "一律不", "不", "杜绝"}  # a prohibition, mandatory
GIVEN = {"由", "报", "依次", "协助", "实行", "是", "包括", "按照", "按", "受", "在", "依照", "适用", "施行", "废止"}  # the rules give a power, task or fact

ROWS = GRAPH.query(
    """
    SELECT ?rule ?kind ?strength ?word ?number ?text WHERE {
      ?rule a ?kind ; gg:basis ?article .
      ?kind rdfs:subClassOf* gg:Rule .
      FILTER NOT EXISTS { ?rule a gg:Principle }
      FILTER NOT EXISTS { ?rule a ?narrower . ?narrower rdfs:subClassOf+ ?kind . ?narrower rdfs:subClassOf* gg:Rule }
      ?article <http://data.europa.eu/eli/ontology#number> ?number ; gg:text ?text .
      OPTIONAL { ?rule gg:strength ?strength }
      OPTIONAL { ?rule gg:decidingWord ?word }
    }""",
    initNs={"gg": GG, "rdfs": rdflib.RDFS},
)
RULES = sorted(ROWS, key=lambda r: str(r.rule))


def _name(rule: rdflib.term.Node) -> str:
    return str(rule).rsplit("/", 1)[-1]


def test_the_rule_base_has_a_deciding_word_for_each_of_its_rules() -> None:
    assert len(RULES) >= 160
    assert [_name(r.rule) for r in RULES if r.word is None] == []


@pytest.mark.parametrize("row", RULES, ids=[_name(r.rule) for r in RULES])
def test_the_words_that_decide_a_rules_modality_and_case_are_in_its_article(row: rdflib.query.ResultRow) -> None:
    texts = [str(t) for t in GRAPH.objects(row.rule, GG.decidingText)]
    assert texts, f"{_name(row.rule)} records no deciding text"
    article = str(row.text)
    assert [t for t in texts if t not in article] == [], f"not in article {row.number}"
    assert any(str(row.word) in t for t in texts), "the deciding word is not in the deciding text"


def expected(word: str) -> tuple[set[str], set[str | None]]:
    """The kinds of rule and the strengths a deciding word allows."""
    if word in ADVISORY:
        return {"Duty", "Prohibition", "FrequencyRule", "QuorumRule"}, {"Advisory"}
    if word in PERMISSION:
        return {"Permission", "Competence"}, {None}
    if word in PROHIBITION:
        return {"Prohibition"}, {"Mandatory"}
    if word in DUTY:
        return {"Duty", "QuorumRule", "Prohibition"}, {"Mandatory"}
    assert word in GIVEN, f"unknown deciding word {word}"
    return {"Permission", "Competence", "Duty", "CompositionRule", "FinalProvision"}, {None, "Mandatory"}


@pytest.mark.parametrize("row", RULES, ids=[f"{_name(r.rule)}:{r.word}" for r in RULES])
def test_a_rules_strength_follows_its_wording(row: rdflib.query.ResultRow) -> None:
    kinds, strengths = expected(str(row.word))
    kind = str(row.kind).rsplit("#", 1)[-1]
    strength = str(row.strength).rsplit("#", 1)[-1] if row.strength is not None else None
    assert kind in kinds and strength in strengths, (
        f"article {row.number}: {row.word} makes a {sorted(kinds)} {sorted(map(str, strengths))}, not a {kind} {strength}"
    )
    if kind in {"Duty", "Prohibition", "QuorumRule"}:
        assert strength is not None, "a duty or a prohibition says how strongly it binds"


def test_the_strength_table_lists_every_rule_with_its_word_against_its_article() -> None:
    table = [(str(r.number), _name(r.rule), str(r.word), str(r.strength or "").rsplit("#", 1)[-1]) for r in RULES]
    assert ("56", "rule-56-invitation-five-days-ahead", "应", "Mandatory") in table
    assert ("49", "rule-49-reply-within-two-working-days", "一般", "Advisory") in table
    assert ("78", "rule-78-enterprises-may-follow", "可", "") in table
    assert ("43", "rule-43-no-ad-hoc-agenda", "不", "Mandatory") in table
