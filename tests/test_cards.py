"""Cards (govgraph meeting, document, post, regulation) and the honest "no": every line cites
its article, and a question nothing answers says which kind of "no" it is and what was searched.

Asked of Oxigraph (the default engine); test_a_card_is_the_same_on_rdflib checks the reference engine once."""

from __future__ import annotations

import json
from fractions import Fraction

import click
import pytest
from click.testing import CliRunner

import govgraph
from govgraph.cli import main
from govgraph.cli._common import Asking, asks
from govgraph.cli.cards import detail, explain_none

GG = "https://w3id.org/govgraph/ontology#"


def run(*args: str):  # noqa: ANN201
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def labels(items) -> set[str]:  # noqa: ANN001
    return {item.label("zh") for item in items}


# ── the meeting card ────────────────────────────────────────────────────────────


def test_the_executive_meeting_card_gives_every_quorum_by_agenda_kind_under_article_41(oxigraph_graph: govgraph.GovGraph) -> None:
    card = oxigraph_graph.meeting_card("常务会议")
    quorums = {(line.agenda_kind.label("en") if line.agenda_kind else None): line.quorum for line in card.lines if line.quorum}
    assert quorums == {None: Fraction(1, 2), "personnel agenda item": Fraction(2, 3)}
    assert {line.basis.number for line in card.lines if line.quorum} == {"41"}


def test_the_executive_meeting_card_says_how_often_it_meets(oxigraph_graph: govgraph.GovGraph) -> None:
    (frequency,) = [line for line in oxigraph_graph.meeting_card("区政府常务会议").lines if line.frequency]
    assert (frequency.frequency.minimum, frequency.frequency.maximum, frequency.per_period.label("en")) == (2, 3, "month")
    assert frequency.basis.number == "41"


def test_the_meeting_card_names_members_conveners_entrusted_deputy_attendees_minutes_and_leave(oxigraph_graph: govgraph.GovGraph) -> None:
    card = oxigraph_graph.meeting_card("区政府常务会议")
    (members,) = [line for line in card.lines if line.kind and line.kind.iri == GG + "CompositionRule"]
    assert labels(members.holders) == {"区长", "副区长"}
    conveners = card.acts(GG + "Convene")
    assert labels(h for line in conveners for h in line.holders) == {"区长", "负责日常工作的副区长"}
    assert {line.grantor.label("zh") for line in conveners if line.grantor} == {"区长"}
    (invitees,) = card.acts(GG + "AttendWithoutMembership")
    assert invitees.if_necessary
    assert labels(h for line in card.acts(GG + "SignMinutes") for h in line.holders) == {"区长", "副区长"}
    assert labels(h for line in card.acts(GG + "RecordMeeting") for h in line.holders) == {"区政府办公室"}
    leave = card.part("leave")
    assert labels(r for line in leave for r in line.recipients) == {"会议主持人", "区政府办公室主任"}
    assert {line.basis.number for line in leave} == {"44"}


def test_the_meeting_card_lists_what_it_decides_with_the_amount_bound(oxigraph_graph: govgraph.GovGraph) -> None:
    decided = oxigraph_graph.meeting_card("区长办公会议").part("by")
    (sums,) = [line for line in decided if "大额资金的使用" in labels(line.targets)]
    assert (sums.amount.maximum, sums.amount.maximum_inclusive) == (5_000_000, False)
    assert sums.basis.number == "42"


def test_every_line_of_every_card_cites_its_article(oxigraph_graph: govgraph.GovGraph) -> None:
    for card in (oxigraph_graph.meeting_card("全体会议"), oxigraph_graph.document_card("上行文"), oxigraph_graph.post_card("区长"), oxigraph_graph.post_card("区司法局")):
        assert card.lines
        assert all(line.basis.article.iri and line.basis.text for line in card.lines)


