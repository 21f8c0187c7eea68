"""What every govgraph command shares: the options that say which graph to ask, and failing well.

A command that asks the graph takes one :class:`Asking` object, built by the :func:`asks`
decorator from ``--rules``, ``--store``, ``--endpoint``, ``--format`` and ``--lang``: it
loads the graph when first used and knows how to print in the language asked.

Exit codes: 0 answered (or conforms), 1 the answer is "no" (violations found, integrity
check failed), 2 bad input (unknown name, unreadable file, bad query): never a traceback.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import click

from .._core.errors import GovGraphError

EXIT_OK, EXIT_NO, EXIT_BAD_INPUT = 0, 1, 2


# ── the options ─────────────────────────────────────────────────────────────────


def rules_option(function: Callable) -> Callable:
    return click.option(
        "--rules",
        metavar="NAME|DIR",
        envvar="GOVGRAPH_RULES",
        multiple=True,
        callback=lambda ctx, param, value: value or None,
        help="Rule base: a name in data/catalog.toml or a folder of Turtle files; repeatable, or `all` "
        "[default: the catalog's default; env GOVGRAPH_RULES].",
    )(function)


def scope_options(function: Callable) -> Callable:
    """--jurisdiction and --as-of: which government, and the version of its rules in force when."""
    function = click.option(
        "--as-of",
        "as_of",
        metavar="DATE",
        envvar="GOVGRAPH_AS_OF",
        help="Answer by the rules in force on this ISO date [default: today].",
    )(function)
    return click.option(
        "--jurisdiction",
        metavar="NAME",
        envvar="GOVGRAPH_JURISDICTION",
        help="The government asked about: its zh or en name, its identifier or its rule base's name "
        "[default: each government the store holds].",
    )(function)


def store_option(function: Callable) -> Callable:
    return click.option(
        "--store",
        metavar="oxigraph|rdflib|oxigraph:PATH",
        default="oxigraph",
        show_default=True,
        envvar="GOVGRAPH_STORE",
        callback=_check_store,
        help="Query engine: in memory, or oxigraph:PATH for an on-disk store built once and reopened "
        "read-only while its files are unchanged (env GOVGRAPH_STORE).",
    )(function)


def amount_option(help: str) -> Callable:  # noqa: A002 - click's word
    """--amount YUAN, read by the one parser of amounts (``govgraph.law.amounts``): digits, grouped
    digits, 500 wan, Chinese numerals; exponents, NaN and Infinity refused (exit 2)."""
    return click.option("--amount", metavar="YUAN", callback=_check_amount, help=help)


def _check_amount(ctx: click.Context, param: click.Parameter, value: str | None):  # noqa: ANN202 - a Decimal or None
    from ..law.amounts import AmountError, parse

    if value is None:
        return None
    try:
        return parse(value)
    except AmountError as exc:
        raise click.BadParameter(str(exc)) from None


def _check_store(ctx: click.Context, param: click.Parameter, value: str) -> str:
    from .._core.stores import parse_spec

    try:
        parse_spec(value)
    except GovGraphError as exc:
        raise click.BadParameter(str(exc)) from None
    return value


def endpoint_option(function: Callable) -> Callable:
    return click.option(
        "--endpoint",
        metavar="URL",
        envvar="GOVGRAPH_ENDPOINT",
        help="Ask a SPARQL 1.1 endpoint holding the graph instead of loading it (env GOVGRAPH_ENDPOINT; "
        "its named graph from GOVGRAPH_GRAPH or the URL's default-graph-uri; credentials from "
        "GOVGRAPH_ENDPOINT_USER / GOVGRAPH_ENDPOINT_PASSWORD, never the command line).",
    )(function)


def format_option(*choices: str, default: str | None = None) -> Callable:
    described = {"table": "a table for people", "text": "text for people", "json": "JSON for machines", "csv": "CSV",
                 "turtle": "Turtle", "nt": "N-Triples", "json-ld": "JSON-LD"}

    def decorate(function: Callable) -> Callable:
        return click.option(
            "--format",
            "output_format",
            type=click.Choice(list(choices)),
            default=default or choices[0],
            show_default=True,
            help="Output: " + ", ".join(described.get(c, c) for c in choices) + ".",
        )(function)

    return decorate


def lang_option(function: Callable) -> Callable:
    return click.option(
        "--lang",
        type=click.Choice(["zh", "en"]),
        default="zh",
        show_default=True,
        envvar="GOVGRAPH_LANG",
        help="Language of labels and headings (JSON always carries both).",
    )(function)


#: What a target of ``who`` or ``chain --target`` may be, for completion.
TARGET_KINDS = ("meeting", "document", "matter", "post", "organ")


def complete_names(*kinds: str, also: tuple[str, ...] = ()) -> Callable:
    """A click ``shell_complete`` callback: the zh and en names of the rule base's terms of
    ``kinds`` (``_core.terms.KINDS``) that start with what is typed, and ``also``. The rule
    bases the command line names (--rules, --store, --endpoint, --jurisdiction) are opened
    only when TAB is pressed; completion never fails aloud (nothing is offered instead)."""

    def complete(ctx: click.Context, param: click.Parameter, incomplete: str) -> list:
        from click.shell_completion import CompletionItem

        try:
            names = _names_of(ctx.params, kinds)
        except Exception:  # noqa: BLE001 - a half-typed command line must not print a traceback at TAB
            names = set()
        wanted = incomplete.casefold()
        return [CompletionItem(name) for name in sorted({*also, *names}) if name.casefold().startswith(wanted)]

    return complete


def _names_of(params: dict[str, Any], kinds: tuple[str, ...]) -> set[str]:
    library = open_library(params.get("rules"), params.get("store") or "oxigraph", params.get("endpoint"))
    names: set[str] = set()
    for graph in library.scopes(params.get("jurisdiction"), params.get("as_of")):
        allowed = set().union(*(graph.names.instances(kind) for kind in kinds))
        names |= {row["name"].value for row in graph.select("labels") if row["resource"].value in allowed}
    return names


def graph_options(function: Callable) -> Callable:
    """--rules, --store, --endpoint, --jurisdiction and --as-of: the options of every command that asks the graph."""
    return rules_option(store_option(endpoint_option(scope_options(function))))


# ── the object a command asks with ──────────────────────────────────────────────


@dataclass
class Asking:
    """What a command was asked with: which store and scope, in which format and language."""

    rules: tuple[str, ...] | None = None
    store: str = "oxigraph"
    endpoint: str | None = None
    jurisdiction: str | None = None
    as_of: str | None = None
    format: str = "table"
    lang: str = "zh"
    _library: Any = field(default=None, repr=False)

    @property
    def library(self):  # noqa: ANN201 - govgraph.answers.library.Library, imported lazily
        """The rule bases the options name, opened when first asked for (notes go to stderr)."""
        if self._library is None:
            self._library = open_library(self.rules, self.store, self.endpoint)
            for note in self._library.notes:
                self.note(note)
        return self._library

    @property
    def graph(self):  # noqa: ANN201 - govgraph.GovGraph
        """The one government's rules in force asked about (an error lists the choices if several)."""
        return self.library.scope(self.jurisdiction, self.as_of)

    def scopes(self) -> list[Any]:
        """The rules in force of each government asked about: one graph per government."""
        return self.library.scopes(self.jurisdiction, self.as_of)

    def word(self, key: str, **values: object) -> str:
        from .._core.words import word

        return word(key, self.lang, **values)

    @property
    def json(self) -> bool:
        return self.format == "json"

    @property
    def csv(self) -> bool:
        return self.format == "csv"

    def note(self, message: str) -> None:
        """A note beside the answer, on stderr (where it stays out of JSON or CSV on stdout)."""
        click.echo(f"govgraph: note: {message}", err=True)


