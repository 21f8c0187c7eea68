"""govgraph reason: HermiT says whether a rule base is consistent with the ontology, and the graph says why not."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from govgraph.answers.reasoning import reason
from govgraph.cli import main

pytest.importorskip("owlready2")
pytestmark = pytest.mark.java

ARTICLE = """
@prefix gg: <https://w3id.org/govgraph/ontology#> .
@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<urn:example:article-3> a eli:LegalResourceSubdivision ; eli:number "3" ; gg:text "第三条 示例。"@zh ;
    rdfs:label "第三条"@zh , "Article 3"@en .
"""


def rule_base(tmp_path: Path, name: str, body: str) -> Path:
    """A made-up rule base of one article and ``body``."""
    if shutil.which("java") is None:
        pytest.fail("HermiT needs Java: run scripts/setup --system")
    folder = tmp_path / name
    folder.mkdir()
    (folder / "rules.ttl").write_text(ARTICLE + body, encoding="utf-8")
    return folder


def test_a_rule_that_is_both_a_permission_and_a_prohibition_makes_the_rule_base_inconsistent_and_is_named_with_its_article(
    tmp_path: Path,
) -> None:
    folder = rule_base(tmp_path, "contradiction", "<urn:example:rule> a gg:Permission , gg:Prohibition ; gg:basis <urn:example:article-3> .")
    (found,) = reason(folder)
    assert not found.consistent and not found.holds
    (clash,) = found.clashes
    assert clash.resource.iri == "urn:example:rule"
    assert {clash.first.en, clash.second.en} == {"permission", "prohibition"}
    assert clash.basis is not None and clash.basis.number == "3" and clash.basis.text == "第三条 示例。"


def test_a_class_under_two_disjoint_classes_is_unsatisfiable_though_the_rule_base_stays_consistent(tmp_path: Path) -> None:
    folder = rule_base(tmp_path, "odd", "<https://example.org/odd#Odd> rdfs:subClassOf gg:Permission , gg:Prohibition .")
    (found,) = reason(folder)
    assert found.consistent and not found.holds
    assert [c.iri for c in found.unsatisfiable] == ["https://example.org/odd#Odd"]


def test_govgraph_reason_exits_1_on_an_inconsistent_rule_base_and_0_on_a_sound_one(tmp_path: Path) -> None:
    bad = rule_base(tmp_path, "bad", "<urn:example:rule> a gg:Duty , gg:Prohibition .")
    good = rule_base(tmp_path, "good", "<urn:example:rule> a gg:Duty ; gg:basis <urn:example:article-3> .")
    result = CliRunner().invoke(main, ["reason", "--rules", str(bad), "--format", "json"])
    assert result.exit_code == 1, result.output
    assert json.loads(result.output)[0]["clashes"][0]["resource"]["iri"] == "urn:example:rule"
    result = CliRunner().invoke(main, ["reason", "--rules", str(good), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "consistent" in result.output
