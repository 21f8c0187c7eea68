"""Numbers read from a slot's wording: amounts with bounds, quorum fractions, counts,
deadlines. The words that mark a bound or a unit come from patterns/text.toml."""

from __future__ import annotations

import re
from fractions import Fraction


def numeral(s: str) -> int | float:
    """A number in digits (500, 2.5) or in Chinese numerals (read by cn2an)."""
    if re.fullmatch(r"[0-9]+", s):
        return int(s)
    if re.fullmatch(r"[0-9]+\.[0-9]+", s):
        return float(s)
    import cn2an
    value = cn2an.cn2an(s, "smart")
    return int(value) if float(value).is_integer() else value


def amount(text: str, settings: dict) -> dict:
    """An amount of money and its bound: minimum/maximum and whether each is included."""
    words = settings["words"]
    m = re.search(f"({settings['fragments']['number']})({words['ten_thousand']}|{words['hundred_million']})?", text)
    if not m:
        return {}
    unit = {None: 1}.get(m.group(2)) or (10_000 if re.fullmatch(words["ten_thousand"], m.group(2)) else 100_000_000)
    value = numeral(m.group(1)) * unit
    value = int(value) if float(value).is_integer() else value
    out: dict = {"value": value}
    if re.match(words["amount_below"], text):
        out.update(maximum=value, maximumInclusive=False)
    elif re.match(words["amount_above"], text):
        out.update(minimum=value, minimumInclusive=False)
    elif re.search(words["amount_at_most"], text):
        out.update(maximum=value, maximumInclusive=True)
    elif re.search(words["amount_at_least"], text) or re.search(words["amount_included"], text):
        out.update(minimum=value, minimumInclusive=True)
    return out


def quorum(text: str, settings: dict) -> dict:
    """A quorum formula as numerator, denominator and whether the fraction itself suffices."""
    words = settings["words"]
    exclusive = bool(re.search(words["quorum_exclusive"], text))
    m = re.search(words["fraction"], text)
    if m:
        value = Fraction(numeral(m.group(2)), numeral(m.group(1)))
    elif m := re.search(words["fraction_slash"], text):
        value = Fraction(int(m.group(1)), int(m.group(2)))
    elif re.search(words["quorum_half"], text):
        value = Fraction(1, 2)
    else:
        return {}
    return {"numerator": value.numerator, "denominator": value.denominator, "inclusive": not exclusive}


def count(text: str, settings: dict) -> dict:
    """A plain number, in digits or Chinese numerals."""
    m = re.search(settings["fragments"]["number"], text)
    return {"value": numeral(m.group())} if m else {}


def deadline(text: str, settings: dict) -> dict:
    """A time limit: its amount, its unit (a gg:TimeUnit) and whether it is in advance."""
    words, units = settings["words"], settings["words"]["units"]
    unit_words = "|".join(sorted(units, key=len, reverse=True))
    m = re.search(f"({settings['fragments']['number']})({words.get('counter', '')})?({unit_words})", text)
    if not m:
        return {}
    return {"value": numeral(m.group(1)), "unit": units[m.group(3)],
            "direction": "gg:InAdvance" if re.search(words["in_advance"], text) else "gg:Within"}


READERS = {"amount": amount, "quorum": quorum, "number": count, "deadline": deadline}
