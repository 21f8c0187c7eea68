"""The fast engine: the compiled shapes run over any store, all focus nodes at once.

Each constraint is one SELECT (see :mod:`govgraph.validate.compile`), run through the
``Store`` protocol: on Oxigraph (``govgraph validate``), rdflib or a SPARQL endpoint
(``govgraph check`` over a graph's own store). ``tests/test_validate_engines.py`` checks
that it reports what pySHACL reports.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox

from .._core.errors import QueryError
from .._core.stores import Store, Term
from .._core.terms import XSD
from .compile import Constraint, compile_shapes
from .shapes import Messages, Shapes

NUMERIC = {
    XSD + t
    for t in ("integer", "decimal", "double", "float", "long", "int", "short", "byte", "nonNegativeInteger", "positiveInteger",
              "negativeInteger", "nonPositiveInteger", "unsignedLong", "unsignedInt")
}


@dataclass(frozen=True)
class Row:
    """One result of one constraint: what SHACL reports, plus the variables the query bound."""

    shape: str
    component: str
    severity: str
    focus: str
    path: str | None
    value: str | None
    messages: Messages
    bindings: dict[str, str] = field(default_factory=dict, hash=False, compare=False)


def plain_number(text: str) -> str:
    """A number as findings show and compare it: no trailing zeros ("3.0" → "3"); other text unchanged."""
    try:
        number = Decimal(text)
    except (InvalidOperation, ValueError):
        return text
    if not number.is_finite():
        return text
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")


def lexical(term: Term | None) -> str | None:
    """A term as findings compare it: an IRI, ``_:id``, or a literal's value (numbers normalised)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if term.datatype.value in NUMERIC:
        return plain_number(term.value)
    return term.value


def run(store: Store, plan: Shapes, progress: Callable[[int, int], None] | None = None) -> list[Row]:
    """Every result of every shape of ``plan`` over ``store``.

    ``progress`` is told (constraint, of how many) before each constraint. (Running them
    on several threads gains nothing: pyoxigraph holds the GIL while it iterates over
    solutions. Split independent governments into separate processes instead, as
    :func:`govgraph.validate.validate_each` does.)
    """
    constraints = compile_shapes(plan)
    rows: list[Row] = []
    for done, constraint in enumerate(constraints, 1):
        if progress:
            progress(done, len(constraints))
        rows.extend(_rows(store, constraint))
    return rows


def _rows(store: Store, constraint: Constraint) -> Iterable[Row]:
    try:
        solutions = store.select(constraint.query)
    except QueryError as exc:
        raise QueryError(f"shape {constraint.shape}: {exc}") from None
    for solution in solutions:
        bound = {name: lexical(term) for name, term in solution.items() if term is not None}
        focus = bound.get("this")
        if focus is None:
            continue
        value = bound.get("value", focus) if constraint.is_sparql else bound.get("value")
        yield Row(
            shape=constraint.shape,
            component=constraint.component,
            severity=constraint.severity,
            focus=focus,
            path=bound.get("path", constraint.path),
            value=value,
            messages=constraint.messages,
            bindings=bound if constraint.is_sparql else {},
        )
