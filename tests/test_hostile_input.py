"""Hostile input files: entity expansion, files over the size limit, a byte order mark (issue 11, item 1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from govgraph._core.errors import InputError
from govgraph._core.files import source
from govgraph._core.remote import triples
from govgraph._core.stores import OxigraphStore, RdflibStore

from hostile import billion_laughs, govgraph, one_line_error

RULES = Path(__file__).resolve().parents[1] / "data" / "hongqiao-2023"


@pytest.mark.parametrize("store", [OxigraphStore, RdflibStore])
def test_an_xml_file_declaring_entities_is_refused_by_every_store_before_parsing(tmp_path: Path, store) -> None:  # noqa: ANN001
    bomb = billion_laughs(tmp_path / "bomb.rdf")
    with pytest.raises(InputError, match="declares entities"):
        store().load(bomb)


def test_an_xml_file_declaring_entities_is_refused_when_pushed_to_an_endpoint(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="declares entities"):
        list(triples([billion_laughs(tmp_path / "bomb.owl")]))


def test_the_refusal_names_the_file_and_the_line_of_the_declaration(tmp_path: Path) -> None:
    with pytest.raises(InputError) as refused:
        source(billion_laughs(tmp_path / "bomb.rdf"))
    assert refused.value.path.endswith("bomb.rdf") and refused.value.line == 3


def test_validate_refuses_a_billion_laughs_in_one_line_with_exit_2_within_its_memory_limit(tmp_path: Path) -> None:
    result = govgraph("validate", str(billion_laughs(tmp_path / "bomb.rdf")))
    assert result.returncode == 2
    assert "bomb.rdf:3: refused" in one_line_error(result)


def test_a_rules_folder_holding_a_billion_laughs_is_refused_with_exit_2(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    for path in RULES.glob("*.ttl"):
        (rules / path.name).write_bytes(path.read_bytes())
    billion_laughs(rules / "zz-bomb.rdf")
    result = govgraph("who", "convene", "ExecutiveMeeting", "--rules", str(rules))
    assert result.returncode == 2
    assert "declares entities" in one_line_error(result)


def test_load_refuses_a_billion_laughs_in_records_and_leaves_no_store(tmp_path: Path) -> None:
    records = billion_laughs(tmp_path / "records.rdf")
    result = govgraph("load", "--store", f"oxigraph:{tmp_path / 'store'}", "--records", str(records))
    assert result.returncode == 2
    assert "declares entities" in one_line_error(result)


def test_a_file_over_the_size_limit_is_refused_with_the_limit_and_how_to_raise_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.ttl"
    big.write_text("<http://example.org/a> <http://example.org/b> " + '"' + "x" * 3_000_000 + '" .\n', encoding="utf-8")
    monkeypatch.setenv("GOVGRAPH_MAX_INPUT_MB", "2")
    with pytest.raises(InputError, match="over the limit of 2,097,152 .*GOVGRAPH_MAX_INPUT_MB"):
        OxigraphStore().load(big)
    monkeypatch.setenv("GOVGRAPH_MAX_INPUT_MB", "4")
    OxigraphStore().load(big)


@pytest.mark.parametrize("given", ["abc", "-1", "nan", "inf", "0"])
def test_a_size_limit_that_is_not_a_positive_number_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str) -> None:
    path = tmp_path / "a.ttl"
    path.write_text("", encoding="utf-8")
    monkeypatch.setenv("GOVGRAPH_MAX_INPUT_MB", given)
    with pytest.raises(InputError, match="GOVGRAPH_MAX_INPUT_MB.*expected a positive number"):
        source(path)


@pytest.mark.parametrize("store", [OxigraphStore, RdflibStore])
def test_turtle_starting_with_a_utf8_byte_order_mark_is_read(tmp_path: Path, store) -> None:  # noqa: ANN001
    path = tmp_path / "bom.ttl"
    path.write_bytes(b"\xef\xbb\xbf@prefix ex: <http://example.org/> .\nex:a ex:b \"\xe5\x8c\xba\" .\n")
    loaded = store()
    loaded.load(path)
    assert len(loaded) == 1


def test_rdf_xml_without_a_doctype_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "plain.rdf"
    path.write_text('<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
                    'xmlns:ex="http://example.org/"><rdf:Description rdf:about="http://example.org/a">'
                    "<ex:b>c</ex:b></rdf:Description></rdf:RDF>\n", encoding="utf-8")
    store = OxigraphStore()
    store.load(path)
    assert len(store) == 1
