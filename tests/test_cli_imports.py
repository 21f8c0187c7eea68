"""Answering a question from the shell imports what the answer needs, and nothing more.

A fresh process answers ``govgraph who …`` as an analyst types it; what it imported is read
from ``sys.modules`` when it ends. No timing: start-up figures come from
``benchmarks/cli_latency.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from rich.markup import escape as rich_escape

from govgraph.cli._common import _unmarked, escape

#: Stages the analyst's questions never touch.
NOT_FOR_WHO = ("govgraph.authority", "govgraph.export", "govgraph.validate", "govgraph.serve", "govgraph.synth",
               "govgraph.draft", "govgraph.answers.compare", "govgraph.answers.cards", "govgraph._core.disk", "govgraph._core.remote",
               "govgraph.cli._csv")

_PROBE = """
import json, sys
from govgraph.cli import main
sys.argv = ["govgraph", *sys.argv[1:]]
try:
    main()
except SystemExit as exit:
    code = exit.code
else:
    code = 0
sys.stderr.write("\\nMODULES " + json.dumps(sorted(sys.modules)) + "\\n")
sys.exit(code)
"""


def imported_by(*args: str) -> tuple[subprocess.CompletedProcess, set[str]]:
    """Run ``govgraph ARGS`` in a fresh process (its output piped) and the modules it imported."""
    done = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, check=False)
    line = next(line for line in done.stderr.splitlines() if line.startswith("MODULES "))
    return done, set(json.loads(line.removeprefix("MODULES ")))


def _under(modules: set[str], package: str) -> list[str]:
    return sorted(m for m in modules if m == package or m.startswith(package + "."))


@pytest.mark.parametrize("args", [
    ("who", "convene", "区政府常务会议"),
    ("who", "convene", "区政府常务会议", "--format", "json"),
    ("decide", "--amount", "5000000"),
])
def test_answering_who_or_decide_imports_no_stage_it_does_not_use(args: tuple[str, ...]) -> None:
    done, modules = imported_by(*args)
    assert done.returncode == 0, done.stderr
    assert "41" in done.stdout
    assert {package: _under(modules, package) for package in NOT_FOR_WHO if _under(modules, package)} == {}


def test_a_piped_answer_is_printed_without_importing_rich() -> None:
    done, modules = imported_by("who", "convene", "区政府常务会议")
    assert done.returncode == 0, done.stderr
    assert _under(modules, "rich") == []


@pytest.mark.parametrize("text", [
    "第四十一条", "Article 41", "[bold]x[/bold]", "a [b] c", "\\[bold]", "\\\\[bold]", "[/]", "[#fff]", "[@click]",
    "[Bold]", "[1]", "ends with \\", "ends with \\\\", "[bold", "x]y[z", "\\", "",
])
def test_escape_follows_rich_markup_escape_without_importing_it(text: str) -> None:
    assert escape(text) == rich_escape(text)


@pytest.mark.parametrize("text", ["[bold]x[/bold]", "第四十一条 [a] [/]", "[#fff] and [@click]"])
def test_the_plain_printer_prints_escaped_markup_as_written(text: str) -> None:
    assert _unmarked(escape(text)) == text
