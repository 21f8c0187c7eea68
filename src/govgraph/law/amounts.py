"""Sums of money as people write them, read into a bounded number of yuan: the one parser of
amounts, used by the command line (``--amount``) and the API (``amount=``).

Accepted: digits (``3000000``, ``1200000.50``), digits grouped by commas in threes
(``3,000,000``), a multiplier 万 or 亿 after digits (``300万``, ``1.5亿``), Chinese numerals
(``三百万``, ``一千二百万零五十``, read by cn2an), each optionally followed by 元 or 圆;
full-width digits and commas read as their ASCII forms. Refused: exponents (``1e100000000``
would take gigabytes), NaN and Infinity (they would match every amount rule), commas out of
place (``5,0,0``), signs, and more than :data:`MAX_YUAN_DIGITS` digits before the point or
:data:`MAX_FRACTION_DIGITS` after it.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

import pyoxigraph as ox

from .._core.errors import GovGraphError, shorten
from .._core.terms import XSD_DECIMAL

#: The largest amount: fifteen digits of yuan (under a thousand trillion), and fen (two decimals).
MAX_YUAN_DIGITS = 15
MAX_FRACTION_DIGITS = 2

_MULTIPLIERS = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}
_CURRENCY = ("元", "圆")
_DIGITS = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\Z", re.ASCII)
_NUMERALS = re.compile(r"[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]{1,30}\Z")


class AmountError(GovGraphError, ValueError):
    """An amount that cannot be read as a bounded, non-negative number of yuan."""

    def __init__(self, given: object, why: str) -> None:
        super().__init__(f"amount {shorten(str(given), 40)!r}: {why}; expected yuan as digits (3000000, 3,000,000, "
                         "1200000.50) or as written in Chinese (300万, 300万元, 三百万元)")


def parse(amount: str | int | Decimal) -> Decimal:
    """``amount`` as a Decimal number of yuan; :class:`AmountError` (a ValueError) if it cannot be read,
    TypeError if it is not a str, int or Decimal."""
    if isinstance(amount, bool) or not isinstance(amount, (str, int, Decimal)):
        raise TypeError(f"amount: expected a str, int or Decimal of yuan, not {type(amount).__name__}")
    if isinstance(amount, int):
        return _bounded(amount, Decimal(amount))
    if isinstance(amount, Decimal):
        if not amount.is_finite():
            raise AmountError(amount, "not a finite number")
        if abs(amount.adjusted()) > MAX_YUAN_DIGITS + MAX_FRACTION_DIGITS:
            raise AmountError(amount, "out of range")
        return _bounded(amount, amount)
    return _bounded(amount, _read_text(amount))


def literal(amount: str | int | Decimal | None) -> ox.Literal | None:
    """``amount`` as the xsd:decimal a query is bound to (None stays None)."""
    if amount is None:
        return None
    return ox.Literal(format(parse(amount), "f"), datatype=ox.NamedNode(XSD_DECIMAL))


def _read_text(given: str) -> Decimal:
    if len(given) > 64:
        raise AmountError(given, "too long")
    text = unicodedata.normalize("NFKC", given).strip()
    for unit in _CURRENCY:
        text = text.removesuffix(unit)
    if not text:
        raise AmountError(given, "empty")
    if _NUMERALS.match(text) and not text.isascii():
        return _read_numerals(given, text)
    multiplier = Decimal(1)
    if text[-1] in _MULTIPLIERS:
        text, multiplier = text[:-1], _MULTIPLIERS[text[-1]]
    if not _DIGITS.match(text):
        raise AmountError(given, "not a number of the accepted forms (no exponents, signs, NaN or Infinity; commas in groups of three)")
    whole, _, fraction = text.replace(",", "").partition(".")
    if len(whole.lstrip("0")) > MAX_YUAN_DIGITS or len(fraction) > MAX_FRACTION_DIGITS + 8:
        raise AmountError(given, "too many digits")
    return Decimal(text.replace(",", "")) * multiplier


def _read_numerals(given: str, text: str) -> Decimal:
    import cn2an

    try:
        value = cn2an.cn2an(text, "normal")
    except (ValueError, KeyError, IndexError):
        raise AmountError(given, "not a Chinese numeral cn2an can read") from None
    return Decimal(int(value))


def _bounded(given: object, value: Decimal) -> Decimal:
    if value < 0:
        raise AmountError(given, "negative")
    if value >= Decimal(10) ** MAX_YUAN_DIGITS:
        raise AmountError(given, f"more than {MAX_YUAN_DIGITS} digits of yuan")
    fen = Decimal(1).scaleb(-MAX_FRACTION_DIGITS)
    if value.as_tuple().exponent < -MAX_FRACTION_DIGITS and value != value.quantize(fen):
        raise AmountError(given, f"more than {MAX_FRACTION_DIGITS} decimals (fen)")
    return value