def test_a_card_is_the_same_on_rdflib(oxigraph_graph: govgraph.GovGraph) -> None:
    reference = govgraph.load(store="rdflib").meeting_card("区政府常务会议")
    assert reference == oxigraph_graph.meeting_card("区政府常务会议")


# ── documents, posts, organs, the regulation ─────────────────────────────────────


def test_the_upward_document_card_gives_signers_the_authorised_deputy_and_the_chain(oxigraph_graph: govgraph.GovGraph) -> None:
    card = oxigraph_graph.document_card("上行文")
    signers = card.acts(GG + "SignAndIssue")
    assert labels(h for line in signers for h in line.holders) == {"区长", "负责日常工作的副区长"}
    assert {line.conferral.label("en") for line in signers if line.grantor} == {"authorisation"}
    assert all(line.chain and [s.approver.label("zh") for s in line.chain.steps] == ["区政府办公室"] for line in signers)


def test_the_card_of_a_normative_document_in_the_governments_name_gives_its_filings_with_their_recipients(
    oxigraph_graph: govgraph.GovGraph,
) -> None:
    filings = oxigraph_graph.document_card("以区政府名义制发的行政规范性文件").acts(GG + "FileForRecord")
    recipients = {r for line in filings for r in labels(line.recipients)}
    assert recipients == {"市政府", "区人大常委会"}
    assert {line.basis.number for line in filings} == {"17"}


def test_the_head_card_says_who_acts_for_the_head_and_what_the_head_grants(oxigraph_graph: govgraph.GovGraph) -> None:
    card = oxigraph_graph.post_card("区长")
    assert card.kind == "post"
    acting = card.part("for")
    assert "负责日常工作的副区长" in {h for line in acting for h in labels(line.holders)}
    assert {line.basis.number for line in acting} >= {"6"}
    assert card.acts(GG + "Lead")


def test_an_organ_has_a_card_like_a_post(oxigraph_graph: govgraph.GovGraph) -> None:
    card = oxigraph_graph.post_card("区司法局")
    assert card.kind == "organ"
    assert labels(line.act for line in card.part("by")) == {"合法性审查", "备案"}
    assert labels(r for line in card.part("by") for r in line.recipients) == {"市政府", "区人大常委会"}


def test_the_regulation_card_gives_the_date_in_force_on_article_79_the_repeal_and_fifteen_chapters(oxigraph_graph: govgraph.GovGraph) -> None:
    card = oxigraph_graph.regulation_card()
    assert card.regulation.in_force == "2023-01-09"
    assert card.in_force_basis.number == "79"
    ((repealed, number, basis),) = card.repeals
    assert number == "红桥政〔2016〕25号" and basis.number == "79"
    assert len(card.chapters) == 15
    assert sum(chapter.articles for chapter in card.chapters) == 79


@pytest.mark.parametrize(
    ("args", "article"),
    [
        (("meeting", "常务会议"), "第四十一条"),
        (("document", "上行文"), "第五十一条"),
        (("post", "区司法局"), "第十七条"),
        (("regulation",), "第七十九条"),
    ],
)
def test_each_card_is_one_command_that_cites_its_articles(args: tuple[str, ...], article: str) -> None:
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert article in result.stdout


def test_a_card_says_quorums_and_frequencies_in_words(oxigraph_graph: govgraph.GovGraph) -> None:
    ask = Asking(lang="en")
    said = {detail(ask, line) for line in oxigraph_graph.meeting_card("常务会议").lines}
    assert {"2 to 3 times a month", "at least 2/3 of the members present (personnel agenda item)",
            "at least 1/2 of the members present (any agenda)"} <= said


def test_a_card_in_json_carries_each_lines_article() -> None:
    result = run("meeting", "全体会议", "--format", "json")
    assert result.exit_code == 0
    (card,) = json.loads(result.stdout)
    assert card["kind"] == "meeting" and card["lines"]
    assert all(line["basis"]["number"] for line in card["lines"])


