"""Binding a query's parameters as data: one row of values opening its WHERE group.

A parameter is bound by joining the query's WHERE group with one row of data: the same
solutions as engine substitution, and it lets Oxigraph's planner start from the bound
values (100x faster on a national graph than its substitutions) and lets a remote
endpoint, which has no substitution at all, receive them without pasting them in. Each
value is written as exactly one RDF term: a value full of quotes, braces and ``|| true``
stays one literal, and an IRI that could change the query is refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

import pyoxigraph as ox

from .errors import QueryError

Term = ox.NamedNode | ox.Literal | ox.BlankNode

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_VARNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_LANGTAG = re.compile(r"[A-Za-z]+(-[A-Za-z0-9]+)*\Z")
_IRIREF = re.compile(r'<[^\x00-\x20<>"{}|^`\\]*>')


def serialise(term: Term) -> str:
    """A term as SPARQL text that cannot be anything but that one term."""
    if isinstance(term, ox.NamedNode):
        return iri_text(term.value)
    if isinstance(term, ox.Literal):
        text = '"' + escape_literal(term.value) + '"'
        if term.language:
            if not _LANGTAG.match(term.language):
                raise QueryError(f"not a language tag: {term.language!r}")
            return f"{text}@{term.language}"
        if term.datatype.value != XSD_STRING:
            return f"{text}^^{iri_text(term.datatype.value)}"
        return text
    raise QueryError(f"cannot send {term!r} to an endpoint: expected an IRI or a literal (a blank node names nothing there)")


def iri_text(value: str) -> str:
    if not value or _IRI_FORBIDDEN.search(value):
        raise QueryError(f"not an IRI: {value!r}: expected no spaces, quotes, braces, pipes or angle brackets")
    return f"<{value}>"


def escape_literal(value: str) -> str:
    out = []
    for i, char in enumerate(value):
        if char == "\\":
            out.append("\\\\")
        elif char == '"':
            out.append('\\"')
        elif char == "\n":
            out.append("\\n")
        elif char == "\r":
            out.append("\\r")
        elif char == "\t":
            out.append("\\t")
        elif ord(char) < 0x20 or char in "\x7f\u2028\u2029":
            out.append(f"\\u{ord(char):04X}")
        elif char in "uU" and i > 0 and value[i - 1] == "\\":
            # SPARQL may read \uXXXX anywhere before parsing: after an escaped backslash,
            # write the u itself as a code point so that no escape can be formed.
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return "".join(out)


def _structure(query: str) -> Iterator[tuple[int, str]]:
    """The positions of ( ) { } in a query, outside comments, strings and IRIs."""
    i, n = 0, len(query)
    while i < n:
        char = query[i]
        if char == "#":
            end = query.find("\n", i)
            i = n if end < 0 else end + 1
            continue
        if char in "\"'":
            quote = query[i : i + 3] if query[i : i + 3] in ('"""', "'''") else char
            i += len(quote)
            while i < n and not query.startswith(quote, i):
                i += 2 if query[i] == "\\" else 1
            i += len(quote)
            continue
        if char == "<":
            match = _IRIREF.match(query, i)
            if match:
                i = match.end()
                continue
        if char in "(){}":
            yield i, char
        i += 1


def where_group_start(query: str) -> int:
    """The index just after the ``{`` that opens the query's WHERE group."""
    parens = 0
    for at, char in _structure(query):
        if char == "(":
            parens += 1
        elif char == ")":
            parens -= 1
        elif char == "{" and parens == 0:
            return at + 1
    raise QueryError("expected a query with a WHERE group { … }")


def bind_values(query: str, bindings: Mapping[str, Term] | None) -> str:
    """``query`` with ``bindings`` placed at the start of its WHERE group, as one-row data.

    IRIs and plain or language-tagged literals go in a ``VALUES`` block; a typed literal
    (a number, a date) is bound with ``BIND (STRDT("lexical", <datatype>) AS ?name)``: the
    same term, but computed rather than constant, which Virtuoso 7.2 needs to carry a
    fractional decimal through ORDER BY (its constant column overflows otherwise).
    A parameter not given stays out of the query: unbound, as SPARQL reads a variable
    that no pattern binds (the named queries are written for that).
    """
    bindings = dict(bindings or {})
    for name in bindings:
        if not _VARNAME.match(name):
            raise QueryError(f"not a SPARQL variable name: {name!r}")
    block = ""
    constant = {name: term for name, term in bindings.items() if not _is_typed(term)}
    if constant:
        names = " ".join("?" + name for name in constant)
        terms = " ".join(serialise(term) for term in constant.values())
        block += f"\n  VALUES ({names}) {{ ({terms}) }}"
    for name, term in bindings.items():
        if _is_typed(term):
            block += f'\n  BIND (STRDT("{escape_literal(term.value)}", {iri_text(term.datatype.value)}) AS ?{name})'
    if not block:
        return query
    start = where_group_start(query)
    return query[:start] + block + "\n" + query[start:]


def _is_typed(term: Term) -> bool:
    return isinstance(term, ox.Literal) and not term.language and term.datatype.value != XSD_STRING
