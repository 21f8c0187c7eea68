"""Thresholds come from the rule base: another county's rules change the verdicts, no shape edited.

tests/fixtures/other-district is a made-up county whose rules differ from Hongqiao's in
their numbers: two thirds must attend the Executive Meeting (Hongqiao: half), that
meeting decides sums from 3,000,000 yuan (Hongqiao: 5,000,000), replies are due within
3 working days and bind (Hongqiao: 2, advisory), phone reports within 30 minutes
(Hongqiao: 20). The same records, written with each rule base's own posts and meeting
types, get opposite verdicts.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_validate import expected, rule_bases_with_cases, run
from test_validate import found as found_in

import govgraph
from govgraph.validate import Report, rule_base_shapes, validate

HERE = Path(__file__).parent
OTHER = HERE / "fixtures" / "other-district"
CALENDAR = HERE.parent / "data" / "hongqiao-2023" / "records" / "calendar-2023.ttl"
HQ = "https://w3id.org/govgraph/id/hongqiao-2023/"
OD = "https://example.org/other-district/"
TERMS = {
    "hongqiao-2023": {"head": HQ + "DistrictHead", "deputy": HQ + "OtherDeputyDistrictHead", "executive": HQ + "ExecutiveMeeting",
                      "office": HQ + "HeadsOfficeMeeting", "funds": HQ + "UseOfLargeSums"},
    str(OTHER): {"head": OD + "CountyHead", "deputy": OD + "DeputyCountyHead", "executive": OD + "ExecutiveMeeting",
                 "office": OD + "HeadsOfficeMeeting", "funds": OD + "UseOfFunds"},
}


def records(terms: dict[str, str], body: str) -> str:
    """A government with a head and seven deputies (eight members), then ``body``."""
    people = "\n".join(
        f"ex:p{i} a gg:Person ; rdfs:label \"人员{i}\" .\n"
        f"ex:h{i} a gg:PostHolding ; org:member ex:p{i} ; gg:holdsPost <{terms['head'] if i == 0 else terms['deputy']}> ;"
        f" gg:ofGovernment ex:gov ; gg:validFrom \"2023-01-01T00:00:00\"^^xsd:dateTime ."
        for i in range(8)
    )
    return (
        "@prefix gg: <https://w3id.org/govgraph/ontology#> .\n@prefix org: <http://www.w3.org/ns/org#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        "@prefix ex: <https://example.org/records/> .\n" + people + "\n" + body.format(**terms)
    )


def check(rules: str, body: str, tmp_path: Path, terms: str | None = None) -> Report:
    """Validate ``body`` against ``rules``, written in the terms of ``terms`` (``rules`` if not given)."""
    path = tmp_path / f"records-{abs(hash((rules, body)))}.ttl"
    path.write_text(records(TERMS[terms or rules], body), encoding="utf-8")
    return validate([CALENDAR, path], rules=rules)


MEETING = """ex:m a gg:MeetingRecord ; gg:meetingType <{%s}> ; gg:heldAt "2023-03-01T09:30:00"^^xsd:dateTime ;
    gg:ofGovernment ex:gov ; gg:convenedBy ex:p0 ; gg:presidedBy ex:p0 ; gg:attendee %s %s .
