"""SPARQL for analysts: run a query file, standard input or a named query; list the named queries."""

from __future__ import annotations

import re
import sys
import threading
import time
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import click

from .._core.errors import GovGraphError, shorten
from ._common import EXIT_NO, Asking, asks, console, emit_json, format_option, table

_NUMBER = re.compile(r"-?\d{1,30}(\.\d{1,30})?\Z", re.ASCII)


def _pairs(values: Sequence[str], option: str) -> list[tuple[str, str]]:
    pairs = []
    for value in values:
        name, sep, text = value.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"expected NAME=VALUE, got {value!r}", param_hint=option)
        pairs.append((name.strip().lstrip("?"), text))
    return pairs


def _query_text(query: str) -> str:
    from .._core.queries import named

    if query == "-":
        return sys.stdin.read()
    if Path(query).is_file():
        return Path(query).read_text(encoding="utf-8")
    if query.endswith(".rq") or "/" in query:
        raise GovGraphError(f"{query}: no such file: expected a .rq file, - for standard input, or a named query")
    return named(query).text


def _bindings(graph, terms: Sequence[str], texts: Sequence[str], numbers: Sequence[str]) -> dict:  # noqa: ANN001
    import pyoxigraph as ox

    from .._core.terms import XSD_DECIMAL

    bindings: dict[str, ox.NamedNode | ox.Literal] = {}
    for name, value in _pairs(terms, "--term"):
        bindings[name] = ox.NamedNode(graph.resolve(value))
    for name, value in _pairs(texts, "--text"):
        bindings[name] = ox.Literal(value)
    for name, value in _pairs(numbers, "--number"):
        if not _NUMBER.match(value.strip()):
            raise click.BadParameter(f"{shorten(value, 40)!r} is not a number: expected digits, e.g. -12 or 1200000.50 "
                                     "(no exponent, NaN or Infinity; at most 30 digits each side of the point)", param_hint="--number")
        number = Decimal(value.strip())
        bindings[name] = ox.Literal(format(number, "f"), datatype=ox.NamedNode(XSD_DECIMAL))
    return bindings


def within(seconds: float, run: Callable[[], Any]) -> Any:
    """``run()``'s result, or GovGraphError once ``seconds`` have passed. The engine runs in a thread
    of its own (Oxigraph lets go of the interpreter while it works), so that the main thread stays
    free to give up on time and to take Ctrl-C at once; the process then ends without waiting for it."""
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["value"] = run()
        except BaseException as exc:  # noqa: BLE001 - carried to the main thread and raised there
            outcome["error"] = exc

    worker = threading.Thread(target=work, name="govgraph-query", daemon=True)
    worker.start()
    deadline = time.monotonic() + seconds
    while worker.is_alive():
        left = deadline - time.monotonic()
        if left <= 0:
            raise GovGraphError(f"the query ran past its time limit of {seconds:g} s and was stopped (--timeout)")
        worker.join(min(left, 0.1))
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


@click.command()
@click.argument("query")
@click.option("--term", "terms", multiple=True, metavar="NAME=TERM", help="Bind ?NAME to a term given by label, CURIE or IRI.")
@click.option("--text", "texts", multiple=True, metavar="NAME=TEXT", help="Bind ?NAME to a string literal.")
@click.option("--number", "numbers", multiple=True, metavar="NAME=NUMBER", help="Bind ?NAME to an xsd:decimal.")
@click.option("--timeout", default=60.0, show_default=True, type=click.FloatRange(min=0.1, max=86400),
              help="Stop the query after this many seconds (exit 2).")
@click.option("--allow-service", "allow_service", multiple=True, metavar="PREFIX",
              help="Let SERVICE clauses call endpoints whose IRI starts with PREFIX (repeatable); refused otherwise.")
