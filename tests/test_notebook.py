"""Answers in a notebook: one line each when printed, a table in HTML, rows and DataFrames in one call."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import govgraph
from govgraph import authority
from govgraph._core.errors import GovGraphError
from govgraph.answers.model import AnswerList

ROOT = Path(__file__).resolve().parents[1]

# What an analyst types into notebook cells, run in a fresh interpreter as a kernel would.
NOTEBOOK = """
import json
import govgraph
from govgraph import authority
from govgraph.answers.model import AnswerList

g = govgraph.load()
spots = authority.weak_spots(g)
frame = spots.to_frame()
convene = AnswerList(g.who("convene", "区政府常务会议")).to_frame(lang="en")
powers = AnswerList(authority.powers_of(g, "区长"))
print(json.dumps({
    "spots": [len(frame), list(frame.columns)],
    "convene": convene[["post", "post_iri", "basis", "basis_iri"]].to_dict("records"),
    "powers_repr_lines": len(repr(powers).splitlines()),
    "powers": len(powers),
    "powers_html": "<table>" in powers._repr_html_(),
}, ensure_ascii=False))
"""


@pytest.fixture(scope="module")
def g() -> govgraph.GovGraph:
    return govgraph.load()


def test_a_notebook_script_builds_dataframes_of_answers_with_labels_iris_and_articles():
    pytest.importorskip("pandas")
    run = subprocess.run([sys.executable, "-c", NOTEBOOK], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout.strip().splitlines()[-1])
    rows, columns = out["spots"]
    assert rows > 0 and {"kind", "summary", "articles"} <= set(columns)
    assert {"post": "District Head", "basis": "Article 41"}.items() <= out["convene"][0].items()
    assert all(row["post_iri"].startswith("https://") and row["basis_iri"].startswith("https://") for row in out["convene"])
    assert out["powers_repr_lines"] == out["powers"] + 1
    assert out["powers_html"]


def test_an_answer_prints_as_one_short_line_naming_who_what_and_the_article(g):
    answers = AnswerList(g.who("convene", "区政府常务会议"))
    line = repr(answers[0])
    assert "\n" not in line and len(line) < 200
    assert "区长" in line and "召集" in line and "第四十一条" in line


def test_a_list_of_answers_prints_one_line_per_answer_and_stays_a_list(g):
    powers = AnswerList(authority.powers_of(g, "区长"))
    printed = repr(powers).splitlines()
    assert isinstance(powers, list) and len(printed) == len(powers) + 1
    assert max(len(line) for line in printed) < 300


def test_the_weak_spots_are_an_answer_list_whose_html_is_a_table_row_per_spot(g):
    spots = authority.weak_spots(g)
    assert isinstance(spots, AnswerList)
    table = spots._repr_html_()
    assert table.startswith("<table>") and table.count("<tr>") == len(spots) + 1


def test_each_record_names_resources_by_label_with_their_iri_beside_them(g):
    records = AnswerList(g.who("convene", "区政府常务会议")).to_records(lang="en")
    first = records[0]
    assert first["post"] == "District Head" and first["post_iri"].endswith("DistrictHead")
    assert first["basis"] == "Article 41" and first["basis_iri"].endswith("art_41")
    assert all(set(r) == set(first) for r in records), "every row has the same columns, unset ones empty"


def test_to_frame_without_pandas_says_which_extra_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(GovGraphError, match=r"govgraph\[notebook\]"):
        AnswerList([]).to_frame()


def test_the_package_ships_its_type_hints():
    assert (Path(govgraph.__file__).parent / "py.typed").is_file()
