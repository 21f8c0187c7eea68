"""Each record judged by the version of the rules in force on its date (issue 10, item 5).

The 2016 rules are made up (tests/fixtures/hongqiao-2016): the District Head's Office
Meeting decides sums under 3,000,000 yuan (2023: under 5,000,000). The same sum decided
by the same kind of meeting breaks the rules in 2020 and not in 2024.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from test_validate import GGSH, HONGQIAO

from govgraph.cli import main as cli
from govgraph.validate import validate

EARLIER = str(Path(__file__).with_name("fixtures") / "hongqiao-2016")
VERSIONS = ["hongqiao-2023", EARLIER]
NUMBER_2016 = "红桥政〔2016〕25号"
PREFIXES = """@prefix gg:   <https://w3id.org/govgraph/ontology#> .
@prefix hq:   <https://w3id.org/govgraph/id/hongqiao-2023/> .
@prefix hq16: <https://w3id.org/govgraph/id/hongqiao-2016/> .
@prefix org:  <http://www.w3.org/ns/org#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
@prefix ex:   <https://example.org/records/> .
ex:gov a gg:PeoplesGovernment ; rdfs:label "示例区政府"@zh , "Example District Government"@en .
ex:head a gg:Person ; rdfs:label "区长甲" ; gg:employmentStatus gg:RegularStaff .
ex:h-head-2016 a gg:PostHolding ; org:member ex:head ; gg:holdsPost hq16:DistrictHead ; gg:ofGovernment ex:gov ;
    gg:validFrom "2017-01-01T00:00:00"^^xsd:dateTime ; gg:validUntil "2023-01-08T23:59:59"^^xsd:dateTime .
ex:h-head-2023 a gg:PostHolding ; org:member ex:head ; gg:holdsPost hq:DistrictHead ; gg:ofGovernment ex:gov ;
    gg:validFrom "2023-01-09T00:00:00"^^xsd:dateTime .
"""


def office_meeting(name: str, held_at: str, prefix: str) -> str:
    """A District Head's Office Meeting deciding 4,000,000 yuan, in the vocabulary of one version (hq or hq16)."""
    return f"""
ex:{name} a gg:MeetingRecord ; gg:meetingType {prefix}:HeadsOfficeMeeting ; gg:heldAt {held_at} ;
    gg:ofGovernment ex:gov ; gg:convenedBy ex:head ; gg:presidedBy ex:head ; gg:attendee ex:head ; gg:agendaItem ex:{name}-item .
ex:{name}-item a gg:AgendaItemRecord ; gg:matterKind {prefix}:UseOfLargeSums ; gg:amount "4000000.0"^^xsd:decimal ; gg:decided true .
"""


SAME_SUM_2020_AND_2024 = (PREFIXES + office_meeting("m2020", '"2020-03-02T09:30:00"^^xsd:dateTime', "hq16")
                          + office_meeting("m2024", '"2024-03-04T09:30:00"^^xsd:dateTime', "hq"))


