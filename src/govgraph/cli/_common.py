"""What every govgraph command shares: options, loading the graph, printing, failing well.

Exit codes: 0 answered (or conforms), 1 the answer is "no" (violations found, integrity
check failed), 2 bad input (unknown name, unreadable file, bad query): never a traceback.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import click

from .._core.errors import GovGraphError

EXIT_OK, EXIT_NO, EXIT_BAD_INPUT = 0, 1, 2


def rules_option(function: Callable) -> Callable:
    return click.option(
        "--rules",
        metavar="NAME|DIR",
        envvar="GOVGRAPH_RULES",
        help="Rule base: a name under data/ or a folder of Turtle files [default: data/catalog.toml's; env GOVGRAPH_RULES].",
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


def _check_store(ctx: click.Context, param: click.Parameter, value: str) -> str:
    from .._core.stores import parse_spec

    try:
        parse_spec(value)
    except GovGraphError as exc:
        raise click.BadParameter(str(exc)) from None
    return value


def format_option(*choices: str, default: str = "table") -> Callable:
    def decorate(function: Callable) -> Callable:
        return click.option(
            "--format",
            "output_format",
            type=click.Choice(list(choices)),
            default=default,
            show_default=True,
            help="Output: a table for people, json for machines.",
        )(function)

    return decorate


def lang_option(function: Callable) -> Callable:
    return click.option(
        "--lang",
        type=click.Choice(["zh", "en"]),
        default="zh",
        show_default=True,
        envvar="GOVGRAPH_LANG",
        help="Language of labels in tables (JSON always carries both).",
    )(function)


def endpoint_option(function: Callable) -> Callable:
    return click.option(
        "--endpoint",
        metavar="URL",
        envvar="GOVGRAPH_ENDPOINT",
        help="Ask a SPARQL 1.1 endpoint holding the graph instead of loading it (env GOVGRAPH_ENDPOINT; "
        "its named graph from GOVGRAPH_GRAPH or the URL's default-graph-uri; credentials from "
        "GOVGRAPH_ENDPOINT_USER / GOVGRAPH_ENDPOINT_PASSWORD, never the command line).",
    )(function)


def graph_options(function: Callable) -> Callable:
    """--rules, --store and --endpoint: the options of every command that loads the graph."""
    return rules_option(store_option(endpoint_option(function)))


def question(*formats: str) -> Callable:
    """The options and error handling of a command that asks the graph a question:
    --rules, --store, --endpoint, --format (one of ``formats``), --lang, and exit 2 on bad input."""

    def decorate(function: Callable) -> Callable:
        return graph_options(format_option(*formats)(lang_option(friendly_errors(function))))

    return decorate


def load_graph(rules: str | None, store: str, endpoint: str | None = None):
    """The graph the options name: loaded from the rule base, or behind a SPARQL endpoint.

    With an endpoint nothing is loaded: its named graph comes from ``GOVGRAPH_GRAPH`` (or
    the URL's ``default-graph-uri``), its credentials from the environment.
    """
    import os

    from ..answers.loading import load

    if endpoint:
        return load(rules, endpoint=endpoint, graph=os.environ.get("GOVGRAPH_GRAPH") or None)
    return load(rules, store=store)


def friendly_errors(function: Callable) -> Callable:
    """Turn govgraph's errors into a one-line message on stderr and exit 2."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except GovGraphError as exc:
            fail(str(exc))

    return wrapper


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


def fail(message: str, code: int = EXIT_BAD_INPUT) -> None:
    click.echo(f"govgraph: error: {message}", err=True)
    sys.exit(code)


def emit_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def console():
    from rich.console import Console

    return Console(soft_wrap=False, highlight=False)


def progress_bar(label: str):  # noqa: ANN201 - rich.progress.Progress
    """A transient progress bar: ``label`` may use ``{task.description}``; counts done of total."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), transient=True)


def table(title: str, columns: Sequence[str], rows: Iterable[Sequence[str]]):
    from rich.table import Table

    grid = Table(title=title, title_justify="left", show_lines=True, expand=False)
    for column in columns:
        grid.add_column(column, overflow="fold")
    for row in rows:
        grid.add_row(*row)
    return grid