@asks("table", "json", "csv", "turtle", "nt", "json-ld")
def sparql(ask: Asking, query: str, terms: Sequence[str], texts: Sequence[str], numbers: Sequence[str],
           timeout: float, allow_service: Sequence[str]) -> None:
    """Run a query over the loaded graph: a .rq FILE, - for standard input, or a named query.

    \b
    SELECT prints its rows: a table, --format json (SPARQL JSON results) or csv.
    ASK prints true or false (--format json: {"head": {}, "boolean": …}); exit 1 when false.
    CONSTRUCT and DESCRIBE print the graph they build: Turtle (with the query's prefixes),
    or --format nt or json-ld.
    Updates (INSERT, DELETE, LOAD, DROP…) are refused: load data with govgraph load.

    Values are bound to the query's variables by the engine, never pasted into its text.
    A SERVICE clause (a request to another endpoint) is refused unless --allow-service allows it.
    """
    from .._core.outbound import refuse_service
    from .._core.stores import query_form

    text = _query_text(query)
    refuse_service(text, allow_service)
    form = query_form(text)
    _check_format(form, ask.format)
    graph = ask.graph if ask.jurisdiction or len(ask.library.governments()) <= 1 else ask.library.everything()
    bindings = _bindings(graph, terms, texts, numbers)
    if form == "ASK":
        _print_boolean(ask, within(timeout, lambda: graph.store.ask(text, bindings, graphs=graph.graphs)))
    elif form in ("CONSTRUCT", "DESCRIBE"):
        _print_triples(ask, text, within(timeout, lambda: graph.store.construct(text, bindings, graphs=graph.graphs)))
    else:
        _print_rows(ask, within(timeout, lambda: graph.sparql(text, bindings)))


#: The formats each query form can be printed in (the default, table, prints a graph as Turtle).
_FORMATS = {"SELECT": ("table", "json", "csv"), "ASK": ("table", "json", "csv"),
            "CONSTRUCT": ("table", "turtle", "nt", "json-ld", "json"), "DESCRIBE": ("table", "turtle", "nt", "json-ld", "json")}


def _check_format(form: str, output_format: str) -> None:
    if output_format not in _FORMATS[form]:
        allowed = ", ".join(f for f in _FORMATS[form] if f != "table")
        raise click.BadParameter(f"{form} queries print as {allowed}, not {output_format}", param_hint="--format")


def _print_rows(ask: Asking, rows) -> None:  # noqa: ANN001 - rows of terms
    from .._core import results

    if ask.json:
        emit_json(results.sparql_json(rows))
    elif ask.format == "csv":
        click.echo(results.sparql_csv(rows), nl=False)
    else:
        names = results.variables(rows)
        shown = [[_show(ask, row[name]) for name in names] for row in rows]
        console().print(table(ask.word("answer.rows", count=len(rows)), names, shown))


def _print_boolean(ask: Asking, answer: bool) -> None:
    """true or false (SPARQL JSON results' boolean in JSON); the answer "no" is exit 1."""
    if ask.json:
        emit_json({"head": {}, "boolean": answer})
    elif ask.csv:
        from ._csv import emit_csv

        emit_csv(["boolean"], [{"boolean": answer}])
    else:
        click.echo("true" if answer else "false")
    if not answer:
        sys.exit(EXIT_NO)


_PREFIX = re.compile(r"PREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^<>\s]*)>", re.IGNORECASE)


def _print_triples(ask: Asking, query: str, triples) -> None:  # noqa: ANN001 - pyoxigraph triples
    """The graph a CONSTRUCT or DESCRIBE built: Turtle with the query's own prefixes, N-Triples, or JSON-LD."""
    import pyoxigraph as ox

    if ask.format in ("json", "json-ld"):
        import json

        return emit_json(json.loads(ox.serialize(triples, format=ox.RdfFormat.JSON_LD)))
    if ask.format == "nt":
        return click.echo(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8"), nl=False)
    prefixes = {name or "": namespace for name, namespace in _PREFIX.findall(query)}
    click.echo(ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes).decode("utf-8"), nl=False)
    return None


def _show(ask: Asking, term) -> str:  # noqa: ANN001 - a pyoxigraph term
    import pyoxigraph as ox

    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        shown = ask.graph.named(term).label(ask.lang)
        return term.value if shown == term.value else f"{shown}\n{term.value}"
    return term.value


@click.command(name="queries")
@format_option("table", "json", "csv")
def list_queries(output_format: str) -> None:
    """List the named queries: what each asks, its parameters, its source articles."""
    from .._core.queries import all_queries

    found = all_queries()
    if output_format == "json":
        emit_json([q.to_dict() for q in found])
        return
    if output_format == "csv":
        from ._csv import emit_csv

        rows = ({"name": q.name, "question": q.question, "parameters": " ".join(f"?{p.name}" for p in q.parameters),
                 "required": " ".join(f"?{p.name}" for p in q.parameters if p.required), "articles": q.articles} for q in found)
        return emit_csv(["name", "question", "parameters", "required", "articles"], rows)
    rows = [[q.name, q.question, "\n".join(f"?{p.name}" + (" *" if p.required else "") for p in q.parameters), q.articles] for q in found]
    console().print(table("queries/ (* required)", ["name", "question", "parameters", "articles"], rows))