def asks(*formats: str) -> Callable:
    """Give a command the graph and scope options, --format (one of ``formats``) and --lang, as
    one :class:`Asking` passed as its first argument; govgraph's errors become exit 2."""

    def decorate(function: Callable) -> Callable:
        @functools.wraps(function)
        def command(rules, store, endpoint, jurisdiction, as_of, output_format, lang, **kwargs: Any) -> Any:  # noqa: ANN001
            return function(Asking(rules, store, endpoint, jurisdiction, as_of, output_format, lang), **kwargs)

        return graph_options(format_option(*formats)(lang_option(friendly_errors(command))))

    return decorate


def open_library(rules: tuple[str, ...] | None, store: str, endpoint: str | None = None):  # noqa: ANN201
    """The rule bases the options name: loaded from their folders, held by a store, or behind a SPARQL endpoint.

    With an endpoint nothing is loaded: its named graph comes from ``GOVGRAPH_GRAPH`` (or
    the URL's ``default-graph-uri``), its credentials from the environment.
    """
    from ..answers.loading import open_library as opened

    if endpoint:
        return opened(rules, endpoint=endpoint, graph=os.environ.get("GOVGRAPH_GRAPH") or None)
    return opened(rules, store=store)


# ── failing well ────────────────────────────────────────────────────────────────


