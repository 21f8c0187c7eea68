"""words.toml read a section at a time says what the whole file says."""

from __future__ import annotations

import re
import tomllib

import pytest

from govgraph._core import words


def test_each_section_parsed_alone_holds_what_the_whole_file_holds() -> None:
    whole = tomllib.loads(words._FILE.read_text(encoding="utf-8"))
    assert list(words._sources()) == list(whole)
    assert {name: words._entries(name) for name in whole} == whole


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
