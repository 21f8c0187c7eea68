"""The wheel carries what a user and a packager expect: the licence and notice, metadata, and every data file."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--quiet", "-w", str(out)],
                   check=True, capture_output=True)
    (built,) = out.glob("govgraph-*.whl")
    return zipfile.ZipFile(built)


def metadata(wheel: zipfile.ZipFile):  # noqa: ANN201 - email.message.Message
    (name,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    return Parser().parsestr(wheel.read(name).decode("utf-8"))


def test_the_wheel_carries_the_apache_licence_and_the_notice_on_the_regulation_texts(wheel: zipfile.ZipFile) -> None:
    names = wheel.namelist()
    licence = next(n for n in names if n.endswith("licenses/LICENSE"))
    notice = next(n for n in names if n.endswith("licenses/NOTICE"))
    assert "Apache License" in wheel.read(licence).decode() and "Version 2.0" in wheel.read(licence).decode()
    assert "regulation" in wheel.read(notice).decode()
    assert metadata(wheel)["License-Expression"] == "Apache-2.0"


def test_the_wheel_carries_the_changelog_and_how_to_cite_the_project(wheel: zipfile.ZipFile) -> None:
    assert "## [Unreleased]" in wheel.read("govgraph/_resources/CHANGELOG.md").decode()
    assert "cff-version:" in wheel.read("govgraph/_resources/CITATION.cff").decode()


def test_the_wheel_names_its_project_urls_classifiers_and_one_extra_per_use(wheel: zipfile.ZipFile) -> None:
    meta = metadata(wheel)
    assert any(url.startswith("Homepage, ") for url in meta.get_all("Project-URL"))
    assert "Typing :: Typed" in meta.get_all("Classifier")
    assert {"reason", "validate", "graph", "serve", "endpoint", "all"} <= set(meta.get_all("Provides-Extra"))


def test_the_wheel_carries_the_ontology_shapes_queries_and_rule_bases_it_answers_from(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    for folder in ("ontology", "shapes", "queries"):
        expected = {f"govgraph/_resources/{folder}/{p.name}" for p in (ROOT / folder).iterdir() if p.is_file()}
        assert expected <= names, folder
    assert "govgraph/_resources/data/catalog.toml" in names
    assert "govgraph/_resources/data/hongqiao-2023/rules.ttl" in names
    assert "govgraph/_core/words.toml" in names
