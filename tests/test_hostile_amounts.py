"""Amounts and bound parameters under any input: one parser of amounts, bounded and strict; a bound
value is always exactly one term (issue 11, items 7 and 10; the Chinese forms of issue 12)."""

from __future__ import annotations

from decimal import Decimal

import cn2an
import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govgraph._core.binding import bind_values
from govgraph._core.errors import QueryError
from govgraph.law.amounts import MAX_YUAN_DIGITS, AmountError, literal, parse

from hostile import govgraph, one_line_error

YUAN = st.integers(min_value=0, max_value=10**MAX_YUAN_DIGITS - 1)


@pytest.mark.parametrize("written, yuan", [
    ("5000000", 5_000_000), ("5,000,000", 5_000_000), ("500万", 5_000_000), ("500万元", 5_000_000),
    ("五百万元", 5_000_000), ("五百万", 5_000_000), ("1.5亿", 150_000_000), ("1200000.50", Decimal("1200000.50")),
    ("１２３", 123), ("一千二百万零五十", 12_000_050), (" 300 ", 300),
])
def test_an_amount_is_read_as_people_write_it(written: str, yuan: Decimal) -> None:
    assert parse(written) == yuan


@pytest.mark.parametrize("written", [
    "1e100000000", "1e-100000000", "1E3", "NaN", "nan", "Infinity", "-Infinity", "inf", "5,0,0", "50,00", "-5", "+5",
    "", "   ", "1" * 16, "0.001", "负五", "五点五", "0x10", "1_000", "5 000", "1" * 100,
])
def test_an_amount_not_in_an_accepted_form_is_refused_with_a_value_error(written: str) -> None:
    with pytest.raises(AmountError) as refused:
        parse(written)
    assert isinstance(refused.value, ValueError) and len(str(refused.value)) < 300


@pytest.mark.parametrize("given_value", [1.5, None, True, [5], b"5"])
def test_an_amount_of_the_wrong_type_is_a_type_error(given_value: object) -> None:
    with pytest.raises(TypeError):
        parse(given_value)  # type: ignore[arg-type]


@pytest.mark.parametrize("given_value", [Decimal("NaN"), Decimal("Infinity"), Decimal("1e100000000"), Decimal(-1), -1])
def test_a_decimal_or_int_amount_is_bounded_too(given_value: object) -> None:
    with pytest.raises(AmountError):
        parse(given_value)  # type: ignore[arg-type]


def test_an_amount_binds_as_one_xsd_decimal() -> None:
    assert literal("500万") == ox.Literal("5000000", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal"))
    assert literal(None) is None


@given(YUAN)
def test_every_whole_amount_reads_back_in_digits_with_or_without_grouping(yuan: int) -> None:
    assert parse(str(yuan)) == parse(f"{yuan:,}") == parse(yuan) == yuan


@given(st.integers(min_value=0, max_value=10**11 - 1))
def test_every_amount_written_in_wan_is_ten_thousand_yuan_each(wan: int) -> None:
    assert parse(f"{wan}万元") == wan * 10_000


@settings(max_examples=200)
@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_every_amount_written_in_chinese_numerals_reads_back(yuan: int) -> None:
    assert parse(cn2an.an2cn(yuan) + "元") == yuan


@settings(max_examples=500)
@given(st.text(max_size=40))
def test_any_text_is_either_a_bounded_amount_or_a_value_error(text: str) -> None:
    try:
        value = parse(text)
    except AmountError:
        return
    assert value.is_finite() and 0 <= value < 10**MAX_YUAN_DIGITS


@settings(max_examples=300)
@given(st.text(), st.sampled_from([None, "zh", "en-GB"]))
def test_any_text_bound_to_a_parameter_comes_back_as_exactly_that_one_literal(text: str, language: str | None) -> None:
    value = ox.Literal(text, language=language) if language else ox.Literal(text)
    query = bind_values("SELECT ?x ?y WHERE { BIND (1 AS ?y) }", {"x": value})
    rows = list(ox.Store().query(query))
    assert len(rows) == 1 and rows[0]["x"] == value and rows[0]["y"] == ox.Literal(1)


@settings(max_examples=300)
@given(st.text(min_size=1))
def test_any_text_bound_as_an_iri_is_that_iri_or_refused(text: str) -> None:
    iri = "http://example.org/" + text
    try:
        query = bind_values("SELECT ?x WHERE { }", {"x": ox.NamedNode(iri)})
    except (QueryError, ValueError):
        return
    rows = list(ox.Store().query(query))
    assert len(rows) == 1 and rows[0]["x"].value == iri


@pytest.mark.parametrize("number", ["1e100000000", "NaN", "Infinity", "1" * 40])
def test_sparql_refuses_a_number_it_cannot_bind_boundedly_in_exit_2(number: str) -> None:
    result = govgraph("sparql", "-", "--number", f"n={number}", stdin="SELECT ?n WHERE { }")
    assert result.returncode == 2 and "is not a number" in result.stderr and "Traceback" not in result.stderr


def test_sparql_stops_a_query_at_its_time_limit_with_one_line_and_exit_2() -> None:
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    result = govgraph("sparql", "-", "--timeout", "1", stdin=slow)
    assert result.returncode == 2
    assert "time limit of 1 s" in one_line_error(result)
