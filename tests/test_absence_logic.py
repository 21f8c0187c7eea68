"""One absence logic: `who --absent` (who.rq) and `chain --absent` (the scenario) give the same
holders, and the same grants waiting for an absent grantor, for the same scenario, on Hongqiao
and on the made-up governments' acting mechanisms (designation, automatic while abroad, an
order of succession, fixed cover pairs)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

import govgraph
from govgraph.authority import Absence, play_scenario
from govgraph.authority.scenarios import who_while_away, why_waiting

FIXTURES = Path(__file__).with_name("fixtures")

# (rule base, act, target, absent post, reason, long absence): every single-absence scenario of
# tests/test_scenarios.py, and one per acting mechanism of the made-up governments.
SCENARIOS = [
    (None, "主持政府工作", "区政府全面工作", "区长", None, None),
    (None, "主持政府工作", "区政府全面工作", "区长", "学习", None),
    (None, "主持政府工作", "区政府全面工作", "区长", "脱产学习", None),
    (None, "主持政府工作", "区政府全面工作", "区长", "病休假", None),
    (None, "临时代管分管工作", "其他副区长分管工作", "其他副区长", "出差", True),
    (None, "临时代管分管工作", "其他副区长分管工作", "其他副区长", None, False),
    (None, "临时代管分管工作", "负责日常工作的副区长分管工作", "负责日常工作的副区长", "学习", True),
    (None, "召集", "区政府常务会议", "区长", None, None),
    (None, "主持", "区长办公会议", "区长", None, None),
    (None, "签发", "上行文", "区长", None, None),
    (None, "签发", "重要公文", "区长", None, None),
    (None, "签发", "下行文", "区长", None, None),
    ("made-up-city", "主持政府工作", "市政府全面工作", "市长", "出国", None),
    ("made-up-city", "主持政府工作", "市政府全面工作", "市长", "出差", None),
    ("made-up-county", "主持政府工作", "县政府全面工作", "县长", None, None),
    ("made-up-county", "临时代管分管工作", "第三副县长分管工作", "第三副县长", None, None),
    ("made-up-province", "主持政府工作", "省政府全面工作", "省长", "外出", None),
]

_GRAPHS: dict[str | None, govgraph.GovGraph] = {}


def scope(base: str | None) -> govgraph.GovGraph:
    if base not in _GRAPHS:
        _GRAPHS[base] = govgraph.load(FIXTURES / base) if base else govgraph.load()
    return _GRAPHS[base]


def asked(g: govgraph.GovGraph, act: str, target: str, post: str, reason=None, long=None, standing=False):  # noqa: ANN001, ANN201
    """who.rq's rows in a case: (post, rule) of each holding, and of each grant waiting for its grantor."""
    absence = Absence.of(g, post, reason=reason, long_absence=long)
    rows = g.select(
        "who", action=ox.NamedNode(g.resolve(act, "act")), target=ox.NamedNode(g.resolve(target)),
        absentPost=ox.NamedNode(absence.post.iri),
        absenceReason=ox.NamedNode(absence.reason.iri) if absence.reason else None,
        absenceDuration=ox.NamedNode(absence.duration.iri) if absence.duration else None,
        standingGrants=ox.Literal(True) if standing else None,
    )
    held = {(g.named(r["assignee"]).zh, r["rule"].value) for r in rows if r["waitsFor"] is None}
    waiting = {(g.named(r["assignee"]).zh, r["rule"].value, g.named(r["waitsFor"]).zh) for r in rows if r["waitsFor"] is not None}
    return held, waiting


