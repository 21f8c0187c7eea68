"""Read a regulation's text into drafted rules, each with where it came from."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass, field

from ..law.articles import Chapter, parse_any_regulation
from . import readers, text as texts
from .patterns import KINDS, Pattern, Term, Vocabulary, as_worded, vocabulary

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
    if kind == "node":
        return f"node:{sorted(v.items())}"
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
    vocab = dataclasses.replace(as_worded(vocab, normal), source=normal)
    title = next((m.group(1) for line in normal.split("\n")
                  if (m := re.search(vocab.text["title"], line.strip()))), "")
    articles = []
    for chapter in chapters:
        for article in chapter.articles:
            reading = ArticleReading(article.number, chapter.number, chapter.title, "\n".join(article.paragraphs))
            _read_article(reading, vocab)
            articles.append(reading)
    return Draft(title, vocab, _as_written(source, chapters), articles)


def _as_written(source: str, read: list[Chapter]) -> list[Chapter]:
    """The chapters with their articles' text as the regulation writes it (its own punctuation),
    for the articles file and the rules' source spans; the normalised ones if the two cut
    differently or any article's length differs (a span's offsets must hold in both)."""
    written = parse_any_regulation(texts.as_written(source))
    def outline(chapters: list[Chapter]) -> list:
        return [(c.number, [(a.number, len("\n".join(a.paragraphs))) for a in c.articles]) for c in chapters]
    return written if outline(written) == outline(read) else read


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
    terms = {name: _terms(text, vocab, name) for name, text in slots.items()}
    for spec in pattern.rules:  # a kind a rule needs but the match did not name: the last one before
        for raw in spec.values():
            if isinstance(raw, str) and raw[1:] in KINDS and raw[1:] not in slots:
                context = _context(article.text, m.start(), vocab, raw[1:])
                if context:
                    terms[raw[1:]], slots[raw[1:]] = [context], context.zh
            if isinstance(raw, str) and raw.startswith("$subject."):
                named = {t.name for found in terms.values() for t in found}
                terms[raw[1:]] = _subject(article.text, vocab, raw.split(".")[1], named)
    out = []
    for spec in pattern.rules:
        if ("when" in spec and spec["when"] not in slots) or ("unless" in spec and spec["unless"] in slots):
            continue
        each = spec.get("each")
        groups = [[t] for t in terms.get(each, [])] if each else [None]
        for rank, group in enumerate(groups, 1):
            bound = dict(terms, **({each: group, RANK: rank} if each else {}))
            named = dict(slots, rank=str(rank)) if each else slots  # {rank} in a label
            rule = _rule(pattern, spec, named, bound, m, article, vocab)
            if rule is not None:
                out.append(rule)
    return out


def _rule(pattern, spec, slots, terms, m, article, vocab) -> DraftedRule | None:
    """One rule from one rule spec, or None when a slot it needs named nothing it knows."""
    properties: dict[str, list[Value]] = {}
    for prop, raw in spec.items():
        if prop in ("class", "when", "unless", "each", "zh", "en"):
            continue
        values = _values(raw, pattern, slots, terms, vocab)
        if values is None:
            return None
        if values:
            properties[prop] = values
    zh = _fill(spec.get("zh", ""), slots, terms, "zh", vocab)
    en = _fill(spec.get("en", ""), slots, terms, "en", vocab, pattern.tables)
    return DraftedRule(spec["class"], properties, zh, en, article.number, (m.start(), m.end()), pattern.id)


def _values(raw, pattern, slots, terms, vocab) -> list[Value] | None:
    """A rule property's values; None when it names a term slot that named no term."""
    if isinstance(raw, bool | int | float):
        return [("literal", raw)]
    if isinstance(raw, list):
        out = []
        for item in raw:
            text, _, lang = item.rpartition("@")
            out.append(("label", (_fill(text, slots, terms, lang, vocab, pattern.tables), lang)))
        return out
    if raw == "$regulation":  # the regulation itself (final provisions)
        return [("local", "regulation")]
    if raw == RANK:  # the place in its slot of the term an `each` rule is made for (an order of succession)
        return [("literal", terms[RANK])] if RANK in terms else None
    if raw.startswith("@"):  # a matter ("@portfolio:…" a portfolio) the pattern names in its own words, {slots} filled
        kind, _, wording = raw[1:].rpartition(":")
        return [("term", _matter(_fill(wording, slots, terms, "zh", vocab), MATTERS.get(kind, "gg:MatterKind")))]
    if not raw.startswith("$"):
        return [("iri", raw)]
    slot, _, key = raw[1:].partition(".")
    if slot == "subject":
        return [("term", t) for t in terms.get(raw[1:], [])] or None
    if slot == "every":
        return [("term", t) for t in vocab.terms if t.kind == key and vocab.term_regex[t.name].search(vocab.source)]
    if not key:
        if slot not in slots:
            return None if slot in KINDS else []
        return [("term", t) for t in terms[slot]] or None
    if slot not in slots:
        return []
    return _read(slots[slot], slot, key, pattern, vocab)


