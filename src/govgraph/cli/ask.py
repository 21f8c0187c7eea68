"""The analyst's commands: who, decide, quorum, leave, deadlines, article, coverage, check, sparql, queries.

Each command resolves the names it is given, asks the library, and prints the answer
with its citation: a table for people (``--lang zh|en``), JSON for machines.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import click

from .._core.errors import GovGraphError
from .._core.cite import Citation, Named, Text
from ..answers.model import Answer
from ._common import EXIT_NO, console, emit_json, format_option, load_graph, question, table

#: Column headings and fixed words, by language.
WORDS = {
    "zh": {
        "post": "职务", "act": "行为", "target": "对象", "modality": "规范", "condition": "条件", "how": "如何取得",
        "basis": "依据", "chain": "签发前审批链", "articles": "条文", "by": "由", "always": "—", "meeting": "会议",
        "matter": "事项", "members": "组成人员", "quorum": "出席人数要求", "recipient": "向谁", "occasion": "事由",
        "deadline": "时限", "from": "起算", "number": "条", "chapter": "章", "rules": "规则数", "principles": "原则",
        "status": "建模", "none": "本规则库中没有回答此问题的规则。", "each": "（逐一）", "met": "达到", "not met": "未达到",
        "check": "检查", "resource": "资源", "problem": "问题", "ok": "全部完整性检查通过。",
    },
    "en": {
        "post": "Post", "act": "Act", "target": "Target", "modality": "Norm", "condition": "Condition", "how": "How",
        "basis": "Basis", "chain": "Approval chain before signing", "articles": "Articles", "by": "by", "always": "—",
        "meeting": "Meeting", "matter": "Matter", "members": "Members", "quorum": "Quorum", "recipient": "To whom",
        "occasion": "Occasion", "deadline": "Deadline", "from": "Counted from", "number": "Art.", "chapter": "Chapter",
        "rules": "Rules", "principles": "Principles", "status": "Modelled as", "none": "No rule of this rule base answers this.",
        "each": "(each in turn)", "met": "met", "not met": "not met", "check": "Check", "resource": "Resource",
        "problem": "Problem", "ok": "Every integrity check holds.",
    },
}


def _label(named: Named | Text | None, lang: str) -> str:
    return "" if named is None else named.label(lang)


def _basis(citation: Citation, lang: str) -> str:
    """The article's label in the table; its IRI and text follow below the table."""
    return citation.article.label(lang)


def _print_articles(citations: Iterable[Citation], lang: str) -> None:
    """Each cited article's text, once, after the table."""
    out = console()
    seen: dict[str, Citation] = {}
    for citation in citations:
        seen.setdefault(citation.article.iri, citation)
    if not seen:
        return
    out.print(f"\n[bold]{WORDS[lang]['articles']}[/bold]")
    for citation in sorted(seen.values(), key=lambda c: int(c.number) if c.number.isdigit() else 0):
        out.print(f"[bold]{citation.article.label(lang)}[/bold] <{citation.article.iri}>")
        out.print(citation.text, markup=False)


def _how(answer: Answer, lang: str) -> str:
    how = answer.conferral.label(lang)
    if answer.grantor is not None:
        how += f" ({WORDS[lang]['by']} {answer.grantor.label(lang)})"
    return how


def _chain_text(answer: Answer, lang: str) -> str:
    if answer.chain is None:
        return ""
    steps = [
        f"{step.index}. {step.approver.label(lang)} {step.act.label(lang)}{WORDS[lang]['each'] if step.each_in_turn else ''}"
        for step in answer.chain.steps
    ]
    steps.append(f"→ {answer.post.label(lang)} {answer.act.label(lang)}")
    return "\n".join(steps) + f"\n[{answer.chain.basis.article.label(lang)}]"


def show(
    found: Sequence[Any],
    output_format: str,
    lang: str,
    title: str,
    columns: Sequence[str],
    row: Callable[[Any], Sequence[str]],
) -> None:
    """Print results as JSON, or as a table (headings from WORDS) followed by the articles they cite."""
    if output_format == "json":
        emit_json([item.to_dict() for item in found])
        return
    words = WORDS[lang]
    if not found:
        console().print(words["none"])
        return
    console().print(table(title, [words[column] for column in columns], [row(item) for item in found]))
    citations = [item.basis for item in found if getattr(item, "basis", None)]
    citations += [item.chain.basis for item in found if getattr(item, "chain", None)]
    _print_articles(citations, lang)


