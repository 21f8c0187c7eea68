"""The fast engine (the shapes as SPARQL on Oxigraph) reports what pySHACL reports.

pySHACL is the reference. Every case file of a rule base, its records renamed so that
cases do not collide, is validated at once by both engines; the findings must be the
same ones (shape, record, property, value, severity) and must explain the same way.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_validate import ALL_CASES, Cases

from govgraph.validate import validate

RECORD = re.compile(r"^ex:([\w-]+) a ", re.MULTILINE)


def merged(cases: Cases, folder: Path) -> list[Path]:
    """The support files and every case file, the records each case defines renamed ex:c<n>-<name>."""
    shared = {name for path in cases.support for name in RECORD.findall(path.read_text(encoding="utf-8"))}
    files = []
    for n, path in enumerate(cases.files):
        text = path.read_text(encoding="utf-8")
        renamed = re.sub(r"\bex:([\w-]+)", lambda m, n=n: m.group(0) if m.group(1) in shared else f"ex:c{n}-{m.group(1)}", text)
        target = folder / f"case-{n:03d}.ttl"
        target.write_text(renamed, encoding="utf-8")
        files.append(target)
    return [*cases.support, *files]


@pytest.mark.parametrize("cases", ALL_CASES, ids=[c.rules.name for c in ALL_CASES])
def test_pyshacl_and_the_fast_engine_report_the_same_findings_on_every_case(cases: Cases, tmp_path: Path) -> None:
    files = merged(cases, tmp_path)
    fast = validate(files, cases.rules, engine="fast")
    reference = validate(files, cases.rules, engine="pyshacl")
    assert len(fast.findings) >= sum(1 for path in cases.files if path.parent.name == "invalid")
    assert sorted(f.key() for f in fast.findings) == sorted(f.key() for f in reference.findings)
    explained = {f.key(): (unordered(f.message), f.article) for f in fast.findings}
    assert all(explained[f.key()] == (unordered(f.message), f.article) for f in reference.findings)


def unordered(message: object) -> tuple:
    """A message as the multiset of its characters: the lists it names come from GROUP_CONCAT,
    whose order SPARQL leaves to each engine, so the same names in another order are the same message."""
    return tuple("".join(sorted(text.replace(" or ", "、"))) for text in (message.zh, message.en))
