"""Every post, meeting type and document kind of a rule base maps to a concept of the national
template; one that maps to nothing is listed by the integrity checks, as a warning."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rule_bases import rule_bases

import govgraph
from govgraph.validate import validate

CITY = Path(__file__).with_name("fixtures") / "made-up-city"
UNMAPPED = """
mc:AssistantMayor a gg:Post ; rdfs:label "市长助理"@zh , "Assistant Mayor"@en ; org:postIn mc:CityGovernment .
mc:WeeklyMeeting a gg:MeetingType ; rdfs:label "市长周例会"@zh , "Mayor's weekly meeting"@en .
"""


@pytest.fixture
def unmapped(tmp_path: Path) -> Path:
    folder = tmp_path / "made-up-city"
    shutil.copytree(CITY, folder)
    with (folder / "organisation.ttl").open("a", encoding="utf-8") as out:
        out.write(UNMAPPED)
    return folder


# gappy is a toy graph for the authority tests, not a government on the template.
GOVERNMENTS = [base for base in rule_bases() if base.name != "gappy"]


@pytest.mark.parametrize("base", GOVERNMENTS, ids=lambda b: b.name)
def test_every_post_meeting_type_and_document_kind_of_each_rule_base_maps_to_the_template(base):  # noqa: ANN001
    assert [v.resource.iri for v in govgraph.load(base.folder).check() if v.check == "TermMapsToTemplate"] == []


def test_a_post_and_a_meeting_type_that_map_to_no_template_concept_are_listed(unmapped: Path):
    found = [v for v in govgraph.load(unmapped).check() if v.check == "TermMapsToTemplate"]
    assert sorted(v.resource.zh for v in found) == ["市长助理", "市长周例会"]
    assert {v.message.label("en").split("(kind: ")[1].split(")")[0] for v in found} == {"post", "meeting type"}


def test_an_unmapped_term_is_a_warning_not_a_violation(unmapped: Path):
    report = validate([], unmapped)
    findings = [f for f in report.findings if f.shape.endswith("TermMapsToTemplate")]
    assert len(findings) == 2 and {f.severity for f in findings} == {"warning"}
