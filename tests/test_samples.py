"""govgraph samples: the sample records of a rule base can be listed and copied out, and validate as documented."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from govgraph.cli import main


def test_the_sample_year_and_the_validation_cases_of_hongqiao_are_listed_with_their_files() -> None:
    result = CliRunner().invoke(main, ["samples", "--rules", "hongqiao-2023", "--format", "json"])
    assert result.exit_code == 0, result.output
    found = {s["name"]: s for s in json.loads(result.output)}
    assert set(found) == {"hongqiao-2023/records", "hongqiao-2023/cases"}
    assert found["hongqiao-2023/records"]["summary"].startswith("A made-up year")
    assert all(Path(s["folder"]).is_dir() and s["files"] > 0 for s in found.values())


def test_copied_samples_keep_their_layout_so_the_cases_still_find_the_calendar(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["samples", "--rules", "hongqiao-2023", "--copy", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "hongqiao-2023/records/records.ttl").is_file()
    cases = tmp_path / "hongqiao-2023/tests/cases"
    assert '"../../records/calendar-2023.ttl"' in (cases / "cases.toml").read_text(encoding="utf-8")
    assert (cases / "../../records/calendar-2023.ttl").resolve().is_file()


def test_copying_samples_never_overwrites_a_folder_that_exists(tmp_path: Path) -> None:
    (tmp_path / "hongqiao-2023/records").mkdir(parents=True)
    (tmp_path / "hongqiao-2023/records/mine.ttl").write_text("# mine", encoding="utf-8")
    result = CliRunner().invoke(main, ["samples", "--rules", "hongqiao-2023", "--copy", str(tmp_path)])
    assert result.exit_code == 2
    assert "exists already" in result.output
    assert [p.name for p in (tmp_path / "hongqiao-2023/records").iterdir()] == ["mine.ttl"]
    assert not (tmp_path / "hongqiao-2023/tests").exists()
