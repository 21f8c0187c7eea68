"""Every rule base's competency questions, asked on every embedded store.

Each question is a rule of its regulation in a sentence; the test id is the rule base and
that sentence. The questions live with their rule base (tests/competency.toml in its
folder); govgraph.answers.competency reads, asks and compares them.
"""

from __future__ import annotations

import pytest
from rule_bases import rule_bases

import govgraph
from govgraph._core.errors import InputError
from govgraph.answers.competency import Question, questions

CASES = [(base, q) for base in rule_bases() for q in questions(base)]


@pytest.fixture(scope="session", params=["oxigraph", "rdflib"])
def store(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.mark.parametrize(("base", "q"), CASES, ids=[f"{base.name}: {q.name}" for base, q in CASES])
def test_competency_question(base, q: Question, store: str) -> None:  # noqa: ANN001
    graph = govgraph.load(base.folder, store=store)
    assert q.mismatches(q.ask(graph)) == []


def test_the_default_rule_base_holds_at_least_40_questions_with_unique_names() -> None:
    names = [q.name for base, q in CASES if base.name == "hongqiao-2023"]
    assert len(names) >= 40
    assert len(set(names)) == len(names)


def test_a_made_up_government_brings_its_own_questions() -> None:
    assert any(base.name == "other-district" for base, _ in CASES)


def test_an_answer_that_differs_from_the_regulation_is_reported_with_what_was_found() -> None:
    graph = govgraph.load()
    wrong = Question("the office director convenes the Executive Meeting", "who",
                     {"action": "convene", "target": "区政府常务会议"}, {"expect_posts": ["区政府办公室主任"], "expect_articles": ["99"]})
    problems = wrong.mismatches(wrong.ask(graph))
    assert len(problems) == 2
    assert any("expect_posts" in p and "区长" in p for p in problems)
    assert any("expect_articles" in p and "'41'" in p for p in problems)


def test_a_question_with_an_unknown_expectation_is_an_input_error_naming_the_file(tmp_path) -> None:  # noqa: ANN001
    (tmp_path / "rules.ttl").write_text("", encoding="utf-8")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "competency.toml").write_text('[[question]]\nname = "x"\nask = "who"\nexpect_poots = []\n', encoding="utf-8")
    with pytest.raises(InputError, match="expect_poots"):
        questions(govgraph.law.jurisdictions.find(tmp_path))
