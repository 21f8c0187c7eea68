"""The regulation importer: Chinese text in, ELI chapters and articles out."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, Namespace, URIRef

from govgraph.law.articles import (
    articles_graph,
    chinese_numeral,
    chinese_numeral_text,
    main,
    parse_regulation,
)

ROOT = Path(__file__).parents[1]
DATASET = ROOT / "data" / "hongqiao-2023"
SOURCE = DATASET / "source" / "regulation.zh.txt"
REGULATION_IRI = "https://w3id.org/govgraph/id/hongqiao-2023/regulation"
BASE_IRI = "https://w3id.org/govgraph/id/hongqiao-2023/"
ELI = Namespace("http://data.europa.eu/eli/ontology#")


@pytest.fixture(scope="module")
def chapters():
    return parse_regulation(SOURCE.read_text(encoding="utf-8"))


def articles_of(chapters):
    return {a.number: a for c in chapters for a in c.articles}


def test_the_regulation_has_79_articles_in_15_chapters_numbered_in_order(chapters):
    assert [c.number for c in chapters] == list(range(1, 16))
    numbers = [a.number for c in chapters for a in c.articles]
    assert numbers == list(range(1, 80))
    assert all(a.chapter == c.number for c in chapters for a in c.articles)


def test_chapter_8_on_meetings_holds_articles_39_to_48(chapters):
    chapter = chapters[7]
    assert (chapter.number, chapter.title) == (8, "会议制度")
    assert [a.number for a in chapter.articles] == list(range(39, 49))


def test_chapter_titles_lose_their_spaces_so_chapter_15_is_titled_fuze(chapters):
    assert chapters[0].title == "总则"
    assert chapters[14].title == "附则"


def test_article_41_begins_with_the_executive_meeting_and_has_two_paragraphs(chapters):
    article = articles_of(chapters)[41]
    assert article.paragraphs[0].startswith("区政府常务会议由区长、副区长组成")
    assert len(article.paragraphs) == 2


def test_article_40_has_two_paragraphs(chapters):
    assert len(articles_of(chapters)[40].paragraphs) == 2


def test_article_text_drops_the_spaces_after_the_heading(chapters):
    articles = articles_of(chapters)
    assert articles[31].paragraphs[0].startswith("党中央")  # after " \u2002"
    assert articles[45].paragraphs[0].startswith("根据工作需要")


def test_article_79_repeals_the_2016_rules(chapters):
    assert "红桥政〔2016〕25号" in articles_of(chapters)[79].paragraphs[0]


def test_the_committed_turtle_is_what_the_importer_generates_now(tmp_path, capsys):
    out = tmp_path / "articles.ttl"
    assert main([str(SOURCE), REGULATION_IRI, BASE_IRI, "-o", str(out)]) == 0
    assert "79 articles in 15 chapters" in capsys.readouterr().out
    assert out.read_text(encoding="utf-8") == (DATASET / "articles.ttl").read_text(encoding="utf-8")


def test_the_graph_links_chapters_and_articles_both_ways(chapters):
    g = articles_graph(chapters, REGULATION_IRI, BASE_IRI)
    regulation, chp8, art41 = (URIRef(REGULATION_IRI), URIRef(BASE_IRI + "chp_8"),
                               URIRef(BASE_IRI + "art_41"))
    assert (regulation, ELI.has_part, chp8) in g and (chp8, ELI.is_part_of, regulation) in g
    assert (chp8, ELI.has_part, art41) in g and (art41, ELI.is_part_of, chp8) in g
    assert (art41, ELI.number, Literal("41")) in g
    assert Literal("第四十一条", lang="zh") in set(g.objects(art41, None))
    assert Literal("第十五章 附则", lang="zh") in set(g.objects(URIRef(BASE_IRI + "chp_15"), None))


@pytest.mark.parametrize(
    "numeral, value",
    [("一", 1), ("十", 10), ("十五", 15), ("二十", 20), ("七十九", 79), ("一百零二", 102),
     ("一百一十", 110), ("两千零五", 2005)],
)
def test_chinese_numerals_read_as_numbers(numeral, value):
    assert chinese_numeral(numeral) == value


@pytest.mark.parametrize("bad", ["", "百", "十十", "一二", "一百二", "第一"])
def test_malformed_chinese_numerals_are_refused(bad):
    with pytest.raises(ValueError):
        chinese_numeral(bad)


def test_numbers_write_back_as_the_chinese_numerals_they_read_from():
    assert all(chinese_numeral(chinese_numeral_text(n)) == n for n in range(1, 10_000))
    assert [chinese_numeral_text(n) for n in (10, 41, 102)] == ["十", "四十一", "一百零二"]


def test_articles_that_skip_a_number_raise_an_error_naming_the_line():
    text = "通知\n第一章 总则\n第一条 甲。\n第三条 乙。\n"
    with pytest.raises(ValueError, match=r"line 4: expected 第二条 \(article 2\), found 第三条"):
        parse_regulation(text)


def test_a_text_without_articles_raises_an_error():
    with pytest.raises(ValueError, match=r"line \d+: expected 第一条"):
        parse_regulation("天津市红桥区人民政府工作规则\n\n经区政府第二次全体会议审议通过。\n")


def test_a_chapter_without_articles_raises_an_error():
    with pytest.raises(ValueError, match=r"line 3: expected 第二条 \(article 2\), found the end"):
        parse_regulation("第一章 总则\n第一条 甲。\n第二章 附则\n")


def test_a_text_without_chapters_hangs_its_articles_on_the_regulation():
    chapters = parse_regulation("规则\n第一条 甲。\n乙。\n\n第二条丙。\n")
    assert [(c.number, [a.paragraphs for a in c.articles]) for c in chapters] == [
        (0, [("甲。", "乙。"), ("丙。",)])
    ]
    g = articles_graph(chapters, "http://example.org/reg", "http://example.org/")
    art2, regulation = URIRef("http://example.org/art_2"), URIRef("http://example.org/reg")
    assert (art2, ELI.is_part_of, regulation) in g
    assert not any("chp_" in str(s) for s in g.subjects())


def test_the_command_reports_a_parse_error_as_source_and_line_and_exits_2(tmp_path, capsys):
    source = tmp_path / "bad.txt"
    source.write_text("第一章 总则\n第一条 甲。\n第一条 乙。\n", encoding="utf-8")
    out = tmp_path / "out.ttl"
    assert main([str(source), "http://example.org/reg", "http://example.org/", "-o", str(out)]) == 2
    message = "expected 第二条 (article 2), found 第一条 (article 1)"
    assert capsys.readouterr().err == f"{source}:3: {message}\n"
    assert not out.exists() and list(tmp_path.iterdir()) == [source]
