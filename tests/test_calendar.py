"""``govgraph calendar YEAR``: the working-day calendar from the chinesecalendar package (issue 13, item 8)."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner

from govgraph.cli import main

pytest.importorskip("chinese_calendar")

GG = rdflib.Namespace("https://w3id.org/govgraph/ontology#")
COMMITTED = Path(__file__).parents[1] / "data/hongqiao-2023/records/calendar-2023.ttl"


def days(graph: rdflib.Graph) -> dict[str, tuple[bool, int]]:
    """Each day of a calendar: whether it is a working day, and the working days to date."""
    return {str(graph.value(e, GG.calendarDate))[:10]: (graph.value(e, GG.isWorkingDay).toPython(),
                                                       int(graph.value(e, GG.workingDaysToDate)))
            for e in graph.subjects(rdflib.RDF.type, GG.CalendarEntry)}


def test_the_2023_calendar_built_from_chinesecalendar_equals_the_committed_calendar_day_by_day(tmp_path: Path) -> None:
    out = tmp_path / "calendar.ttl"
    result = CliRunner().invoke(main, ["calendar", "2023", "-o", str(out)])
    assert result.exit_code == 0, result.output
    built = days(rdflib.Graph().parse(out, format="turtle"))
    assert len(built) == 365
    assert built == days(rdflib.Graph().parse(COMMITTED, format="turtle"))


def test_the_2024_calendar_has_a_day_for_each_of_its_366_days_and_counts_its_working_days() -> None:
    result = CliRunner().invoke(main, ["calendar", "2024"])
    assert result.exit_code == 0, result.output
    built = days(rdflib.Graph().parse(data=result.output, format="turtle"))
    assert len(built) == 366
    assert built["2024-02-04"] == (True, built["2024-02-03"][1] + 1)  # a Sunday worked in place of a Spring Festival day
    assert built["2024-10-01"][0] is False


def test_a_year_the_package_does_not_cover_is_a_one_line_error_with_exit_2() -> None:
    result = CliRunner().invoke(main, ["calendar", "1999"])
    assert result.exit_code == 2
    assert "covers 2004 to" in result.output and "not 1999" in result.output
    assert "Traceback" not in result.output