def print_answers(answers: Sequence[Answer], output_format: str, lang: str, title: str) -> None:
    always = WORDS[lang]["always"]
    has_chain = any(answer.chain for answer in answers)
    columns = ["post", "modality", "act", "condition", "how", *(["chain"] if has_chain else []), "basis"]

    def row(answer: Answer) -> list[str]:
        return [
            _label(answer.post, lang),
            _label(answer.modality, lang),
            f"{_label(answer.act, lang)}\n{_label(answer.target, lang)}",
            _label(answer.condition, lang) or always,
            _how(answer, lang),
            *([_chain_text(answer, lang)] if has_chain else []),
            _basis(answer.basis, lang),
        ]

    show(answers, output_format, lang, title, columns, row)


# ── who ──────────────────────────────────────────────────────────────────────


@click.command()
@click.argument("action")
@click.argument("target")
@click.option("--absent", metavar="POST", help="Case: this post's holder is away.")
@click.option("--absence", "reason", metavar="REASON", help="Case: why the holder is away (外出, 学习, 出差, 脱产学习, 病休假).")
@click.option("--long/--short", "long_absence", default=None, help="Case: away for a longer period (时间较长), or briefly.")
@click.option("--agenda", metavar="KIND", help="Case: the kind of agenda item (e.g. 人事议题).")
@click.option("--amount", metavar="YUAN", help="Case: the sum of money involved, in yuan.")
@question("table", "json")
def who(
    action: str,
    target: str,
    absent: str | None,
    reason: str | None,
    long_absence: bool | None,
    agenda: str | None,
    amount: str | None,
    rules: str | None,
    store: str,
    endpoint: str | None,
    output_format: str,
    lang: str,
) -> None:
    """Who may, must or must not do ACTION on TARGET, in which case, and on which article.

    ACTION is an act (convene, preside, sign, 签发, …); TARGET a meeting type, document
    kind, matter or portfolio. With ACTION "acts-for", TARGET is a post: who acts for
    it while its holder is away, and who designates them.
    """
    graph = load_graph(rules, store, endpoint)
    if action == "acts-for":
        answers = graph.acts_for(target, reason=reason, long_absence=long_absence)
        title = f"acts-for {target}"
    else:
        answers = graph.who(
            action, target, absent=absent, reason=reason, long_absence=long_absence, agenda=agenda, amount=amount
        )
        title = f"{action} {target}"
    print_answers(answers, output_format, lang, title)


# ── decide ───────────────────────────────────────────────────────────────────


@click.command()
@click.option("--amount", metavar="YUAN", help="The sum of money the matter involves, in yuan.")
@click.option("--matter", metavar="KIND", help="The kind of matter.")
@question("table", "json")
def decide(
    amount: str | None, matter: str | None, rules: str | None, store: str, endpoint: str | None, output_format: str, lang: str
) -> None:
    """Which meeting decides a matter, given its kind and the amount involved, and why.

    Amounts compare as the regulation counts: "以上" and "含" include the bound, "不足"
    does not.
    """
    if amount is None and matter is None:
        raise click.UsageError("give --amount, --matter, or both")
    graph = load_graph(rules, store, endpoint)
    always = WORDS[lang]["always"]
    show(
        graph.decide(amount=amount, matter=matter),
        output_format,
        lang,
        f"decide {amount or ''} {matter or ''}".strip(),
        ["meeting", "matter", "condition", "basis"],
        lambda c: [c.meeting.label(lang), c.matter.label(lang), _label(c.condition, lang) or always, _basis(c.basis, lang)],
    )


# ── quorum ───────────────────────────────────────────────────────────────────


@click.command()
@click.argument("meeting")
@click.option("--agenda", metavar="KIND", help="The kind of agenda item: it may need a larger quorum.")
@click.option("--present", type=click.IntRange(min=0), help="How many members are present, to say whether the quorum is met.")
@click.option("--members", "member_count", type=click.IntRange(min=1), help="How many members the meeting has (with --present).")
@question("table", "json")
def quorum(
    meeting: str,
    agenda: str | None,
    present: int | None,
    member_count: int | None,
    rules: str | None,
    store: str,
    endpoint: str | None,
    output_format: str,
    lang: str,
) -> None:
    """A meeting type's members, and how many of them must be present (for an agenda kind).

    Only members count, never those invited to attend (列席).
    """
    if (present is None) != (member_count is None):
        raise click.UsageError("--present and --members go together")
    graph = load_graph(rules, store, endpoint)
    result = graph.quorum(meeting, agenda)
    met = result.is_met(present, member_count) if present is not None and result.fraction is not None else None
    if output_format == "json":
        data = result.to_dict()
        if met is not None:
            data["present"], data["member_count"], data["met"] = present, member_count, met
        emit_json(data)
        return
    words = WORDS[lang]
    members = "\n".join(m.post.label(lang) for m in result.members)
    if result.fraction is None:
        needed = words["none"]
    else:
        bound = "≥" if result.inclusive else ">"
        needed = f"{bound} {result.fraction} × {words['members']}"
        if met is not None:
            needed += f"\n{present}/{member_count}: {words['met'] if met else words['not met']}"
    rows = [[result.meeting.label(lang), members, needed, _basis(result.basis, lang) if result.basis else ""]]
    console().print(table(f"quorum {meeting} {agenda or ''}".strip(), [words["meeting"], words["members"], words["quorum"], words["basis"]], rows))
    if result.basis:
        _print_articles([result.basis], lang)


