"""The ``govgraph`` command: a thin layer over the library.

Subcommands live in modules of this package and are imported only when run, so that
``govgraph who …`` does not pay for what ``govgraph draw`` or ``validate`` needs.
"""

from __future__ import annotations

import importlib
import importlib.util

import click

from ._common import examples_epilog

#: command name → (module in govgraph.cli, function name)
COMMANDS: dict[str, tuple[str, str]] = {
    "who": ("ask", "who"),
    "decide": ("ask", "decide"),
    "quorum": ("ask", "quorum"),
    "leave": ("ask", "leave"),
    "deadlines": ("ask", "deadlines"),
    "article": ("rules", "article"),
    "coverage": ("rules", "coverage"),
    "check": ("rules", "check"),
    "reason": ("reason", "reason"),
    "docs": ("docs", "docs"),
    "samples": ("samples", "samples"),
    "sparql": ("sparql", "sparql"),
    "queries": ("sparql", "list_queries"),
    "chain": ("chain", "chain"),
    "draw": ("chain", "draw"),
    "validate": ("validate", "validate"),
    "serve": ("serve", "serve"),
    "load": ("serve", "load"),
    # comparing governments (issue 10)
    "compare": ("compare", "compare"),
    "survey": ("compare", "survey"),
    "list": ("list", "list_holdings"),
    # cards (issue 12)
    "meeting": ("cards", "meeting"),
    "document": ("cards", "document"),
    "post": ("cards", "post"),
    "regulation": ("cards", "regulation"),
    "draft": ("draft", "draft"),
    # validator tooling (issue 13.8)
    "calendar": ("calendar", "calendar"),
    "template": ("template", "template"),
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported when first used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in COMMANDS if self._available(name))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS or not self._available(name):
            return None
        module, attribute = COMMANDS[name]
        command = getattr(importlib.import_module(f"{__name__}.{module}"), attribute)
        if command.epilog is None:
            _examples_on_help(command, name)
        return command

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        self.epilog = self.epilog or examples_epilog("govgraph")
        super().format_epilog(ctx, formatter)

    @staticmethod
    def _available(name: str) -> bool:
        return importlib.util.find_spec(f"{__name__}.{COMMANDS[name][0]}") is not None


def _examples_on_help(command: click.Command, name: str) -> None:
    """Read the rule base's examples for ``command`` only when its help is printed."""
    format_epilog = command.format_epilog

    def with_examples(ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if command.epilog is None:
            command.epilog = examples_epilog(name)
        format_epilog(ctx, formatter)

    command.format_epilog = with_examples  # type: ignore[method-assign]


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="govgraph")
def main() -> None:
    """Ask a government's working rules who may convene, preside, sign or act for whom,
    and get answers that cite the article.

    Names may be given as the Chinese or English label, a CURIE (prefix:LocalName) or an
    IRI. Every command takes --rules to choose a rule base (default: data/catalog.toml).
    """

