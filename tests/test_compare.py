"""govgraph compare: two governments' rules side by side, aligned through the national template,
each side citing its own articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from govgraph._core.errors import GovGraphError
from govgraph.answers.compare import compare, compare_in
from govgraph.answers.loading import open_library
from govgraph.cli import main

ROOT = Path(__file__).resolve().parents[1]
OTHER = str(ROOT / "tests" / "fixtures" / "other-district")
RULES = ("--rules", "hongqiao-2023", "--rules", OTHER)
TPL = "https://w3id.org/govgraph/template#"


@pytest.fixture(scope="module", params=["oxigraph", "rdflib"])
def library(request: pytest.FixtureRequest):  # noqa: ANN201
    return open_library(["hongqiao-2023", OTHER], store=request.param)


@pytest.fixture(scope="module")
def points(library):  # noqa: ANN001, ANN201
    found = compare_in(library, "hongqiao", "example-county")
    return {(p.subject.iri, p.aspect, p.case.iri if p.case else None): p for p in found.points}


def run(*args: str):  # noqa: ANN201
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_the_executive_meetings_members_are_the_same_once_district_and_county_posts_are_read_as_template_posts(points) -> None:  # noqa: ANN001
    members = points[(TPL + "ExecutiveMeeting", "members", None)]
    assert members.verdict == "same"
    assert "区长" in members.left.text.zh and "县长" in members.right.text.zh
    assert [c.number for c in members.left.citations] == ["41"]
    assert [c.number for c in members.right.citations] == ["10"]


def test_the_executive_meetings_quorum_differs_half_against_two_thirds_each_side_citing_its_own_article(points) -> None:  # noqa: ANN001
    quorum = points[(TPL + "ExecutiveMeeting", "quorum", None)]
    assert quorum.verdict == "differs"
    assert quorum.left.text.en == "at least 1/2" and quorum.right.text.en == "at least 2/3"
    assert quorum.left.citations[0].regulation.government.en == "District Government"
    assert quorum.right.citations[0].regulation.government.en == "Example County Government"
    assert quorum.right.citations[0].text.startswith("县政府常务会议由县长")


def test_a_quorum_for_one_agenda_kind_that_only_one_side_sets_is_on_that_side_only(points) -> None:  # noqa: ANN001
    personnel = [p for (subject, aspect, case), p in points.items() if aspect == "quorum" and case is not None]
    assert [p.verdict for p in personnel] == ["left-only"]
    assert personnel[0].left.text.en == "at least 2/3" and personnel[0].right is None


def test_money_routing_differs_five_million_against_three_million(points) -> None:  # noqa: ANN001
    money = points[(TPL + "ExecutiveMeeting", "money", None)]
    assert money.verdict == "differs"
    assert "5,000,000 yuan or more" in money.left.text.en and "3,000,000 yuan or more" in money.right.text.en


def test_who_convenes_differs_where_only_one_side_lets_the_head_entrust_the_executive_deputy(points) -> None:  # noqa: ANN001
    convene = points[(TPL + "ExecutiveMeeting", "Convene", None)]
    assert convene.verdict == "differs"
    assert "entrustment" in convene.left.text.en and "entrustment" not in convene.right.text.en


def test_signing_and_acting_that_only_hongqiao_sets_are_on_its_side_only_with_their_articles(points) -> None:  # noqa: ANN001
    order = points[(TPL + "Order", "Sign", None)]
    assert order.verdict == "left-only" and order.left.citations[0].number == "51"
    acting = points[(TPL + "HeadOfGovernment", "acting", None)]
    assert acting.verdict == "left-only" and "designation" in acting.left.text.en
    assert acting.left.citations[0].number == "6"


def test_deadlines_on_the_same_act_are_compared_whatever_each_side_calls_the_document(points) -> None:  # noqa: ANN001
    reply = [p for (subject, aspect, _), p in points.items() if aspect == "deadline" and subject.endswith("#ReplyToConsultation")]
    assert [p.verdict for p in reply] == ["differs"]
    assert "2" in reply[0].left.text.en and "3" in reply[0].right.text.en


def test_swapping_the_sides_swaps_what_is_on_one_side_only(library) -> None:  # noqa: ANN001
    forward = compare_in(library, "hongqiao", "example-county").counts()
    backward = compare_in(library, "example-county", "hongqiao").counts()
    assert backward == {**forward, "left-only": forward["right-only"], "right-only": forward["left-only"]}


def test_a_government_compared_with_itself_is_the_same_on_every_point(library) -> None:  # noqa: ANN001
    scope = library.scope("hongqiao")
    found = compare(scope, scope)
    assert found.points and {p.verdict for p in found.points} == {"same"}


def test_a_version_asked_for_a_date_no_version_was_in_force_is_an_error(library) -> None:  # noqa: ANN001
    with pytest.raises(GovGraphError, match="in force on 2000-01-01"):
        compare_in(library, "hongqiao@2000-01-01", "example-county")


def test_the_command_prints_a_table_with_both_sides_articles() -> None:
    result = run("compare", "hongqiao", "example-county", *RULES)
    assert result.exit_code == 0, result.output
    assert "第四十一条" in result.stdout and "第十条" in result.stdout and "不同" in result.stdout
    assert "县政府常务会议由县长、副县长组成" in result.stdout  # the county's article quoted


def test_the_markdown_report_has_a_table_per_topic_naming_both_regulations() -> None:
    result = run("compare", "hongqiao", "example-county", *RULES, "--format", "markdown", "--lang", "en")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("# Comparison: District Government") and "Example County Government" in lines[0]
    assert "## Meetings" in lines and "## Posts" in lines and "## Documents" in lines
    assert any(line.startswith("| executive meeting | Quorum | at least 1/2 [Article 41] | at least 2/3 [Article 10] | differs |")
               for line in lines)


def test_the_json_counts_the_verdicts_and_gives_each_point_both_sides() -> None:
    result = run("compare", "hongqiao", "example-county", *RULES, "--format", "json")
    data = json.loads(result.stdout)
    assert sum(data["counts"].values()) == len(data["points"]) > 0
    assert data["left"]["government"]["en"] == "District Government"
    quorum = next(p for p in data["points"] if p["aspect"] == "quorum" and p["case"] is None
                  and p["subject"]["iri"] == TPL + "ExecutiveMeeting")
    assert quorum["right"]["citations"][0]["number"] == "10"


def test_an_unknown_government_is_one_line_on_stderr_and_exit_2() -> None:
    result = run("compare", "hongqiao", "atlantis", *RULES)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "atlantis" in result.stderr
