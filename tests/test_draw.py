"""Exports and figures of the authority graph: each opens in its tool and keeps labels and articles."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

import govgraph
from govgraph import export as draw
from govgraph._core.words import section, word
from govgraph.authority import EDGE_COLOURS, EDGE_KINDS, Absence
from govgraph.cli import main


@pytest.fixture(scope="module")
def g() -> govgraph.GovGraph:
    return govgraph.load()


def _check_read_back(read: nx.MultiDiGraph, g: govgraph.GovGraph) -> None:
    original = draw.export_graph(g)
    assert read.number_of_nodes() == original.number_of_nodes()
    assert read.number_of_edges() == original.number_of_edges()
    labels = {data["label_zh"] for _, data in read.nodes(data=True)} | {data["label_en"] for _, data in read.nodes(data=True)}
    assert {"区长", "District Head"} <= labels
    acting = [data for *_, data in read.edges(data=True) if data["kind"] == "acts-for"]
    assert acting and all(data["article_number"] == "6" and data["condition_zh"] and data["act_en"] for data in acting)
    assert all(data["article_text"] for *_, data in read.edges(data=True))
    assert {(data["article_zh"], data["article_en"]) for data in acting} == {("第六条", "Article 6")}


def test_networkx_reads_back_the_graphml_export_with_labels_in_zh_and_en_and_every_edges_article(g, tmp_path: Path):
    path = draw.write(g, tmp_path / "authority.graphml", "graphml")
    _check_read_back(nx.read_graphml(path, force_multigraph=True), g)


def test_networkx_reads_back_the_gexf_export_for_gephi(g, tmp_path: Path):
    path = draw.write(g, tmp_path / "authority.gexf", "gexf")
    read = nx.read_gexf(path)
    assert read.is_multigraph() and read.is_directed()
    _check_read_back(read, g)


def test_the_node_link_json_holds_nodes_and_edges_with_their_articles(g, tmp_path: Path):
    path = draw.write(g, tmp_path / "authority.json", "json")
    data = json.loads(path.read_text(encoding="utf-8"))
    read = nx.node_link_graph(data, edges="edges")
    _check_read_back(read, g)


def test_the_dot_export_is_one_digraph_with_an_edge_per_authority_edge_and_the_article_as_the_rule_base_names_it(g):
    text = draw.dot(g)
    assert text.startswith("digraph authority {") and text.rstrip().endswith("}")
    edges = [line for line in text.splitlines() if " -> " in line]
    assert len(edges) == draw.export_graph(g).number_of_edges()
    assert all(re.search(r'label="[^"]*\(第[一二三四五六七八九十百]+条\)"', line) for line in edges)
    assert 'label_en="District Head"' in text
    english = [line for line in draw.dot(g, "en").splitlines() if " -> " in line]
    assert all(re.search(r'label="[^"]*\(Article \d+\)"', line) for line in english)


def test_the_figure_draws_chinese_with_a_cjk_font_and_has_a_legend_for_every_kind_of_edge(g, tmp_path: Path):
    assert "CJK" in draw.cjk_font()
    fig = draw.figure(g)
    try:
        legend = fig.axes[0].get_legend()
        entries = {t.get_text() for t in legend.get_texts()}
        assert {zh for zh, _, _ in EDGE_KINDS.values()} <= entries
        assert legend.get_title().get_text() == word("figure.legend", "zh")
        texts = [t for t in fig.axes[0].texts if "区长" in t.get_text()]
        assert texts and all("CJK" in t.get_fontfamily()[0] for t in texts)
    finally:
        from matplotlib import pyplot as plt

        plt.close(fig)


def test_a_scenario_figure_is_written_as_svg_and_png(g, tmp_path: Path):
    absences = [Absence.of(g, "区长"), Absence.of(g, "负责日常工作的副区长", long_absence=True)]
    svg = draw.write(g, tmp_path / "scenario.svg", "svg", absences=absences)
    png = draw.write(g, tmp_path / "scenario.png", "png", absences=absences)
    assert svg.read_text(encoding="utf-8").lstrip().startswith(("<?xml", "<svg"))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from PIL import Image

    with Image.open(png) as image:
        assert image.width > 1000 and len(image.convert("RGB").getcolors(1 << 24)) > 50


def test_the_html_page_is_self_contained_with_no_external_reference(g):
    page = draw.html(g)
    assert "<script src" not in page and "<link" not in page
    assert not re.search(r"https?://(?!w3id\.org|www\.w3\.org|data\.europa\.eu|purl\.org|example\.org)", page)
    data = json.loads(re.search(r'<script type="application/json" id="govgraph-data">(.*?)</script>', page, re.S).group(1))
    assert data["pickable"] and data["scenarios"] and data["edges"]
    lines = [line for s in data["scenarios"].values() for line in s["lines"]]
    assert any(line["zh"].startswith("其他副区长") and "第六条" in line["zh"] for line in lines)
    assert any("Article 6" in line["en"] for line in lines)


def test_the_page_carries_its_words_in_both_languages_from_the_words_file(g):
    page = draw.html(g, lang="en")
    assert "<title>Authority graph · govgraph</title>" in page
    data = json.loads(re.search(r'<script type="application/json" id="govgraph-data">(.*?)</script>', page, re.S).group(1))
    assert data["words"] == {lang: section("page", lang) for lang in ("zh", "en")}
    assert data["kinds"][0] == {"key": "acts-for", "zh": word("edge.acts-for", "zh"), "en": word("edge.acts-for", "en"), "colour": EDGE_COLOURS["acts-for"]}


def test_govgraph_draw_writes_each_format_from_the_file_suffix(tmp_path: Path):
    runner = CliRunner()
    for suffix in ("graphml", "gexf", "dot", "json", "html"):
        out = tmp_path / f"authority.{suffix}"
        result = runner.invoke(main, ["draw", "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 1000


def test_govgraph_draw_rejects_an_unknown_absent_post_with_exit_2(tmp_path: Path):
    result = CliRunner().invoke(main, ["draw", "--scenario", "不存在的职务", "-o", str(tmp_path / "x.svg")])
    assert result.exit_code == 2
    assert "unknown post" in result.output
