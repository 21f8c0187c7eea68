"""govgraph survey: one feature over every government a store holds, one row each, with its article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from govgraph._core.errors import GovGraphError
from govgraph.answers.loading import open_library
from govgraph.answers.survey import features, survey
from govgraph.cli import main

ROOT = Path(__file__).resolve().parents[1]
OTHER = str(ROOT / "tests" / "fixtures" / "other-district")
RULES = ("--rules", "hongqiao-2023", "--rules", OTHER)


@pytest.fixture(scope="module")
def library():  # noqa: ANN201
    return open_library(["hongqiao-2023", OTHER])


def rows(library, feature: str) -> dict:  # noqa: ANN001
    return {row.rule_base: row for row in survey(library, feature).rows}


def run(*args: str):  # noqa: ANN201
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_every_survey_feature_is_a_named_query_with_a_question() -> None:
    assert {"threshold", "executive-members", "acting", "quorum"} <= set(features())
    assert all(question.endswith("?") for question in features().values())


def test_the_large_sum_threshold_is_five_million_in_hongqiao_and_three_million_in_the_county(library) -> None:  # noqa: ANN001
    found = rows(library, "threshold")
    assert set(found) == {"hongqiao-2023", "other-district"}
    assert found["hongqiao-2023"].amount == 5_000_000 and found["other-district"].amount == 3_000_000
    assert found["hongqiao-2023"].text.en == "5,000,000 yuan or more"
    assert [c.label("zh") for c in found["hongqiao-2023"].citations] == ["第四十一条"]
    assert [c.label("zh") for c in found["other-district"].citations] == ["第十条"]


def test_executive_meeting_members_read_as_template_posts_are_the_same_in_both(library) -> None:  # noqa: ANN001
    found = rows(library, "executive-members")
    assert found["hongqiao-2023"].key == found["other-district"].key
    assert found["hongqiao-2023"].text.en == "deputy head; head of government"
    assert survey(library, "executive-members").groups()[found["hongqiao-2023"].key] == 2


def test_a_government_whose_rules_set_no_acting_for_its_head_has_a_row_saying_none(library) -> None:  # noqa: ANN001
    found = rows(library, "acting")
    assert found["other-district"].key == "" and found["other-district"].citations == ()
    assert "designation" in found["hongqiao-2023"].text.en and found["hongqiao-2023"].citations[0].number == "6"


def test_the_quorum_is_plotted_as_the_fraction_of_members(library) -> None:  # noqa: ANN001
    found = rows(library, "quorum")
    assert found["hongqiao-2023"].amount == 0.5 and found["other-district"].amount == pytest.approx(2 / 3)


def test_an_unknown_feature_is_an_error_listing_the_features(library) -> None:  # noqa: ANN001
    with pytest.raises(GovGraphError, match="threshold"):
        survey(library, "colour-of-the-door")


def test_the_command_draws_a_chart_in_png_and_svg(tmp_path: Path) -> None:
    for name in ("survey.png", "survey.svg"):
        result = run("survey", "threshold", *RULES, "--lang", "en", "-o", str(tmp_path / name))
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).stat().st_size > 1000
    assert (tmp_path / "survey.svg").read_text(encoding="utf-8").lstrip().startswith(("<?xml", "<svg"))
    assert (tmp_path / "survey.png").read_bytes()[:4] == b"\x89PNG"


def test_a_chart_in_another_format_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run("survey", "threshold", *RULES, "-o", str(tmp_path / "survey.pdf"))
    assert result.exit_code == 2 and ".png or .svg" in result.stderr


def test_the_command_prints_one_row_per_government_in_json() -> None:
    result = run("survey", "quorum", *RULES, "--format", "json")
    data = json.loads(result.stdout)
    assert {row["rule_base"] for row in data["rows"]} == {"hongqiao-2023", "other-district"}
    assert all(row["citations"] for row in data["rows"])
