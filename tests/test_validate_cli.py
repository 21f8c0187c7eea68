"""``govgraph validate``: exit codes, the three formats, errors without tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import rdflib
from click.testing import CliRunner
from test_validate import HONGQIAO

from govgraph.cli import main

CASES = HONGQIAO.folder
SUPPORT = [str(path) for path in HONGQIAO.support]
VALID = str(CASES / "quorum/valid/an-executive-meeting-with-exactly-half-its-members-present-is-quorate.ttl")
INVALID = str(CASES / "quorum/invalid/an-executive-meeting-with-fewer-than-half-its-members-present-is-not-quorate.ttl")
LATE_REPLY = str(CASES / "deadlines/invalid/a-reply-on-the-third-working-day-across-a-weekend-is-late.ttl")


def invoke(*args: str):  # noqa: ANN201 - click Result
    return CliRunner().invoke(main, ["validate", *args])


def test_records_that_conform_exit_0_and_say_so() -> None:
    result = invoke(*SUPPORT, VALID, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "All records conform" in result.output


def test_violations_exit_1_and_the_text_report_groups_them_under_the_article_with_its_text() -> None:
    result = invoke(*SUPPORT, INVALID)
    assert result.exit_code == 1
    assert "■ 第四十一条  <https://w3id.org/govgraph/id/hongqiao-2023/art_41>" in result.output  # the article's label
    assert "出席人数须达到组成人员的半数以上" in result.output  # the article's own text
    assert "发现值: 3" in result.output and "违反第41条" in result.output


def test_warnings_alone_exit_0_unless_asked_to_fail_on_them() -> None:
    assert invoke(*SUPPORT, LATE_REPLY).exit_code == 0
    assert invoke(*SUPPORT, LATE_REPLY, "--fail-on", "warning").exit_code == 1


def test_json_carries_each_finding_with_its_article_and_both_languages() -> None:
    result = invoke(*SUPPORT, INVALID, "--format", "json")
    data = json.loads(result.output)
    (finding,) = data["findings"]
    assert data["conforms"] is False and data["violations"] == 1
    assert finding["article"]["number"] == "41" and finding["article"]["article"]["iri"].endswith("/art_41")
    assert finding["message"]["zh"].startswith("违反第41条") and finding["message"]["en"].startswith("Article 41")


def test_turtle_is_a_standard_shacl_validation_report() -> None:
    result = invoke(*SUPPORT, INVALID, "--format", "turtle")
    graph = rdflib.Graph().parse(data=result.output, format="turtle")
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    (report,) = graph.subjects(rdflib.RDF.type, sh.ValidationReport)
    assert graph.value(report, sh.conforms) == rdflib.Literal(False)
    (result_node,) = graph.objects(report, sh.result)
    assert graph.value(result_node, sh.resultSeverity) == sh.Violation
    assert str(graph.value(result_node, sh.focusNode)) == "https://example.org/records/m"


def test_a_bad_file_gives_file_line_and_what_was_expected_and_exit_2_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "meetings.ttl"
    bad.write_text("@prefix gg: <https://w3id.org/govgraph/ontology#> .\n<urn:m> a gg:MeetingRecord\n", encoding="utf-8")
    result = invoke(str(bad))
    assert result.exit_code == 2
    assert f"{bad}:3:" in result.output or f"{bad}:2:" in result.output
    assert "Traceback" not in result.output


def test_an_unknown_rule_base_exits_2_naming_the_ones_there_are() -> None:
    result = invoke(VALID, "--rules", "nowhere-2099")
    assert result.exit_code == 2 and "hongqiao-2023" in result.output


def test_each_argument_can_be_validated_apart_with_shared_files_and_reported_together() -> None:
    common = [arg for path in SUPPORT for arg in ("--common", path)]
    result = invoke(INVALID, LATE_REPLY, *common, "--each", "--format", "json")
    data = json.loads(result.output)
    assert result.exit_code == 1
    assert sorted((f["article"]["number"], f["severity"]) for f in data["findings"]) == [("41", "violation"), ("49", "warning")]


def test_text_output_lists_at_most_max_per_shape_findings_of_a_shape_and_counts_the_rest() -> None:
    sample = Path(__file__).resolve().parents[1] / "data" / "hongqiao-2023" / "records"
    capped = invoke(str(sample), "--max-per-shape", "1", "--lang", "en")
    assert capped.exit_code == 1
    assert "… 2 more finding(s) of Deadline not listed" in capped.output
    uncapped = invoke(str(sample), "--lang", "en")
    assert "■ Article 65" in uncapped.output and "■ Article 65" not in capped.output  # the first Deadline finding is art. 56's
    every = json.loads(invoke(str(sample), "--max-per-shape", "1", "--format", "json").output)
    assert sum(f["shape"].endswith("Deadline") for f in every["findings"]) == 3  # json lists them all


def test_an_advisory_finding_is_worded_as_advice_with_the_word_that_softens_the_rule_and_a_violation_as_a_breach() -> None:
    sample = Path(__file__).resolve().parents[1] / "data" / "hongqiao-2023" / "records"
    report = json.loads(invoke(str(sample), "--format", "json").output)
    by_severity = {severity: [f["message"] for f in report["findings"] if f["severity"] == severity] for severity in ("warning", "violation")}
    minutes = next(m for m in by_severity["warning"] if "会议纪要" in m["zh"])
    assert minutes["zh"].startswith("未按第46条（原则上）：") and minutes["en"].startswith("Article 46 advises (原则上): ")
    assert by_severity["violation"] and all(m["zh"].startswith("违反第") or "not met" not in m["en"] for m in by_severity["violation"])
    assert not any("advises" in m["en"] for m in by_severity["violation"])
