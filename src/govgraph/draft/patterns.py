"""The patterns folder: terms of the template and clause patterns, loaded and compiled.

A pattern file is one family of clauses; see patterns/README.md for the format.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from .._core import resources

KINDS = ("post", "organ", "meeting", "document")


class PatternError(ValueError):
    """A pattern file does not follow patterns/README.md; the message names the file."""


@dataclass(frozen=True)
class Term:
    """A post, organ, meeting or document kind of the template, as this text names it."""

    name: str
    kind: str
    cls: str
    concept: str
    match: str
    zh: str
    en: str
    wordings: tuple[str, ...]
    alt: str = ""  # the template's label, when the text names the term otherwise


@dataclass(frozen=True)
class Pattern:
    """One recurring clause: its regular expression and the rules a match makes."""

    family: str
    name: str
    regex: re.Pattern[str]
    rules: tuple[dict, ...]
    unless_clause: re.Pattern[str] | None = None
    tables: dict = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.family}.{self.name}"


@dataclass(frozen=True)
class Vocabulary:
    """Everything the patterns folder says, for one text (its level filled in)."""

    level: str
    level_en: str
    superior: str
    terms: tuple[Term, ...]
    term_regex: dict[str, re.Pattern[str]]
    patterns: tuple[Pattern, ...]
    text: dict
    source: str = ""


def _load(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise PatternError(f"{path}: {e}") from None


@cache
def _folder(folder: Path) -> tuple[dict, list[dict], dict[str, dict]]:
    text = _load(folder / "text.toml")
    terms = _load(folder / "terms.toml").get("term", [])
    families = {p.stem: _load(p) for p in sorted(folder.glob("*.toml")) if p.stem not in ("text", "terms")}
    return text, terms, families


def level_of(text: str, settings: dict) -> str:
    """The government's level character, from the title or else the most named."""
    found = re.search(settings["level"], text)
    if found:
        return found.group(1)
    counts = Counter(re.findall(settings["level_fallback"], text))
    if not counts:
        raise PatternError("the text names no government (expected a title naming its working rules, see patterns/text.toml)")
    return counts.most_common(1)[0][0]


def vocabulary(text: str, folder: Path | None = None) -> Vocabulary:
    """The terms and compiled patterns for a text (its level read from the text)."""
    settings, raw_terms, families = _folder(folder or resources.patterns_dir())
    level = level_of(text, settings)
    fill = {"L": level, "U": settings["superior"].get(level, ""), "Level": settings["level_en"].get(level, "")}
    # a term named after the level above means nothing where the text names none (a province)
    terms = tuple(_term(t, fill) for t in raw_terms if fill["U"] or not any("{U}" in w for w in t["wordings"]))
    term_regex = {t.name: re.compile("|".join(f"(?:{w})" for w in t.wordings)) for t in terms}
    fragments = dict(settings.get("fragments", {}))
    for kind in KINDS:
        alternatives = "|".join(w for t in terms if t.kind == kind for w in t.wordings)
        fragments[kind] = f"(?:{alternatives})"
        fragments[kind + "s"] = f"(?:{fragments[kind]}(?:(?:{settings['words']['separators']}){fragments[kind]})*)"
    fragments.update({"L": fill["L"], "U": fill["U"]})
    patterns = tuple(_pattern(family, p, fragments, data)
                     for family, data in families.items() for p in data.get("pattern", []))
    return Vocabulary(level, fill["Level"], fill["U"], terms, term_regex, patterns, settings)


def as_worded(vocab: Vocabulary, text: str) -> Vocabulary:
    """Each post, organ and meeting labelled as ``text`` names it (the executive deputy as
    the text calls it, not by the template's wording), the template's label kept as ``alt``;
    a term the text names by the template's own label, or does not name, keeps it."""
    drop = vocab.text["words"].get("label_drop", "")
    terms = []
    for term in vocab.terms:
        found = {re.sub(drop, "", m.group()) if drop else m.group() for m in vocab.term_regex[term.name].finditer(text)}
        if term.kind == "document" or not found or term.zh in found:
            terms.append(term)
        else:
            terms.append(replace(term, zh=max(found, key=lambda w: (len(w), w)), alt=term.zh))
    return replace(vocab, terms=tuple(terms))


def _term(raw: dict, fill: dict) -> Term:
    def filled(s: str) -> str:
        return s.replace("{L}", fill["L"]).replace("{U}", fill["U"]).replace("{Level}", fill["Level"])
    return Term(raw["name"], raw["kind"], raw["class"], raw.get("concept", ""), raw.get("match", "exact"),
                filled(raw["zh"]), filled(raw["en"]), tuple(filled(w) for w in raw["wordings"]))


def _pattern(family: str, raw: dict, fragments: dict, data: dict) -> Pattern:
    source = raw["regex"]
    for key, value in fragments.items():
        source = source.replace("{" + key + "}", value)
    try:
        regex = re.compile(source)
        unless = re.compile(raw["unless_clause"]) if "unless_clause" in raw else None
    except re.error as e:
        raise PatternError(f"patterns/{family}.toml, pattern {raw.get('name')}: {e}") from None
    tables = {k: v for k, v in data.items() if k != "pattern"}
    return Pattern(family, raw["name"], regex, tuple(raw.get("rule", [])), unless, tables)
