"""The competency questions of tests/competency.toml, asked on every embedded store.

Each question is a rule of the regulation in a sentence; the test id is that sentence.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest
from manifest import ask, competency_questions

import govgraph

QUESTIONS: list[dict[str, Any]] = competency_questions()


def cited(answer: Any) -> set[str]:
    items = answer if isinstance(answer, list) else [answer]
    return {item.basis.number for item in items if getattr(item, "basis", None) is not None}


def test_the_manifest_holds_at_least_40_questions_with_unique_names() -> None:
    names = [q["name"] for q in QUESTIONS]
    assert len(names) >= 40
    assert len(set(names)) == len(names)


@pytest.mark.parametrize("q", QUESTIONS, ids=[q["name"] for q in QUESTIONS])
def test_competency_question(graph: govgraph.GovGraph, q: dict[str, Any]) -> None:
    answer = ask(graph, q)
    if "expect_articles" in q:
        assert cited(answer) == set(q["expect_articles"])
    if "expect_posts" in q:
        assert {a.post.zh for a in answer} == set(q["expect_posts"])
        for a in answer:
            assert a.basis.text, "every answer carries its article's text"
            assert a.basis.article.iri.endswith(f"art_{a.basis.number}")
    for post, conferral in q.get("expect_conferral", {}).items():
        assert {a.conferral.zh for a in answer if a.post.zh == post} == {conferral}
    for post, grantor in q.get("expect_grantor", {}).items():
        assert {a.grantor.zh for a in answer if a.post.zh == post and a.grantor} == {grantor}
    if "expect_modality" in q:
        assert {a.modality.zh for a in answer} == {q["expect_modality"]}
    for post, approvers in q.get("expect_chain", {}).items():
        chains = [a.chain for a in answer if a.post.zh == post]
        assert chains and all(c is not None for c in chains)
        for chain in chains:
            assert [step.approver.zh for step in chain.steps] == approvers
            assert [step.index for step in chain.steps] == list(range(1, len(approvers) + 1))
            assert chain.basis.text
    if "expect_meetings" in q:
        assert {c.meeting.zh for c in answer} == set(q["expect_meetings"])
    if "expect_members" in q:
        assert {m.post.zh for m in answer.members} == set(q["expect_members"])
    if "expect_fraction" in q:
        assert answer.fraction == Fraction(q["expect_fraction"])
    if "expect_inclusive" in q:
        assert answer.inclusive is q["expect_inclusive"]
    for present, members, met in q.get("expect_met", []):
        assert answer.is_met(present, members) is met, f"{present} of {members}"
    if "expect_recipients" in q:
        assert {r.recipient.zh for r in answer} == set(q["expect_recipients"])
    if "expect_deadline" in q:
        amount, unit = q["expect_deadline"]
        assert answer and all((d.amount, d.unit.zh) == (amount, unit) for d in answer)
    if "expect_rule_count" in q:
        assert len(answer.rules) == q["expect_rule_count"]
