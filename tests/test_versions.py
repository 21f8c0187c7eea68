"""Two versions of one government: Hongqiao's 2023 rules and a MADE-UP earlier version
(tests/fixtures/hongqiao-2016), which the 2023 rules repeal. A question is answered by the
version in force on the date asked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import govgraph
from govgraph.answers.loading import open_library
from govgraph.cli import main

EARLIER = str(Path(__file__).with_name("fixtures") / "hongqiao-2016")
BOTH = ["hongqiao-2023", EARLIER]


@pytest.fixture(scope="module")
def library():  # noqa: ANN201
    return open_library(BOTH)


def test_the_2023_rules_end_the_made_up_2016_version_the_day_before_they_take_force(library):  # noqa: ANN001
    (versions,) = library.governments().values()
    assert [(v.name, v.regulation.in_force, v.regulation.until) for v in versions] == [
        ("hongqiao-2016", "2016-12-29", "2023-01-08"),
        ("hongqiao-2023", "2023-01-09", None),
    ]


def test_as_of_2020_the_executive_meeting_decides_from_3000000_yuan_by_the_2016_rules():
    g = govgraph.load(BOTH, jurisdiction="tianjin-hongqiao", as_of="2020-01-01")
    (answer,) = g.decide(amount="4000000")
    assert answer.meeting.zh == "区政府常务会议" and answer.basis.number == "30"
    assert answer.basis.regulation.in_force == "2016-12-29"


def test_today_a_sum_of_4000000_yuan_goes_to_the_heads_office_meeting_by_the_2023_rules():
    g = govgraph.load(BOTH, jurisdiction="tianjin-hongqiao")
    meetings = {c.meeting.zh for c in g.decide(amount="4000000")}
    assert "区长办公会议" in meetings and "区政府常务会议" not in meetings
    assert g.regulation.in_force == "2023-01-09"


def test_who_signs_appointments_changed_between_the_versions():
    old = govgraph.load(BOTH, jurisdiction="红桥", as_of="2020-01-01")
    new = govgraph.load(BOTH, jurisdiction="红桥", as_of="2024-06-01")
    assert {a.post.zh for a in old.who("签发", "任免人员的公文")} == {"负责日常工作的副区长"}
    assert {a.post.zh for a in new.who("签发", "任免人员的公文")} == {"区长"}


def test_no_version_is_in_force_before_the_earliest_one_took_force(library):  # noqa: ANN001
    with pytest.raises(govgraph.GovGraphError, match="no version"):
        library.scope("tianjin-hongqiao", "2010-01-01")


@pytest.mark.parametrize(("as_of", "meeting", "article"), [("2020-01-01", "区政府常务会议", "30"), (None, "区长办公会议", "42")])
def test_govgraph_decide_as_of_answers_from_the_version_in_force_then(as_of, meeting, article):  # noqa: ANN001
    options = ["--as-of", as_of] if as_of else []
    result = CliRunner().invoke(main, ["decide", "--amount", "4000000", "--rules", "hongqiao-2023", "--rules", EARLIER,
                                       *options, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (meeting, article) in {(d["meeting"]["zh"], d["basis"]["number"]) for d in data}


def test_a_rule_base_named_as_the_jurisdiction_is_that_version_whatever_the_date(library):  # noqa: ANN001
    assert library.scope("hongqiao-2016").rule_base.name == "hongqiao-2016"
    assert library.scope("hongqiao-2016", "2020-01-01").rule_base.name == "hongqiao-2016"
    with pytest.raises(govgraph.GovGraphError, match="not in force on 2024-01-01"):
        library.scope("hongqiao-2016", "2024-01-01")
    assert library.scope("tianjin-hongqiao").rule_base.name == "hongqiao-2023"
