"""Shell completion (click's): the script a shell sources, and names completed from the rule base."""

from __future__ import annotations

from click.testing import CliRunner

from govgraph.cli import main


def complete(line: str) -> list[str]:
    """What bash is offered at the end of ``line`` (words split on spaces)."""
    words = line.split(" ")
    env = {"_GOVGRAPH_COMPLETE": "bash_complete", "COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)}
    result = CliRunner().invoke(main, [], env=env, prog_name="govgraph", catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return [item.split(",", 1)[1] for item in result.stdout.splitlines() if item.startswith("plain,")]


def test_bash_source_prints_a_script_that_completes_govgraph() -> None:
    env = {"_GOVGRAPH_COMPLETE": "bash_source"}
    result = CliRunner().invoke(main, [], env=env, prog_name="govgraph", catch_exceptions=False)
    assert "complete -o nosort -F _govgraph_completion govgraph" in result.stdout


def test_commands_complete_by_name() -> None:
    assert {"who", "sparql"} <= set(complete("govgraph "))


def test_who_completes_acts_and_meeting_names_from_the_rule_base() -> None:
    assert {"convene", "consult"} <= set(complete("govgraph who con"))
    assert "acts-for" in complete("govgraph who ac")
    assert {"区政府常务会议", "区政府全体会议"} <= set(complete("govgraph who convene 区政府"))
    assert "区长" not in complete("govgraph who convene 区政府")


def test_post_options_complete_posts_only() -> None:
    offered = complete("govgraph who convene 区政府常务会议 --absent 区")
    assert "区长" in offered and "区政府常务会议" not in offered
    assert complete("govgraph quorum Exec") == sorted(complete("govgraph quorum Exec")) and "Executive Meeting" in complete("govgraph quorum Exec")


def test_a_rule_base_that_cannot_be_read_completes_nothing_quietly() -> None:
    assert complete("govgraph who convene --rules /nonexistent 区") == []
