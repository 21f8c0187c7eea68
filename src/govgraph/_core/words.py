"""The words govgraph prints: headings, sentences and message templates in zh and en.

They live in one data file, ``words.toml`` beside this module; Python asks for them by
key (``"column.post"``) and fills templates by name. Labels of posts, meetings, acts and
articles are not words of the program: they come from the ontology and the rule base.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from .cite import Text

LANGUAGES = ("zh", "en")
_FILE = Path(__file__).with_name("words.toml")


@cache
def table() -> dict[str, dict[str, str]]:
    """Every entry of ``words.toml``, keyed ``section.key``."""
    data = tomllib.loads(_FILE.read_text(encoding="utf-8"))
    return {f"{section}.{key}": entry for section, entries in data.items() for key, entry in entries.items()}


def word(key: str, lang: str = "zh", **values: object) -> str:
    """The entry ``key`` in ``lang``, its ``{name}`` slots filled from ``values``."""
    entry = table()[key]
    template = entry.get(lang) or entry["en"]
    return template.format(**values) if values else template


def text(key: str, **values: object) -> Text:
    """The entry ``key`` in both languages, filled the same way."""
    return Text(*(word(key, lang, **values) for lang in LANGUAGES))


def section(name: str, lang: str = "zh") -> dict[str, str]:
    """Every entry of a section in ``lang``, by key (for pages that carry their words)."""
    prefix = f"{name}."
    return {key[len(prefix):]: entry.get(lang) or entry["en"] for key, entry in table().items() if key.startswith(prefix)}
