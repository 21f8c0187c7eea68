"""Versions in force over an on-disk store: the made-up Hongqiao 2016 rules and the 2023 rules
loaded into one store judge each record by the version in force on its date, with the dates the
store's library knows (the 2016 version ends the day before the 2023 one took force), as
``validate --rules A --rules B`` does with folders."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_validate_versions import EARLIER, NUMBER_2016, PREFIXES, SAME_SUM_2020_AND_2024, VERSIONS, office_meeting, on, records

from govgraph._core.errors import GovGraphError
from govgraph.answers.loading import open_library
from govgraph.validate import validate
from govgraph.validate.versions import judge_by_version_in_store


def one(files, folder):  # noqa: ANN001, ANN201 - one validation, by one version's folder
    return validate(files, folder)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    spec = f"oxigraph:{tmp_path_factory.mktemp('versions') / 'store'}"
    open_library(VERSIONS, store=spec)  # a new folder is built from the rules given
    return spec


def test_the_same_sum_breaks_the_2016_rules_in_2020_and_not_the_2023_rules_in_2024_over_a_store(store: str, tmp_path: Path) -> None:
    report = judge_by_version_in_store([records(tmp_path, SAME_SUM_2020_AND_2024)], store, one)
    [finding] = on(report, "m2020")
    assert finding.article.number == "31" and finding.article.article.iri.endswith("hongqiao-2016/art_31")
    assert finding.version.number == NUMBER_2016 and finding.version.until == "2023-01-08"
    assert on(report, "m2024") == [] and report.findings == (finding,)


def test_the_store_judges_as_the_folders_do(store: str, tmp_path: Path) -> None:
    path = records(tmp_path, SAME_SUM_2020_AND_2024 + office_meeting("late", '"2024-05-06T09:30:00"^^xsd:dateTime', "hq16"))
    from_store = judge_by_version_in_store([path], store, one, jurisdiction="tianjin-hongqiao")
    from_folders = validate([path], VERSIONS)
    assert {(f.key(), f.version) for f in from_store.findings} == {(f.key(), f.version) for f in from_folders.findings}


def test_a_record_dated_before_any_version_the_store_holds_is_a_finding_never_a_pass(store: str, tmp_path: Path) -> None:
    path = records(tmp_path, PREFIXES + office_meeting("m2010", '"2010-03-04"^^xsd:date', "hq"))
    [finding] = on(judge_by_version_in_store([path], store, one), "m2010")
    assert finding.severity == "violation" and "2016-12-29" in finding.message.en


def test_a_store_of_several_governments_needs_the_one_to_judge_by(tmp_path: Path) -> None:
    spec = f"oxigraph:{tmp_path / 'store'}"
    open_library([*VERSIONS, str(Path(EARLIER).with_name("made-up-city"))], store=spec)
    with pytest.raises(GovGraphError, match="2 governments given"):
        judge_by_version_in_store([records(tmp_path, SAME_SUM_2020_AND_2024)], spec, one)
    with pytest.raises(GovGraphError, match="0 governments named 'nowhere'"):
        judge_by_version_in_store([records(tmp_path, SAME_SUM_2020_AND_2024)], spec, one, jurisdiction="nowhere")


def test_govgraph_validate_store_judges_each_record_by_the_version_in_force_on_its_date(store: str, tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from govgraph.cli import main

    path = records(tmp_path, SAME_SUM_2020_AND_2024)
    result = CliRunner().invoke(main, ["validate", str(path), "--store", store, "--jurisdiction", "tianjin-hongqiao", "--format", "json"])
    assert result.exit_code == 1, result.output
    [finding] = json.loads(result.output)["findings"]
    assert finding["article"]["number"] == "31" and finding["version"]["number"] == NUMBER_2016
    both = CliRunner().invoke(main, ["validate", str(path), "--store", store, "--rules", str(VERSIONS[0])])
    assert both.exit_code == 2 and "not both" in both.output


def test_validate_refuses_store_options_it_would_otherwise_ignore(store: str, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from govgraph.cli import main

    path = str(records(tmp_path, SAME_SUM_2020_AND_2024))
    with_each = CliRunner().invoke(main, ["validate", path, path, "--store", store, "--each"])
    assert with_each.exit_code == 2 and "does not go with --each" in with_each.output
    alone = CliRunner().invoke(main, ["validate", path, "--jurisdiction", "tianjin-hongqiao"])
    assert alone.exit_code == 2 and "give the store too" in alone.output
