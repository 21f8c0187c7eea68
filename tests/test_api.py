"""The public API is what govgraph/__init__.py says it is, and no Python module names a jurisdiction's facts."""

from __future__ import annotations

import re
from pathlib import Path

import govgraph

SOURCE = Path(govgraph.__file__).parent


def test_the_public_names_are_exactly_those_in_all_and_sorted() -> None:
    for name in govgraph.__all__:
        getattr(govgraph, name)  # lazily exported names import their modules
    modules = {name for name in dir(govgraph) if isinstance(getattr(govgraph, name), type(govgraph))}
    public = {name for name in dir(govgraph) if not name.startswith("_")} - modules - {"annotations"}
    assert public == set(govgraph.__all__)
    for name in govgraph.__all__:
        assert getattr(govgraph, name) is not None
    assert govgraph.__all__ == sorted(govgraph.__all__)


def test_importing_govgraph_does_not_import_networkx_matplotlib_or_pyshacl() -> None:
    import subprocess
    import sys

    code = "import sys, govgraph; print(sorted(m for m in ('networkx', 'matplotlib', 'pyshacl', 'rdflib') if m in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == "[]"


def test_no_python_module_names_a_post_an_organ_a_threshold_or_an_article() -> None:
    """Posts, meetings, thresholds and articles belong in data/: a second jurisdiction needs no code."""
    jurisdiction_facts = re.compile(r"区长|副区长|区政府|常务会议|5000000|500万|hongqiao|art_\d")
    offending = [
        f"{path.relative_to(SOURCE)}:{number}: {line.strip()}"
        for path in SOURCE.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if jurisdiction_facts.search(line)
    ]
    assert offending == []
