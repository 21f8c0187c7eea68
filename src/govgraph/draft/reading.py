"""Read a regulation's text into drafted rules, each with where it came from."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass, field

from ..law.articles import Chapter, parse_any_regulation
from . import readers, text as texts
from .patterns import KINDS, Pattern, Term, Vocabulary, vocabulary

Value = tuple[str, object]  # ("iri", "gg:Convene") | ("term", Term) | ("literal", 5) | ("label", (text, lang))


@dataclass
class DraftedRule:
    """One rule read from one span of one article by one pattern."""

    cls: str
    properties: dict[str, list[Value]]
    zh: str
    en: str
    article: int
    span: tuple[int, int]
    pattern: str

    def key(self) -> tuple:
        """What the rule says, without where it was read: two equal keys are one rule."""
        props = sorted((p, tuple(sorted(_value_key(v) for v in vs))) for p, vs in self.properties.items()
                       if p != "conditionLabel")
        return (self.cls, tuple(props))

    @property
    def local_name(self) -> str:
        digest = hashlib.sha1(repr((self.article, self.key())).encode()).hexdigest()[:8]
        return f"draft-{self.article}-{self.pattern.split('.')[-1]}-{digest}"


def _value_key(value: Value) -> str:
    kind, v = value
    return f"{kind}:{v.name if isinstance(v, Term) else v}"


@dataclass
class ArticleReading:
    """One article: its text, the rules read from it and the sentences no pattern read."""

    number: int
    chapter: int
    chapter_title: str
    text: str
    rules: list[DraftedRule] = field(default_factory=list)
    unrecognised: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Draft:
    """A whole regulation read: its title, level, articles and the terms its rules use."""

    title: str
    vocabulary: Vocabulary
    chapters: list[Chapter]
    articles: list[ArticleReading]

    @property
    def rules(self) -> list[DraftedRule]:
        return [r for a in self.articles for r in a.rules]

    def terms(self) -> list[Term]:
        """The terms the rules name, in the order of the terms file (matters last)."""
        used: dict[str, Term] = {}
        for rule in self.rules:
            for values in rule.properties.values():
                for kind, v in values:
                    if kind == "term":
                        used.setdefault(v.name, v)
        order = {t.name: i for i, t in enumerate(self.vocabulary.terms)}
        return sorted(used.values(), key=lambda t: (order.get(t.name, len(order)), t.name))


def read_regulation(source: str) -> Draft:
    """Normalise ``source``, cut it into articles and read every sentence with the patterns."""
    normal = texts.normalise(source)
    chapters = parse_any_regulation(normal)
    vocab = vocabulary(normal)
    vocab = dataclasses.replace(vocab, source=normal)
    title = next((m.group(1) for line in normal.split("\n")
                  if (m := re.search(vocab.text["title"], line.strip()))), "")
    articles = []
    for chapter in chapters:
        for article in chapter.articles:
            reading = ArticleReading(article.number, chapter.number, chapter.title, "\n".join(article.paragraphs))
            _read_article(reading, vocab)
            articles.append(reading)
    return Draft(title, vocab, chapters, articles)


def _read_article(article: ArticleReading, vocab: Vocabulary) -> None:
    seen: set[tuple] = set()
    for start, end in texts.sentences(article.text, vocab.text["sentence_ends"]):
        found = False
        for pattern in vocab.patterns:
            for m in pattern.regex.finditer(article.text, start, end):
                if pattern.unless_clause and _clause_has(article.text, m, start, end, pattern.unless_clause):
                    continue
                for rule in _rules(pattern, m, article, vocab):
                    found = True
                    if rule.key() not in seen:
                        seen.add(rule.key())
                        article.rules.append(rule)
        if not found:
            article.unrecognised.append((start, end))


def _clause_has(text: str, m: re.Match, start: int, end: int, unless: re.Pattern[str]) -> bool:
    """Whether the sentence, up to the end of the match, says ``unless``."""
    return bool(unless.search(text, start, m.end()))


def _slots(m: re.Match) -> dict[str, str]:
    """Named groups, an alias such as quorum2 folded into quorum."""
    out: dict[str, str] = {}
    for name, value in m.groupdict().items():
        if value is not None:
            out.setdefault(name.rstrip("0123456789"), value)
    return out


def _rules(pattern: Pattern, m: re.Match, article: ArticleReading, vocab: Vocabulary) -> list[DraftedRule]:
    slots = _slots(m)
    out = []
    for spec in pattern.rules:
        if "when" in spec and spec["when"] not in slots:
            continue
        terms = {name: _terms(text, vocab, _kind_of(name)) for name, text in slots.items()}
        if "meeting" not in slots:
            context = _context(article.text, m.start(), vocab, "meeting")
            if context:
                terms["meeting"], slots["meeting"] = [context], context.zh
        each = spec.get("each")
        groups = [[t] for t in terms.get(each, [])] if each else [None]
        for group in groups:
            bound = dict(terms, **({each: group} if each else {}))
            rule = _rule(pattern, spec, slots, bound, m, article, vocab)
            if rule is not None:
                out.append(rule)
    return out


def _rule(pattern, spec, slots, terms, m, article, vocab) -> DraftedRule | None:
    """One rule from one rule spec, or None when a slot it needs is empty."""
    properties: dict[str, list[Value]] = {}
    for prop, raw in spec.items():
        if prop in ("class", "when", "each", "zh", "en"):
            continue
        values = _values(raw, pattern, slots, terms, vocab)
        if values is None:
            return None
        if values:
            properties[prop] = values
    zh = _fill(spec.get("zh", ""), slots, terms, "zh", vocab)
    en = _fill(spec.get("en", ""), slots, terms, "en", vocab)
    return DraftedRule(spec["class"], properties, zh, en, article.number, (m.start(), m.end()), pattern.id)


def _values(raw, pattern, slots, terms, vocab) -> list[Value] | None:
    """A rule property's values; None when it names a term slot that named no term."""
    if isinstance(raw, bool | int | float):
        return [("literal", raw)]
    if isinstance(raw, list):
        out = []
        for item in raw:
            text, _, lang = item.rpartition("@")
            out.append(("label", (_fill(text, slots, terms, lang, vocab), lang)))
        return out
    if not raw.startswith("$"):
        return [("iri", raw)]
    slot, _, key = raw[1:].partition(".")
    if slot == "every":
        return [("term", t) for t in vocab.terms if t.kind == key and vocab.term_regex[t.name].search(vocab.source)]
    if not key:
        found = terms.get(slot)
        if not found and slot in slots and slot not in terms:
            return None
        return [("term", t) for t in found] if found else (None if slot in ("meeting",) or slot in slots else [])
    if slot not in slots:
        return []
    return _read(slots[slot], slot, key, pattern, vocab)


