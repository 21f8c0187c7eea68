"""`govgraph list`: what a store holds — governments, their versions in force or repealed,
records graphs, triple counts — and an error listing them when something asked is not there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from govgraph.cli import main

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).with_name("fixtures")
RULES = ["--rules", "hongqiao-2023", "--rules", str(FIXTURES / "hongqiao-2016"), "--rules", str(FIXTURES / "made-up-province")]


def listed(*args: str) -> dict:
    result = CliRunner().invoke(main, ["list", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_list_shows_each_government_with_its_versions_in_force_or_repealed():
    data = listed(*RULES)
    governments = {g["identifier"]: g for g in data["governments"]}
    assert set(governments) == {"tianjin-hongqiao", "made-up-province"}
    versions = [(v["rule_base"], v["in_force"], v["until"], v["status"]) for v in governments["tianjin-hongqiao"]["versions"]]
    assert versions == [("hongqiao-2016", "2016-12-29", "2023-01-08", "repealed"), ("hongqiao-2023", "2023-01-09", None, "in force")]
    assert governments["made-up-province"]["level"]["en"] == "provincial"
    assert all(v["triples"] > 0 for g in data["governments"] for v in g["versions"])


def test_list_as_of_a_date_says_which_version_was_in_force_then():
    data = listed(*RULES, "--as-of", "2020-01-01", "--jurisdiction", "tianjin-hongqiao")
    (hongqiao,) = data["governments"]
    assert [v["status"] for v in hongqiao["versions"]] == ["in force", "not yet in force"]


def test_list_counts_the_triples_of_every_graph_the_on_disk_store_holds_records_included(tmp_path: Path):
    store = f"oxigraph:{tmp_path / 'store'}"
    records = ROOT / "data" / "hongqiao-2023" / "records" / "records.ttl"
    loaded = CliRunner().invoke(main, ["load", "--store", store, "--records", str(records)])
    assert loaded.exit_code == 0, loaded.output
    graphs = {g["kind"]: g for g in listed("--store", store)["graphs"]}
    assert set(graphs) == {"ontology", "rule-base", "records"}
    assert graphs["records"]["triples"] > 0 and graphs["rule-base"]["rule_base"] == "hongqiao-2023"


@pytest.mark.parametrize(
    ("option", "value", "listed_name"),
    [("--jurisdiction", "nowhere", "hongqiao-2023"), ("--graph", "https://w3id.org/govgraph/graph/nothing", "graph/ontology")],
)
def test_list_refuses_a_government_or_graph_the_store_does_not_hold_with_exit_2_and_the_list(option, value, listed_name):  # noqa: ANN001
    result = CliRunner().invoke(main, ["list", option, value])
    assert result.exit_code == 2
    assert value in result.output and listed_name in result.output
