"""How well `govgraph draft` reads a regulation: its drafted rules against hand-written ones.

Drafts each rule base from its text and compares the two rule by rule, on kind (class),
actor (gg:assignee), act (gg:action), target (gg:target, or the members of a composition),
conditions (conferral, grantor, agenda kind, absence), numbers (quorum, amounts and their
bounds, deadlines, term) and article (gg:basis). Posts, organs, meetings and document
kinds are compared by the template concept they map to (skos:exactMatch, else
skos:broadMatch); a matter no template concept names matches any matter. Prints precision
and recall per kind of rule, and recall on the rule-bearing articles (those whose
hand-written rules compose, convene, preside, sign, set a quorum, act for the absent,
grant leave or set a deadline), and the drafting time.

    .venv/bin/python benchmarks/draft_bench.py                  # Hongqiao and every made-up text
    .venv/bin/python benchmarks/draft_bench.py TEXT RULES_FOLDER
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF, SKOS

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from govgraph.draft import read_regulation, write_draft  # noqa: E402

GG = Namespace("https://w3id.org/govgraph/ontology#")
CONDITIONS = ("conferral", "grantor", "agendaKind", "absentPost", "absenceReason", "onBehalfOf", "quorumCountsOver",
              "ifNecessary")
NUMBERS = ("quorumNumerator", "quorumDenominator", "quorumInclusive", "minimumAmount", "minimumInclusive", "minimumCount", "maximumCount",
           "maximumAmount", "maximumInclusive", "termYears", "deadlineAmount", "successionRank")
BEARING_ACTS = {"Convene", "Preside", "Sign", "SignAndIssue", "SignMinutes", "AskForLeave", "GrantLeave"}
BEARING_KINDS = {"CompositionRule", "QuorumRule"}


def _graph(folder: Path) -> Graph:
    g = Graph()
    for name in ("organisation.ttl", "rules.ttl", "regulation.ttl"):
        if (folder / name).is_file():
            g.parse(folder / name, format="turtle")
    return g


def _concept(g: Graph, term) -> str:
    for match in (SKOS.exactMatch, SKOS.broadMatch):
        found = g.value(term, match)
        if found is not None:
            return str(found).rsplit("#", 1)[-1]
    if (term, RDF.type, GG.MatterKind) in g or not isinstance(term, URIRef) or str(term).startswith(str(GG)):
        return str(term).rsplit("#", 1)[-1] if str(term).startswith(str(GG)) else "*"
    return "*"


def rule_keys(folder: Path) -> tuple[Counter, dict]:
    """Each rule as comparable keys (one per target), counted."""
    g = _graph(folder)
    keys: Counter = Counter()
    for rule in set(g.subjects(GG.basis, None)):
        kinds = {str(c).rsplit("#", 1)[-1] for c in g.objects(rule, RDF.type)}
        if not kinds or kinds & {"Principle", "ApprovalChain"}:
            continue
        ts = lambda p: tuple(sorted({_concept(g, o) for o in g.objects(rule, GG[p])}))  # noqa: E731
        numbers = tuple((p, str(o.toPython())) for p in NUMBERS for o in g.objects(rule, GG[p]))
        for deadline in g.objects(rule, GG.deadline):
            numbers += tuple((p, _concept(g, o) if isinstance(o, URIRef) else str(o.toPython()))
                             for p in ("deadlineAmount", "deadlineUnit", "deadlineDirection")
                             for o in g.objects(deadline, GG[p]))
        article = str(g.value(rule, GG.basis)).rsplit("_", 1)[-1]
        # several targets mean each of them: one key per target (members stay one set)
        targets = [ts("member")] if ts("member") else [(t,) for t in ts("target")] or [()]
        for target in targets:
            key = (min(kinds), ts("assignee"), ts("action"), target,
                   tuple((c, ts(c)) for c in CONDITIONS if ts(c)), numbers, article)
            keys[key] += 1
    return keys


def _bearing(key) -> bool:
    return key[0] in BEARING_KINDS or bool(set(key[2]) & BEARING_ACTS) or any(c[0] == "absentPost" for c in key[4])


def compare(text: Path, hand: Path) -> dict:
    started = time.perf_counter()
    draft = read_regulation(text.read_text(encoding="utf-8"))
    elapsed = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        write_draft(draft, Path(tmp), "bench", "b")
        drafted = rule_keys(Path(tmp))
        answered, asked = competency(Path(tmp), hand)
    expected = rule_keys(hand)
    matched = drafted & expected
    print(f"\n{text.relative_to(ROOT) if text.is_relative_to(ROOT) else text}: {len(draft.articles)} articles, "
          f"drafted in {elapsed:.2f} s\n")
    print(f"{'kind':<18}{'drafted':>8}{'hand':>6}{'matched':>8}{'precision':>11}{'recall':>8}")
    kinds = sorted({k[0] for k in drafted} | {k[0] for k in expected})
    for kind in kinds + ["all"]:
        pick = (lambda k: True) if kind == "all" else (lambda k, kind=kind: k[0] == kind)
        d = sum(n for k, n in drafted.items() if pick(k))
        e = sum(n for k, n in expected.items() if pick(k))
        m = sum(n for k, n in matched.items() if pick(k))
        print(f"{kind:<18}{d:>8}{e:>6}{m:>8}{_pct(m, d):>11}{_pct(m, e):>8}")
    e = sum(n for k, n in expected.items() if _bearing(k))
    m = sum(n for k, n in matched.items() if _bearing(k))
    print(f"\nrecall on rule-bearing rules (compose, convene, preside, sign, quorum, acting, leave): "
          f"{m}/{e} = {_pct(m, e)}")
    print(f"competency questions of the hand-written rule base answered alike by the draft: {answered}/{asked}")
    missing = expected - drafted
    wrong = drafted - expected
    for heading, keys in (("drafted, not in the hand-written rules", wrong),
                          ("in the hand-written rules, not drafted", missing)):
        if keys:
            print(f"\n{heading}:")
            for k in sorted(keys):
                print("  ", k)
    d, e, m = sum(drafted.values()), sum(expected.values()), sum(matched.values())
    b = sum(n for k, n in expected.items() if _bearing(k))
    return {"articles": len(draft.articles), "drafted": d, "hand": e, "precision": _pct(m, d),
            "recall": _pct(m, e), "bearing": f"{_pct(sum(n for k, n in matched.items() if _bearing(k)), b)} "
            f"({sum(n for k, n in matched.items() if _bearing(k))}/{b})",
            "competency": f"{answered}/{asked}", "seconds": f"{elapsed:.2f}"}


def competency(drafted: Path, hand: Path) -> tuple[int, int]:
    """How many of the hand-written rule base's competency questions the draft answers alike."""
    import govgraph
    from govgraph.answers.competency import questions
    from govgraph.law import jurisdictions

    graph = govgraph.load(drafted)
    asked = questions(jurisdictions.find(hand))
    answered = 0
    for question in asked:
        try:
            answered += not question.mismatches(question.ask(graph))
        except Exception:  # noqa: BLE001 - a question the draft cannot even ask counts as not answered
            pass
    return answered, len(asked)


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.0f} %" if b else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("text", nargs="?", type=Path)
    parser.add_argument("rules", nargs="?", type=Path)
    args = parser.parse_args()
    pairs = [(args.text, args.rules)] if args.text else [
        (ROOT / "data/hongqiao-2023/source/regulation.zh.txt", ROOT / "data/hongqiao-2023"),
        *((folder / "source/regulation.zh.txt", folder) for folder in sorted((ROOT / "tests/fixtures").glob("made-up-*"))),
        (ROOT / "tests/fixtures/draft-texts/other-district.txt", ROOT / "tests/fixtures/other-district"),
    ]
    figures = {rules.name: compare(text, rules) for text, rules in pairs}
    columns = ("articles", "drafted", "hand", "precision", "recall", "bearing", "competency", "seconds")
    print("\n| rule base | " + " | ".join(columns) + " |\n|---|" + "---|" * len(columns))
    for name, row in figures.items():
        print(f"| {name} | " + " | ".join(str(row[c]) for c in columns) + " |")


if __name__ == "__main__":
    main()
