"""The graph of one government's rules in force (a scope), and the questions it answers.

``GovGraph`` binds the user's values into the named queries of ``queries/``, runs them
over its scope (the ontology and one rule base: see ``library.py``), and turns their rows
into answers that cite their article, the regulation version and the government. It knows
no post, threshold or article: those come from the rule base, the questions from the queries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .._core import queries
from .._core.cite import Citation, Citer, Named, Regulation
from .._core.errors import GovGraphError
from .._core.stores import Row, ScopedStore, Store, Term
from .._core.terms import GG, LONGER_PERIOD, PREFIXES, SHORTER_PERIOD
from ..law.amounts import literal
from .model import (
    Answer,
    AnswerList,
    ApprovalChain,
    ArticleView,
    Competence,
    Coverage,
    Deadline,
    LeaveRule,
    Member,
    Quorum,
    Step,
    Violation,
)
from .names import Names, local_name

if TYPE_CHECKING:
    from .cards import Card, NoAnswer, RegulationCard
    from .library import RuleBase


class GovGraph:
    """One scope of a store, ready to answer: the union of ``graphs`` (None: every graph),
    normally the ontology and the rule base ``rule_base`` (one regulation version of one
    government)."""

    def __init__(self, store: Store, graphs: Sequence[str] | None = None, rule_base: RuleBase | None = None) -> None:
        self.store = store
        self.graphs = list(graphs) if graphs is not None else None
        self.rule_base = rule_base

    def __repr__(self) -> str:
        where = self.rule_base.name if self.rule_base else "every graph"
        return f"<GovGraph {where} on {self.store.name}>"

    @property
    def regulation(self) -> Regulation | None:
        """The regulation version this scope answers from, with its government and dates."""
        return self.rule_base.regulation if self.rule_base else None

    # ── running queries ──────────────────────────────────────────────────────

    def select(self, name: str, **bindings: Term | str | int | Decimal | None) -> list[Row]:
        """Run the named query ``queries/<name>.rq`` over this scope with its parameters bound.

        A value may be an RDF term, or a plain string or number: a parameter the query takes as
        an IRI resolves it as the CLI does (a zh or en label, alternative label, CURIE or IRI),
        an ``xsd:decimal`` one reads it as a number, any other takes it as a string.
        """
        query = queries.named(name)
        described = {p.name: p.description for p in query.parameters}
        bound = {key: self._value(value, described.get(key, "")) for key, value in bindings.items() if value is not None}
        return self.store.select(query.text, bound, graphs=self.graphs)

    def _value(self, value: Term | str | int | Decimal, description: str) -> Term:
        """A parameter's value as one term, read the way the query's header describes the parameter."""
        if not isinstance(value, (str, int, Decimal)):
            return value
        if description.startswith("IRI"):
            return ox.NamedNode(self.resolve(str(value), "term"))
        if "xsd:decimal" in description:
            return _decimal(value)
        return ox.Literal(str(value))

    def sparql(self, text: str, bindings: Mapping[str, Term] | None = None) -> list[Row]:
        """Run any SELECT query over this scope."""
        return self.store.select(text, bindings, graphs=self.graphs)

    # ── names ────────────────────────────────────────────────────────────────

    @cached_property
    def names(self) -> Names:
        """The names of this scope's terms: each table read from the store when first needed, and
        one name resolved by a query of its own (``resolve.rq``) while no table is read."""

        def labels(**bound: Term) -> list[dict[str, str]]:
            return [
                {"resource": resource.value, "name": name.value, "lang": lang.value if lang is not None else "", "kind": kind.value}
                for resource, name, lang, kind in self._columns("labels", "resource", "name", "lang", "kind", **bound)
            ]

        def types() -> list[tuple[str, str]]:
            return [(resource.value, cls.value) for resource, cls in self._columns("types", "resource", "class")]

        def prefixes() -> dict[str, str]:
            declared = {prefix.value: namespace.value for prefix, namespace in self._columns("prefixes", "prefix", "namespace")}
            return {**declared, **PREFIXES}

        def matches() -> list[tuple[str, str, bool]]:
            return [(term.value, concept.value, match.value == "exact")
                    for term, concept, match in self._columns("template-matches", "term", "concept", "match")]

        def lookup(key: str) -> list[dict[str, str | None]]:
            called: dict[str, list[str]] = {}
            for match in self.select("resolve", key=ox.Literal(key)):
                called.setdefault(match["resource"].value, []).append(match["name"].value)
            return [
                {"name": name} | {column: term.value if term is not None else None for column, term in row.items()}
                for resource, names in called.items()
                for row in self.select("resolve-term", resource=ox.NamedNode(resource))
                for name in names
            ]

        # One name or one term at a time suits Oxigraph (a query in a millisecond or less). rdflib
        # scans every label for each name (seconds), and an endpoint costs a round trip per query:
        # there the whole tables, read once, resolve and name faster.
        def labels_of(iri: str) -> list[dict[str, str]]:
            try:
                resource = ox.NamedNode(iri)
            except ValueError:  # a literal's value (a row's kind, say): named by no label
                return []
            return labels(resource=resource)

        one_by_one = self.store.name == "oxigraph"
        return Names(labels, types, prefixes, matches, lookup=lookup if one_by_one else None,
                     label_lookup=labels_of if one_by_one else None)

    def _columns(self, name: str, *columns: str, **bindings: Term) -> list[tuple[Term | None, ...]]:
        """The named query's rows as tuples of the columns asked for."""
        return [tuple(row[column] for column in columns) for row in self.select(name, **bindings)]

    def resolve(self, name: str, kind: str = "term") -> str:
        """The IRI a zh or en label, CURIE or IRI stands for (raises NameNotFound with close matches)."""
        return self.names.resolve(name, kind)

    @cached_property
    def cite(self) -> Citer:
        """Labels and citations for the terms of this graph's rows."""
        return Citer(self.names.named, self.regulation)

    def named(self, term: Term | str | None) -> Named | None:
        return self.cite.named(term)

    def _node(self, name: str | None, kind: str) -> ox.NamedNode | None:
        return None if name is None else ox.NamedNode(self.resolve(name, kind))

    # ── the questions ────────────────────────────────────────────────────────

    def who(
        self,
        action: str,
        target: str,
        *,
        absent: str | None = None,
        reason: str | None = None,
        long_absence: bool | None = None,
        agenda: str | None = None,
        amount: str | int | Decimal | None = None,
        standing_grants: bool = False,
    ) -> AnswerList[Answer]:
        """Who may, must or must not do ``action`` on ``target``; a case narrows the answer.

        With ``absent``, a grant whose grantor is that post is still answered, with ``waits_for``
        naming the grantor (it needs the grantor's act, and the grantor is away), unless the rule is
        about that very absence or ``standing_grants`` lets grants made before the absence stand.
        """
        target_node = self._node(target, "term")
        rows = self.select(
            "who",
            action=self._node(action, "act"),
            target=target_node,
            absentPost=self._node(absent, "post"),
            absenceReason=self._node(reason, "reason"),
            absenceDuration=_duration(long_absence),
            agendaKind=self._node(agenda, "agenda"),
            amount=_decimal(amount),
            standingGrants=ox.Literal(True) if standing_grants else None,
        )
        chains = self._chains(target_node) if any(row["chain"] for row in rows) else {}
        return AnswerList(self._answer(row, chains) for row in rows)

    def acts_for(self, post: str, *, reason: str | None = None, long_absence: bool | None = None) -> AnswerList[Answer]:
        """Who acts for ``post`` while its holder is away (for ``reason``, long or not), and who designates."""
        rows = self.select(
            "acts-for",
            absentPost=self._node(post, "post"),
            absenceReason=self._node(reason, "reason"),
            absenceDuration=_duration(long_absence),
        )
        return AnswerList(self._answer(row) for row in rows)

    def decide(self, amount: str | int | Decimal | None = None, matter: str | None = None) -> AnswerList[Competence]:
        """Which meeting decides a matter (of a kind, involving an amount in yuan)."""
        if amount is None and matter is None:
            raise GovGraphError("expected an amount, a matter kind, or both")
        rows = self.select("decide", amount=_decimal(amount), matterAsked=self._node(matter, "matter"))
        return AnswerList([
            Competence(
                rule=self.named(row["rule"]),
                meeting=self.named(row["meeting"]),
                matter=self.named(row["matter"]),
                minimum=_number(row["minimumAmount"]),
                minimum_inclusive=_bool(row["minimumInclusive"]) if row["minimumInclusive"] else None,
                maximum=_number(row["maximumAmount"]),
                maximum_inclusive=_bool(row["maximumInclusive"]) if row["maximumInclusive"] else None,
                condition=self.cite.text(row),
                basis=self.cite.citation(row),
            )
            for row in rows
        ])

    def quorum(self, meeting: str, agenda: str | None = None) -> Quorum:
        """A meeting type's members, and the quorum for an agenda kind (or in general)."""
        meeting_node = self._node(meeting, "meeting")
        rows = self.select("quorum", meeting=meeting_node, agendaKind=self._node(agenda, "agenda"))
        members = {
            row["member"].value: Member(self.named(row["member"]), self.named(row["compositionRule"]), row["compositionNumber"].value)
            for row in rows
            if row["member"] is not None
        }
        quorum_rows = [row for row in rows if row["quorumRule"] is not None]
        first = quorum_rows[0] if quorum_rows else None
        if quorum_rows and len({row["quorumRule"].value for row in quorum_rows}) > 1:
            raise GovGraphError(f"{meeting}: the rule base gives several quorums for the same case")
        return Quorum(
            meeting=self.named(meeting_node),
            agenda_kind=self.named(first["quorumAgendaKind"]) if first else None,
            members=tuple(members.values()),
            rule=self.named(first["quorumRule"]) if first else None,
            numerator=int(first["numerator"].value) if first else None,
            denominator=int(first["denominator"].value) if first else None,
            inclusive=_bool(first["inclusive"]) if first else None,
            basis=self.cite.citation(first, "quorum") if first else None,
        )

    def approval_chains(self, document_kind: str) -> dict[str, ApprovalChain]:
        """The approval chain before each signature on a document kind, by chain IRI."""
        return self._chains(self._node(document_kind, "document"))

    def leave(self, post: str) -> AnswerList[LeaveRule]:
        """Whom the holder of ``post`` asks for leave or reports an absence to."""
        rows = self.select("leave", post=self._node(post, "post"))
        return AnswerList([
            LeaveRule(
                rule=self.named(row["rule"]),
                post=self.named(row["assignee"]),
                act=self.named(row["ruleAction"]),
                occasion=self.named(row["occasion"]),
                recipient=self.named(row["recipient"]),
                condition=self.cite.text(row),
                basis=self.cite.citation(row),
            )
            for row in rows
        ])

    def deadlines(self, action: str | None = None) -> AnswerList[Deadline]:
        """Every time limit the rules set (on ``action`` only, if given)."""
        rows = self.select("deadlines", action=self._node(action, "act"))
        return AnswerList([
            Deadline(
                rule=self.named(row["rule"]),
                post=self.named(row["assignee"]),
                act=self.named(row["ruleAction"]),
                target=self.named(row["target"]),
                amount=float(row["amount"].value),
                unit=self.named(row["unit"]),
                direction=self.named(row["direction"]),
                anchor=self.cite.text(row, "anchorZh", "anchorEn"),
                strength=self.named(row["strength"]),
                basis=self.cite.citation(row),
            )
            for row in rows
        ])

    def article(self, number: str | int) -> ArticleView:
        """An article's text, its chapter, and the rules that rest on it."""
        rows = self.select("article", number=ox.Literal(str(number).strip()))
        if not rows:
            raise GovGraphError(f"no article {number!r} in this rule base: expected an article number such as 1")
        first = rows[0]
        return ArticleView(
            article=self.named(first["article"]),
            number=str(number).strip(),
            chapter=self.named(first["chapter"]),
            text=first["text"].value,
            rules=tuple((self.named(row["rule"]), self.named(row["ruleType"])) for row in rows if row["rule"]),
        )

    def coverage(self) -> AnswerList[Coverage]:
        """For each article, how many rules rest on it, or whether it is only a principle."""
        return AnswerList([
            Coverage(
                article=self.named(row["article"]),
                number=row["number"].value,
                chapter=self.named(row["chapter"]),
                rules=int(row["rules"].value),
                principles=int(row["principles"].value),
                status=row["status"].value,
            )
            for row in self.select("coverage")
        ])

    def check(self) -> AnswerList[Violation]:
        """Run the rule base's integrity shapes (``shapes/rule-base.ttl``, which ``govgraph validate``
        runs too) over this graph's store with the fast engine; an empty list means all hold."""
        from ..validate import check_rule_base

        found = [
            Violation(
                check=local_name(finding.shape),
                # A check of the whole graph is focused on the ontology; the term it found is the value.
                resource=finding.value_label if finding.focus.iri == GG and finding.value_label else finding.focus,
                problem=finding.message.label("en"),
                message=finding.message,
                path=finding.path,
                value=finding.value_label if finding.value != finding.focus.iri else None,
                shape=finding.shape,
            )
            for finding in check_rule_base(ScopedStore(self.store, self.graphs))
        ]
        return AnswerList(sorted(found, key=lambda v: (v.check, v.resource.iri, v.path or "", v.value.iri if v.value else "")))

    # ── cards, and why nothing answers (answers/cards.py) ─────────────────────

    def meeting_card(self, meeting: str) -> Card:
        """A meeting type's card: members, who convenes and presides (and who may be entrusted),
        every quorum by agenda kind, frequency, attendees, what it decides, records, minutes, leave."""
        from . import cards

        return cards.card(self, "meeting", self.resolve(meeting, "meeting"))

    def document_card(self, kind: str) -> Card:
        """A document kind's card: who signs or may be authorised, the approval chain in order,
        reviews and filings with their recipients."""
        from . import cards

        return cards.card(self, "document", cards.resolve_document(self, kind))

    def post_card(self, post: str) -> Card:
        """A post's (or an organ's) card: what it leads and assists, every power and duty (its own,
        through the posts it specialises, or granted), who acts for it, whom it reports to."""
        from . import cards

        iri, kind = cards.resolve_holder(self, post)
        return cards.card(self, kind, iri)

    def regulation_card(self) -> RegulationCard:
        """The regulation this scope answers from: title, number, dates, repeals, chapters."""
        from . import cards

        return cards.regulation_card(self)

    def why_none(self, action: str, target: str, **case: object) -> NoAnswer:
        """Why ``who(action, target, **case)`` found nothing: no rule gives anyone the act on the
        target (with the nearest rules), none does in this case, or the act never applies to
        this kind of target. Says what it searched."""
        from . import cards

        asked = {key: value for key, value in case.items() if value is not None}
        without_case = self.who(action, target) if asked else []
        return cards.why_none(self, action, target, without_case)

    # ── helpers ──────────────────────────────────────────────────────────────

    def _answer(self, row: Row, chains: Mapping[str, ApprovalChain] | None = None) -> Answer:
        """An answer from a row of who.rq or acts-for.rq (which share their column names)."""
        chain = row.get("chain")
        return Answer(
            rule=self.named(row["rule"]),
            modality=self.named(row["modality"]),
            post=self.named(row["assignee"]),
            act=self.named(row["ruleAction"]),
            target=self.named(row["target"]),
            condition=self.cite.text(row),
            conferral=self.named(row["conferral"]),
            grantor=self.named(row["grantor"]),
            on_behalf_of=self.named(row["onBehalfOf"]),
            chain=(chains or {}).get(chain.value) if chain is not None else None,
            if_necessary=_bool(row.get("ifNecessary")),
            basis=self.cite.citation(row),
            waits_for=self.named(row.get("waitsFor")),
        )

    def _chains(self, target: ox.NamedNode | None) -> dict[str, ApprovalChain]:
        steps: dict[str, list[Step]] = defaultdict(list)
        basis: dict[str, Citation] = {}
        for row in self.select("approval-chain", target=target):
            if row["chain"] is None:
                continue
            chain = row["chain"].value
            basis[chain] = self.cite.citation(row, "chain")
            if row["stepIndex"] is not None:
                step = Step(int(row["stepIndex"].value), self.named(row["approver"]), self.named(row["stepAct"]), _bool(row["eachInTurn"]))
                if step not in steps[chain]:
                    steps[chain].append(step)
        return {
            chain: ApprovalChain(self.named(chain), tuple(sorted(steps[chain], key=lambda s: s.index)), citation)
            for chain, citation in basis.items()
        }


def _duration(long_absence: bool | None) -> ox.NamedNode | None:
    if long_absence is None:
        return None
    return ox.NamedNode(LONGER_PERIOD if long_absence else SHORTER_PERIOD)


def _decimal(amount: str | int | Decimal | None) -> ox.Literal | None:
    """An amount as people write it, read by the one parser of amounts (``law.amounts``)."""
    return literal(amount)


def _bool(term: Term | None) -> bool:
    return term is not None and term.value in ("true", "1")


def _number(term: Term | None) -> float | None:
    return None if term is None else float(term.value)
