"""`govgraph who` as a user meets it: the honest "no" with exit codes that tell its kinds apart,
one absence logic with `chain --absent`, grants waiting for an absent grantor said in words,
amounts as people write them; and the small query fixes (deadlines on a wider act, a matter with
no money threshold)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import govgraph
from govgraph.cli import main
from test_absence_logic import SCENARIOS

FIXTURES = Path(__file__).with_name("fixtures")


def run(*args: str):  # noqa: ANN201
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def run_json(*args: str):  # noqa: ANN201
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def words(text: str) -> str:
    return " ".join(text.split())


# ── the honest "no", through `govgraph who` ──────────────────────────────────────


def test_who_with_no_rule_on_the_act_and_target_says_so_lists_the_nearest_rules_and_exits_1() -> None:
    result = run("who", "approve", "议案", "--lang", "en")
    assert result.exit_code == 1
    text = words(result.stdout)
    assert 'gives anyone "approve" on "bill"' in text
    assert "Nearest rules" in text and "Article 51" in text
    assert "Searched: every rule of Working Rules of the People's Government of Hongqiao District" in text


def test_who_when_rules_exist_but_none_holds_in_the_case_says_so_shows_them_and_exits_1() -> None:
    result = run("who", "approve", "以区政府名义召开的全区性会议", "--absent", "区长", "--lang", "en")
    assert result.exit_code == 1
    assert "none holds in the case asked" in words(result.stdout)
    assert "Article 48" in result.stdout


def test_who_an_act_never_done_on_this_kind_of_target_is_a_one_line_error_with_what_it_applies_to_and_exit_2() -> None:
    result = run("who", "召集", "区司法局")
    assert result.exit_code == 2
    assert "不适用于" in result.stderr and "会议类型" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and result.stdout == ""


def test_who_no_answer_in_json_carries_its_verdict_and_exit_code() -> None:
    result = run("who", "approve", "议案", "--format", "json")
    assert result.exit_code == 1
    (answer,) = json.loads(result.stdout)
    assert (answer["verdict"], answer["exit_code"]) == ("no-rule", 1)


def test_who_help_lists_its_exit_codes() -> None:
    text = words(run("who", "--help").stdout)
    assert "Exit codes: 0 answered; 1 no rule gives anyone ACTION on TARGET" in text
    assert "2 bad input, or ACTION is never done on this kind of TARGET" in text


def test_who_that_answers_exits_0() -> None:
    result = run("who", "convene", "区政府常务会议")
    assert result.exit_code == 0 and "第四十一条" in result.stdout


# ── one absence logic: who --absent and chain --absent ──────────────────────────


def _rules(base: str | None) -> list[str]:
    return ["--rules", str(FIXTURES / base)] if base else []


@pytest.mark.parametrize(("base", "act", "target", "post", "reason", "long"), SCENARIOS, ids=lambda v: str(v))
def test_who_absent_and_chain_absent_give_the_same_holders(base, act, target, post, reason, long) -> None:  # noqa: ANN001
    case = (["--absence", reason] if reason else []) + ({True: ["--long"], False: ["--short"]}.get(long, []))
    spec = "@".join([post, *([reason] if reason else []), *({True: ["long"], False: ["short"]}.get(long, []))])
    holdings = run_json("chain", "--act", act, "--target", target, "--absent", spec, *_rules(base))
    asked = run("who", act, target, "--absent", post, *case, *_rules(base), "--format", "json")
    if asked.exit_code == 1:  # nobody in this case: who says so honestly, and chain finds no holder
        assert [a["verdict"] for a in json.loads(asked.stdout)] == ["not-in-case"] and holdings == []
        return
    assert asked.exit_code == 0, asked.stderr
    assert {(a["post"]["zh"], a["rule"]["iri"]) for a in json.loads(asked.stdout) if a["waits_for"] is None} == {
        (h["post"]["zh"], h["rule"]["iri"]) for h in holdings
    }


def test_who_absent_lists_a_grant_whose_grantor_is_away_apart_saying_it_waits_for_the_grantor() -> None:
    result = run("who", "签发", "上行文", "--absent", "区长")
    assert result.exit_code == 0
    assert "须经区长授权，而区长缺位" in result.stdout and "第五十一条" in result.stdout
    (answer,) = run_json("who", "签发", "上行文", "--absent", "区长", "--lang", "en")
    assert answer["post"]["zh"] == "负责日常工作的副区长" and answer["waits_for"]["zh"] == "区长"
    assert answer["why_waiting"] == {"zh": "须经区长授权，而区长缺位", "en": "needs the District Head's authorisation, and the District Head is away"}


def test_who_with_standing_grants_keeps_the_grant_made_before_the_absence_as_a_holder() -> None:
    (answer,) = run_json("who", "签发", "上行文", "--absent", "区长", "--standing-grants")
    assert answer["post"]["zh"] == "负责日常工作的副区长" and answer["waits_for"] is None and "why_waiting" not in answer


def test_the_library_answer_names_the_absent_grantor_it_waits_for_unless_grants_stand() -> None:
    g = govgraph.load()
    (waiting,) = g.who("签发", "上行文", absent="区长")
    assert waiting.waits_for.zh == "区长"
    (standing,) = g.who("签发", "上行文", absent="区长", standing_grants=True)
    assert standing.waits_for is None
    assert all(a.waits_for is None for a in g.who("签发", "上行文"))


# ── amounts and the query fixes ──────────────────────────────────────────────────


@pytest.mark.parametrize("written", ["6000000", "6,000,000", "600万", "六百万元"])
def test_who_reads_an_amount_as_people_write_it(written: str) -> None:
    answers = run_json("who", "decide", "大额资金", "--amount", written)
    assert {(a["post"]["zh"], a["basis"]["number"]) for a in answers} == {("区政府常务会议", "41")}


def test_who_refuses_an_amount_it_cannot_read_with_exit_2() -> None:
    result = run("who", "decide", "大额资金", "--amount", "1e100000000")
    assert result.exit_code == 2 and "Traceback" not in result.stderr


def test_deadlines_on_reporting_find_reporting_by_telephone_and_in_writing() -> None:
    found = run_json("deadlines", "--act", "报告")
    assert {d["act"]["zh"] for d in found} == {"电话报告", "书面报告"}
    assert {d["basis"]["number"] for d in found} == {"65"}


def test_deciding_a_matter_with_no_money_threshold_answers_whatever_the_amount() -> None:
    province = str(FIXTURES / "made-up-province")
    (competence,) = run_json("decide", "--amount", "1", "--matter", "省级财政预算的调整", "--rules", province)
    assert competence["meeting"]["zh"] == "省政府常务会议" and competence["minimum"] is None


def test_an_amount_alone_still_asks_only_the_competences_with_a_money_bound() -> None:
    found = run_json("decide", "--amount", "4999999.99")
    assert {(c["meeting"]["zh"], c["basis"]["number"]) for c in found} == {("区长办公会议", "42")}
