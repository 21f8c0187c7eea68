"""``govgraph chain`` and ``govgraph draw``: delegation and acting chains, absences, weak spots, pictures."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .._core.errors import GovGraphError
from .._core import words
from .._core.words import LANGUAGES, word
from ._common import TARGET_KINDS, Asking, asks, complete_names, console, emit_json, fail, friendly_errors, graph_options, lang_option, table

if TYPE_CHECKING:
    from .._core.cite import Citation

ABSENT_HELP = (
    "A post that is away (repeatable). Add @REASON and/or @long or @short (in zh or en) to one post, "
    "e.g. POST@REASON@long; otherwise --reason and --long/--short apply."
)
HOLDING_COLUMNS = ("power", "holder", "how", "route", "approved_before", "condition", "articles")


def _absences(graph, specs: Sequence[str], reason: str | None, long_absence: bool | None):  # noqa: ANN001, ANN202
    from ..authority import Absence

    lengths = {word(f"chain.{length}", lang).lower(): length == "long" for length in ("long", "short") for lang in LANGUAGES}
    found = []
    for spec in specs:
        post, *extras = [part.strip() for part in spec.split("@")]
        own_reason, own_long = reason, long_absence
        for extra in extras:
            if extra.lower() in lengths:
                own_long = lengths[extra.lower()]
            elif extra:
                own_reason = extra
        found.append(Absence.of(graph, post, own_reason, own_long))
    return found


def _need(module: str) -> None:
    """Fail with a clear message when an optional dependency (extra ``graph``) is missing."""
    import importlib.util

    if importlib.util.find_spec(module) is None:
        fail(f"this command needs {module}: install govgraph[graph] (pip install 'govgraph[graph]')")


def _columns(keys: Sequence[str], lang: str) -> list[str]:
    return [word(f"column.{key}", lang) for key in keys]


def _listed(items: Iterable[str], lang: str) -> str:
    return word("chain.list_separator", lang).join(items)


def _articles(citations: Iterable[Citation], lang: str) -> str:
    """Articles as the rule base names them (its labels, e.g. "Article 6")."""
    return _listed((c.label(lang) for c in citations), lang)


def _route(holding, lang: str) -> str:  # noqa: ANN001
    """The edges by which the power reaches the holder (parallel edges of one rule joined by ';')."""
    parts = [_route(holding.origin, lang)] if holding.origin and holding.origin.route else []
    parts += [f"{e.source.label(lang)} -{e.kind_label.label(lang)}→ {e.destination.label(lang)}" for e in holding.route]
    return "; ".join(parts) or "—"


def _how(holding, lang: str) -> str:  # noqa: ANN001
    """How the holder comes to hold the power, and the absent grantor a grant waits for."""
    key = f"holding.{holding.how}"
    how = word(key, lang) if key in words.table() else holding.how
    if holding.blocked_by:
        how += " ← " + word("holding.away", lang, grantor=holding.blocked_by.label(lang))
    return how


def _holding_rows(holdings, lang: str) -> list[list[str]]:  # noqa: ANN001
    return [
        [
            h.power.label(lang),
            h.post.label(lang) + (f" ({h.via.label(lang)})" if h.via else ""),
            _how(h, lang),
            _route(h, lang),
            " → ".join(e.source.label(lang) for e in h.before) if h.before else "",
            h.condition.label(lang) if h.condition else "",
            _articles(h.articles(), lang),
        ]
        for h in holdings
    ]


@click.command()
@click.argument("post", required=False, shell_complete=complete_names("post"))
@click.option("--act", metavar="ACT", shell_complete=complete_names("act"), help="With --target: the act of the power asked about (a zh or en label, CURIE or IRI).")
@click.option(
    "--target", metavar="TARGET", shell_complete=complete_names(*TARGET_KINDS), help="With --act: what the act is on (a meeting type, document kind, portfolio, organ)."
)
@click.option("--absent", "absent", multiple=True, metavar="POST[@REASON][@long|short]", shell_complete=complete_names("post"), help=ABSENT_HELP)
@click.option(
    "--reason", metavar="REASON", shell_complete=complete_names("reason"), help="Reason of every absence (a reason the rule base names, in zh or en) [default: any]."
)
@click.option("--long/--short", "long_absence", default=None, help="Whether absences are for a longer period [default: any].")
@click.option(
    "--standing-grants", is_flag=True, help="Grants made before an absence stand (default: a grant needs its grantor present)."
)
@click.option(
    "--weak-spots", is_flag=True, help="List gaps, cycles, critical posts (ranked) and grants needing an absent grantor."
)
@asks("table", "json", "csv")
def chain(
    ask: Asking,
    post: str | None,
    act: str | None,
    target: str | None,
    absent: tuple[str, ...],
    reason: str | None,
    long_absence: bool | None,
    standing_grants: bool,
    weak_spots: bool,
) -> None:
    """How authority moves: who acts for whom, who entrusts, authorises and designates whom.

    \b
    Examples (POST, ACT, TARGET: a zh or en label, CURIE or IRI; see the README):
      govgraph chain --absent POST --absent ANOTHER_POST
      govgraph chain --absent POST --long             (whose portfolio moves to whom)
      govgraph chain --act ACT --target TARGET        (every holder of a power)
      govgraph chain POST --act ACT --target TARGET   (the path by which POST may hold it)
      govgraph chain POST                             (every power the post holds)
      govgraph chain --weak-spots
    """
    _need("networkx")
    from .. import authority

    if (act is None) != (target is None):
        raise GovGraphError("--act and --target go together: give both, e.g. --act ACT --target MEETING")
    graph, output_format, lang = ask.graph, ask.format, ask.lang
    absences = _absences(graph, absent, reason, long_absence)
    if weak_spots:
        return _print_weak_spots(authority.weak_spots(graph, standing_grants=standing_grants), output_format, lang)
    if act is not None and target is not None:
        found = (
            authority.path_to_power(graph, post, act, target, absences)
            if post
            else authority.holders(graph, act, target, absences)
        )
        return _print_holdings(found, word("chain.holders", lang), output_format, lang)
    if post is not None:
        title = word("chain.powers_of", lang, post=post)
        return _print_holdings(authority.powers_of(graph, post, absences), title, output_format, lang)
    if absences:
        return _print_scenario(authority.play_scenario(graph, absences, standing_grants=standing_grants), output_format, lang)
    return _print_edges(authority.edges(graph, authority.DELEGATION_KINDS), output_format, lang)


def _print_holdings(holdings, title: str, output_format: str, lang: str) -> None:  # noqa: ANN001
    if output_format == "json":
        return emit_json([h.to_dict() for h in holdings])
    if output_format == "csv":
        return _sheet("Holding").write(holdings, lang)
    if not holdings:
        console().print(word("holding.no_holder", lang))
        return None
    console().print(table(title, _columns(HOLDING_COLUMNS, lang), _holding_rows(holdings, lang)))
    return None


def _print_scenario(scenario, output_format: str, lang: str) -> None:  # noqa: ANN001
    if output_format == "json":
        return emit_json(scenario.to_dict())
    if output_format == "csv":
        return _scenario_csv(scenario, lang)
    out = console()
    acting = scenario.acting()
    away = _listed((a.label(lang) for a in scenario.absences), lang)
    title = word("chain.who_acts", lang, away=away)
    columns = _columns(HOLDING_COLUMNS, lang)
    out.print(table(title, columns, _holding_rows(acting, lang)) if acting else word("holding.none_acting", lang))
    if scenario.blocked:
        out.print(table(word("chain.waiting", lang), columns, _holding_rows(scenario.blocked, lang)))
    if scenario.gaps:
        rows = [
            [g.power.label(lang), _listed((h.post.label(lang) for h in g.lost), lang), _articles(g.articles(), lang)]
            for g in scenario.gaps
        ]
        out.print(table(word("chain.gaps", lang), _columns(("power", "held_by", "articles"), lang), rows))
    return None


def _print_weak_spots(spots, output_format: str, lang: str) -> None:  # noqa: ANN001
    if output_format == "json":
        return emit_json([s.to_dict() for s in spots])
    if output_format == "csv":
        return _sheet("WeakSpot").write(spots, lang)
    rows = [
        [
            word(f"weak_spot.kind_{s.kind}", lang),
            str(s.score) if s.score else "",
            s.summary.label(lang),
            _articles(s.articles, lang),
        ]
        for s in spots
    ]
    console().print(table(word("chain.weak_spots", lang), _columns(("kind", "score", "what", "articles"), lang), rows))
    return None


def _print_edges(found, output_format: str, lang: str) -> None:  # noqa: ANN001
    if output_format == "json":
        from dataclasses import asdict

        return emit_json([asdict(e) for e in found])
    if output_format == "csv":
        return _sheet("AuthorityEdge", extra=(("kind_label", lambda e: e.kind_label.label(lang)),)).write(found, lang)
    rows = [
        [
            e.source.label(lang),
            e.kind_label.label(lang),
            e.destination.label(lang),
            e.act.label(lang) + (f" ({e.about.label(lang)})" if e.about else ""),
            e.condition.label(lang) if e.condition else "",
            e.basis.label(lang),
        ]
        for e in found
    ]
    columns = _columns(("from", "kind", "to", "act", "condition", "article"), lang)
    console().print(table(word("chain.delegation", lang), columns, rows))
    return None


def _sheet(kind: str, **options: object):  # noqa: ANN202 - a cli._csv.Sheet
    """How records of ``kind`` (a class of ``authority.model``) become CSV rows."""
    from ..authority import model
    from ._csv import Sheet

    return Sheet(getattr(model, kind), **options)


def _scenario_csv(scenario, lang: str) -> None:  # noqa: ANN001
    """The scenario as one table: who acts (part "acting"), grants waiting for an absent grantor
    ("waiting"), and powers nobody can exercise ("gap": the posts that lost it in ``post``)."""
    from ._csv import citation_cells, csv_text

    def part(name: str):  # noqa: ANN202
        return _sheet("Holding", extra=(("part", lambda h: name),))

    acting, waiting = part("acting"), part("waiting")
    rows = [acting.row(h, lang) for h in scenario.acting()] + [waiting.row(h, lang) for h in scenario.blocked]
    rows += [{"part": "gap", "power": g.power.label(lang), "post": _listed((h.post.label(lang) for h in g.lost), lang)}
             | citation_cells(g.articles(), lang) for g in scenario.gaps]
    click.echo(csv_text(acting.columns(), rows), nl=False)


DRAW_FORMATS = ("svg", "png", "html", "graphml", "gexf", "dot", "json")


@click.command()
@click.option(
    "--scenario",
    "absent",
    multiple=True,
    metavar="POST[@REASON][@long|short]",
    shell_complete=complete_names("post"),
    help="A post away in the scenario drawn (repeatable). " + ABSENT_HELP,
)
@click.option("--reason", metavar="REASON", help="Reason of every absence [default: any].")
@click.option("--long/--short", "long_absence", default=None, help="Whether absences are for a longer period [default: any].")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(DRAW_FORMATS),
    default=None,
    help="Output format [default: from the file's suffix, else svg].",
)
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    metavar="KIND",
    help="Only these kinds of edge in figures (repeatable): acts-for, designates, entrusts, authorises, consents, approval-step, leads, dual-leads, assists, reports, notifies.",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="File to write.")
@graph_options
@lang_option
@friendly_errors
def draw(
    absent: tuple[str, ...],
    reason: str | None,
    long_absence: bool | None,
    output_format: str | None,
    kinds: tuple[str, ...],
    output: Path,
    rules: tuple[str, ...] | None,
    store: str,
    endpoint: str | None,
    jurisdiction: str | None,
    as_of: str | None,
    lang: str,
) -> None:
    """Draw or export the authority graph (optionally one absence scenario).

    \b
    Examples:
      govgraph draw -o authority.svg
      govgraph draw --scenario POST --scenario ANOTHER_POST@long -o scenario.png
      govgraph draw -o authority.html           (interactive, works offline)
      govgraph draw -o authority.graphml        (also .gexf for Gephi, .dot, .json)
    """
    _need("networkx")
    _need("matplotlib")
    from .. import export as drawing
    from ..authority import EDGE_KINDS

    unknown = [k for k in kinds if k not in EDGE_KINDS]
    if unknown:
        fail(f"unknown kind of edge {', '.join(unknown)}: expected one of {', '.join(EDGE_KINDS)}")
    chosen = output_format or output.suffix.lstrip(".").lower() or "svg"
    if chosen not in DRAW_FORMATS:
        fail(f"cannot tell the format of {output}: give --format ({'|'.join(DRAW_FORMATS)}) or a file ending in one of them")
    graph = Asking(rules, store, endpoint, jurisdiction, as_of, lang=lang).graph
    absences = _absences(graph, absent, reason, long_absence)
    written = drawing.write(graph, output, chosen, absences=absences, lang=lang, kinds=kinds or None)
    click.echo(str(written))
