"""Absence scenarios on the Hongqiao rule base: who holds each power, by which chain, on which article.

Each test is one rule of art. 6 (acting), arts. 41-42 (entrustment) or art. 51 (authorisation
and approval chains), played out.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import govgraph
from govgraph import authority
from govgraph.authority import Absence
from govgraph.cli import main


@pytest.fixture(scope="module")
def g() -> govgraph.GovGraph:
    return govgraph.load()


def iri(g: govgraph.GovGraph, name: str, kind: str = "term") -> str:
    return g.resolve(name, kind)


def power(g: govgraph.GovGraph, act: str, target: str) -> tuple[str, str]:
    return iri(g, act, "act"), iri(g, target)


def posts(holdings) -> set[str]:
    return {h.post.zh for h in holdings}


# ── art. 6: acting ───────────────────────────────────────────────────────────


def test_while_the_district_head_is_away_the_head_designates_the_executive_deputy_or_another_deputy_to_preside(g):
    scenario = authority.play_scenario(g, ["区长"])
    holdings = scenario.holders(*power(g, "主持政府工作", "区政府全面工作"))
    assert posts(holdings) == {"负责日常工作的副区长", "其他副区长"}
    for h in holdings:
        assert h.how == "designated"
        assert h.grantor.zh == "区长" and h.on_behalf_of.zh == "区长"
        assert h.basis.number == "6" and "主持区政府工作" in h.basis.text
        assert {e.kind for e in h.route} == {"acts-for", "designates"}
    assert "区长" in {d.zh for d in scenario.designators()}, "the head may still designate while away (art. 6)"
    assert not scenario.gap(*power(g, "主持政府工作", "区政府全面工作"))


def test_the_head_designates_a_deputy_to_preside_while_studying_but_article_6_says_nothing_of_sick_leave(g):
    studying = authority.play_scenario(g, [Absence.of(g, "区长", reason="学习")])
    full_time = authority.play_scenario(g, [Absence.of(g, "区长", reason="脱产学习")])
    sick = authority.play_scenario(g, [Absence.of(g, "区长", reason="病休假")])
    preside = power(g, "主持政府工作", "区政府全面工作")
    assert posts(studying.holders(*preside)) == {"负责日常工作的副区长", "其他副区长"}
    assert posts(full_time.holders(*preside)) == posts(studying.holders(*preside)), "脱产学习 is a kind of 学习"
    assert sick.holders(*preside) == []


def test_while_the_head_and_the_executive_deputy_are_both_away_only_another_deputy_may_preside(g):
    scenario = authority.play_scenario(g, ["区长", "负责日常工作的副区长"])
    holdings = scenario.holders(*power(g, "主持政府工作", "区政府全面工作"))
    assert posts(holdings) == {"其他副区长"}
    assert holdings[0].basis.number == "6"


def test_when_another_deputy_is_away_for_a_longer_period_the_executive_deputy_takes_over_that_portfolio_by_rule(g):
    scenario = authority.play_scenario(g, [Absence.of(g, "其他副区长", reason="出差", long_absence=True)])
    holdings = scenario.holders(*power(g, "临时代管分管工作", "其他副区长分管工作"))
    assert posts(holdings) == {"负责日常工作的副区长"}
    (h,) = holdings
    assert h.how == "acting" and h.grantor is None, "no one needs to designate: the rule itself names the executive deputy"
    assert h.on_behalf_of.zh == "其他副区长" and h.basis.number == "6"
    assert [e.kind for e in h.path()] == ["acts-for"]


def test_a_short_absence_of_another_deputy_moves_no_portfolio(g):
    scenario = authority.play_scenario(g, [Absence.of(g, "其他副区长", long_absence=False)])
    assert scenario.holders(*power(g, "临时代管分管工作", "其他副区长分管工作")) == []
    assert scenario.acting() == []


def test_when_the_executive_deputy_is_away_for_a_longer_period_the_head_designates_another_deputy_to_take_over(g):
    scenario = authority.play_scenario(g, [Absence.of(g, "负责日常工作的副区长", reason="学习", long_absence=True)])
    (h,) = scenario.holders(*power(g, "临时代管分管工作", "负责日常工作的副区长分管工作"))
    assert h.post.zh == "其他副区长" and h.how == "designated"
    assert h.grantor.zh == "区长" and h.on_behalf_of.zh == "负责日常工作的副区长"
    assert h.basis.number == "6"


def test_with_the_head_away_too_nobody_may_designate_who_takes_over_the_executive_deputys_portfolio(g):
    scenario = authority.play_scenario(g, ["区长", Absence.of(g, "负责日常工作的副区长", long_absence=True)])
    takeover = power(g, "临时代管分管工作", "负责日常工作的副区长分管工作")
    assert scenario.holders(*takeover) == []
    blocked = [h for h in scenario.blocked if h.power.key == takeover]
    assert [(h.post.zh, h.blocked_by.zh) for h in blocked] == [("其他副区长", "区长")]
    gap = scenario.gap(*takeover)
    assert gap is not None and {c.number for c in gap.articles()} == {"6"}


# ── arts. 41-42: entrustment ─────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("act", "meeting", "article"),
    [
        ("召集", "区政府常务会议", "41"),
        ("主持", "区政府常务会议", "41"),
        ("召集", "区长办公会议", "42"),
        ("主持", "区长办公会议", "42"),
    ],
)
def test_the_head_or_the_executive_deputy_the_head_entrusts_convenes_and_presides_over_the_meeting(g, act, meeting, article):
    holdings = authority.holders(g, act, meeting)
    by_post = {h.post.zh: h for h in holdings}
    assert set(by_post) == {"区长", "负责日常工作的副区长"}
    assert by_post["区长"].direct and by_post["区长"].basis.number == article
    entrusted = by_post["负责日常工作的副区长"]
    assert entrusted.how == "entrusted" and entrusted.grantor.zh == "区长" and entrusted.basis.number == article
    assert [e.kind for e in entrusted.route] == ["entrusts"]
    assert entrusted.origin is not None and entrusted.origin.post.zh == "区长" and entrusted.origin.direct


def test_an_entrustment_needs_the_head_present_unless_grants_made_before_the_absence_stand(g):
    convene = power(g, "召集", "区政府常务会议")
    strict = authority.play_scenario(g, ["区长"])
    standing = authority.play_scenario(g, ["区长"], standing_grants=True)
    assert strict.holders(*convene) == [] and strict.gap(*convene) is not None
    assert posts(standing.holders(*convene)) == {"负责日常工作的副区长"}


# ── art. 51: authorisation and approval chains ───────────────────────────────


def test_upward_documents_are_signed_by_the_head_or_the_executive_deputy_the_head_authorises(g):
    by_post = {h.post.zh: h for h in authority.holders(g, "签发", "上行文")}
    assert set(by_post) == {"区长", "负责日常工作的副区长"}
    authorised = by_post["负责日常工作的副区长"]
    assert authorised.how == "authorised" and authorised.grantor.zh == "区长" and authorised.basis.number == "51"
    assert [e.kind for e in authorised.route] == ["authorises"]
    assert authorised.before and authorised.before[0].source.zh == "区政府办公室"


def test_downward_documents_are_signed_by_the_head_or_any_deputy_the_head_authorises_the_executive_deputy_included(g):
    ways = authority.path_to_power(g, "负责日常工作的副区长", "签发", "下行文")
    assert len(ways) == 1
    (way,) = ways
    assert way.how == "authorised" and way.via.zh == "副区长", "the executive deputy is a deputy"
    assert {c.number for c in way.articles()} >= {"51"}


def test_important_documents_pass_the_offices_leader_in_charge_its_director_and_the_deputy_in_charge_before_the_head_signs(g):
    (head,) = [h for h in authority.holders(g, "签发", "重要公文") if h.post.zh == "区长"]
    steps = head.before
    assert [e.step for e in steps] == sorted(e.step for e in steps)
    assert [e.source.zh for e in steps] == ["区政府办公室分管负责同志", "区政府办公室主任", "分管副区长"]
    assert steps[-1].destination.zh == "区长"
    assert all(e.kind == "approval-step" and e.basis.number == "51" for e in steps)


def test_while_the_head_is_away_an_authorised_signature_on_upward_documents_waits_for_the_head(g):
    scenario = authority.play_scenario(g, ["区长"])
    sign_upward = power(g, "签发", "上行文")
    assert scenario.holders(*sign_upward) == []
    assert [(h.post.zh, h.blocked_by.zh) for h in scenario.blocked if h.power.key == sign_upward] == [
        ("负责日常工作的副区长", "区长")
    ]


# ── the command ──────────────────────────────────────────────────────────────


def test_govgraph_chain_plays_the_head_and_the_executive_deputy_away_and_answers_with_article_6():
    result = CliRunner().invoke(main, ["chain", "--absent", "区长", "--absent", "负责日常工作的副区长", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    presiding = [h for h in data["holdings"] if h["power"]["act"]["zh"] == "主持政府工作"]
    assert [(h["post"]["zh"], h["basis"]["number"]) for h in presiding] == [("其他副区长", "6")]
    assert data["gaps"], "the head's own powers have no holder"


def test_govgraph_chain_table_names_who_acts_and_the_article():
    result = CliRunner().invoke(main, ["chain", "--absent", "区长"], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    assert "其他副区长" in result.output and "主持政府工作" in result.output and "第六条" in result.output


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("zh", ["缺位：区长——由谁代理", "行使者", "如何取得", "受指定", "第六条", "无人可行使的权力"]),
        ("en", ["Away: District Head — who acts", "Holder", "How", "designated", "Article 6", "Powers nobody can exercise"]),
    ],
)
def test_govgraph_chain_heads_its_tables_and_names_articles_in_the_language_asked_for(lang, expected):
    result = CliRunner().invoke(main, ["chain", "--absent", "区长", "--lang", lang], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    for words in expected:
        assert words in result.output


def test_govgraph_chain_takes_the_length_of_an_absence_in_zh_or_en():
    for length in ("long", "长"):
        result = CliRunner().invoke(main, ["chain", "--absent", f"其他副区长@{length}", "--format", "json"])
        assert result.exit_code == 0, result.output
        (absence,) = json.loads(result.output)["absences"]
        assert absence["duration"]["en"] == "for a longer period"


def test_govgraph_chain_rejects_an_unknown_post_with_close_matches_and_exit_2():
    result = CliRunner().invoke(main, ["chain", "--absent", "区长长"])
    assert result.exit_code == 2
    assert "区长" in result.output


def test_govgraph_chain_weak_spots_lists_the_cycle_of_article_6():
    result = CliRunner().invoke(main, ["chain", "--weak-spots", "--format", "json"])
    assert result.exit_code == 0, result.output
    spots = json.loads(result.output)
    cycles = [s for s in spots if s["kind"] == "cycle"]
    assert cycles and all(c["articles"] for c in cycles)
    assert {p["zh"] for p in cycles[0]["posts"]} == {"负责日常工作的副区长", "其他副区长"}


def test_both_embedded_stores_play_the_heads_absence_alike(graph: govgraph.GovGraph):
    scenario = authority.play_scenario(graph, ["区长"])
    preside = power(graph, "主持政府工作", "区政府全面工作")
    assert posts(scenario.holders(*preside)) == {"负责日常工作的副区长", "其他副区长"}
    assert {h.basis.number for h in scenario.holders(*preside)} == {"6"}
