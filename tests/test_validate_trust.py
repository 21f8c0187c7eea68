"""Validation a validator can trust: nothing passes for want of data, records cannot rewrite rules.

Each test is one failure a validator met (issue 13), written as the rule that now holds.
The cases the rule base carries (``data/hongqiao-2023/tests/cases/fail-closed/``) are
run by ``tests/test_validate.py``; these tests check what a case file cannot say.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from test_validate import GGSH, HONGQIAO, run

from govgraph.validate import load_shapes, validate

PREFIXES = """@prefix gg:   <https://w3id.org/govgraph/ontology#> .
@prefix hq:   <https://w3id.org/govgraph/id/hongqiao-2023/> .
@prefix org:  <http://www.w3.org/ns/org#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
@prefix ex:   <https://example.org/records/> .
"""
PERSONNEL_ITEM = PREFIXES + """
ex:m a gg:MeetingRecord ; gg:meetingType hq:ExecutiveMeeting ; gg:heldAt "2023-03-01T09:30:00"^^xsd:dateTime ; gg:ofGovernment ex:gov ;
    gg:convenedBy ex:head ; gg:presidedBy ex:head ; gg:agendaItem ex:item ;
    gg:attendee ex:head , ex:exec , ex:dep1 , ex:dep2 , ex:dep3 .
ex:item a gg:AgendaItemRecord ; gg:matterKind hq:PersonnelAppointment ; gg:decided true .
"""


def records(tmp_path: Path, text: str, name: str = "records.ttl") -> Path:
    path = tmp_path / name
    path.write_text(PREFIXES + text if not text.startswith("@prefix") else text, encoding="utf-8")
    return path


def shapes_found(report) -> list[str]:
    return sorted(f.shape.removeprefix(GGSH) for f in report.findings)


@pytest.fixture(scope="module")
def rules_mapping_personnel_matters(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Hongqiao rule base, plus the statement that personnel appointments are personnel agenda items."""
    folder = tmp_path_factory.mktemp("rules") / "hongqiao-2023"
    folder.mkdir()
    for path in HONGQIAO.rules.glob("*.ttl"):
        shutil.copy(path, folder)
    (folder / "matters.ttl").write_text(
        "@prefix gg: <https://w3id.org/govgraph/ontology#> .\n@prefix hq: <https://w3id.org/govgraph/id/hongqiao-2023/> .\n"
        "hq:PersonnelAppointment gg:impliesAgendaKind gg:PersonnelAgenda .\n", encoding="utf-8")
    return folder


# ── Fail closed ─────────────────────────────────────────────────────────────────


def test_a_meeting_of_a_government_with_no_members_on_record_is_a_finding_not_a_quorate_meeting() -> None:
    report = run("fail-closed/invalid/a-quorum-is-not-counted-over-a-government-with-no-members-on-record.ttl")
    (finding,) = report.violations
    assert finding.shape == GGSH + "QuorumCanBeCounted" and finding.article.number == "41"
    assert "Another District Government" in finding.message.en and "2023-03-01" in finding.message.en
    assert finding.message.zh.startswith("无法核对")


def test_a_personnel_matter_without_its_agenda_kind_is_a_finding_with_the_fix(rules_mapping_personnel_matters: Path,
                                                                               tmp_path: Path) -> None:
    data = records(tmp_path, PERSONNEL_ITEM)
    report = validate([*HONGQIAO.support, data], rules_mapping_personnel_matters)
    assert shapes_found(report) == ["AgendaKindOfMatter"]
    (finding,) = report.findings
    assert finding.path.endswith("#agendaKind") and finding.value.endswith("#PersonnelAgenda")
    assert "gg:agendaKind gg:PersonnelAgenda" in finding.message.en


def test_a_personnel_matter_that_states_its_agenda_kind_is_held_to_the_two_thirds_quorum(rules_mapping_personnel_matters: Path,
                                                                                          tmp_path: Path) -> None:
    stated = PERSONNEL_ITEM.replace("gg:decided true .", "gg:decided true ; gg:agendaKind gg:PersonnelAgenda .")
    report = validate([*HONGQIAO.support, records(tmp_path, stated)], rules_mapping_personnel_matters)
    assert [(f.shape.removeprefix(GGSH), f.value, f.article.number) for f in report.findings] == [("Quorum", "5", "41")]


def test_a_verification_record_without_a_phone_report_time_is_a_finding() -> None:
    report = run("fail-closed/invalid/a-verification-record-without-its-phone-report-time-cannot-be-checked.ttl")
    assert shapes_found(report) == ["Verification-phoned"]


# ── A closed vocabulary ─────────────────────────────────────────────────────────


@pytest.mark.parametrize(("typo", "meant"), [("presideBy", "presidedBy"), ("presidedby", "presidedBy"),
                                              ("MeetingRecrod", "MeetingRecord")])
