"""The record generator: the sample year it writes, the synthetic jurisdictions' records, its errors."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

import govgraph
from govgraph.synth import jurisdictions as synth
from govgraph.synth import records, rules
from govgraph.synth.profile import Profile
from govgraph.validate import validate

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "hongqiao-2023" / "records"
README = (SAMPLE / "README.md").read_text(encoding="utf-8")


def inputs(folder: Path) -> Path:
    """A copy of the sample year's profile.toml and holidays.toml in ``folder``."""
    for name in ("profile.toml", "holidays.toml"):
        shutil.copy(SAMPLE / name, folder / name)
    return folder


def regenerate(folder: Path) -> subprocess.CompletedProcess:
    """Run the command the sample year's README documents on ``folder`` (another hash seed than the last run's)."""
    module = re.search(r"python -m (\S+) data/hongqiao-2023/records$", README, re.MULTILINE).group(1)
    return subprocess.run([sys.executable, "-m", module, str(folder)], capture_output=True, text=True, cwd=ROOT, check=False,
                          env={**os.environ, "PYTHONHASHSEED": "12345"})


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess]:
    folder = inputs(tmp_path_factory.mktemp("sample"))
    return folder, regenerate(folder)


@pytest.mark.parametrize("name", ["records.ttl", "calendar-2023.ttl"])
def test_the_documented_command_regenerates_the_sample_year_byte_for_byte(regenerated, name: str) -> None:
    folder, done = regenerated
    assert done.returncode == 0, done.stderr
    assert (folder / name).read_bytes() == (SAMPLE / name).read_bytes()


def test_the_generator_reports_planting_exactly_the_violations_the_readme_lists(regenerated) -> None:
    _folder, done = regenerated
    base = "https://w3id.org/govgraph/id/hongqiao-2023/records/"
    listed = sorted(re.findall(r"^\| `(\S+)` \| `(\S+)` \|", README, re.MULTILINE))
    reported = sorted((shape, record.removeprefix(base)) for shape, record, _what in (line.split("\t") for line in done.stdout.splitlines()))
    assert reported == listed
    assert "warning" not in done.stderr


def test_records_are_named_under_the_namespace_of_the_rule_base_they_are_made_for(tmp_path: Path) -> None:
    """The sample year's profile, on a copy of the rule base moved to another namespace: no IRI of the original remains."""
    template = synth.Template.read()
    moved = tmp_path / "moved"
    moved.mkdir()
    synth.write_ntriples(synth.jurisdiction(template, 7), moved / "rules.ttl")
    graph = govgraph.load(moved)
    written, plants = records.district(rules.from_graph(graph), Profile.read(SAMPLE, graph))
    terms = {term.value for triple in written.triples for term in (triple.subject, triple.object) if isinstance(term, ox.NamedNode)}
    assert plants.planted
    assert {t.subject.value.startswith(synth.synthetic_namespace(template, 7) + "records/") for t in written.triples} == {True}
    assert not any(term.startswith(template.namespace) for term in terms)


def test_synthetic_post_holdings_are_the_records_the_shapes_read_and_find_nothing_wrong_with(tmp_path: Path) -> None:
    path = synth.template_records(tmp_path / "records.nt")
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert any("#PostHolding>" in line for line in lines)
    assert validate([path]).findings == ()
    # The same records with one holding's government left out: the shapes find that one.
    cut = next(line for line in lines if "#ofGovernment>" in line)
    path.write_text("".join(line for line in lines if line != cut), encoding="utf-8")
    findings = validate([path]).findings
    assert [(f.shape.rsplit("#", 1)[-1], f.focus.iri) for f in findings] == [("PostHolding-organisation", cut.split(" ", 1)[0].strip("<>"))]


def test_a_profile_naming_a_post_the_rule_base_lacks_fails_in_one_line_with_exit_2(tmp_path: Path) -> None:
    profile = inputs(tmp_path) / "profile.toml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("OfficeDirector = 1", "ChiefWizard = 1"), encoding="utf-8")
    done = regenerate(tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "profile.toml" in done.stderr and "ChiefWizard" in done.stderr
