"""One on-disk store shared by many processes, and broken or unwritable store folders (issue 11, items 5 and 9)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hostile import govgraph, one_line_error

ASK = ("who", "convene", "ExecutiveMeeting", "--format", "json")


def _records(path: Path, n: int) -> Path:
    path.write_text(f'<http://example.org/r{n}> <http://example.org/says> "{n}" .\n', encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path: Path) -> Path:
    location = tmp_path / "store"
    result = govgraph("load", "--store", f"oxigraph:{location}", "--records", str(_records(tmp_path / "a.nt", 0)))
    assert result.returncode == 0, result.stderr
    return location


def test_eight_processes_reading_and_writing_one_store_all_get_right_answers_and_no_traceback(store: Path, tmp_path: Path) -> None:
    expected = govgraph(*ASK, "--store", f"oxigraph:{store}")
    assert expected.returncode == 0, expected.stderr
    os.utime(tmp_path / "a.nt", (1, 1))  # the store's records are now stale: readers say so and answer
    command = [sys.executable, "-c", "from govgraph.cli import main; main()"]
    runs = []
    for n in range(8):
        if n % 2:
            args = ["load", "--store", f"oxigraph:{store}", "--records", str(_records(tmp_path / f"r{n}.nt", n))]
        else:
            args = [*ASK, "--store", f"oxigraph:{store}"]
        runs.append(subprocess.Popen([*command, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                     env={**os.environ, "GOVGRAPH_LANG": "en"}))
    results = [(run.args, *run.communicate(timeout=300), run.returncode) for run in runs]
    for args, out, err, code in results:
        assert code == 0 and "Traceback" not in err and "Corruption" not in err, (args, err[-1500:])
        if "who" in args:
            assert out == expected.stdout
    versions = list((store / "versions").iterdir())
    assert len(versions) == 1, "versions no process reads any more are removed"


def test_a_store_path_that_is_a_file_is_one_line_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "file"
    path.write_text("x", encoding="utf-8")
    result = govgraph(*ASK, "--store", f"oxigraph:{path}")
    assert result.returncode == 2
    assert "is a file" in one_line_error(result)


def test_a_corrupted_store_is_one_line_exit_2(store: Path) -> None:
    for path in (store / "current" / "oxigraph").iterdir():
        if path.is_file():
            path.write_bytes(b"\x00garbage" * 10)
    result = govgraph(*ASK, "--store", f"oxigraph:{store}")
    assert result.returncode == 2
    one_line_error(result)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_store_folder_is_one_line_exit_2_on_load(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = govgraph("load", "--store", f"oxigraph:{folder / 'store'}")
    finally:
        folder.chmod(0o700)
    assert result.returncode == 2
    one_line_error(result)
