"""`--format csv`: every command that prints rows writes one header line and one row per answer,
each row carrying the article it rests on (IRI, number, text), quoted as RFC 4180 says."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from govgraph.cli import main
from govgraph.cli._csv import CITATION_COLUMNS, csv_text

ROOT = Path(__file__).resolve().parents[1]
RECORDS = str(ROOT / "data" / "hongqiao-2023" / "records")
OLD = str(ROOT / "tests" / "fixtures" / "hongqiao-2016")


def run(*args: str):  # noqa: ANN201
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def rows_of(*args: str, exit_code: int = 0) -> tuple[list[str], list[dict[str, str]]]:
    result = run(*args, "--format", "csv")
    assert result.exit_code == exit_code, result.stderr
    assert not result.stdout_bytes.startswith(b"\xef\xbb\xbf"), "plain UTF-8, no byte-order mark"
    reader = csv.DictReader(io.StringIO(result.stdout, newline=""))
    found = list(reader)
    return list(reader.fieldnames or []), found


#: Each command that answers with articles, asked something it answers.
ANSWERING = {
    "who": ("who", "convene", "区政府常务会议"),
    "acts-for": ("who", "acts-for", "区长", "--absence", "外出"),
    "decide": ("decide", "--amount", "6000000"),
    "quorum": ("quorum", "区政府常务会议", "--present", "5", "--members", "9"),
    "leave": ("leave", "区长"),
    "deadlines": ("deadlines",),
    "coverage": ("coverage",),
    "article": ("article", "41"),
    "chain edges": ("chain",),
    "chain holders": ("chain", "--act", "convene", "--target", "区政府常务会议"),
    "chain powers": ("chain", "区长"),
    "chain scenario": ("chain", "--absent", "区长"),
    "chain weak spots": ("chain", "--weak-spots"),
    "survey": ("survey", "threshold"),
    "meeting card": ("meeting", "区政府常务会议"),
    "document card": ("document", "上行文"),
    "post card": ("post", "区长"),
}


@pytest.mark.parametrize("args", ANSWERING.values(), ids=ANSWERING.keys())
def test_each_answering_command_writes_one_row_per_answer_each_citing_its_article_iri_number_and_text(args: tuple[str, ...]) -> None:
    columns, rows = rows_of(*args)
    assert set(CITATION_COLUMNS) <= set(columns)
    assert rows, "the question has answers"
    for row in rows:
        assert row["article"].startswith("https://"), row
        assert row["number"] and row["text"], row
        assert row["regulation"] == "天津市红桥区人民政府工作规则"


def test_the_csv_rows_are_the_json_answers_one_for_one() -> None:
    _, rows = rows_of("who", "convene", "区政府常务会议")
    answers = json.loads(run("who", "convene", "区政府常务会议", "--format", "json").stdout)
    assert [(r["post_iri"], r["article"], r["number"], r["text"]) for r in rows] == [
        (a["post"]["iri"], a["basis"]["article"]["iri"], a["basis"]["number"], a["basis"]["text"]) for a in answers
    ]
    assert {r["post"] for r in rows} == {"区长", "负责日常工作的副区长"}


def test_labels_follow_lang_and_the_column_names_do_not() -> None:
    zh_columns, zh = rows_of("leave", "区长")
    en_columns, en = rows_of("leave", "区长", "--lang", "en")
    assert zh_columns == en_columns
    assert zh[0]["post"] == "区长" and en[0]["post"] == "District Head"
    assert zh[0]["article_label"] == "第六十九条" and en[0]["article_label"] == "Article 69"


def test_an_answer_resting_on_two_articles_names_both_in_order_in_each_citation_column() -> None:
    _, rows = rows_of("who", "sign", "上行文")
    row = rows[0]
    assert row["number"] == "50; 51"
    assert row["article"].split("; ")[0].endswith("/art_50") and row["article"].split("; ")[1].endswith("/art_51")
    assert len(row["text"].split("\n\n")) == 2


def test_a_value_holding_a_comma_and_a_quote_round_trips() -> None:
    hostile = 'A, "B"\nand C'
    text = csv_text(["value", "article"], [{"value": hostile, "article": "x"}])
    assert text.endswith("\r\n")
    assert list(csv.DictReader(io.StringIO(text, newline=""))) == [{"value": hostile, "article": "x"}]


def test_a_label_and_an_article_text_holding_commas_quotes_and_line_breaks_round_trip(tmp_path: Path) -> None:
    rules = tmp_path / "made-up-city"
    shutil.copytree(ROOT / "tests" / "fixtures" / "made-up-city", rules)
    hostile_text = 'Members, "all of them";\nthe second line, too.'
    hostile_label = 'Executive Meeting, the "big" one'
    for name, old, new in (("articles.ttl", "会议讨论决定1000万元以上资金的使用。", hostile_text),
                           ("organisation.ttl", "Executive Meeting of the City Government", hostile_label)):
        path = rules / name
        path.write_text(path.read_text(encoding="utf-8").replace(old, new.replace('"', '\\"').replace("\n", "\\n")), encoding="utf-8")
    _, rows = rows_of("quorum", "市政府常务会议", "--rules", str(rules), "--lang", "en")
    assert rows[0]["meeting"] == hostile_label
    assert rows[0]["text"].endswith(hostile_text)


def test_a_threshold_written_with_a_thousands_comma_is_one_cell() -> None:
    _, rows = rows_of("survey", "threshold", "--lang", "en")
    assert rows[0]["value"] == "5,000,000 yuan or more"
    assert rows[0]["amount"] == "5000000"


def test_an_honest_no_is_the_header_alone_with_its_exit_code_and_the_reason_on_stderr() -> None:
    header, _ = rows_of("who", "convene", "区政府常务会议")
    for args, code in ((("who", "approve", "议案"), 1), (("who", "convene", "上行文"), 2)):
        found = run(*args, "--format", "csv")
        assert found.exit_code == code
        assert found.stdout.splitlines() == [",".join(header)]
        assert "govgraph: " in found.stderr


def test_validate_writes_one_row_per_finding_citing_the_article_of_the_rule_broken() -> None:
    columns, rows = rows_of("validate", RECORDS, exit_code=1)
    assert set(CITATION_COLUMNS) <= set(columns)
    assert any(r["severity"] == "violation" and r["number"] == "51" and r["text"] for r in rows)
    assert all(r["focus_iri"] for r in rows)


def test_compare_cites_each_side_in_columns_of_its_own() -> None:
    columns, rows = rows_of("compare", "hongqiao-2023", "hongqiao-2016", "--rules", "hongqiao-2023", "--rules", OLD)
    assert {f"left_{c}" for c in CITATION_COLUMNS} | {f"right_{c}" for c in CITATION_COLUMNS} <= set(columns)
    differing = [r for r in rows if r["verdict"] == "differs"]
    assert differing and all(r["left_number"] and r["right_number"] for r in differing)


def test_check_with_nothing_failing_writes_the_header_alone() -> None:
    columns, rows = rows_of("check")
    assert set(CITATION_COLUMNS) <= set(columns) and rows == []


def test_list_and_queries_write_rows_too() -> None:
    columns, rows = rows_of("list")
    assert {"graph", "kind", "triples", "regulation"} <= set(columns)
    assert any(r["kind"] == "rule-base" and r["regulation"] == "天津市红桥区人民政府工作规则" for r in rows)
    columns, rows = rows_of("queries")
    assert any(r["name"] == "who" and "?action" in r["parameters"] for r in rows)


def test_answers_of_several_governments_share_one_header_and_each_row_names_its_regulation() -> None:
    city = str(ROOT / "tests" / "fixtures" / "made-up-city")
    _, rows = rows_of("who", "convene", "tpl:ExecutiveMeeting", "--rules", "hongqiao-2023", "--rules", city)
    by_regulation = {(r["post"], r["number"], r["regulation"]) for r in rows}
    assert ("区长", "41", "天津市红桥区人民政府工作规则") in by_regulation
    assert any(post == "市长" and number == "20" for post, number, _ in by_regulation)


def test_a_grant_waiting_for_an_absent_grantor_says_why_in_its_row() -> None:
    _, rows = rows_of("who", "convene", "区长办公会议", "--absent", "区长", "--absence", "出国")
    waiting = [r for r in rows if r["waits_for"]]
    assert waiting and all(r["waits_for"] == "区长" and r["why_waiting"] for r in waiting)
    assert all(not r["why_waiting"] for r in rows if not r["waits_for"])