# ── leave ────────────────────────────────────────────────────────────────────


@click.command()
@click.argument("post")
@question("table", "json")
def leave(post: str, rules: str | None, store: str, endpoint: str | None, output_format: str, lang: str) -> None:
    """Whom the holder of POST asks for leave, or reports an absence to.
    """
    graph = load_graph(rules, store, endpoint)
    always = WORDS[lang]["always"]
    show(
        graph.leave(post),
        output_format,
        lang,
        f"leave {post}",
        ["post", "act", "occasion", "recipient", "condition", "basis"],
        lambda r: [
            r.post.label(lang),
            r.act.label(lang),
            r.occasion.label(lang),
            r.recipient.label(lang),
            _label(r.condition, lang) or always,
            _basis(r.basis, lang),
        ],
    )


# ── deadlines ────────────────────────────────────────────────────────────────


@click.command()
@click.option("--act", "action", metavar="ACT", help="Only deadlines on this act.")
@question("table", "json")
def deadlines(action: str | None, rules: str | None, store: str, endpoint: str | None, output_format: str, lang: str) -> None:
    """Every time limit the rules set: on which act, how long, counted from what.

    "个工作日" counts working days, "提前N天" calendar days, "N分钟内" from the request.
    """
    graph = load_graph(rules, store, endpoint)
    show(
        graph.deadlines(action),
        output_format,
        lang,
        "deadlines",
        ["post", "act", "deadline", "from", "basis"],
        lambda d: [
            d.post.label(lang),
            f"{d.act.label(lang)}\n{d.target.label(lang)}",
            f"{d.direction.label(lang)} {d.amount:g} {d.unit.label(lang)}",
            _label(d.anchor, lang),
            _basis(d.basis, lang),
        ],
    )


# ── article ──────────────────────────────────────────────────────────────────


@click.command()
@click.argument("number")
@question("table", "json")
def article(number: str, rules: str | None, store: str, endpoint: str | None, output_format: str, lang: str) -> None:
    """Print article NUMBER: its chapter, its text, and the rules that rest on it.
    """
    graph = load_graph(rules, store, endpoint)
    view = graph.article(number)
    if output_format == "json":
        emit_json(view.to_dict())
        return
    out = console()
    out.print(f"[bold]{view.article.label(lang)}[/bold] <{view.article.iri}>  ({view.chapter.label(lang)})")
    out.print(view.text, markup=False)
    if view.rules:
        out.print("")
        out.print(table(WORDS[lang]["rules"], [WORDS[lang]["modality"], "rule"], [[kind.label(lang), rule.label(lang)] for rule, kind in view.rules]))


# ── coverage ─────────────────────────────────────────────────────────────────


@click.command()
@question("table", "json")
def coverage(rules: str | None, store: str, endpoint: str | None, output_format: str, lang: str) -> None:
    """For each article: how many rules rest on it, or whether it is recorded as a principle."""
    graph = load_graph(rules, store, endpoint)
    found = graph.coverage()
    if output_format == "json":
        emit_json([c.to_dict() for c in found])
        return
    words = WORDS[lang]
    rows = [[c.number, c.article.label(lang), c.chapter.label(lang), str(c.rules), str(c.principles), c.status] for c in found]
    console().print(table("coverage", [words["number"], "", words["chapter"], words["rules"], words["principles"], words["status"]], rows))
    counts = {status: sum(1 for c in found if c.status == status) for status in ("rules", "principle", "uncovered")}
    console().print(f"{len(found)} articles: {counts['rules']} with rules, {counts['principle']} principles, {counts['uncovered']} uncovered")


# ── check ────────────────────────────────────────────────────────────────────


@click.command()
@question("table", "json")
def check(rules: str | None, store: str, endpoint: str | None, output_format: str, lang: str) -> None:
    """Run the integrity checks (queries/*-violation.rq) on the rule base. Exit 1 if any fails."""
    graph = load_graph(rules, store, endpoint)
    found = graph.check()
    if output_format == "json":
        emit_json([v.to_dict() for v in found])
    elif found:
        words = WORDS[lang]
        console().print(table("check", [words["check"], words["resource"], words["problem"]], [[v.check, v.resource.iri, v.problem] for v in found]))
    else:
        console().print(WORDS[lang]["ok"])
    if found:
        sys.exit(EXIT_NO)