@pytest.mark.parametrize("standing", [False, True], ids=["strict", "standing-grants"])
@pytest.mark.parametrize(("base", "act", "target", "post", "reason", "long"), SCENARIOS, ids=lambda v: str(v))
def test_who_absent_and_chain_absent_give_the_same_holders_and_the_same_waiting_grants(base, act, target, post, reason, long, standing):  # noqa: ANN001, E501
    g = scope(base)
    absence = Absence.of(g, post, reason=reason, long_absence=long)
    held, waiting = who_while_away(g, act, target, [absence], standing_grants=standing)
    played = play_scenario(g, [absence], standing_grants=standing).holders(g.resolve(act, "act"), g.resolve(target))
    assert asked(g, act, target, post, reason, long, standing) == (
        {(h.post.zh, h.rule.iri) for h in held},
        {(h.post.zh, h.rule.iri, h.blocked_by.zh) for h in waiting},
    )
    assert {(h.post.zh, h.rule.iri) for h in played} == {(h.post.zh, h.rule.iri) for h in held}


def test_who_absent_lists_a_grant_whose_grantor_is_away_as_waiting_for_the_grantor_as_chain_does():
    g = scope(None)
    held, waiting = asked(g, "签发", "上行文", "区长")
    assert held == set() and [(p, grantor) for p, _, grantor in waiting] == [("负责日常工作的副区长", "区长")]
    holders, blocked = who_while_away(g, "签发", "上行文", ["区长"])
    assert holders == []
    assert [(h.post.zh, h.blocked_by.zh, h.basis.number) for h in blocked] == [("负责日常工作的副区长", "区长", "51")]
    (reason,) = [why_waiting(h) for h in blocked]
    assert (reason.zh, reason.en) == ("须经区长授权，而区长缺位", "needs the District Head's authorisation, and the District Head is away")


def test_with_standing_grants_both_answers_keep_the_grant_made_before_the_absence():
    g = scope(None)
    held, waiting = asked(g, "签发", "上行文", "区长", standing=True)
    holders, blocked = who_while_away(g, "签发", "上行文", ["区长"], standing_grants=True)
    assert {p for p, _ in held} == {h.post.zh for h in holders} == {"负责日常工作的副区长"}
    assert waiting == set() and blocked == []


@pytest.mark.parametrize(
    ("away", "acting"),
    [
        (["县长"], "常务副县长"),
        (["县长", "常务副县长"], "第二副县长"),
        (["县长", "常务副县长", "第二副县长"], "第三副县长"),
    ],
)
def test_in_an_order_of_succession_the_first_deputy_present_presides(away, acting):  # noqa: ANN001
    g = scope("made-up-county")
    held, _ = who_while_away(g, "主持政府工作", "县政府全面工作", away)
    assert [(h.post.zh, h.how, h.basis.number) for h in held] == [(acting, "acting", "4")]


def test_an_order_of_succession_with_every_deputy_away_leaves_the_heads_work_without_a_holder():
    g = scope("made-up-county")
    scenario = play_scenario(g, ["县长", "副县长"])
    preside = (g.resolve("主持政府工作", "act"), g.resolve("县政府全面工作"))
    assert scenario.holders(*preside) == [] and scenario.gap(*preside) is not None


def test_fixed_cover_pairs_each_deputy_takes_over_the_others_portfolio():
    g = scope("made-up-county")
    for away, acting, portfolio in (("第二副县长", "第三副县长", "第二副县长分管工作"), ("第三副县长", "第二副县长", "第三副县长分管工作")):
        held, _ = who_while_away(g, "临时代管分管工作", portfolio, [away])
        assert [(h.post.zh, h.on_behalf_of.zh) for h in held] == [(acting, away)]


def test_the_city_acts_automatically_for_a_mayor_abroad_but_not_for_one_away_inside_the_country():
    g = scope("made-up-city")
    abroad = play_scenario(g, [Absence.of(g, "市长", reason="出国")])
    trip = play_scenario(g, [Absence.of(g, "市长", reason="出差")])
    assert [(h.post.zh, h.how, h.grantor) for h in abroad.acting()] == [("常务副市长", "acting", None)]
    assert trip.acting() == []


def test_hongqiaos_acting_rules_for_any_absence_also_hold_while_the_head_is_abroad():
    g = scope(None)
    held, _ = who_while_away(g, "主持政府工作", "区政府全面工作", [Absence.of(g, "区长", reason="出国")])
    assert {h.post.zh for h in held} == {"负责日常工作的副区长", "其他副区长"}
