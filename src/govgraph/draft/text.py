"""A regulation's text as users find it, made uniform: NFKC, simplified script, sentences."""

from __future__ import annotations

import re
import unicodedata
from functools import cache


class MissingConverter(RuntimeError):
    """Traditional script needs OpenCC (the ``draft`` extra)."""


@cache
def _to_simplified():
    try:
        import opencc  # opencc-python-reimplemented, or the OpenCC bindings
    except ImportError as e:  # pragma: no cover - the draft extra is not installed
        raise MissingConverter("pip install 'govgraph[draft]' to read traditional script") from e
    try:
        return opencc.OpenCC("t2s").convert
    except Exception:  # the OpenCC bindings name the config with its file suffix
        return opencc.OpenCC("t2s.json").convert


def normalise(text: str) -> str:
    """Full-width digits and punctuation folded (NFKC), traditional script made simplified: what the patterns read."""
    text = unicodedata.normalize("NFKC", text.removeprefix("\ufeff")).replace("\r\n", "\n")
    return _to_simplified()(text)


#: Full-width digits and Latin letters, and the ideographic space: folded in the text as written too.
_FULL_WIDTH_ALPHANUMERIC = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000]")


def as_written(text: str) -> str:
    """The text as the regulation writes it, for the articles a rule base cites: simplified script and
    half-width digits, but its own full-width punctuation (commas, stops, colons, brackets), which NFKC would turn into ASCII."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    text = _FULL_WIDTH_ALPHANUMERIC.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return _to_simplified()(text)


def sentences(text: str, ends: str) -> list[tuple[int, int]]:
    """The (start, end) spans of the sentences of ``text``, each ending at one of ``ends``."""
    spans, start = [], 0
    for m in re.finditer(f"[{re.escape(ends)}\n]", text):
        if text[start:m.end()].strip():
            spans.append((start, m.end() if m.group() != "\n" else m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans
