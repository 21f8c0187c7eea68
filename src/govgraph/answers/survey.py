"""One feature of every government a store holds: one row per government, each citing its article.

A feature is a named query ``queries/survey-<feature>.rq`` asked once of the whole store
(``# scope: store``): it reads every rule base's graph (``GRAPH ?graph``) and finds the
government's terms through the national template (the term that ``skos:exactMatch``\\ es
``tpl:ExecutiveMeeting``, say). Each rule base in force on the date asked gives one row,
"none" when its rules set nothing on the feature. The columns a survey query may return:

- ``?item`` with ``?itemZh`` / ``?itemEn``: a term the rules name (a matter, a member, a conferral);
- ``?qualifier`` with labels: what narrows it (a reason of absence, the post a quorum counts
  over), several in one parenthesis;
- ``?rank``: an order of succession;
- ``?amount`` with ``?inclusive``: a lower bound in yuan; ``?numerator`` / ``?denominator`` /
  ``?inclusive``: a quorum formula (both are plotted as numbers);
- ``?article ?number ?articleZh ?articleEn ?text``: the article it rests on.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from .._core import queries
from .._core.cite import Citation, Named, Regulation, Text, unique_citations
from .._core.errors import GovGraphError
from .._core.resources import queries_dir
from .._core.stores import Row
from .._core.words import word

if TYPE_CHECKING:
    from .library import Library, RuleBase

PREFIX = "survey-"
LANGS = ("zh", "en")


@dataclass(frozen=True)
class SurveyRow:
    """What one government's rules in force say on the feature."""

    rule_base: str
    government: Named
    regulation: Regulation
    text: Text  #: empty when the rules set nothing on it
    key: str  #: the same for governments whose rules say the same ("" for nothing)
    amount: float | None  #: the number a chart plots (a threshold, a quorum's fraction), if any
    citations: tuple[Citation, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule_base": self.rule_base,
            "government": asdict(self.government),
            "regulation": asdict(self.regulation),
            "text": asdict(self.text),
            "key": self.key,
            "amount": self.amount,
            "citations": [{"article": asdict(c.article), "number": c.number, "text": c.text} for c in self.citations],
        }


@dataclass(frozen=True)
class Survey:
    feature: str
    question: Text
    rows: tuple[SurveyRow, ...]

    @property
    def numeric(self) -> bool:
        """Whether the feature is a number (plotted as such) rather than a kind."""
        return any(row.amount is not None for row in self.rows)

    def groups(self) -> Counter:
        """How many governments say each thing (by key), "" for those that set nothing."""
        return Counter(row.key for row in self.rows)

    def to_dict(self) -> dict[str, Any]:
        return {"feature": self.feature, "question": asdict(self.question), "rows": [row.to_dict() for row in self.rows]}


def features() -> dict[str, str]:
    """Every feature a survey can ask about, with its question."""
    found = {}
    for path in sorted(queries_dir().glob(f"{PREFIX}*.rq")):
        found[path.stem[len(PREFIX):]] = queries.named(path.stem).question
    return found


def survey(library: Library, feature: str, as_of: str | dt.date | None = None) -> Survey:
    """Ask ``feature`` of every government the library holds, in the version in force ``as_of`` (default today)."""
    known = features()
    if feature not in known:
        raise GovGraphError(f"no survey feature {feature!r}: expected one of {', '.join(known)}")
    query = queries.named(PREFIX + feature)
    by_graph: dict[str, list[Row]] = defaultdict(list)
    for row in library.store.select(query.text):
        by_graph[row["graph"].value].append(row)
    rows = tuple(_row(base, by_graph.get(base.graph, [])) for base in library.select(None, as_of))
    return Survey(feature, Text(None, query.question), rows)


def _row(base: RuleBase, rows: list[Row]) -> SurveyRow:
    said: dict[str, Text] = {}
    qualifiers: dict[str, dict[str, Text]] = defaultdict(dict)
    for row in rows:
        key, text = _said(row)
        said.setdefault(key, text)
        if row.get("qualifier") is not None:  # the reasons (say) of one rule, said once: "designation (away, study)"
            zh, en = (row.get(f"qualifier{lang.capitalize()}") for lang in LANGS)
            value = row["qualifier"].value
            qualifiers[key][value] = Text(zh.value if zh is not None else value, en.value if en is not None else value)
    for key, found in qualifiers.items():
        named = [found[k] for k in sorted(found)]
        said[key] = Text(*(f"{said[key].label(lang)} ({', '.join(t.label(lang) for t in named)})" for lang in LANGS))
    said = {f"{key} {' '.join(sorted(qualifiers.get(key, ())))}".strip(): text for key, text in said.items()}
    ordered = sorted(said)
    text = Text(*("; ".join(said[k].label(lang) for k in ordered) for lang in LANGS)) if ordered else Text()
    amounts = [amount for row in rows if (amount := _amount(row)) is not None]
    citations = unique_citations(_citation(base, row) for row in rows)
    return SurveyRow(base.name, base.government, base.regulation, text, " + ".join(ordered), min(amounts) if amounts else None,
                     citations)


def _said(row: Row) -> tuple[str, Text]:
    """A row's comparable key and its words, from whichever columns the query returns."""
    def value(column: str) -> str | None:
        term = row.get(column)
        return None if term is None else term.value

    inclusive = value("inclusive") in ("true", "1")
    parts: list[tuple[str, Text]] = []
    if value("numerator") is not None:
        fraction = f"{value('numerator')}/{value('denominator')}"
        key = "at_least" if inclusive else "more_than"
        parts.append((f"{fraction} {key}", _words(lambda lang: word(f"compare.{key}", lang, fraction=fraction))))
    if value("item") is not None:
        parts.append((value("item"), Text(value("itemZh") or value("item"), value("itemEn") or value("item"))))
    if value("amount") is not None:
        amount = Decimal(value("amount")).normalize()
        key = "minimum_inclusive" if inclusive else "minimum_exclusive"
        parts.append((f"{key} {amount:f}", _words(lambda lang: word(f"compare.{key}", lang, amount=f"{amount:,f}"))))
    if value("rank") is not None:
        rank = value("rank")
        parts.append((f"rank {rank}", _words(lambda lang: word("compare.rank", lang, rank=rank))))
    return " ".join(k for k, _ in parts), Text(*(" ".join(t.label(lang) for _, t in parts) for lang in LANGS))


def _words(make: Any) -> Text:
    return Text(*(make(lang) for lang in LANGS))


def _amount(row: Row) -> float | None:
    if row.get("numerator") is not None:
        return float(Fraction(int(row["numerator"].value), int(row["denominator"].value)))
    if row.get("amount") is not None:
        return float(row["amount"].value)
    return None


def _citation(base: RuleBase, row: Row) -> Citation | None:
    if row.get("article") is None:
        return None
    label = {lang: row.get(f"article{lang.capitalize()}") for lang in LANGS}
    article = Named(row["article"].value, *(label[lang].value if label[lang] is not None else None for lang in LANGS))
    text = row.get("text")
    return Citation(article, row["number"].value, text.value if text is not None else "", base.regulation)
