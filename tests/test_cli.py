"""The govgraph command as an analyst runs it: answers with citations, and clear errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from govgraph.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, input: str | None = None):  # noqa: ANN201, A002
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def run_json(*args: str):  # noqa: ANN201
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


# ── answers ──────────────────────────────────────────────────────────────────


def test_who_convenes_the_executive_meeting_answers_the_head_and_the_entrusted_executive_deputy_citing_article_41() -> None:
    result = run("who", "convene", "区政府常务会议")
    assert result.exit_code == 0
    assert "区长" in result.stdout and "负责日常工作的副区长" in result.stdout and "受区长委托" in result.stdout
    assert "第四十一条" in result.stdout
    assert "由区长或区长委托负责日常工作的副区长召集和主持" in result.stdout  # the article's text
    answers = run_json("who", "convene", "区政府常务会议")
    by_post = {a["post"]["zh"]: a for a in answers}
    assert set(by_post) == {"区长", "负责日常工作的副区长"}
    entrusted = by_post["负责日常工作的副区长"]
    assert entrusted["conferral"]["en"] == "entrustment" and entrusted["grantor"]["zh"] == "区长"
    assert entrusted["condition"]["en"] == "when entrusted by the District Head"
    assert entrusted["basis"]["number"] == "41"
    assert entrusted["basis"]["article"]["iri"].endswith("/art_41")
    assert entrusted["post"]["iri"].startswith("https://")


def test_who_signs_an_upward_document_gives_the_signers_and_the_approval_chain_before_them() -> None:
    answers = run_json("who", "sign", "上行文")
    assert {a["post"]["zh"] for a in answers} == {"区长", "负责日常工作的副区长"}
    for answer in answers:
        assert [step["approver"]["zh"] for step in answer["chain"]["steps"]] == ["区政府办公室"]
        assert answer["chain"]["basis"]["number"] == "50"
    text = run("who", "sign", "上行文", "--lang", "en").stdout
    assert "Approval" in text and "authorisa" in text and "Article 51" in text


def test_who_acts_for_the_head_while_away_is_designated_by_the_head_under_article_6() -> None:
    answers = run_json("who", "acts-for", "区长", "--absence", "外出")
    assert {a["post"]["zh"] for a in answers} == {"负责日常工作的副区长", "其他副区长"}
    assert {a["conferral"]["zh"] for a in answers} == {"指定"}
    assert {a["grantor"]["zh"] for a in answers} == {"区长"}
    assert {a["basis"]["number"] for a in answers} == {"6"}


def test_who_acts_for_a_deputy_away_for_a_long_time_is_the_executive_deputy() -> None:
    answers = run_json("who", "acts-for", "其他副区长", "--absence", "学习", "--long")
    assert [(a["post"]["zh"], a["act"]["zh"]) for a in answers] == [("负责日常工作的副区长", "临时代管分管工作")]


def test_decide_five_million_names_the_executive_meeting_and_why() -> None:
    result = run("decide", "--amount", "5000000")
    assert result.exit_code == 0
    assert "区政府常务会议" in result.stdout and "500万元（含500万元）以上" in result.stdout and "第四十一条" in result.stdout
    [competence] = run_json("decide", "--amount", "5,000,000")
    assert competence["meeting"]["zh"] == "区政府常务会议" and competence["minimum_inclusive"] is True


def test_quorum_says_whether_the_members_present_are_enough() -> None:
    [data] = run_json("quorum", "区政府常务会议", "--agenda", "人事议题", "--present", "3", "--members", "6")
    assert data["fraction"] == "2/3" and data["met"] is False and data["basis"]["number"] == "41"



def test_quorum_refuses_more_members_present_than_the_meeting_has_in_exit_2() -> None:
    result = run("quorum", "区政府常务会议", "--present", "9", "--members", "8")
    assert result.exit_code == 2 and "--present 9 is more than --members 8" in result.output


def test_a_quorum_cannot_be_judged_over_no_members_or_more_present_than_members() -> None:
    import govgraph

    quorum = govgraph.load().quorum("区政府常务会议")
    assert quorum.is_met(5, 8) is True
    for present, members in ((3, 0), (9, 8), (-1, 8)):
        with pytest.raises(ValueError, match="expected at least one member"):
            quorum.is_met(present, members)

def test_leave_article_coverage_deadlines_and_check_answer() -> None:
    assert {r["recipient"]["zh"] for r in run_json("leave", "副区长")} >= {"区长", "区委办公室"}
    assert "第四十一条" in run("article", "41").stdout
    coverage = run_json("coverage")
    assert len(coverage) == 79
    assert "79 articles" in run("coverage", "--lang", "en").stdout and "共79条" in run("coverage").stdout
    assert {d["basis"]["number"] for d in run_json("deadlines")} == {"49", "56", "65"}
    checked = run("check")
    assert checked.exit_code == 0 and run_json("check") == []


def test_check_on_a_rule_base_with_a_rule_that_rests_on_no_article_exits_1_and_says_which_in_json(tmp_path: Path) -> None:
    import shutil

    rules = tmp_path / "broken-district"
    rules.mkdir()
    for path in (ROOT / "data" / "hongqiao-2023").glob("*.ttl"):
        shutil.copy(path, rules)
    (rules / "broken.ttl").write_text(
        "@prefix gg: <https://w3id.org/govgraph/ontology#> .\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "@prefix hq: <https://w3id.org/govgraph/id/hongqiao-2023/> .\n"
        '<urn:test:rule> a gg:Permission ; rdfs:label "无依据的规则"@zh , "a rule without article"@en ;\n'
        "    gg:assignee hq:DistrictHead ; gg:action gg:Convene ; gg:target hq:ExecutiveMeeting .\n",
        encoding="utf-8",
    )
    result = run("check", "--rules", str(rules), "--format", "json")
    assert result.exit_code == 1
    (violation,) = json.loads(result.stdout)
    assert (violation["check"], violation["resource"]["iri"], violation["path"]) == (
        "Rule-basis", "urn:test:rule", "https://w3id.org/govgraph/ontology#basis")
    assert violation["message"]["zh"] and violation["message"]["en"] == violation["problem"]


def test_queries_lists_every_named_query_with_its_question() -> None:
    listed = run_json("queries")
    names = {q["name"] for q in listed}
    assert {"who", "decide", "approval-chain", "acts-for", "quorum", "leave", "deadlines", "coverage"} <= names
    assert all(q["question"] for q in listed)


def test_sparql_runs_a_file_standard_input_or_a_named_query_with_bound_values() -> None:
    from_file = run_json("sparql", str(ROOT / "queries" / "coverage.rq"))
    assert len(from_file["results"]["bindings"]) == 79
    from_stdin = run("sparql", "-", "--format", "json", input="SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(json.loads(from_stdin.stdout)["results"]["bindings"][0]["n"]["value"]) > 1000
    named = run_json("sparql", "who", "--term", "action=convene", "--term", "target=区政府常务会议")
    assert len(named["results"]["bindings"]) == 2


# ── bound, never pasted ──────────────────────────────────────────────────────

HOSTILE = '41" } UNION { ?article ?p ?o } # \' || true } {'


def test_a_value_full_of_quotes_braces_and_or_true_is_bound_and_adds_no_row() -> None:
    honest = run_json("sparql", "article", "--text", "number=41")["results"]["bindings"]
    hostile = run_json("sparql", "article", "--text", f"number={HOSTILE}")["results"]["bindings"]
    assert honest and hostile == []
    result = run("article", HOSTILE)
    assert result.exit_code == 2 and "no article" in result.stderr


@pytest.mark.parametrize("store", ["oxigraph", "rdflib"])
def test_the_library_binds_hostile_values_on_every_store(store: str) -> None:
    import pyoxigraph as ox

    import govgraph

    graph = govgraph.load(store=store)
    assert graph.select("article", number=ox.Literal("41"))
    assert graph.select("article", number=ox.Literal(HOSTILE)) == []
    assert graph.select("who", action=ox.NamedNode("https://w3id.org/govgraph/ontology#Convene"), target=ox.Literal(HOSTILE)) == []


# ── errors: exit 2, one line, no traceback ───────────────────────────────────


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("who", "convene", "常务大会"), "close matches: 常务会, 常务会议"),
        (("who", "summon", "区政府常务会议"), "unknown act 'summon'"),
        (("who", "acts-for", "区长长", "--absence", "外出"), "unknown post"),
        (("decide", "--amount", "five million"), "not a number"),
        (("decide", "--amount", "-5"), "signs"),
        (("who", "convene", "区政府常务会议", "--rules", "atlantis-2030"), "no rule base named 'atlantis-2030'"),
        (("sparql", "missing.rq"), "no such file"),
        (("sparql", "-"), "SPARQL syntax"),
        (("article", "999"), "no article"),
    ],
)
def test_bad_input_is_a_one_line_error_with_exit_2(args: tuple[str, ...], expected: str) -> None:
    result = run(*args, input="SELECT WHERE {" if args == ("sparql", "-") else None)
    assert result.exit_code == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_a_rule_base_with_bad_turtle_names_the_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "rules.ttl").write_text("@prefix gg: <https://w3id.org/govgraph/ontology#> .\n\ngg:a gg:b \"oops .\n", encoding="utf-8")
    result = run("who", "convene", "x", "--rules", str(tmp_path))
    assert result.exit_code == 2
    assert f"{tmp_path / 'rules.ttl'}:3" in result.stderr


def test_the_installed_command_answers_from_a_fresh_process_without_a_traceback() -> None:
    ok = subprocess.run([sys.executable, "-m", "govgraph", "who", "preside", "区长办公会议", "--format", "json"], capture_output=True, text=True, check=False)
    assert ok.returncode == 0 and {a["post"]["zh"] for a in json.loads(ok.stdout)} == {"区长", "负责日常工作的副区长"}
    bad = subprocess.run([sys.executable, "-m", "govgraph", "who", "preside", "nowhere"], capture_output=True, text=True, check=False)
    assert bad.returncode == 2 and bad.stderr.startswith("govgraph: error:") and "Traceback" not in bad.stderr


# ── help ─────────────────────────────────────────────────────────────────────


def test_every_command_has_help_that_teaches_with_an_example_or_a_description() -> None:
    top = run("--help")
    assert top.exit_code == 0
    commands = main.list_commands(None)  # type: ignore[arg-type]
    assert {"who", "decide", "quorum", "leave", "deadlines", "article", "coverage", "check", "sparql", "queries"} <= set(commands)
    for name in commands:
        result = run(name, "--help")
        assert result.exit_code == 0, name
        command = main.get_command(None, name)  # type: ignore[arg-type]
        assert command is not None and command.help and len(command.help) > 40, name


def test_a_name_shared_by_an_ontology_class_and_a_rule_base_resource_means_the_resource() -> None:
    import govgraph

    graph = govgraph.load()
    assert graph.resolve("人民法院").endswith("/PeoplesCourt")
    assert graph.resolve("政府办公室").endswith("/GovernmentOffice")
    assert not graph.resolve("政府办公室").startswith("https://w3id.org/govgraph/ontology#")


def test_names_may_be_given_as_zh_or_en_labels_curies_or_iris() -> None:
    import govgraph

    graph = govgraph.load()
    head = graph.resolve("区长", "post")
    assert graph.resolve("District Head", "post") == head
    assert graph.resolve("district  head", "post") == head
    assert graph.resolve("hq:DistrictHead", "post") == head
    assert graph.resolve(f"<{head}>", "post") == head
