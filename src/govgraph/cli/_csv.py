"""CSV for spreadsheets and scripts: the one place a command's rows are written as CSV.

One header line, then one row per answer; quoted as RFC 4180 says (the ``csv`` module, CRLF
line ends); plain UTF-8, no byte-order mark. Column names are fixed English keys, the same
whatever the language asked; cells hold labels in the language asked (``--lang``), and each
resource's IRI in a column ``<field>_iri`` beside its label (the flat rows of
``Record.to_record``, which a notebook's ``AnswerList.to_records`` gives too).

Every row that rests on articles carries the citation columns :data:`CITATION_COLUMNS`: the
article's IRI, its label as the rule base writes it, its number, its text, and the regulation
and government it is of. A row resting on several articles names each, in the regulation's
order, in each column: IRIs, labels and numbers joined by ``"; "``, texts by a blank line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

import click

from .._core.cite import Citation, Named, Text, unique_citations

#: The columns that say which article a row rests on (with a prefix on a row citing two sides).
CITATION_COLUMNS = ("article", "article_label", "number", "text", "regulation", "government")

#: Between the citations of one row, in one cell; article texts get a blank line between them.
SEPARATOR, TEXT_SEPARATOR = "; ", "\n\n"


def citation_columns(prefix: str = "") -> list[str]:
    return [f"{prefix}{column}" for column in CITATION_COLUMNS]


def citation_cells(citations: Iterable[Citation | None] | Citation | None, lang: str, prefix: str = "") -> dict[str, str]:
    """The citation columns of a row resting on ``citations`` (one, several, or none: empty cells)."""
    if citations is None or isinstance(citations, Citation):
        citations = [citations]
    cited = unique_citations(citations)
    regulations = [c.regulation for c in cited if c.regulation is not None]
    cells = {
        "article": SEPARATOR.join(c.article.iri for c in cited),
        "article_label": SEPARATOR.join(c.label(lang) for c in cited),
        "number": SEPARATOR.join(c.number for c in cited),
        "text": TEXT_SEPARATOR.join(c.text for c in cited),
        "regulation": _once(r.label(lang) for r in regulations),
        "government": _once(r.government.label(lang) for r in regulations),
    }
    return {f"{prefix}{column}": value for column, value in cells.items()}


def _once(labels: Iterable[str]) -> str:
    return SEPARATOR.join(dict.fromkeys(labels))


def named_cells(column: str, item: Named | Text | None, lang: str) -> dict[str, str]:
    """A resource's label and IRI (a text's label only) as the columns ``column`` and ``column_iri``."""
    cells = {column: "" if item is None else item.label(lang)}
    if not isinstance(item, Text):
        cells[f"{column}_iri"] = item.iri if isinstance(item, Named) else ""
    return cells


def _is_citation_field(annotation: str) -> bool:
    return annotation.startswith(("Citation", "tuple[Citation"))


def record_columns(kind: type) -> list[str]:
    """The columns of a record class's rows: its fields (and ``_iri`` beside each resource), the
    fields holding articles replaced by the citation columns."""
    from ..answers.model import _has_iri

    columns: list[str] = []
    for item in fields(kind):
        if _is_citation_field(str(item.type)):
            continue
        columns.append(item.name)
        if _has_iri(str(item.type)):
            columns.append(f"{item.name}_iri")
    return [*columns, *CITATION_COLUMNS]


def record_cells(item: Any, lang: str) -> dict[str, Any]:
    """One record as a row of :func:`record_columns`: ``to_record`` without its article fields,
    and the citation cells of every article it rests on."""
    row = item.to_record(lang)
    for field_ in fields(item):
        if _is_citation_field(str(field_.type)):
            row.pop(field_.name, None)
            row.pop(f"{field_.name}_iri", None)
    return row | citation_cells(_articles_of(item), lang)


def _articles_of(item: Any) -> Iterable[Citation | None]:
    articles = getattr(item, "articles", None)
    if callable(articles):
        return articles()
    if articles is not None:
        return articles
    return [getattr(item, "basis", None)]


@dataclass(frozen=True)
class Sheet:
    """How a command's answers become CSV rows: the record class of each answer, and columns of
    the command's own after the record's (name, and how an answer gives its cell)."""

    kind: type
    extra: Sequence[tuple[str, Callable[[Any], object]]] = ()
    #: the articles a row rests on, if more than its record's own (e.g. an answer's approval chain's)
    cites: Callable[[Any], Iterable[Citation | None]] | None = None

    def columns(self) -> list[str]:
        return [*record_columns(self.kind), *(name for name, _ in self.extra)]

    def row(self, item: Any, lang: str) -> dict[str, Any]:
        row = record_cells(item, lang) | {name: cell(item) for name, cell in self.extra}
        if self.cites is not None:
            row |= citation_cells(self.cites(item), lang)
        return row

    def write(self, items: Iterable[Any], lang: str) -> None:
        emit_csv(self.columns(), (self.row(item, lang) for item in items))


@dataclass(frozen=True)
class Table:
    """How answers become CSV rows when one answer gives several (a card's lines): ``rows(answer,
    lang)`` gives each row's cells, under ``columns``."""

    columns: Sequence[str]
    rows: Callable[[Any, str], Iterable[Mapping[str, Any]]]

    def write(self, items: Iterable[Any], lang: str) -> None:
        emit_csv(self.columns, (row for item in items for row in self.rows(item, lang)))


def emit_csv(columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> None:
    """Write the header and the rows to standard output (a row lacking a column leaves it empty;
    a cell for a column not in the header is a bug, and raises)."""
    click.echo(csv_text(columns, rows), nl=False)


def csv_text(columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\r\n", extrasaction="raise")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: cell(value) for column, value in row.items()})
    return out.getvalue()


def cell(value: object) -> str:
    """A value as a CSV cell: booleans as true/false, whole numbers without a point, None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (Named, Text)):
        raise TypeError("a resource or text must be given as cells of its own (named_cells), not as one value")
    return str(value)
