"""Questions in the user's own words: act hierarchies, other names, and what acts work on."""

from __future__ import annotations

import pytest

import govgraph


def posts(answers) -> set[str]:  # noqa: ANN001
    return {answer.post.label("zh") for answer in answers}


def articles(answers) -> set[str]:  # noqa: ANN001
    return {answer.basis.number for answer in answers}


def test_who_signs_the_minutes_finds_the_presiding_head_or_deputy_under_article_46(graph: govgraph.GovGraph) -> None:
    answers = graph.who("sign", "会议纪要")
    assert posts(answers) == {"区长", "副区长"}
    assert articles(answers) == {"46"}
    assert {answer.act.label("zh") for answer in answers} == {"签发会议纪要"}


def test_signing_a_meetings_minutes_is_signing(graph: govgraph.GovGraph) -> None:
    assert posts(graph.who("签署", "区政府常务会议")) == {"区长", "副区长"}


def test_who_records_the_minutes_is_the_office_for_the_three_meetings_and_the_lead_department_for_special_topics(
    graph: govgraph.GovGraph,
) -> None:
    assert posts(graph.who("record", "纪要")) == {"区政府办公室", "牵头部门", "议事协调机构办公室"}


def test_approve_covers_approving_a_district_wide_meeting_under_article_48(graph: govgraph.GovGraph) -> None:
    answers = graph.who("approve", "以区政府名义召开的全区性会议")
    assert posts(answers) == {"区长"}
    assert articles(answers) == {"48"}


def test_propose_and_its_chinese_synonym_find_who_proposes_agenda_items_under_article_43(graph: govgraph.GovGraph) -> None:
    expected = {"区长", "副区长", "区政府办公室主任"}
    assert posts(graph.who("propose", "常务会议")) == expected
    assert posts(graph.who("提议", "区政府常务会议")) == expected
    assert posts(graph.who("提出议题", "会议议题")) == expected


def test_decide_covers_deciding_a_matter_an_amount_and_an_agenda(graph: govgraph.GovGraph) -> None:
    assert posts(graph.who("决定", "大额资金", amount=6_000_000)) == {"区政府常务会议"}
    assert posts(graph.who("decide", "use of large sums", amount=1_000_000)) == {"区长办公会议"}
    assert posts(graph.who("decide", "区政府全体会议")) == {"区长"}  # approving the agenda


def test_review_covers_the_legality_review_of_normative_documents(graph: govgraph.GovGraph) -> None:
    assert "区司法局" in posts(graph.who("review", "规范性文件"))
    assert "区司法局" in posts(graph.who("审核", "规范性文件"))


@pytest.mark.parametrize(
    ("act", "target", "expected"),
    [
        ("organise", "全体会议", {"区政府办公室"}),
        ("record", "专题会议", {"牵头部门", "议事协调机构办公室"}),
        ("represent", "区政府", {"副区长"}),
        ("召开", "专题会议", {"区长", "副区长"}),
        ("report", "市政府要求核报的信息", {"区政府工作部门"}),
    ],
)
def test_other_names_of_acts_and_targets_reach_the_rules(graph: govgraph.GovGraph, act: str, target: str, expected: set[str]) -> None:
    assert expected <= posts(graph.who(act, target))


def test_personnel_is_the_personnel_agenda_that_needs_two_thirds_of_the_executive_meeting(graph: govgraph.GovGraph) -> None:
    quorum = graph.quorum("常务会议", agenda="人事")
    assert (quorum.numerator, quorum.denominator) == (2, 3)
    assert quorum.basis.number == "41"


def test_the_government_work_report_is_decided_by_the_plenary_meeting(graph: govgraph.GovGraph) -> None:
    found = graph.decide(matter="政府工作报告")
    assert {c.meeting.label("zh") for c in found} == {"区政府全体会议"}
    assert {c.basis.number for c in found} == {"40"}


@pytest.mark.parametrize(
    ("name", "kind", "local"),
    [
        ("全体会议", "meeting", "PlenaryMeeting"),
        ("plenary", "meeting", "PlenaryMeeting"),
        ("专题会议", "meeting", "SpecialTopicMeeting"),
        ("区长办公会", "meeting", "HeadsOfficeMeeting"),
        ("外事活动", "matter", "ForeignAffairsActivity"),
        ("人事", "agenda", "PersonnelAgenda"),
        ("司法局", "term", "JusticeBureau"),
        ("列席人员", "post", "InvitedUnitAttendee"),
        ("提议", "act", "Propose"),
        ("review", "act", "Review"),
        ("organise", "act", "OrganiseMeeting"),
    ],
)
def test_every_short_form_and_synonym_names_one_term(graph: govgraph.GovGraph, name: str, kind: str, local: str) -> None:
    assert graph.resolve(name, kind).endswith(local)
