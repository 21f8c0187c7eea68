"""Synthetic governments for scale: each a rule base of its own (its graph, metadata and template
mappings), with the mechanisms real rules vary (acting, quorum, threshold) drawn per government.

Asked here through govgraph survey and compare. How who/acts-for/quorum *answer* under
gg:successionRank, gg:quorumCountsOver and gg:Abroad is helper `variants`' work: those
tests wait for its merge."""

from __future__ import annotations

from pathlib import Path

import pytest

from govgraph.answers.compare import compare_in
from govgraph.answers.loading import open_library
from govgraph.answers.survey import survey
from govgraph.synth import jurisdictions as synth
from govgraph.synth import variants

GG = "https://w3id.org/govgraph/ontology#"


@pytest.fixture(scope="module")
def template() -> synth.Template:
    return synth.Template.read()


def first_with(template: synth.Template, **wanted: str) -> int:
    return next(i for i in range(500) if all(getattr(synth.mechanisms(template, i), k) == v for k, v in wanted.items()))


@pytest.fixture(scope="module")
def chosen(template: synth.Template) -> dict[str, int]:
    return {
        "by-rule": first_with(template, acting="by-rule"),
        "succession": first_with(template, acting="succession"),
        "designation": first_with(template, acting="designation"),
        "no-quorum": first_with(template, quorum="none"),
        "more-than-half": first_with(template, quorum="more-than-half"),
        "subset": first_with(template, quorum="subset"),
        "no-threshold": first_with(template, threshold="none"),
        "threshold": first_with(template, threshold="threshold"),
    }


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory, template: synth.Template, chosen: dict[str, int]):  # noqa: ANN201
    out = tmp_path_factory.mktemp("synth")
    folders = synth.generate(out, max(chosen.values()) + 1, with_records=False)
    return open_library([str(folders[i]) for i in sorted(set(chosen.values()))])


def row(library, feature: str, index: int):  # noqa: ANN001, ANN201
    return next(r for r in survey(library, feature).rows if r.rule_base == synth.synthetic_name(index))


def test_every_variant_of_each_mechanism_is_drawn_over_a_few_hundred_governments(template: synth.Template) -> None:
    drawn = [synth.mechanisms(template, i) for i in range(300)]
    assert {m.acting for m in drawn} == set(variants.ACTING)
    assert {m.quorum for m in drawn} == set(variants.QUORUM)
    assert {m.threshold for m in drawn} == set(variants.THRESHOLD)
    assert {m.level for m in drawn} == set(template.levels) and len(template.levels) >= 3


def test_each_synthetic_government_is_a_rule_base_of_its_own_with_its_identifier_and_level(library, chosen, template) -> None:  # noqa: ANN001
    bases = {base.name: base for base in library.rule_bases}
    assert set(bases) == {synth.synthetic_name(i) for i in chosen.values()}
    for index in chosen.values():
        base = bases[synth.synthetic_name(index)]
        assert base.government_id == synth.synthetic_name(index)
        assert base.graph.endswith("/" + synth.synthetic_name(index))
        assert base.level.iri == synth.mechanisms(template, index).level
        assert base.prefix == f"s{index:05d}" and base.repeals == ()
    assert len(library.governments()) == len(bases)


def test_acting_by_rule_is_one_automatic_rule_for_the_head_abroad_only(library, chosen) -> None:  # noqa: ANN001
    found = row(library, "acting", chosen["by-rule"])
    assert found.key == f"{GG}ByRule {GG}Abroad"


def test_an_order_of_succession_ranks_the_acting_rules_with_no_designation(library, chosen) -> None:  # noqa: ANN001
    found = row(library, "acting", chosen["succession"])
    assert "rank 1" in found.key and "rank 2" in found.key and "Designation" not in found.key


def test_designation_keeps_the_template_s_acting_rules(library, chosen) -> None:  # noqa: ANN001
    assert row(library, "acting", chosen["designation"]).key.startswith(f"{GG}Designation")


def test_quorum_variants_none_strict_majority_and_counted_over_a_member_post(library, chosen) -> None:  # noqa: ANN001
    assert row(library, "quorum", chosen["no-quorum"]).key == ""
    assert row(library, "quorum", chosen["more-than-half"]).text.en == "more than 1/2"
    subset = row(library, "quorum", chosen["subset"])
    assert subset.text.en.startswith("at least 1/2 (") and subset.citations


def test_a_government_with_no_threshold_has_none_and_one_with_a_threshold_cites_its_article(library, chosen) -> None:  # noqa: ANN001
    assert row(library, "threshold", chosen["no-threshold"]).amount is None
    kept = row(library, "threshold", chosen["threshold"])
    assert kept.amount is not None and kept.amount > 0 and kept.citations


def test_two_synthetic_governments_with_different_acting_compare_as_different_on_acting(library, chosen) -> None:  # noqa: ANN001
    found = compare_in(library, synth.synthetic_name(chosen["by-rule"]), synth.synthetic_name(chosen["succession"]))
    acting = [p for p in found.points if p.aspect == "acting" and p.subject.iri.endswith("#HeadOfGovernment")]
    assert [p.verdict for p in acting] == ["differs"]