"""


RULE_BASE_SHAPES = {s.iri for s in rule_base_shapes().shapes} | {p.shape for s in rule_base_shapes().shapes for p in s.properties}


def verdicts(report: Report) -> list[tuple[str, str, str]]:
    """The verdicts on the records (the rule base's own integrity is checked below)."""
    on_records = [f for f in report.findings if f.shape not in RULE_BASE_SHAPES]
    return sorted((f.shape.rsplit("#", 1)[-1], f.severity, f.article.number) for f in on_records)


def test_validating_against_a_rule_base_also_reports_its_own_defects_as_govgraph_check_does(tmp_path: Path) -> None:
    broken = tmp_path / "broken-county"
    shutil.copytree(OTHER, broken, ignore=shutil.ignore_patterns("tests"))
    rules = broken / "rules.ttl"
    rules.write_text(rules.read_text(encoding="utf-8").split("od:rule-11-head-convenes")[0], encoding="utf-8")
    report = check(str(broken), MEETING % ("executive", "ex:p0", ""), tmp_path, terms=str(OTHER))
    defects = sorted((f.shape.rsplit("#", 1)[-1], f.focus.iri) for f in report.findings if f.shape in RULE_BASE_SHAPES)
    assert defects == [("MeetingTypeHasConvener", OD + "HeadsOfficeMeeting")]  # no rule says who convenes it
    assert [(v.check, v.resource.iri) for v in govgraph.load(rules=broken).check()] == defects
    assert govgraph.load(rules=OTHER).check() == []


@pytest.mark.parametrize("rules", ["hongqiao-2023", str(OTHER)], ids=["hongqiao", "other-county"])
def test_the_rule_base_loaded_decides_whether_five_of_eight_members_are_a_quorum(rules: str, tmp_path: Path) -> None:
    body = MEETING % ("executive", ", ".join(f"ex:p{i}" for i in range(5)), "")
    expected = [] if rules == "hongqiao-2023" else [("Quorum", "violation", "10")]
    assert verdicts(check(rules, body, tmp_path)) == expected


@pytest.mark.parametrize("rules", ["hongqiao-2023", str(OTHER)], ids=["hongqiao", "other-county"])
def test_the_rule_base_loaded_decides_which_meeting_may_decide_4000000_yuan(rules: str, tmp_path: Path) -> None:
    body = ('ex:item a gg:AgendaItemRecord ; gg:matterKind <{funds}> ; gg:amount "4000000"^^xsd:decimal ; gg:decided true .\n'
            + MEETING % ("office", ", ".join(f"ex:p{i}" for i in range(8)), "; gg:agendaItem ex:item"))
    expected = [] if rules == "hongqiao-2023" else [("CompetenceByAmount", "violation", "11")]
    assert verdicts(check(rules, body, tmp_path)) == expected


CONSULTATION = """ex:c a gg:ConsultationRecord ; gg:sentAt "2023-03-03T10:00:00"^^xsd:dateTime ;
    gg:repliedAt "2023-03-{day}T10:00:00"^^xsd:dateTime .
"""


def test_a_reply_on_the_third_working_day_is_late_in_hongqiao_and_on_time_in_the_other_county(tmp_path: Path) -> None:
    body = CONSULTATION.replace("{day}", "08")
    assert verdicts(check("hongqiao-2023", body, tmp_path)) == [("Deadline-advisory", "warning", "49")]
    assert verdicts(check(str(OTHER), body, tmp_path)) == []


def test_the_strength_of_the_wording_in_the_rule_base_makes_a_late_reply_a_warning_or_a_violation(tmp_path: Path) -> None:
    body = CONSULTATION.replace("{day}", "09")  # the 4th working day: late in both
    assert verdicts(check("hongqiao-2023", body, tmp_path)) == [("Deadline-advisory", "warning", "49")]
    assert verdicts(check(str(OTHER), body, tmp_path)) == [("Deadline", "violation", "20")]


def test_a_phone_report_at_25_minutes_is_late_in_hongqiao_and_on_time_in_the_other_county(tmp_path: Path) -> None:
    body = """ex:v a gg:VerificationRecord ; gg:requestedAt "2023-03-01T10:00:00"^^xsd:dateTime ;
    gg:phonedAt "2023-03-01T10:25:00"^^xsd:dateTime .
"""
    assert verdicts(check("hongqiao-2023", body, tmp_path)) == [("Deadline", "violation", "65")]
    assert verdicts(check(str(OTHER), body, tmp_path)) == []


CONVENES = """
@prefix gg: <https://w3id.org/govgraph/ontology#> .
@prefix od: <https://example.org/other-district/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
od:rule-11-head-convenes a gg:Permission ; rdfs:label "县长召集县长办公会议"@zh , "The County Head convenes the Office Meeting"@en ;
    gg:assignee od:CountyHead ; gg:action gg:Convene ; gg:target od:HeadsOfficeMeeting ; gg:basis od:art_11 .
"""


def test_a_second_rule_base_brings_its_own_validation_cases_by_adding_files(tmp_path: Path) -> None:
    rules = tmp_path / "other-district"
    shutil.copytree(OTHER, rules)
    (rules / "convening.ttl").write_text(CONVENES, encoding="utf-8")  # the fixture lacks who convenes its Office Meeting
    cases = rules / "tests" / "cases"
    (cases / "quorum" / "invalid").mkdir(parents=True)
    (cases / "quorum" / "valid").mkdir(parents=True)
    terms = TERMS[str(OTHER)]
    (cases / "base.ttl").write_text(records(terms, ""), encoding="utf-8")  # the government: a head and seven deputies
    for kind, present, expect in (("valid", 6, ""), ("invalid", 5, "# expect: Quorum article 10\n")):
        meeting = MEETING % ("executive", ", ".join(f"ex:p{i}" for i in range(present)), "")
        (cases / "quorum" / kind / f"{present}-of-8-present.ttl").write_text(expect + records(terms, meeting), encoding="utf-8")
    (found,) = rule_bases_with_cases([rules])
    assert [p.relative_to(cases).as_posix() for p in found.files] == ["quorum/invalid/5-of-8-present.ttl", "quorum/valid/6-of-8-present.ttl"]
    invalid, valid = found.files
    assert found_in(run(valid, cases=found)) == []
    assert found_in(run(invalid, cases=found)) == expected(invalid) == [("Quorum", "10")]