def _read(text: str, slot: str, key: str, pattern: Pattern, vocab: Vocabulary) -> list[Value]:
    if slot in readers.READERS:
        value = readers.READERS[slot](text, vocab.text).get(key)
    elif key + "s" in pattern.tables:
        value = pattern.tables[key + "s"].get(text)
        return [("iri", value)] if value else []
    else:
        value = readers.count(text, vocab.text).get(key)
    if value is None:
        return []
    if isinstance(value, str) and value.startswith("gg:"):
        return [("iri", value)]
    return [("literal", value)]


def _kind_of(slot: str) -> str | None:
    """A slot named after a kind of term (documents, meeting…) names terms of that kind only."""
    return next((kind for kind in KINDS if slot.startswith(kind)), None)


def _terms(text: str, vocab: Vocabulary, kind: str | None = None) -> list[Term]:
    """The template terms a slot's wording names, in order; else a matter of its own."""
    found: list[tuple[int, Term]] = []
    taken: list[tuple[int, int]] = []
    for term in vocab.terms:
        if kind and term.kind != kind:
            continue
        for m in vocab.term_regex[term.name].finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), term))
    if found:
        return [t for _, t in sorted(found, key=lambda x: x[0])]
    return [_matter(text, vocab)]


def _matter(text: str, vocab: Vocabulary) -> Term:
    """A matter the text names that no template term covers (a gg:MatterKind of its own)."""
    digest = hashlib.sha1(text.encode()).hexdigest()[:8]
    return Term(f"Matter-{digest}", "matter", "gg:MatterKind", "", "", text, "", ())


def _context(text: str, before: int, vocab: Vocabulary, kind: str) -> Term | None:
    """The last term of ``kind`` named in ``text`` before ``before``."""
    best: tuple[int, Term] | None = None
    for term in vocab.terms:
        if term.kind != kind:
            continue
        for m in vocab.term_regex[term.name].finditer(text, 0, before):
            if best is None or m.start() > best[0]:
                best = (m.start(), term)
    return best[1] if best else None


def _fill(template: str, slots: dict, terms: dict, lang: str, vocab: Vocabulary) -> str:
    join = vocab.text["words"]["join_zh"] if lang == "zh" else ", "

    def one(m: re.Match) -> str:
        name = m.group(1).removesuffix("_en")
        found = [t for t in terms.get(name, []) if t.kind != "matter"]
        if found:
            return join.join(t.zh if lang == "zh" else t.en for t in found)
        return slots.get(name, "")
    return re.sub(r"\{(\w+)\}", one, template)