def test_an_undeclared_govgraph_term_is_a_finding_that_names_the_declared_term_meant(tmp_path: Path, typo: str,
                                                                                    meant: str) -> None:
    use = f"ex:m a gg:{typo} ." if typo[0].isupper() else f"ex:m gg:{typo} ex:head ."
    report = validate([*HONGQIAO.support, records(tmp_path, use)], HONGQIAO.rules)
    (finding,) = [f for f in report.findings if f.shape == GGSH + "TermIsDeclared"]
    assert finding.value == f"https://w3id.org/govgraph/ontology#{typo}"
    assert finding.message.en.endswith(f"did you mean gg:{meant}?")
    assert f"gg:{meant}" in finding.message.zh


def test_an_undeclared_term_close_to_nothing_is_still_a_finding(tmp_path: Path) -> None:
    report = validate([*HONGQIAO.support, records(tmp_path, "ex:m gg:zzzqqq ex:head .")], HONGQIAO.rules)
    (finding,) = [f for f in report.findings if f.shape == GGSH + "TermIsDeclared"]
    assert "no declared term is close" in finding.message.en


# ── Records never change the rules (issue 11) ─────────────────────────────────────

LOWERED_QUORUM = """
hq:rule-41-executive-quorum gg:quorumNumerator 1 ; gg:quorumDenominator 10 .
ex:lowerQuorum a gg:QuorumRule ; gg:target hq:ExecutiveMeeting ; gg:quorumNumerator 1 ; gg:quorumDenominator 10 ;
    gg:quorumInclusive true ; gg:strength gg:Mandatory ; gg:basis hq:art_41 .
ex:m a gg:MeetingRecord ; gg:meetingType hq:ExecutiveMeeting ; gg:heldAt "2023-03-01T09:30:00"^^xsd:dateTime ; gg:ofGovernment ex:gov ;
    gg:convenedBy ex:head ; gg:presidedBy ex:head ; gg:attendee ex:head , ex:exec , ex:dep1 .
"""


@pytest.mark.parametrize("engine", ["fast", "pyshacl"])
def test_a_records_file_that_lowers_the_quorum_changes_nothing_but_is_reported(tmp_path: Path, engine: str) -> None:
    report = validate([*HONGQIAO.support, records(tmp_path, LOWERED_QUORUM)], HONGQIAO.rules, engine=engine)
    (quorum,) = report.violations
    assert (quorum.shape, quorum.value, quorum.article.number) == (GGSH + "Quorum", "3", "41")
    assert "1/2" in quorum.message.en
    stated = sorted(f.focus.iri.rsplit("/", 1)[-1] for f in report.warnings if f.shape == GGSH + "RecordsStateNoRules")
    assert stated == ["lowerQuorum", "rule-41-executive-quorum"]
    assert all(f.value == "records.ttl" for f in report.warnings)


def test_a_records_file_that_declares_a_permission_does_not_silence_the_violation(tmp_path: Path) -> None:
    permission = """
ex:letDeputiesPreside a gg:Permission ; gg:assignee hq:OtherDeputyDistrictHead ; gg:action gg:Preside ;
    gg:target hq:ExecutiveMeeting ; gg:basis hq:art_41 .
ex:m a gg:MeetingRecord ; gg:meetingType hq:ExecutiveMeeting ; gg:heldAt "2023-03-01T09:30:00"^^xsd:dateTime ; gg:ofGovernment ex:gov ;
    gg:convenedBy ex:head ; gg:presidedBy ex:dep1 ;
    gg:attendee ex:head , ex:exec , ex:dep1 , ex:dep2 , ex:dep3 , ex:dep4 , ex:dep5 , ex:dep6 .
"""
    report = validate([*HONGQIAO.support, records(tmp_path, permission)], HONGQIAO.rules)
    assert [(f.shape, f.value.rsplit("/", 1)[-1]) for f in report.violations] == [(GGSH + "ConvenerAndPresider", "dep1")]
    assert [f.focus.iri.rsplit("/", 1)[-1] for f in report.warnings] == ["letDeputiesPreside"]


# ── Time as people write it ─────────────────────────────────────────────────────


def test_an_expired_entrustment_is_reported_as_found_but_expired_with_its_dates() -> None:
    report = run("preside/invalid/an-entrustment-that-ended-before-the-meeting-does-not-let-the-executive-deputy-preside.ttl")
    (finding,) = report.violations
    assert "2023-02-28T00:00:00 to 2023-02-28T18:00:00 and had expired" in finding.message.en
    assert "已经失效" in finding.message.zh


def test_a_meeting_time_that_is_not_a_time_is_reported_for_that_alone_with_the_fix() -> None:
    (finding,) = run("structure/invalid/a-meeting-time-is-a-day-or-a-moment.ttl").findings
    assert finding.shape == GGSH + "DayOrMoment" and '"2023-03-01"^^xsd:date' in finding.message.en


def test_an_amount_written_as_an_integer_is_reported_as_a_datatype_with_the_fix() -> None:
    (finding,) = run("structure/invalid/an-amount-written-as-an-integer-is-a-datatype-finding-with-the-fix.ttl").findings
    assert finding.component.endswith("DatatypeConstraintComponent")
    assert "xsd:decimal" in finding.message.en and "at most one" not in finding.message.en


