"""Query results as the standards write them: SPARQL 1.1 JSON results and CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

import pyoxigraph as ox

from .stores import Row, Term


def variables(rows: Sequence[Row]) -> list[str]:
    """The variables of the rows, in the query's order (the rows keep it)."""
    return list(rows[0]) if rows else []


def term_json(term: Term) -> dict[str, str]:
    """One RDF term as SPARQL 1.1 Query Results JSON writes it."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if term.language:
        return {"type": "literal", "value": term.value, "xml:lang": term.language}
    return {"type": "literal", "value": term.value, "datatype": term.datatype.value}


def sparql_json(rows: Sequence[Row]) -> dict[str, Any]:
    """The rows as a SPARQL 1.1 Query Results JSON document (unbound variables left out of a row)."""
    return {
        "head": {"vars": variables(rows)},
        "results": {"bindings": [{name: term_json(t) for name, t in row.items() if t is not None} for row in rows]},
    }


def sparql_csv(rows: Sequence[Row]) -> str:
    """The rows as SPARQL 1.1 Query Results CSV: a header of variables, values as plain strings."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    names = variables(rows)
    writer.writerow(names)
    for row in rows:
        writer.writerow(["" if row[name] is None else row[name].value for name in names])
    return out.getvalue()