def records(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "records.ttl"
    path.write_text(text, encoding="utf-8")
    return path


def on(report, record: str) -> list:
    return [f for f in report.findings if f.focus.iri in {f"https://example.org/records/{record}",
                                                          f"https://example.org/records/{record}-item"}]


def test_the_same_sum_decided_by_the_office_meeting_breaks_the_2016_rules_in_2020_and_not_the_2023_rules_in_2024(tmp_path: Path) -> None:
    report = validate([records(tmp_path, SAME_SUM_2020_AND_2024)], VERSIONS)
    [finding] = on(report, "m2020")
    assert finding.article.number == "31" and finding.article.article.iri.endswith("hongqiao-2016/art_31")
    assert finding.version.number == NUMBER_2016 and finding.version.until == "2023-01-08"
    assert on(report, "m2024") == []
    assert report.findings == (finding,)


def test_a_record_written_in_the_2016_vocabulary_but_dated_2024_is_judged_by_the_2023_rules(tmp_path: Path) -> None:
    text = PREFIXES + office_meeting("late", '"2024-03-04T09:30:00"^^xsd:dateTime', "hq16")
    report = validate([records(tmp_path, text)], VERSIONS)
    found = on(report, "late")
    assert found and all(f.version.in_force == "2023-01-09" for f in found)
    assert not any(f.article and f.article.number == "31" for f in found)  # the 2016 threshold no longer applies


def test_a_record_dated_before_any_version_in_force_is_a_finding_of_its_own_never_a_pass(tmp_path: Path) -> None:
    text = PREFIXES + office_meeting("m2010", '"2010-03-04"^^xsd:date', "hq")
    report = validate([records(tmp_path, text)], VERSIONS)
    [finding] = on(report, "m2010")
    assert finding.severity == "violation" and finding.shape == GGSH + "RulesInForce"
    assert "no rules in force on 2010-03-04" in finding.message.en and "2016-12-29" in finding.message.en


def test_json_names_the_version_that_judged_each_finding(tmp_path: Path) -> None:
    path = records(tmp_path, SAME_SUM_2020_AND_2024)
    result = CliRunner().invoke(cli, ["validate", str(path), "--rules", "hongqiao-2023", "--rules", EARLIER, "--format", "json"])
    assert result.exit_code == 1, result.output
    [finding] = json.loads(result.output)["findings"]
    assert finding["version"]["number"] == NUMBER_2016
    assert finding["version"]["in_force"] == "2016-12-29"


def test_the_text_report_heads_the_findings_of_each_version_with_the_regulation_and_its_dates(tmp_path: Path) -> None:
    path = records(tmp_path, SAME_SUM_2020_AND_2024)
    result = CliRunner().invoke(cli, ["validate", str(path), "--rules", "hongqiao-2023", "--rules", EARLIER, "--lang", "en"])
    assert result.exit_code == 1, result.output
    heading = next(line for line in result.output.splitlines() if line.startswith("══"))
    assert NUMBER_2016 in heading and "in force from 2016-12-29" in heading and "until 2023-01-08" in heading


def test_one_version_reports_as_before_without_a_version_on_its_findings(tmp_path: Path) -> None:
    text = PREFIXES + office_meeting("m2024", '"2024-03-04T09:30:00"^^xsd:dateTime', "hq")
    text += 'ex:m2024-item gg:amount "6000000.0"^^xsd:decimal .\n'
    report = validate([records(tmp_path, text)], ["hongqiao-2023"])
    assert report.findings and all(f.version is None for f in report.findings)


# ── heldAt as a day in the quorum shape (issue 13 item 3) ─────────────────────


def test_a_meeting_held_on_a_date_without_a_time_is_counted_against_the_quorum(tmp_path: Path) -> None:
    text = """@prefix gg: <https://w3id.org/govgraph/ontology#> .
@prefix hq: <https://w3id.org/govgraph/id/hongqiao-2023/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <https://example.org/records/> .
ex:m a gg:MeetingRecord ; gg:meetingType hq:ExecutiveMeeting ; gg:heldAt "2023-03-01"^^xsd:date ; gg:ofGovernment ex:gov ;
    gg:convenedBy ex:head ; gg:presidedBy ex:head ; gg:attendee ex:head , ex:exec .
"""
    path = tmp_path / "m.ttl"
    path.write_text(text, encoding="utf-8")
    report = validate([*HONGQIAO.support, path], HONGQIAO.rules)
    quorum = [f for f in report.findings if f.shape.startswith(GGSH + "Quorum")]
    assert [f.focus.iri for f in quorum] == ["https://example.org/records/m"]
    assert "2 of the 8 members" in quorum[0].message.en


def test_rule_bases_of_two_governments_are_refused_as_versions_with_a_one_line_error(tmp_path: Path) -> None:
    county = str(Path(__file__).with_name("fixtures") / "made-up-county")
    path = records(tmp_path, SAME_SUM_2020_AND_2024)
    result = CliRunner().invoke(cli, ["validate", str(path), "--rules", "hongqiao-2023", "--rules", county])
    assert result.exit_code == 2
    assert "of 2 governments" in result.output and "Traceback" not in result.output
