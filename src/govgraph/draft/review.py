"""The review report of a draft: REVIEW.md for a person, or the same as JSON."""

from __future__ import annotations

from collections import Counter

from .._core.words import word
from ..law.articles import article_label
from .reading import Draft, DraftedRule, _value_key

OPEN, CLOSE = "\u3010", "\u3011"  # the brackets that mark a rule's span in the article


def review_data(draft: Draft, kept: list[str] | None = None, deleted: list[str] | None = None) -> dict:
    """Per article: text, rules with spans, sentences not recognised; counts by kind; the
    reviewed rules kept and the drafted rules left out because a person deleted them."""
    articles = []
    for a in draft.articles:
        articles.append({
            "article": a.number, "label": article_label(a.number), "chapter": a.chapter_title, "text": a.text,
            "rules": [_rule(r, a.text) for r in a.rules],
            "unrecognised": [a.text[s:e] for s, e in a.unrecognised],
            "principle": not a.rules,
            "terms": list(dict.fromkeys(v.name for r in a.rules for vs in r.properties.values()
                                        for kind, v in vs if kind == "term")),
        })
    kinds = Counter(r.cls for r in draft.rules)
    return {
        "title": draft.title, "level": draft.vocabulary.level,
        "summary": {"rules": sum(kinds.values()), "by_kind": dict(sorted(kinds.items())),
                    "articles_with_rules": sum(1 for a in draft.articles if a.rules),
                    "principles": sum(1 for a in draft.articles if not a.rules),
                    "unrecognised_sentences": sum(len(a.unrecognised) for a in draft.articles)},
        "terms": [{"name": t.name, "kind": t.kind, "zh": t.zh, "en": t.en, "concept": t.concept,
                   "match": t.match or None} for t in draft.terms()],
        "kept": kept or [],
        "deleted": deleted or [],
        "articles": articles,
    }


def _rule(rule: DraftedRule, text: str) -> dict:
    start, end = rule.span
    return {"id": rule.local_name, "kind": rule.cls, "zh": rule.zh, "en": rule.en, "pattern": rule.pattern,
            "span": [start, end], "wording": text[start:end],
            "properties": {p: [_value_key(v) for v in vs] for p, vs in rule.properties.items()}}


def _marked(text: str, spans: list[tuple[int, int]]) -> str:
    """The article's text with each span read into a rule between brackets."""
    out, at = [], 0
    for start, end in sorted(set(spans)):
        if start < at:
            continue
        out += [text[at:start], OPEN, text[start:end], CLOSE]
        at = end
    return "".join(out + [text[at:]])


def review_markdown(data: dict, lang: str = "zh") -> str:
    """REVIEW.md: a summary table, then each article with its drafted rules."""
    w = lambda key, **v: word(f"draft.{key}", lang, **v)  # noqa: E731
    lines = [f"# {w('review_title', title=data['title'])}", "", w("review_intro"), "", f"## {w('summary')}", "",
             f"| {w('kind')} | {w('count')} |", "|---|---|"]
    lines += [f"| {kind} | {n} |" for kind, n in data["summary"]["by_kind"].items()]
    s = data["summary"]
    lines += [f"| {w('drafted')} | {s['rules']} |", f"| {w('articles_read')} | {s['articles_with_rules']} |",
              f"| {w('articles_principles')} | {s['principles']} |",
              f"| {w('unrecognised_count')} | {s['unrecognised_sentences']} |", "",
              f"## {w('terms_created')}", ""]
    lines += [f"- `{t['name']}` {t['zh']} / {t['en'] or '-'}" + (f" → `{t['concept']}`" if t["concept"] else "")
              for t in data["terms"]]
    if data["kept"]:
        lines += ["", f"## {w('kept')}", ""] + [f"- `{k}`" for k in data["kept"]]
    if data["deleted"]:
        lines += ["", f"## {w('deleted')}", ""] + [f"- `{k}`" for k in data["deleted"]]
    for a in data["articles"]:
        lines += ["", f"## {a['label']}" + (f" ({a['chapter']})" if a["chapter"] else ""), ""]
        lines += ["> " + _marked(a["text"], [tuple(r["span"]) for r in a["rules"]]).replace("\n", "\n> "), ""]
        if a["rules"]:
            lines += [f"**{w('drafted')}**", ""]
            lines += [f"- {r['zh']} — *{r['en']}* (`{r['kind']}`, `{r['pattern']}`: \u300c{r['wording']}\u300d)"
                      for r in a["rules"]]
        if a["terms"]:
            lines += ["", f"*{w('terms_named')}*: " + ", ".join(f"`{t}`" for t in a["terms"])]
        if a["unrecognised"]:
            lines += ["", f"**{w('not_recognised')}**", ""] + [f"- {s}" for s in a["unrecognised"]]
    return "\n".join(lines) + "\n"
