"""A huge broken input reads as a few findings per shape and a count of the rest (issue 11, item 9)."""

from __future__ import annotations

import pytest

from govgraph._core.cite import Named, Text
from govgraph.validate.report import cap_per_shape, Finding


def _finding(shape: str, n: int, severity: str = "violation") -> Finding:
    return Finding(severity, shape, "http://www.w3.org/ns/shacl#MinCountConstraintComponent",
                   Named(f"http://example.org/r{n:06d}", Text("r", "r")), None, None, Text("m", "m"), None)


def test_repeated_findings_of_one_shape_are_capped_with_a_count_of_the_rest() -> None:
    findings = [_finding("http://example.org/A", n) for n in range(1000)] + [_finding("http://example.org/B", n) for n in range(3)]
    shown, left_out = cap_per_shape(findings, 20)
    assert [f.shape for f in shown].count("http://example.org/A") == 20
    assert [f.shape for f in shown].count("http://example.org/B") == 3
    assert left_out == {"http://example.org/A": 980}


def test_violations_are_shown_before_warnings_of_the_same_shape() -> None:
    findings = [_finding("http://example.org/A", n, "warning") for n in range(5)] + [_finding("http://example.org/A", 9)]
    shown, _left_out = cap_per_shape(findings, 1)
    assert shown[0].severity == "violation"


def test_a_cap_below_one_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        cap_per_shape([], 0)


def _die(group: list[str], rules, engine: str):  # noqa: ANN001, ANN202 - a worker killed as by the kernel's OOM killer
    import os

    os._exit(137)


def test_a_validating_process_that_dies_gives_no_report_but_an_error_naming_its_group(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # noqa: ANN001
    from govgraph._core.errors import GovGraphError
    from govgraph.validate import run

    monkeypatch.setattr(run, "_validate_group", _die)
    groups = [[tmp_path / "a.ttl"], [tmp_path / "b.ttl"]]
    with pytest.raises(GovGraphError, match=r"stopped before it finished .*no report is given"):
        run.validate_each(groups, processes=2)