def _read(text: str, slot: str, key: str, pattern: Pattern, vocab: Vocabulary) -> list[Value]:
    """Values read from a slot: a number by its reader, or the words of a table of the pattern file."""
    if key == "node" and slot in readers.READERS:
        value = readers.READERS[slot](text, vocab.text)
        return [("node", value)] if value else []
    if slot in readers.READERS:
        value = readers.READERS[slot](text, vocab.text).get(key)
    elif key + "s" in pattern.tables:
        table = pattern.tables[key + "s"]
        if text in table:
            return [("iri", table[text])]
        found = []
        for word_ in sorted(table, key=len, reverse=True):  # the longest wording first: a longer reason holds a shorter one
            if word_ in text:
                found.append(table[word_])
                text = text.replace(word_, " ")
        return [("iri", v) for v in dict.fromkeys(found)]
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


RANK = "$rank"
MATTERS = {"matter": "gg:MatterKind", "portfolio": "gg:Portfolio"}


def _terms(text: str, vocab: Vocabulary, slot: str) -> list[Term]:
    """The template terms a slot's wording names, in order; a matter slot names a matter of its own."""
    matter = next((cls for prefix, cls in MATTERS.items() if slot.startswith(prefix)), None)
    if matter:
        return [_matter(text, matter)]
    kind = _kind_of(slot)
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
    return [t for _, t in sorted(found, key=lambda x: x[0])]


def _matter(text: str, cls: str) -> Term:
    """A matter (or portfolio) the text names that no template term covers, a term of its own."""
    digest = hashlib.sha1(text.encode()).hexdigest()[:8]
    return Term(f"{cls.split(':')[-1]}-{digest}", "matter", cls, "", "", text, "", ())


def _subject(text: str, vocab: Vocabulary, kind: str, named: set[str]) -> list[Term]:
    """The article's subject: the first term of ``kind`` that opens one of its sentences
    (not one the match itself names)."""
    starts = [start for start, _ in texts.sentences(text, vocab.text["sentence_ends"])]
    for start in starts:
        for term in vocab.terms:
            if term.kind == kind and term.name not in named and vocab.term_regex[term.name].match(text, start):
                return [term]
    return []


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


def _fill(template: str, slots: dict, terms: dict, lang: str, vocab: Vocabulary, tables: dict | None = None) -> str:
    join = vocab.text["words"]["join_zh"] if lang == "zh" else ", "

    def one(m: re.Match) -> str:
        name = m.group(1).removesuffix("_en")
        found = [t for t in terms.get(name, []) or next((v for k, v in terms.items() if k.startswith(name + ".")), [])
                 if t.kind != "matter"]
        if found:
            return join.join(t.zh if lang == "zh" else t.en for t in found)
        if lang == "en" and name in slots:
            return _english(name, slots[name], vocab, tables or {})
        return slots.get(name, "")
    return re.sub(r"\{(\w+)\}", one, template)


def _english(slot: str, text: str, vocab: Vocabulary, tables: dict) -> str:
    """A slot's wording in English where a reader understands it, else marked to translate."""
    from .._core.words import word

    for table in tables.values():  # a word a table of the pattern file maps to an ontology term
        if isinstance(table, dict) and isinstance(table.get(text), str):
            return re.sub(r"(?<!^)([A-Z])", r" \1", table[text].split(":")[-1]).lower()
    if re.fullmatch(vocab.text["fragments"]["number"], text):
        return str(readers.numeral(text))
    read = readers.READERS[slot](text, vocab.text) if slot in readers.READERS else {}
    if slot == "quorum" and read:
        key = "quorum_at_least" if read["inclusive"] else "quorum_more_than"
        return word(f"draft.{key}", "en", n=read["numerator"], d=read["denominator"])
    if slot == "amount" and read:
        if "minimum" in read:
            key, value = ("amount_at_least" if read["minimumInclusive"] else "amount_more_than"), read["minimum"]
        elif "maximum" in read:
            key, value = ("amount_at_most" if read["maximumInclusive"] else "amount_less_than"), read["maximum"]
        else:
            return f"{read['value']:,} yuan"
        return word(f"draft.{key}", "en", value=f"{value:,}")
    if slot == "deadline" and read:
        key = "deadline_in_advance" if read["direction"].endswith("InAdvance") else "deadline_within"
        unit = re.sub(r"(?<!^)([A-Z])", r" \1", read["unit"].split(":")[-1]).lower() + ("s" if read["value"] != 1 else "")
        return word(f"draft.{key}", "en", value=read["value"], unit=unit)
    return word("draft.untranslated", "en", zh=text)
