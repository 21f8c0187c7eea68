"""words.toml read an entry at a time says what the whole file says."""

from __future__ import annotations

import re
import tomllib

import pytest

from govgraph._core import words


def test_each_entry_parsed_from_its_own_line_is_what_the_whole_file_holds() -> None:
    whole = tomllib.loads(words._FILE.read_text(encoding="utf-8"))
    entries = {f"{section}.{key}": entry for section, held in whole.items() for key, entry in held.items()}
    assert list(words._lines()) == list(entries)
    assert {key: words._entry(key) for key in words._lines()} == entries


def test_every_word_is_read_as_the_whole_table_reads_it() -> None:
    for key, entry in words.table().items():
        assert words._entry(key) == entry
        for lang in words.LANGUAGES:
            if "{" not in entry[lang]:
                assert words.word(key, lang) == entry[lang]


@pytest.mark.parametrize("key", ["column.nowhere", "nowhere.post", "column", ""])
def test_a_key_the_file_does_not_hold_is_a_key_error_naming_it(key: str) -> None:
    with pytest.raises(KeyError, match=re.escape(repr(key))):
        words.word(key)
