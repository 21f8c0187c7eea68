"""The words govgraph prints: headings, sentences and message templates in zh and en.

They live in one data file, ``words.toml`` beside this module; Python asks for them by
key (``"column.post"``) and fills templates by name. Labels of posts, meetings, acts and
articles are not words of the program: they come from the ontology and the rule base.

A command asks for a few words: :func:`word` parses only the entries asked for, each from
its own line (tests/test_words.py holds every entry so read equal to the whole file parsed
at once).
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

from .cite import Text

LANGUAGES = ("zh", "en")
_FILE = Path(__file__).with_name("words.toml")
#: A table header line: the section the entries below it belong to.
_HEADER = re.compile(r"\[([A-Za-z0-9_-]+)\][ \t]*(?:#.*)?$")


@cache
def table() -> dict[str, dict[str, str]]:
    """Every entry of ``words.toml``, keyed ``section.key``."""
    data = tomllib.loads(_FILE.read_text(encoding="utf-8"))
    return {f"{section}.{key}": entry for section, entries in data.items() for key, entry in entries.items()}


@cache
def _lines() -> dict[str, str]:
    """Each entry's line of ``words.toml``, keyed ``section.key`` (an entry is one inline table,
    which TOML keeps on one line)."""
    lines: dict[str, str] = {}
    section = ""
    for line in _FILE.read_text(encoding="utf-8").splitlines():
        if header := _HEADER.match(line):
            section = header.group(1)
        elif line.strip() and not line.lstrip().startswith("#"):
            lines[f"{section}.{line.split('=', 1)[0].strip()}"] = line
    return lines


@cache
def _entry(key: str) -> dict[str, str]:
    """The entry ``key`` (``section.key``): its text in each language, parsed from its own line."""
    try:
        line = _lines()[key]
    except KeyError:
        raise KeyError(key) from None
    return next(iter(tomllib.loads(line).values()))


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