@pytest.mark.parametrize("engine", ["fast", "pyshacl"])
def test_one_person_convening_and_presiding_is_told_which_act_each_finding_is_about(engine: str) -> None:
    report = run("preside/invalid/one-deputy-who-both-convenes-and-presides-without-a-right-to-is-reported-for-each.ttl",
                 engine=engine)
    by_path = {f.path.rsplit("#", 1)[-1]: f.message for f in report.violations}
    assert "may not convene the" in by_path["convenedBy"].en and "无权召集" in by_path["convenedBy"].zh
    assert "may not preside over the" in by_path["presidedBy"].en and "无权主持" in by_path["presidedBy"].zh


def test_the_pyshacl_engine_without_pyshacl_installed_is_an_error_that_names_the_install_line(monkeypatch) -> None:
    import builtins

    from govgraph._core.errors import GovGraphError

    real_import = builtins.__import__

    def no_pyshacl(name: str, *args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        if name == "pyshacl":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyshacl)
    with pytest.raises(GovGraphError, match=r"pip install 'govgraph\[validate\]'"):
        run("quorum/valid/an-executive-meeting-with-exactly-half-its-members-present-is-quorate.ttl", engine="pyshacl")


# ── English that reads right ────────────────────────────────────────────────────

A_BEFORE_VOWEL = re.compile(r"\ba [aeiouAEIOU]|\ban [^aeiouAEIOUx\s{]")  # "an xsd:…" is said "an ex-"


def english_templates() -> list[str]:
    return [text for shape in load_shapes().shapes for c in (*shape.sparql, *shape.properties)
            for lang, text in c.messages if lang == "en"]


def test_no_english_message_puts_a_fixed_article_before_a_label_it_does_not_know() -> None:
    templates = english_templates()
    assert len(templates) > 40
    assert [t for t in templates if re.search(r"\b(a|an) \{\?", t)] == []
    assert [t for t in templates if A_BEFORE_VOWEL.search(t)] == []


def test_every_english_message_of_the_cases_uses_a_and_an_and_preside_over_as_english_does() -> None:
    from test_validate import CASE_FILES

    messages = [f.message.en for cases, path in CASE_FILES if path.parent.name == "invalid"
                for f in run(path, cases=cases).findings]
    assert [m for m in messages if A_BEFORE_VOWEL.search(m) or re.search(r"\bpreside the\b", m)] == []


# ── The fast engine by the standard ─────────────────────────────────────────────

ILL_TYPED = """
ex:v a gg:VerificationRecord ; gg:reportingDepartment ex:education ;
    gg:requestedAt "2023-02-30T22:00:00"^^xsd:dateTime ; gg:phonedAt "2023-03-01T22:10:00"^^xsd:dateTime .
ex:i a gg:AgendaItemRecord ; gg:matterKind hq:UseOfLargeSums ; gg:amount "1,5"^^xsd:decimal ; gg:decided "yes"^^xsd:boolean .
"""


def test_a_literal_whose_lexical_form_is_not_valid_for_its_datatype_does_not_conform_to_that_datatype(tmp_path: Path) -> None:
    report = validate([*HONGQIAO.support, records(tmp_path, ILL_TYPED)], HONGQIAO.rules)
    datatypes = sorted(f.value for f in report.findings if f.component.endswith("#DatatypeConstraintComponent"))
    assert datatypes == ["1,5", "2023-02-30T22:00:00", "yes"]


def test_pyshacl_failing_on_ill_typed_records_is_a_one_line_error_not_a_verdict(tmp_path: Path) -> None:
    from govgraph._core.errors import GovGraphError

    with pytest.raises(GovGraphError, match="--engine fast"):
        validate([*HONGQIAO.support, records(tmp_path, ILL_TYPED)], HONGQIAO.rules, engine="pyshacl")


def test_a_rule_base_whose_amount_bound_does_not_say_whether_it_is_included_is_a_finding(tmp_path: Path) -> None:
    folder = tmp_path / "hongqiao-2023"
    shutil.copytree(HONGQIAO.rules, folder, ignore=shutil.ignore_patterns("tests", "records", "source"))
    (folder / "vague.ttl").write_text(PREFIXES + """
hq:rule-without-inclusive a gg:Competence ;
    rdfs:label "区长办公会议讨论决定100万元以上资金的使用"@zh , "The Heads' Office Meeting decides sums from 1,000,000 yuan"@en ;
    gg:assignee hq:HeadsOfficeMeeting ; gg:action gg:DecideMatter ; gg:target hq:UseOfLargeSums ;
    gg:minimumAmount 1000000 ; gg:basis hq:art_42 .
""", encoding="utf-8")
    report = validate([*HONGQIAO.support], folder)
    assert shapes_found(report) == ["MinimumAmount-inclusive"]
