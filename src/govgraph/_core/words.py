"""The words govgraph prints: headings, sentences and message templates in zh and en.

They live in one data file, ``words.toml`` beside this module; Python asks for them by
key (``"column.post"``) and fills templates by name. Labels of posts, meetings, acts and
articles are not words of the program: they come from the ontology and the rule base.

A command asks for a few words of a few sections: :func:`word` parses only the sections
asked for (the file is cut at its ``[section]`` headers; tests/test_words.py holds the
sections, parsed alone, equal to the whole file parsed at once).
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

from .cite import Text

LANGUAGES = ("zh", "en")
_FILE = Path(__file__).with_name("words.toml")
#: A table header on a line of its own: where one section of words.toml ends and the next begins.
_HEADER = re.compile(r"^\[([A-Za-z0-9_-]+)\][ \t]*(?:#.*)?$", re.MULTILINE)


@cache
def table() -> dict[str, dict[str, str]]:
    """Every entry of ``words.toml``, keyed ``section.key``."""
    data = tomllib.loads(_FILE.read_text(encoding="utf-8"))
    return {f"{section}.{key}": entry for section, entries in data.items() for key, entry in entries.items()}


@cache
def _sources() -> dict[str, str]:
    """The text of each section of ``words.toml``, by its name (its header line first)."""
    source = _FILE.read_text(encoding="utf-8")
    starts = list(_HEADER.finditer(source))
    ends = [following.start() for following in starts[1:]] + [len(source)]
    return {start.group(1): source[start.start():end] for start, end in zip(starts, ends, strict=True)}


@cache
def _entries(name: str) -> dict[str, dict[str, str]]:
    """The entries of one section of ``words.toml``, by key (raise KeyError if there is no such section)."""
    return tomllib.loads(_sources()[name])[name]


def _entry(key: str) -> dict[str, str]:
    """The entry ``key`` (``section.key``): its text in each language."""
    name, _, within = key.partition(".")
    try:
        return _entries(name)[within]
    except KeyError:
        raise KeyError(key) from None


def word(key: str, lang: str = "zh", **values: object) -> str:
    """The entry ``key`` in ``lang``, its ``{name}`` slots filled from ``values``."""
    entry = _entry(key)
    template = entry.get(lang) or entry["en"]
    return template.format(**values) if values else template


def text(key: str, **values: object) -> Text:
    """The entry ``key`` in both languages, filled the same way."""
    return Text(*(word(key, lang, **values) for lang in LANGUAGES))


def section(name: str, lang: str = "zh") -> dict[str, str]:
    """Every entry of a section in ``lang``, by key (for pages that carry their words)."""
    prefix = f"{name}."
    return {key[len(prefix):]: entry.get(lang) or entry["en"] for key, entry in table().items() if key.startswith(prefix)}
