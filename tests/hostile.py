"""Helpers of the hostile-input tests: hostile files written by the tests themselves, and the
command under test run in a child process with limits on its memory and time."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

#: Address space a child may take: a parser that expands entities runs out long before.
CHILD_MEMORY = 2 << 30
CHILD_SECONDS = 120


def billion_laughs(path: Path, levels: int = 9) -> Path:
    """An RDF/XML file of about a kilobyte whose one literal expands to 10**levels "lol"s."""
    entities = ['<!ENTITY lol0 "lol">']
    entities += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels + 1)]
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n  ' + "\n  ".join(entities) + "\n]>\n"
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">\n'
        f'  <rdf:Description rdf:about="http://example.org/a"><ex:says>&lol{levels};</ex:says></rdf:Description>\n'
        "</rdf:RDF>\n",
        encoding="utf-8",
    )
    return path


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY, CHILD_MEMORY))
    resource.setrlimit(resource.RLIMIT_CPU, (CHILD_SECONDS, CHILD_SECONDS))


def govgraph(*args: str, env: dict[str, str] | None = None, timeout: float = CHILD_SECONDS,
             stdin: str | None = None) -> subprocess.CompletedProcess:
    """``govgraph ARGS`` in a child process under a memory and CPU limit."""
    return subprocess.run(
        [sys.executable, "-c", "from govgraph.cli import main; main()", *args], capture_output=True, text=True, timeout=timeout,
        preexec_fn=_limits, env={**os.environ, "GOVGRAPH_LANG": "en", **(env or {})}, input=stdin,
    )


def one_line_error(result: subprocess.CompletedProcess) -> str:
    """The error a failed command printed, asserting it is one line and no traceback."""
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr[-2000:]
    return lines[0]
