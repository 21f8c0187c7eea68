"""Every rule base the tests know: those the project carries in data/ and the made-up ones
in tests/fixtures/. A rule base brings its own tests (tests/competency.toml, tests/cases/);
the test modules find them here, so a new government needs files, not code."""

from __future__ import annotations

from pathlib import Path

from govgraph.law import jurisdictions

FIXTURES = Path(__file__).with_name("fixtures")


def rule_bases() -> list[jurisdictions.Jurisdiction]:
    carried = [jurisdictions.find(name) for name in jurisdictions.available()]
    made_up = [jurisdictions.find(folder) for folder in sorted(FIXTURES.iterdir()) if folder.is_dir() and any(folder.glob("*.ttl"))]
    return carried + made_up
