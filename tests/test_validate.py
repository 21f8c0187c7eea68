"""Validating records against the rule base: one case per rule, conforming and violating.

A rule base carries its own cases in ``tests/cases/`` (see its ``cases.toml``): under
``<rule>/{valid,invalid}/``, files named as the rule in a sentence, each validated with
the support files the folder names (the government the cases happen in, a calendar).
The cases of every rule base that has that folder are found here: the catalog's
``data/*/`` and ``tests/fixtures/*/``. A valid case must give no finding at all; an
invalid one exactly the findings its ``# expect:`` lines name (shape, and article cited).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from govgraph._core import files as rdf
from govgraph._core.errors import InputError
from govgraph.law import jurisdictions
from govgraph.validate import Report, load_shapes, validate

ROOT = Path(__file__).resolve().parents[1]
EXPECT = re.compile(r"^# expect: (\S+)(?: article (\d+))?$", re.MULTILINE)
GGSH = "https://w3id.org/govgraph/shapes#"


@dataclass(frozen=True)
class Cases:
    """The validation cases a rule base carries."""

    rules: Path  #: the rule base's folder
    folder: Path  #: its tests/cases/
    support: tuple[Path, ...]  #: what every case is validated with
    files: tuple[Path, ...]  #: the cases: <rule>/{valid,invalid}/*.ttl

    def case_id(self, path: Path) -> str:
        return f"{self.rules.name}/{path.relative_to(self.folder).with_suffix('')}"


def rule_bases_with_cases(folders: list[Path] | None = None) -> list[Cases]:
    """Every rule base (the catalog's and the test fixtures', or ``folders``) that carries a tests/cases/ folder."""
    found = []
    if folders is None:
        folders = [jurisdictions.find(name).folder for name in jurisdictions.available()]
        folders += sorted(p for p in (ROOT / "tests" / "fixtures").iterdir() if p.is_dir())
    for rules in folders:
        folder = rules / "tests" / "cases"
        if folder.is_dir():
            manifest = folder / "cases.toml"
            named = tomllib.loads(manifest.read_text(encoding="utf-8")).get("support", []) if manifest.is_file() else []
            support = (*rdf.in_folder(folder), *((folder / name).resolve() for name in named))
            found.append(Cases(rules, folder, support, tuple(sorted(folder.glob("*/*/*.ttl")))))
    return found


ALL_CASES = rule_bases_with_cases()
HONGQIAO = next(c for c in ALL_CASES if c.rules.name == "hongqiao-2023")
CASE_FILES = [(cases, path) for cases in ALL_CASES for path in cases.files]


def run(*case: str | Path, cases: Cases = HONGQIAO, **options) -> Report:
    """Validate a case (a path relative to the rule base's cases, or a file) with its rule base and support."""
    files = [cases.folder / c if isinstance(c, str) else c for c in case]
    return validate([*cases.support, *files], cases.rules, **options)


def found(report: Report) -> list[tuple[str, str | None]]:
    return sorted((f.shape.removeprefix(GGSH), f.article.number if f.article else None) for f in report.findings)


def expected(path: Path) -> list[tuple[str, str | None]]:
    return sorted((m.group(1), m.group(2)) for m in EXPECT.finditer(path.read_text(encoding="utf-8")))


def test_the_cases_of_the_sample_rule_base_are_found_with_their_government_and_calendar() -> None:
    assert len(HONGQIAO.files) >= 50
    assert {p.name for p in HONGQIAO.support} == {"base.ttl", "calendar-2023.ttl"}
    assert all(p.is_file() for p in HONGQIAO.support)


@pytest.mark.parametrize(("cases", "path"), CASE_FILES, ids=[cases.case_id(path) for cases, path in CASE_FILES])
def test_each_case_gives_exactly_the_findings_its_rule_calls_for(cases: Cases, path: Path) -> None:
    report = run(path, cases=cases)
    if path.parent.name == "valid":
        assert report.findings == (), [f.message.en for f in report.findings]
    else:
        assert expected(path), "an invalid case names the findings it expects"
        assert found(report) == expected(path), [f.message.en for f in report.findings]


@pytest.mark.parametrize("cases", ALL_CASES, ids=[c.rules.name for c in ALL_CASES])
def test_every_checkable_rule_has_a_conforming_and_a_violating_case(cases: Cases) -> None:
    folders = {p.parent.parent.name for p in cases.files}
    for folder in folders - {"structure"}:
        kinds = {p.parent.name for p in cases.files if p.parent.parent.name == folder}
        assert kinds == {"valid", "invalid"}, folder


def test_every_shape_that_checks_records_against_rules_has_a_violating_case() -> None:
    record_shapes = {
        s.iri.removeprefix(GGSH).removesuffix("-advisory")
        for s in load_shapes().shapes
        if s.sparql and any("gg:strength" in c.select or "gg:Permission" in c.select for c in s.sparql)
    }
    expected_somewhere = {shape.removesuffix("-advisory") for _, path in CASE_FILES for shape, _ in expected(path)}
    assert record_shapes <= expected_somewhere


# ── The boundaries the regulation's wording sets ───────────────────────────────


def test_an_executive_meeting_with_exactly_half_its_members_present_is_quorate() -> None:
    assert run("quorum/valid/an-executive-meeting-with-exactly-half-its-members-present-is-quorate.ttl").findings == ()


def test_an_executive_meeting_with_one_member_fewer_than_half_is_not_quorate_under_article_41() -> None:
    report = run("quorum/invalid/an-executive-meeting-with-fewer-than-half-its-members-present-is-not-quorate.ttl")
    (finding,) = report.violations
    assert (finding.article.number, finding.value) == ("41", "3")
    assert "8" in finding.message.zh and "1/2" in finding.message.zh


def test_a_personnel_item_needs_two_thirds_so_exactly_two_thirds_is_quorate_and_one_fewer_is_not() -> None:
    assert run("quorum/valid/a-personnel-item-with-exactly-two-thirds-of-the-members-present-is-quorate.ttl").findings == ()
    report = run("quorum/invalid/a-personnel-item-with-fewer-than-two-thirds-of-the-members-present-is-not-quorate.ttl")
    assert [(f.value, f.article.number) for f in report.violations] == [("5", "41")]
    assert "2/3" in report.violations[0].message.en


def test_exactly_5000000_yuan_is_for_the_executive_meeting_not_the_heads_office_meeting() -> None:
    assert run("competence/valid/the-executive-meeting-decides-a-sum-of-exactly-5000000-yuan.ttl").findings == ()
    report = run("competence/invalid/the-heads-office-meeting-may-not-decide-a-sum-of-exactly-5000000-yuan.ttl")
    assert [(f.value, f.article.number) for f in report.violations] == [("5000000", "42")]


def test_a_reply_on_the_second_working_day_across_a_weekend_is_on_time_and_on_the_third_it_is_late() -> None:
    assert run("deadlines/valid/a-reply-on-the-second-working-day-across-a-weekend-is-on-time.ttl").findings == ()
    report = run("deadlines/invalid/a-reply-on-the-third-working-day-across-a-weekend-is-late.ttl")
    assert report.violations == ()  # 一般应: advisory wording, so a warning
    assert [(f.value, f.article.number) for f in report.warnings] == [("3", "49")]


def test_phone_reports_at_20_minutes_are_on_time_and_at_21_late_written_at_45_on_time_and_at_46_late() -> None:
    assert run("deadlines/valid/a-phone-report-at-20-minutes-and-a-written-report-at-45-minutes-are-on-time.ttl").findings == ()
    phone = run("deadlines/invalid/a-phone-report-at-21-minutes-is-late.ttl")
    assert [(f.path.rsplit("#")[-1], f.value) for f in phone.violations] == [("phonedAt", "21")]
    written = run("deadlines/invalid/a-written-report-at-46-minutes-is-late-even-across-midnight.ttl")
    assert [(f.path.rsplit("#")[-1], f.value) for f in written.violations] == [("writtenAt", "46")]


# ── What a finding carries ─────────────────────────────────────────────────────


def test_a_finding_cites_the_article_by_iri_number_and_text_and_says_the_rule_in_both_languages() -> None:
    (finding,) = run("sign/invalid/the-office-director-may-not-sign-a-downward-document-in-the-governments-name.ttl").findings
    assert finding.article.article.iri.endswith("/art_51")
    assert finding.article.number == "51"
    assert (finding.article.label("zh"), finding.article.label("en")) == ("第五十一条", "Article 51")  # as the rule base names it
    assert "以区政府名义制发的下行文或平行文" in finding.article.text
    assert finding.message.zh.startswith("违反第51条") and finding.message.en.startswith("Article 51")
    assert finding.focus.iri == "https://example.org/records/d"
    assert finding.value == "https://example.org/records/officeDirector"
    assert finding.value_label.zh == "办公室主任壬"
    assert finding.severity == "violation"
    assert finding.rule is None  # no permission lets the signer sign: there is no one rule broken


def test_a_finding_on_a_duty_names_the_rule_it_breaks() -> None:
    (finding,) = run("duty/invalid/a-temporary-hire-never-stands-duty.ttl").findings
    assert finding.rule.endswith("/rule-64-no-non-staff-on-duty")


def test_structural_findings_cite_no_article_and_say_what_is_missing() -> None:
    (finding,) = run("structure/invalid/a-meeting-record-names-its-meeting-type.ttl").findings
    assert finding.article is None
    assert finding.path == "https://w3id.org/govgraph/ontology#meetingType"
    assert "gg:MeetingType" in finding.message.en


def test_the_report_groups_findings_by_article_in_article_order_and_serialises_as_a_shacl_report() -> None:
    report = run("sign/invalid/a-deputy-may-not-sign-a-document-outside-their-portfolio.ttl",
                 "structure/invalid/a-meeting-record-names-its-meeting-type.ttl")
    groups = report.by_article()
    assert [c.number if c else None for c, _ in groups] == ["51", None]
    import rdflib

    graph = rdflib.Graph().parse(data=report.to_turtle(), format="turtle")
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    assert (None, sh.conforms, rdflib.Literal(False)) in graph
    assert len(set(graph.subjects(rdflib.RDF.type, sh.ValidationResult))) == 2
    assert report.to_dict()["violations"] == 2


def test_validation_does_not_change_the_input_files_or_the_shapes(tmp_path: Path) -> None:
    case = HONGQIAO.folder / "quorum/invalid/invitees-never-count-towards-the-quorum.ttl"
    before = {p: p.read_bytes() for p in [*HONGQIAO.support, case]}
    shapes = load_shapes()
    triples = len(shapes.graph)
    first = found(run(case))
    second = found(run(case, engine="pyshacl"))
    assert first == second == [("Quorum", "41")]
    assert {p: p.read_bytes() for p in before} == before
    assert len(load_shapes().graph) == triples and load_shapes() is shapes


def test_a_file_that_is_not_turtle_is_reported_with_its_line_and_what_was_expected(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix gg: <https://w3id.org/govgraph/ontology#> .\n<urn:m> a gg:MeetingRecord ;\n gg:heldAt 3\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        validate([bad])
    assert caught.value.path == str(bad) and caught.value.line == 4


def test_validating_each_government_apart_in_parallel_finds_what_validating_each_alone_finds() -> None:
    from govgraph.validate import validate_each

    groups = [
        [*HONGQIAO.support, HONGQIAO.folder / "duty/invalid/a-temporary-hire-never-stands-duty.ttl"],
        [*HONGQIAO.support, HONGQIAO.folder / "competence/invalid/the-heads-office-meeting-may-not-decide-a-sum-of-exactly-5000000-yuan.ttl"],
    ]
    reports = validate_each(groups, processes=2)
    assert [found(r) for r in reports] == [[("NonRegularStaffOnDuty", "64")], [("CompetenceByAmount", "42")]]


def test_a_missing_file_is_an_input_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        validate([tmp_path / "absent.ttl"])