def test_a_card_of_an_unknown_name_is_a_one_line_error_with_exit_2() -> None:
    result = run("meeting", "区长")
    assert result.exit_code == 2
    assert "unknown meeting" in result.stderr and "Traceback" not in result.stderr


# ── never a false "no" ──────────────────────────────────────────────────────────


def test_a_question_no_rule_answers_says_so_and_lists_the_nearest_rules(oxigraph_graph: govgraph.GovGraph) -> None:
    none = oxigraph_graph.why_none("approve", "议案")
    assert none.verdict == "no-rule" and none.exit_code == 1
    same_target = [near for near in none.nearest if near.relation == "same-target"]
    assert {(near.act.label("zh"), near.basis.number) for near in same_target} == {("签署", "51")}
    assert any(near.relation == "same-act" for near in none.nearest)
    assert none.target_kind.iri == GG + "DocumentKind"


def test_a_negative_answer_cites_the_acts_and_regulation_searched(oxigraph_graph: govgraph.GovGraph) -> None:
    none = oxigraph_graph.why_none("decide", "议案")
    assert {act.label("en") for act in none.acts_searched} >= {"decide", "discuss and decide", "approve an agenda item"}
    assert none.regulation.in_force == "2023-01-09"


def test_an_act_never_done_on_this_kind_of_target_is_not_applicable_with_what_it_applies_to(oxigraph_graph: govgraph.GovGraph) -> None:
    none = oxigraph_graph.why_none("convene", "区司法局")
    assert none.verdict == "not-applicable" and none.exit_code == 2
    assert labels(none.applies_to) == {"会议类型"}
    assert "区政府专题会议" in labels(none.examples)


def test_rules_that_exist_but_not_in_the_case_asked_are_said_and_shown(oxigraph_graph: govgraph.GovGraph) -> None:
    assert oxigraph_graph.who("approve", "以区政府名义召开的全区性会议", absent="区长") == []
    none = oxigraph_graph.why_none("approve", "以区政府名义召开的全区性会议", absent="区长")
    assert none.verdict == "not-in-case" and none.exit_code == 1
    assert {answer.post.label("zh") for answer in none.case_rules} == {"区长"}


@click.command()
@click.argument("action")
@click.argument("target")
@click.option("--absent")
@asks("table", "json")
def why(ask: Asking, action: str, target: str, absent: str | None) -> None:
    """What `who` prints when nothing answers."""
    explain_none(ask, action, target, absent=absent)


def ask_why(*args: str):  # noqa: ANN201
    return CliRunner().invoke(why, list(args), catch_exceptions=False)


def test_the_no_rule_phrasing_names_the_regulation_act_and_target_and_exits_1() -> None:
    result = ask_why("approve", "议案", "--lang", "en")
    assert result.exit_code == 1
    text = " ".join(result.stdout.split())
    assert 'gives anyone "approve" on "bill"' in text
    assert "Nearest rules" in text and "Article 51" in text
    assert "Searched: every rule of Working Rules of the People's Government of Hongqiao District" in text


def test_the_not_applicable_phrasing_is_a_one_line_error_with_suggestions_and_exit_2() -> None:
    result = ask_why("召集", "区司法局")
    assert result.exit_code == 2
    assert "不适用于" in result.stderr and "会议类型" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_the_not_in_case_phrasing_shows_the_rules_without_the_case_and_exits_1() -> None:
    result = ask_why("approve", "以区政府名义召开的全区性会议", "--absent", "区长", "--lang", "en")
    assert result.exit_code == 1
    assert "none holds in the case asked" in " ".join(result.stdout.split())
    assert "Article 48" in result.stdout


def test_a_negative_answer_in_json_carries_its_verdict_and_exit_code() -> None:
    result = ask_why("approve", "议案", "--format", "json")
    assert result.exit_code == 1
    (answer,) = json.loads(result.stdout)
    assert (answer["verdict"], answer["exit_code"]) == ("no-rule", 1)
    assert answer["nearest"][0]["basis"]["number"]