# ── sparql and queries ───────────────────────────────────────────────────────


def _pairs(values: Sequence[str], option: str) -> list[tuple[str, str]]:
    pairs = []
    for value in values:
        name, sep, text = value.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"expected NAME=VALUE, got {value!r}", param_hint=option)
        pairs.append((name.strip().lstrip("?"), text))
    return pairs


@click.command()
@click.argument("query")
@click.option("--term", "terms", multiple=True, metavar="NAME=TERM", help="Bind ?NAME to a term given by label, CURIE or IRI.")
@click.option("--text", "texts", multiple=True, metavar="NAME=TEXT", help="Bind ?NAME to a string literal.")
@click.option("--number", "numbers", multiple=True, metavar="NAME=NUMBER", help="Bind ?NAME to an xsd:decimal.")
@question("table", "json", "csv")
def sparql(
    query: str,
    terms: Sequence[str],
    texts: Sequence[str],
    numbers: Sequence[str],
    rules: str | None,
    store: str,
    endpoint: str | None,
    output_format: str,
    lang: str,
) -> None:
    """Run a SELECT query over the loaded graph: a .rq FILE, - for standard input, or a named query.

    Values are bound to the query's variables by the engine, never pasted into its text.
    """
    import pyoxigraph as ox

    from .._core.queries import named

    if query == "-":
        text = sys.stdin.read()
    elif Path(query).is_file():
        text = Path(query).read_text(encoding="utf-8")
    elif query.endswith(".rq") or "/" in query:
        raise GovGraphError(f"{query}: no such file: expected a .rq file, - for standard input, or a named query")
    else:
        text = named(query).text
    graph = load_graph(rules, store, endpoint)
    bindings: dict[str, ox.NamedNode | ox.Literal] = {}
    for name, value in _pairs(terms, "--term"):
        bindings[name] = ox.NamedNode(graph.resolve(value))
    for name, value in _pairs(texts, "--text"):
        bindings[name] = ox.Literal(value)
    for name, value in _pairs(numbers, "--number"):
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise click.BadParameter(f"{value!r} is not a number", param_hint="--number") from None
        bindings[name] = ox.Literal(format(number, "f"), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal"))
    rows = graph.sparql(text, bindings)
    variables = list(rows[0]) if rows else []
    if output_format == "json":
        emit_json({"head": {"vars": variables}, "results": {"bindings": [_json_row(row) for row in rows]}})
    elif output_format == "csv":
        import csv

        writer = csv.writer(sys.stdout)
        writer.writerow(variables)
        for row in rows:
            writer.writerow(["" if row[v] is None else row[v].value for v in variables])
    else:
        shown = [[_show(row[v], graph, lang) for v in variables] for row in rows]
        console().print(table(f"{len(rows)} rows", variables, shown))


def _json_row(row: dict) -> dict:
    import pyoxigraph as ox

    out = {}
    for name, term in row.items():
        if term is None:
            continue
        if isinstance(term, ox.NamedNode):
            out[name] = {"type": "uri", "value": term.value}
        elif isinstance(term, ox.BlankNode):
            out[name] = {"type": "bnode", "value": term.value}
        elif term.language:
            out[name] = {"type": "literal", "value": term.value, "xml:lang": term.language}
        else:
            out[name] = {"type": "literal", "value": term.value, "datatype": term.datatype.value}
    return out


def _show(term, graph, lang: str) -> str:  # noqa: ANN001
    import pyoxigraph as ox

    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        named = graph.named(term)
        label = named.label(lang)
        return term.value if label == term.value else f"{label}\n{term.value}"
    return term.value


@click.command(name="queries")
@format_option("table", "json")
def list_queries(output_format: str) -> None:
    """List the named queries: what each asks, its parameters, its source articles."""
    from .._core.queries import all_queries

    found = all_queries()
    if output_format == "json":
        emit_json(
            [
                {
                    "name": q.name,
                    "question": q.question,
                    "parameters": [{"name": p.name, "description": p.description, "required": p.required} for p in q.parameters],
                    "returns": q.returns,
                    "articles": q.articles,
                    "integrity_check": q.is_integrity_check,
                    "path": str(q.path),
                }
                for q in found
            ]
        )
        return
    rows = [[q.name, q.question, "\n".join(f"?{p.name}" + (" *" if p.required else "") for p in q.parameters), q.articles] for q in found]
    console().print(table("queries/ (* required)", ["name", "question", "parameters", "articles"], rows))
