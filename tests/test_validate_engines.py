"""The fast engine (the shapes as SPARQL on Oxigraph) reports what pySHACL reports.

pySHACL is the reference. Every case file, its records renamed so that cases do not
collide, is validated at once by both engines; the findings must be the same ones
(shape, record, property, value, severity) and must explain the same way.
"""

from __future__ import annotations

import re
from pathlib import Path

from govgraph.validate import validate

CASES = Path(__file__).parent / "cases"
BASE = CASES / "base.ttl"
SHARED = set(re.findall(r"^ex:([\w-]+) a ", BASE.read_text(encoding="utf-8"), re.MULTILINE))


def merged(folder: Path) -> list[Path]:
    """Every case file, with the records it defines renamed ex:c<n>-<name>."""
    files = []
    for n, path in enumerate(sorted(CASES.glob("*/*/*.ttl"))):
        text = path.read_text(encoding="utf-8")
        renamed = re.sub(r"\bex:([\w-]+)", lambda m, n=n: m.group(0) if m.group(1) in SHARED else f"ex:c{n}-{m.group(1)}", text)
        target = folder / f"case-{n:03d}.ttl"
        target.write_text(renamed, encoding="utf-8")
        files.append(target)
    return [BASE, CASES / "calendar-2023.ttl", *files]


def test_pyshacl_and_the_fast_engine_report_the_same_findings_on_every_case(tmp_path: Path) -> None:
    files = merged(tmp_path)
    fast = validate(files, engine="fast")
    reference = validate(files, engine="pyshacl")
    assert len(fast.findings) > 20
    assert sorted(f.key() for f in fast.findings) == sorted(f.key() for f in reference.findings)
    explained = {f.key(): (f.message, f.article) for f in fast.findings}
    assert all(explained[f.key()] == (f.message, f.article) for f in reference.findings)


def test_the_sample_year_holds_exactly_the_planted_violations_listed_in_its_readme() -> None:
    folder = Path(__file__).parents[1] / "data" / "hongqiao-2023" / "records"
    readme = (folder / "README.md").read_text(encoding="utf-8")
    planted = sorted(re.findall(r"^\| `(\S+)` \| `(\S+)` \|", readme, re.MULTILINE))
    report = validate([folder])
    base = "https://w3id.org/govgraph/id/hongqiao-2023/records/"
    assert len(planted) >= 10
    assert sorted((f.shape.rsplit("#", 1)[-1], f.focus.iri.removeprefix(base)) for f in report.findings) == planted
