"""A draft written as a rule base folder in the project's layout.

regulation.ttl, articles.ttl, organisation.ttl, rules.ttl (one block per article, under
its heading), principles.ttl (articles no pattern read) and examples.toml; REVIEW.md is
written by :mod:`.review`. Re-drafting a folder keeps the rules a person confirmed
(gg:confirmed true), edited (their gg:draftHash no longer matches) or wrote by hand, and
does not bring back a rule a person deleted: ``drafted.txt`` lists the rules the last draft
wrote (one local name a line), and one listed there but gone from rules.ttl stays gone
(remove its line, or the file, to draft it again).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from .._core import terms as ns
from .._core.words import word
from ..law.articles import article_label, articles_turtle
from .reading import Draft, DraftedRule
from .patterns import Term

DRAFTED = "drafted.txt"  # the local names of the rules the last draft wrote, one a line
PROVENANCE = ("draftPattern", "spanStart", "spanEnd", "sourceSpan", "confirmed", "draftHash")
PREFIXES = {"gg": ns.GG, "rdfs": ns.RDFS, "skos": ns.SKOS, "xsd": ns.XSD, "prov": ns.PROV,
            "tpl": ns.TPL, "eli": ns.ELI, "org": ns.ORG, "vann": ns.VANN, "dcterms": ns.DCTERMS}


def base_iri(draft: Draft, name: str) -> str:
    """The rule base's namespace: patterns/text.toml's ``base`` with the name filled in."""
    return draft.vocabulary.text["base"].format(name=name)


def write_draft(draft: Draft, folder: Path, name: str, prefix: str, base: str | None = None) -> dict:
    """Write the rule base; returns what was kept from an earlier, reviewed draft and the
    drafted rules left out because a person deleted them (they leave ``draft`` too)."""
    folder.mkdir(parents=True, exist_ok=True)
    base = base or base_iri(draft, name)
    previous = _previous(folder / "rules.ttl")
    kept = _kept_rules(previous, base, prefix)
    drafted = [r.local_name for r in draft.rules]
    deleted = _deleted(folder / DRAFTED, previous, base) & set(drafted)
    for article in draft.articles:
        article.rules = [r for r in article.rules if r.local_name not in deleted]
    heads = _prefixes(prefix, base)
    (folder / "regulation.ttl").write_text(heads + _regulation(draft, name, prefix, base), encoding="utf-8")
    (folder / "articles.ttl").write_text(
        articles_turtle(draft.chapters, base + "regulation", base), encoding="utf-8")
    (folder / "organisation.ttl").write_text(heads + _organisation(draft, prefix), encoding="utf-8")
    (folder / "rules.ttl").write_text(heads + _rules(draft, prefix, kept), encoding="utf-8")
    (folder / "principles.ttl").write_text(heads + _principles(draft, prefix), encoding="utf-8")
    examples = folder / "examples.toml"
    if not examples.exists():
        examples.write_text(word("draft.examples_header", "en") + "\n", encoding="utf-8")
    (folder / DRAFTED).write_text("".join(f"{n}\n" for n in dict.fromkeys(drafted)), encoding="utf-8")
    return {"kept": sorted(kept), "deleted": sorted(deleted)}


def _prefixes(prefix: str, base: str) -> str:
    lines = [f"@prefix {p}: <{iri}> ." for p, iri in PREFIXES.items()]
    return "\n".join([f"@prefix {prefix}: <{base}> ."] + lines) + "\n\n"


def _lit(value, lang: str | None = None) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return Literal(value, datatype=XSD.decimal).n3()
    return Literal(value, lang=lang).n3()


def _regulation(draft: Draft, name: str, prefix: str, base: str) -> str:
    title = draft.title or word("draft.untitled", "zh")
    return (
        f"<{base}> a gg:RuleBase ;\n"
        f"    rdfs:label {_lit(title + word('draft.rule_base_suffix', 'zh'), 'zh')} , "
        f"{_lit(word('draft.rule_base_en', 'en', title=title), 'en')} ;\n"
        f"    gg:models {prefix}:regulation ;\n"
        f"    vann:preferredNamespacePrefix \"{prefix}\" ;\n    vann:preferredNamespaceUri \"{base}\" .\n\n"
        f"{prefix}:Government dcterms:identifier \"{name}\" .\n\n"
        f"{prefix}:regulation a eli:LegalResource ;\n"
        f"    rdfs:label {_lit(title, 'zh')} , {_lit(word('draft.regulation_en', 'en', title=title), 'en')} ;\n"
        f"    eli:title {_lit(title, 'zh')} ;\n"
        f"    eli:passed_by {prefix}:Government ;\n    gg:jurisdiction {prefix}:Government .\n")


def _organisation(draft: Draft, prefix: str) -> str:
    used = {t.name: t for t in draft.terms()}
    government = next((t for t in draft.vocabulary.terms if t.name == "Government"), None)
    if government:
        used.setdefault("Government", government)
    out = [f"# {word('draft.organisation_header', 'en')}\n"]
    for term in used.values():
        out.append(_term_block(term, prefix))
    return "\n".join(out)


def _term_block(term: Term, prefix: str) -> str:
    en = term.en or word("draft.untranslated", "en", zh=term.zh)
    lines = [f"{prefix}:{term.name} a {term.cls} ;", f"    rdfs:label {_lit(term.zh, 'zh')} , {_lit(en, 'en')}"]
    if term.alt:
        lines[-1] += " ;"
        lines.append(f"    skos:altLabel {_lit(term.alt, 'zh')}")
    if term.kind == "post":
        lines[-1] += " ;"
        lines.append(f"    org:postIn {prefix}:Government")
    if term.concept:
        lines[-1] += " ;"
        lines.append(f"    skos:{'broadMatch' if term.match == 'broad' else 'exactMatch'} {term.concept}")
    return "\n".join(lines) + " .\n"


def _value(value, prefix: str) -> str:
    kind, v = value
    if kind == "term":
        return f"{prefix}:{v.name}"
    if kind == "local":
        return f"{prefix}:{v}"
    if kind == "iri":
        return v
    if kind == "label":
        return _lit(v[0], v[1])
    if kind == "node":  # a deadline: its amount, unit and direction
        pairs = [("a", "gg:Deadline"), ("gg:deadlineAmount", _lit(v["value"])),
                 ("gg:deadlineUnit", v["unit"]), ("gg:deadlineDirection", v["direction"])]
        return _node(pairs)
    return _lit(v)


def _node(pairs: list[tuple[str, str]]) -> str:
    return "[ " + " ; ".join(f"{p} {o}" for p, o in sorted(pairs, key=lambda po: (po[0] != "a", po))) + " ]"


def rule_statements(rule: DraftedRule, prefix: str) -> list[tuple[str, str]]:
    """(property, object) pairs of a drafted rule, provenance excluded: what its hash covers."""
    pairs = [("a", rule.cls), ("rdfs:label", _lit(rule.zh, "zh")), ("rdfs:label", _lit(rule.en, "en"))]
    for prop, values in rule.properties.items():
        pairs += [(f"gg:{prop}", _value(v, prefix)) for v in values]
    pairs.append(("gg:basis", f"{prefix}:art_{rule.article}"))
    return pairs


def statements_hash(pairs: list[tuple[str, str]]) -> str:
    return hashlib.sha1("\n".join(sorted(f"{p} {o}" for p, o in pairs)).encode()).hexdigest()[:16]


def _rule_block(rule: DraftedRule, prefix: str, text: str) -> str:
    pairs = rule_statements(rule, prefix)
    start, end = rule.span
    pairs += [("prov:wasDerivedFrom", f"{prefix}:art_{rule.article}"),
              ("gg:draftPattern", _lit(rule.pattern)), ("gg:spanStart", str(start)), ("gg:spanEnd", str(end)),
              ("gg:sourceSpan", _lit(text[start:end], "zh")), ("gg:confirmed", "false"),
              ("gg:draftHash", _lit(statements_hash(rule_statements(rule, prefix))))]
    body = " ;\n    ".join(f"{p} {o}" for p, o in pairs[1:])
    return f"{prefix}:{rule.local_name} a {rule.cls} ;\n    {body} .\n"


def _rules(draft: Draft, prefix: str, kept: dict[str, tuple[int, str]]) -> str:
    out = [f"# {word('draft.rules_header', 'en')}\n"]
    as_written = {a.number: "\n".join(a.paragraphs) for c in draft.chapters for a in c.articles}
    for article in draft.articles:
        text = as_written.get(article.number, article.text)  # the same offsets: _as_written checks
        blocks = [block for number, block in kept.values() if number == article.number]
        blocks += [_rule_block(r, prefix, text) for r in article.rules if r.local_name not in kept]
        if blocks:
            out.append(f"# ── {article_label(article.number)} {text.splitlines()[0][:40]}")
            out += blocks
    return "\n".join(out)


def _principles(draft: Draft, prefix: str) -> str:
    out = [f"# {word('draft.principles_header', 'en')}\n"]
    for article in draft.articles:
        if article.rules:
            continue
        first = re.split(r"(?<=[\u3002;])", article.text, maxsplit=1)[0][:60]
        out.append(f"# {article_label(article.number)}\n{prefix}:principle-{article.number} a gg:Principle ;\n"
                   f"    rdfs:label {_lit(first, 'zh')} , "
                   f"{_lit(word('draft.principle_en', 'en', number=article.number), 'en')} ;\n"
                   f"    gg:basis {prefix}:art_{article.number} ;\n    prov:wasDerivedFrom {prefix}:art_{article.number} ;\n"
                   f"    gg:confirmed false .\n")
    return "\n".join(out)


def _previous(path: Path) -> Graph | None:
    """The rules of an earlier draft, as a person may have reviewed them."""
    if not path.is_file():
        return None
    return Graph().parse(path, format="turtle")


def _deleted(record: Path, previous: Graph | None, base: str) -> set[str]:
    """Rules the last draft wrote that are no longer in rules.ttl: a person deleted them."""
    if previous is None or not record.is_file():
        return set()
    present = {str(s)[len(base):] for s in previous.subjects() if isinstance(s, URIRef) and str(s).startswith(base)}
    return {line.strip() for line in record.read_text(encoding="utf-8").splitlines() if line.strip()} - present


def _kept_rules(g: Graph | None, base: str, prefix: str) -> dict[str, tuple[int, str]]:
    """Rules of an earlier draft to keep: confirmed, edited, or written by a person."""
    if g is None:
        return {}
    gg = lambda local: URIRef(ns.GG + local)  # noqa: E731
    kept = {}
    for subject in set(g.subjects(gg("basis"), None)):
        if not isinstance(subject, URIRef) or not str(subject).startswith(base):
            continue
        confirmed = g.value(subject, gg("confirmed"))
        recorded = g.value(subject, gg("draftHash"))
        if g.value(subject, gg("draftPattern")) is not None and not (confirmed is not None and confirmed.toPython() is True):
            if recorded is not None and str(recorded) == statements_hash(_graph_pairs(g, subject, prefix, base)):
                continue
        basis = str(g.value(subject, gg("basis")))
        number = int(basis.rsplit("_", 1)[-1]) if re.search(r"art_\d+$", basis) else 0
        kept[str(subject)[len(base):]] = (number, _graph_block(g, subject, prefix, base))
    return kept


def _n3(term, prefix: str, base: str, g: Graph) -> str:
    if isinstance(term, URIRef) and str(term).startswith(base):
        return f"{prefix}:{str(term)[len(base):]}"
    if isinstance(term, URIRef) and term == RDF.type:
        return "a"
    if isinstance(term, Literal) and term.datatype in (XSD.integer, XSD.boolean):
        return str(term).lower() if term.datatype == XSD.boolean else str(term)
    if isinstance(term, BNode):
        return _node([(_n3(p, prefix, base, g), _n3(o, prefix, base, g)) for p, o in g.predicate_objects(term)])
    for p, iri in PREFIXES.items():
        if isinstance(term, URIRef) and str(term).startswith(iri):
            return f"{p}:{str(term)[len(iri):]}"
    return term.n3()


def _graph_pairs(g: Graph, subject, prefix: str, base: str) -> list[tuple[str, str]]:
    skip = {URIRef(ns.GG + p) for p in PROVENANCE} | {URIRef(ns.PROV + "wasDerivedFrom")}
    return [(_n3(p, prefix, base, g), _n3(o, prefix, base, g)) for p, o in g.predicate_objects(subject) if p not in skip]


def _graph_block(g: Graph, subject, prefix: str, base: str) -> str:
    pairs = sorted(((_n3(p, prefix, base, g), _n3(o, prefix, base, g)) for p, o in g.predicate_objects(subject)),
                   key=lambda po: (po[0] != "a", po[0]))
    return f"{_n3(subject, prefix, base, g)} " + " ;\n    ".join(f"{p} {o}" for p, o in pairs) + " .\n"
