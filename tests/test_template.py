"""``govgraph template KIND``: a record template from the ontology and the shapes (issue 13, item 8)."""

from __future__ import annotations

import pytest
import rdflib
from click.testing import CliRunner

from govgraph.cli import main

GG = rdflib.Namespace("https://w3id.org/govgraph/ontology#")


def template(*args: str):  # noqa: ANN201 - click Result
    return CliRunner().invoke(main, ["template", *args])


@pytest.mark.parametrize(("kind", "cls"), [("meeting", GG.MeetingRecord), ("document", GG.DocumentRecord),
                                           ("leave", GG.LeaveRecord), ("duty-shift", GG.DutyShiftRecord),
                                           ("report", GG.VerificationRecord)])
def test_each_record_kind_has_a_template_that_parses_as_a_record_of_its_class(kind: str, cls: rdflib.URIRef) -> None:
    result = template(kind)
    assert result.exit_code == 0, result.output
    graph = rdflib.Graph().parse(data=result.output, format="turtle")
    assert len(list(graph.subjects(rdflib.RDF.type, cls))) == 1


def test_the_meeting_template_states_what_the_shapes_require_and_comments_out_the_rest() -> None:
    lines = template("meeting").output.splitlines()
    held = next(line for line in lines if "gg:heldAt" in line)
    attendee = next(line for line in lines if "gg:attendee" in line)
    assert not held.startswith("#") and "required" in held
    assert attendee.startswith("#") and "required" not in attendee


def test_the_verification_template_requires_the_phone_report_time() -> None:
    phoned = next(line for line in template("report").output.splitlines() if "gg:phonedAt" in line)
    assert not phoned.startswith("#")


def test_an_unknown_record_kind_is_a_one_line_error_naming_the_kinds() -> None:
    result = template("meting")
    assert result.exit_code == 2
    assert "no record kind 'meting'" in result.output and "meeting" in result.output
