"""The authority graph, holders, paths and powers, and the weak spots of a made-up jurisdiction."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import govgraph
from govgraph import authority
from govgraph.authority import DELEGATION_KINDS, EDGE_KINDS, Absence

GAPPY = Path(__file__).parent / "fixtures" / "gappy"


@pytest.fixture(scope="module")
def g() -> govgraph.GovGraph:
    return govgraph.load()


@pytest.fixture(scope="module")
def gappy() -> govgraph.GovGraph:
    return govgraph.load(GAPPY)


# ── the graph ────────────────────────────────────────────────────────────────


def test_every_edge_of_the_authority_graph_carries_its_kind_act_and_article_text(g):
    network = authority.authority_graph(g)
    records = [data["record"] for _, _, data in network.edges(data=True)]
    assert records
    for edge in records:
        assert edge.kind in EDGE_KINDS
        assert edge.act.zh and edge.act.en
        assert edge.basis.number and edge.basis.text and edge.basis.article.iri
    assert set(EDGE_KINDS) == {e.kind for e in records}, "every kind of edge the issue lists is in the rule base"


def test_the_nodes_are_the_posts_and_organs_the_rules_name_with_labels_in_zh_and_en(g):
    network = authority.authority_graph(g)
    kinds = Counter(data["kind"] for _, data in network.nodes(data=True))
    assert kinds["post"] and kinds["organ"]
    assert all(data["label_zh"] and data["label_en"] for _, data in network.nodes(data=True))


def test_the_graph_is_derived_from_the_rule_base_so_another_rule_base_gives_another_graph(g, gappy):
    ours = {d["label_en"] for _, d in authority.authority_graph(gappy).nodes(data=True)}
    theirs = {d["label_en"] for _, d in authority.authority_graph(g).nodes(data=True)}
    assert "Treasurer" in ours and "Treasurer" not in theirs


def test_the_audit_bureau_works_under_the_dual_leadership_of_the_head_and_the_municipal_audit_bureau(g):
    dual = authority.edges(g, ["dual-leads"])
    assert {e.source.zh for e in dual} == {"区长", "市审计局"}
    assert {e.destination.zh for e in dual} == {"区审计局"}
    assert {e.basis.number for e in dual} == {"7"}


def test_the_deputies_assist_the_head_under_the_head_responsibility_system(g):
    assists = [e for e in authority.edges(g, ["assists"]) if e.destination.zh == "区长"]
    assert [(e.source.zh, e.basis.number) for e in assists] == [("副区长", "5")]
    leads = [e for e in authority.edges(g, ["leads"]) if e.source.zh == "区长"]
    assert {e.destination.zh for e in leads} == {"区政府"} and leads[0].basis.number == "5"


def test_acting_edges_say_the_absence_that_triggers_them(g):
    acting = authority.edges(g, ["acts-for"])
    assert {(e.source.zh, e.destination.zh) for e in acting} >= {
        ("其他副区长", "负责日常工作的副区长"),
        ("负责日常工作的副区长", "其他副区长"),
    }
    assert all(e.condition and "外出" in e.condition.zh and e.basis.number == "6" for e in acting)


def test_each_step_of_an_approval_chain_is_an_edge_numbered_in_order_from_one_approver_to_the_next(g):
    by_chain: dict[str, dict[int, set[tuple[str, str]]]] = {}
    for e in authority.edges(g, ["approval-step"]):
        by_chain.setdefault(e.about.iri, {}).setdefault(e.step, set()).add((e.source.iri, e.destination.iri))
        assert e.basis.number in {"50", "51"} and e.act.zh
    assert by_chain
    for steps in by_chain.values():
        assert sorted(steps) == list(range(1, len(steps) + 1))
        for index in range(1, len(steps)):
            assert {v for _, v in steps[index]} == {u for u, _ in steps[index + 1]}, "each step hands on to the next approver"


def test_reports_and_notifications_go_to_the_recipient_the_rule_names(g):
    reports = authority.edges(g, ["reports"])
    assert ("副区长", "区长") in {(e.source.zh, e.destination.zh) for e in reports}, "art. 69: deputies report leave to the head"
    notified = authority.edges(g, ["notifies"])
    assert all(e.basis.text for e in notified)


# ── holders, paths, powers ───────────────────────────────────────────────────


def test_the_executive_deputy_holds_powers_directly_as_a_deputy_through_the_heads_entrustment_and_by_acting(g):
    held = authority.powers_of(g, "负责日常工作的副区长")
    hows = {h.how for h in held}
    assert {"direct", "entrusted", "authorised", "designated", "acting"} <= hows
    handled = [h for h in held if h.power.act.zh == "负责处理分管工作"]
    assert handled and handled[0].via.zh == "副区长"
    assert all(h.basis.number and h.basis.text for h in held)


def test_a_path_to_a_power_runs_from_the_holder_who_has_it_by_rule(g):
    (way,) = authority.path_to_power(g, "负责日常工作的副区长", "召集", "区政府常务会议")
    path = way.path()
    assert [e.kind for e in path] == ["entrusts"]
    assert path[0].source.zh == "区长" and path[-1].destination.zh == "负责日常工作的副区长"
    assert {c.number for c in way.articles()} == {"41"}


def test_an_unknown_post_is_an_error_listing_close_matches(g):
    with pytest.raises(govgraph.NameNotFound) as error:
        authority.powers_of(g, "副区")
    assert error.value.suggestions


# ── weak spots: the made-up jurisdiction with a planted gap and cycle ───────


def test_the_weak_spots_find_the_planted_gap_nobody_approves_payments_while_the_treasurer_is_away(gappy):
    gaps = [s for s in authority.weak_spots(gappy) if s.kind == "gap" and [p.en for p in s.posts] == ["Treasurer"]]
    approve = [s for s in gaps if s.powers[0].act.en == "approve"]
    assert len(approve) == 1
    assert [c.number for c in approve[0].articles] == ["3"]
    assert "财务主管" in approve[0].summary.zh


def test_the_weak_spots_find_the_planted_cycle_of_the_three_vice_mayors(gappy):
    cycles = [s for s in authority.weak_spots(gappy) if s.kind == "cycle"]
    assert len(cycles) == 1
    assert {p.en for p in cycles[0].posts} == {"Vice-Mayor A", "Vice-Mayor B", "Vice-Mayor C"}
    assert [c.number for c in cycles[0].articles] == ["2"]


def test_the_weak_spots_find_the_designation_that_needs_the_mayor_while_the_mayor_is_away(gappy):
    spots = [s for s in authority.weak_spots(gappy) if s.kind == "absent-grantor" and "designated" in s.summary.en]
    assert len(spots) == 1
    assert {a.post.en for a in spots[0].scenario} == {"Mayor", "Treasurer"}
    assert {p.en for p in spots[0].posts} == {"Mayor", "Clerk"}
    assert [c.number for c in spots[0].articles] == ["2"]


def test_taking_over_a_portfolio_covers_handling_it_so_one_vice_mayor_away_leaves_no_gap(gappy):
    scenario = authority.play_scenario(gappy, [Absence.of(gappy, "Vice-Mayor A", long_absence=True)])
    assert scenario.gaps == ()
    assert [(h.post.en, h.how) for h in scenario.acting()] == [("Vice-Mayor C", "acting")]


def test_posts_are_ranked_by_how_many_powers_their_absence_leaves_without_a_holder(g, gappy):
    for graph, first in ((gappy, "Mayor"), (g, "District Head")):
        ranked = [s for s in authority.weak_spots(graph) if s.kind == "critical-post"]
        scores = [s.score for s in ranked]
        assert scores == sorted(scores, reverse=True) and scores[0] > 0
        assert ranked[0].posts[0].en == first
        assert all(s.articles for s in ranked)


def test_every_weak_spot_names_its_articles(g):
    spots = authority.weak_spots(g)
    assert {s.kind for s in spots} == {"gap", "cycle", "critical-post", "absent-grantor"}
    assert all(s.articles and all(c.text for c in s.articles) for s in spots)


def test_delegation_kinds_are_kinds_of_edge():
    assert set(DELEGATION_KINDS) <= set(EDGE_KINDS)