def friendly_errors(function: Callable) -> Callable:
    """Turn govgraph's errors into a one-line message on stderr and exit 2."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except GovGraphError as exc:
            fail(str(exc))

    return wrapper


def fail(message: str, code: int = EXIT_BAD_INPUT) -> None:
    click.echo(f"govgraph: error: {message}", err=True)
    sys.exit(code)


def examples_epilog(command: str) -> str | None:
    """Example calls for ``command`` from the default rule base's ``examples.toml``, as a help epilog.

    Examples name posts and meetings, so they live with the rule base, not in Python.
    """
    import tomllib

    from ..law.jurisdictions import find

    try:
        path = find().folder / "examples.toml"
        lines = tomllib.loads(path.read_text(encoding="utf-8")).get(command, [])
    except (GovGraphError, OSError, tomllib.TOMLDecodeError):
        return None
    if not lines:
        return None
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


# ── printing ────────────────────────────────────────────────────────────────────


def emit_json(data: Any) -> None:
    import json

    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def console():  # noqa: ANN201 - rich.console.Console, or PlainConsole
    """Where a command prints: rich's console on a terminal; piped or redirected, a plain
    printer (no rich import, no box drawing, no folding at 80 columns)."""
    if plain_output():
        return PlainConsole()
    from rich.console import Console

    return Console(soft_wrap=False, highlight=False)


def plain_output() -> bool:
    """True when standard output is not a terminal (a pipe, a file, a test's runner)."""
    try:
        return not sys.stdout.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stream
        return True


class PlainTable:
    """A table as plain text: its title, then one line per row, cells between pipes (a
    Markdown table), a cell's lines joined by " / "."""

    def __init__(self, title: str, columns: list[str] | tuple[str, ...], rows) -> None:  # noqa: ANN001
        self.title = title
        self.columns = list(columns)
        self.rows = [list(row) for row in rows]

    def lines(self) -> list[str]:
        def line(cells) -> str:  # noqa: ANN001
            return "| " + " | ".join(_cell(cell) for cell in cells) + " |"

        head = [self.title] if self.title else []
        return [*head, line(self.columns), "|" + "---|" * len(self.columns), *(line(row) for row in self.rows)]


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return " / ".join(part.strip() for part in text.splitlines() if part.strip()).replace("|", "\\|")


#: rich's markup tags ([bold], [/bold], [/]), which the plain printer drops; "\\[" is a bracket.
_MARKUP = re.compile(r"(\\*)\[([a-z#/@][^\[]*?)\]")


class PlainConsole:
    """What commands ask of rich's console (``print`` of text or a table), in plain text."""

    def print(self, *items: object, markup: bool = True, **_: object) -> None:
        for item in items or ("",):
            if isinstance(item, PlainTable):
                click.echo("\n".join(item.lines()))
            else:
                click.echo(_unmarked(str(item)) if markup else str(item))


def _unmarked(text: str) -> str:
    def tag(match: re.Match) -> str:
        backslashes = match.group(1)
        if len(backslashes) % 2:  # an escaped bracket: the text itself
            return backslashes[:-1] + match.group(0)[len(backslashes):]
        return backslashes
    return _MARKUP.sub(tag, text)


#: What rich's escape escapes: a tag, with the backslashes before it.
_TAG = re.compile(r"(\\*)(\[[a-z#/@][^\[]*?])")


def escape(text: str) -> str:
    """``text`` escaped so that a console reading markup prints it as it is: rich.markup.escape's
    rule (tests/test_cli_imports.py holds them equal), without importing rich.markup, which
    costs a piped answer a tenth of its start-up."""

    def backslashed(match: re.Match) -> str:
        backslashes, tag = match.groups()
        return f"{backslashes}{backslashes}\\{tag}"

    escaped = _TAG.sub(backslashed, text)
    return escaped + "\\" if escaped.endswith("\\") and not escaped.endswith("\\\\") else escaped


def progress_bar(label: str):  # noqa: ANN201 - rich.progress.Progress
    """A transient progress bar: ``label`` may use ``{task.description}``; counts done of total."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), transient=True)


def table(title: str, columns: list[str] | tuple[str, ...], rows):  # noqa: ANN001, ANN201 - rich.table.Table or PlainTable
    if plain_output():
        return PlainTable(title, columns, rows)
    from rich.table import Table

    grid = Table(title=title, title_justify="left", show_lines=True, expand=False)
    for column in columns:
        grid.add_column(column, overflow="fold")
    for row in rows:
        grid.add_row(*row)
    return grid
