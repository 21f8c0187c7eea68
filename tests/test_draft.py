"""govgraph draft: a rule base drafted from a regulation's text, as a person reviewing it sees it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, XSD

from govgraph.cli import main
from govgraph.draft import read_regulation

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT / "tests" / "fixtures" / "draft-texts"
GG = Namespace("https://w3id.org/govgraph/ontology#")
PROV = Namespace("http://www.w3.org/ns/prov#")


def run(*args: str):  # noqa: ANN201
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def drafted(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / text
    result = run("draft", str(TEXTS / f"{text}.txt"), "-o", str(folder))
    assert result.exit_code == 0, result.output
    return folder


def rules_of(folder: Path) -> Graph:
    g = Graph()
    g.parse(folder / "rules.ttl", format="turtle")
    return g


def summary(text: str) -> set[tuple]:
    """Each drafted rule as (kind, actor, act, target, numbers), by template names."""
    draft = read_regulation((TEXTS / f"{text}.txt").read_text(encoding="utf-8"))
    out = set()
    for r in draft.rules:
        names = {p: tuple(v.name if hasattr(v, "name") else v for _, v in vs) for p, vs in r.properties.items()
                 if p != "conditionLabel"}
        out.add((r.cls, r.article, tuple(sorted(names.items()))))
    return out


@pytest.mark.parametrize("text", ["county-numbered", "city-traditional", "town-unnumbered", "other-district"])
def test_a_drafted_rule_base_passes_the_integrity_checks(tmp_path: Path, text: str) -> None:
    folder = drafted(tmp_path, text)
    result = run("check", "--rules", str(folder))
    assert result.exit_code == 0, result.output


def test_a_drafted_rule_base_answers_who_convenes_citing_the_article(tmp_path: Path) -> None:
    folder = drafted(tmp_path, "city-traditional")
    result = run("who", "convene", "市政府常务会议", "--rules", str(folder), "--format", "json")
    assert result.exit_code == 0, result.output
    text = json.dumps(json.loads(result.output), ensure_ascii=False)
    assert "市长" in text and "负责日常工作的副市长" in text and "第三条" in text


def test_traditional_script_is_read_as_simplified_and_the_notice_before_the_rules_is_skipped() -> None:
    draft = read_regulation((TEXTS / "city-traditional.txt").read_text(encoding="utf-8"))
    assert draft.title == "白河市人民政府工作规则"
    assert [a.number for a in draft.articles] == [1, 2, 3, 4]
    assert draft.vocabulary.level == "市"


def test_quorum_formulas_are_read_with_their_inclusiveness_and_agenda_kind() -> None:
    quorums = {(r.article, tuple(v for _, v in r.properties.get("agendaKind", []))):
               (r.properties["quorumNumerator"][0][1], r.properties["quorumDenominator"][0][1],
                r.properties["quorumInclusive"][0][1])
               for r in read_regulation((TEXTS / "county-numbered.txt").read_text(encoding="utf-8")).rules
               if r.cls == "gg:QuorumRule"}
    assert quorums == {(2, ()): (1, 2, False), (2, ("gg:PersonnelAgenda",)): (2, 3, True), (4, ()): (1, 2, False)}


def test_amounts_in_chinese_numerals_and_full_width_digits_keep_their_bounds() -> None:
    competences = {(r.article, p, r.properties[p][0][1])
                   for r in read_regulation((TEXTS / "county-numbered.txt").read_text(encoding="utf-8")).rules
                   if r.cls == "gg:Competence" for p in ("minimumAmount", "maximumAmount", "minimumInclusive",
                                                         "maximumInclusive") if p in r.properties}
    assert competences == {(3, "minimumAmount", 5_000_000), (3, "minimumInclusive", True),
                           (4, "maximumAmount", 5_000_000), (4, "maximumInclusive", False)}


def test_entrustment_to_the_executive_deputy_is_read_whatever_the_post_is_called() -> None:
    found = summary("county-numbered")
    entrusted = [r for r in found if dict(r[2]).get("conferral") == ("gg:Entrustment",)]
    assert {dict(r[2])["assignee"] for r in entrusted} == {("ExecutiveDeputyHead",)}
    assert {dict(r[2])["action"] for r in entrusted} == {("gg:Convene",), ("gg:Preside",)}


def test_every_drafted_rule_carries_its_article_span_pattern_and_is_unconfirmed(tmp_path: Path) -> None:
    folder = drafted(tmp_path, "county-numbered")
    g = rules_of(folder)
    rules = set(g.subjects(GG.basis, None))
    assert rules
    articles = Graph().parse(folder / "articles.ttl", format="turtle")
    for rule in rules:
        article = g.value(rule, PROV.wasDerivedFrom)
        assert article == g.value(rule, GG.basis)
        start, end = int(g.value(rule, GG.spanStart)), int(g.value(rule, GG.spanEnd))
        assert str(articles.value(article, GG.text))[start:end] == str(g.value(rule, GG.sourceSpan))
        assert g.value(rule, GG.draftPattern) is not None
        assert g.value(rule, GG.confirmed) == Literal(False)


def test_an_article_no_pattern_reads_becomes_a_principle_and_its_sentences_are_listed(tmp_path: Path) -> None:
    folder = drafted(tmp_path, "county-numbered")
    principles = Graph().parse(folder / "principles.ttl", format="turtle")
    bases = {str(o).rsplit("_", 1)[-1] for s in principles.subjects(RDF.type, GG.Principle)
             for o in principles.objects(s, GG.basis)}
    assert bases == {"5"}
    review = (folder / "REVIEW.md").read_text(encoding="utf-8")
    assert "县政府工作人员应当廉洁自律,接受群众监督。" in review


def test_the_review_report_marks_each_span_and_counts_rules_by_kind(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    result = run("draft", str(TEXTS / "county-numbered.txt"), "-o", str(folder), "--format", "json")
    data = json.loads(result.output)
    assert data["summary"]["by_kind"]["gg:QuorumRule"] == 3
    assert data["summary"]["rules"] == sum(data["summary"]["by_kind"].values())
    assert {t["name"] for t in data["terms"]} >= {"HeadOfGovernment", "ExecutiveMeeting", "HeadsOfficeMeeting"}
    review = (folder / "REVIEW.md").read_text(encoding="utf-8")
    assert "\u3010由县长召集和主持\u3011" in review


def test_redrafting_keeps_a_confirmed_rule_and_an_edited_rule(tmp_path: Path) -> None:
    folder = drafted(tmp_path, "county-numbered")
    text = (folder / "rules.ttl").read_text(encoding="utf-8")
    g = rules_of(folder)
    quorum = next(s for s in g.subjects(RDF.type, GG.QuorumRule))
    composition = next(s for s in g.subjects(RDF.type, GG.CompositionRule))
    local = lambda s: str(s).rsplit("/", 1)[-1]  # noqa: E731
    # a person confirms one rule and corrects the label of another
    block_start = text.index(f"d:{local(quorum)} ")
    confirmed_at = text.index("gg:confirmed false", block_start)
    text = text[:confirmed_at] + "gg:confirmed true" + text[confirmed_at + len("gg:confirmed false"):]
    label = str(g.value(composition, URIRef("http://www.w3.org/2000/01/rdf-schema#label")))
    text = text.replace(f'"{label}"@zh', '"EDITED"@zh', 1)
    (folder / "rules.ttl").write_text(text, encoding="utf-8")
    result = run("draft", str(TEXTS / "county-numbered.txt"), "-o", str(folder))
    assert result.exit_code == 0, result.output
    again = rules_of(folder)
    assert again.value(quorum, GG.confirmed) == Literal(True)
    assert Literal("EDITED", lang="zh") in set(again.objects(composition, URIRef("http://www.w3.org/2000/01/rdf-schema#label")))
    assert len(set(again.subjects(GG.basis, None))) == len(set(g.subjects(GG.basis, None)))


def test_a_text_with_no_article_is_a_one_line_error_exit_2(tmp_path: Path) -> None:
    source = tmp_path / "empty.txt"
    source.write_text("nothing here\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["draft", str(source), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "empty.txt" in result.output and "Traceback" not in result.output


def test_hongqiao_is_drafted_in_under_five_seconds_with_its_meeting_rules() -> None:
    draft = read_regulation((ROOT / "data/hongqiao-2023/source/regulation.zh.txt").read_text(encoding="utf-8"))
    assert len(draft.articles) == 79
    convene = {(r.article, r.properties["assignee"][0][1].name) for r in draft.rules
               if r.properties.get("action") == [("iri", "gg:Convene")]}
    assert {(40, "HeadOfGovernment"), (41, "ExecutiveDeputyHead"), (42, "HeadOfGovernment")} <= convene


def test_the_made_up_county_drafted_from_its_text_answers_its_own_competency_questions(tmp_path: Path) -> None:
    import govgraph
    from govgraph.answers.competency import questions
    from govgraph.law import jurisdictions

    folder = drafted(tmp_path, "other-district")
    graph = govgraph.load(folder)
    for question in questions(jurisdictions.find(ROOT / "tests" / "fixtures" / "other-district")):
        assert question.mismatches(question.ask(graph)) == [], question.name


def test_a_text_without_article_numbers_has_one_article_a_line_and_a_meeting_reads_its_members_not_its_convener() -> None:
    draft = read_regulation((TEXTS / "town-unnumbered.txt").read_text(encoding="utf-8"))
    assert len(draft.articles) == 7
    compositions = [r for r in draft.rules if r.cls == "gg:CompositionRule"]
    assert sorted(tuple(t.name for _, t in r.properties["member"]) for r in compositions) == [
        ("HeadOfGovernment", "DeputyHead"), ("HeadOfGovernment", "DeputyHead")]


def test_a_designation_by_the_head_while_away_is_read_with_its_reason_and_grantor() -> None:
    draft = read_regulation((TEXTS / "town-unnumbered.txt").read_text(encoding="utf-8"))
    (acting,) = [r for r in draft.rules if r.pattern == "acting.designated-to-act"]
    assert acting.properties["conferral"] == [("iri", "gg:Designation")]
    assert acting.properties["absenceReason"] == [("iri", "gg:Away")]
    assert [t.name for _, t in acting.properties["grantor"]] == ["HeadOfGovernment"]
    assert [t.name for _, t in acting.properties["assignee"]] == ["DeputyHead"]


def test_amounts_strictly_above_and_below_a_threshold_exclude_it() -> None:
    draft = read_regulation((TEXTS / "town-unnumbered.txt").read_text(encoding="utf-8"))
    bounds = {(p, r.properties[p][0][1]) for r in draft.rules if r.cls == "gg:Competence"
              for p in ("minimumAmount", "minimumInclusive", "maximumAmount", "maximumInclusive") if p in r.properties}
    assert bounds == {("minimumAmount", 200_000), ("minimumInclusive", False),
                      ("maximumAmount", 200_000), ("maximumInclusive", False)}


def _without_block(text: str, local: str) -> str:
    """rules.ttl with one rule's block (from its subject line to the next blank line) removed."""
    start = text.index(f"d:{local} ")
    end = text.find("\n\n", start)
    return text[:start] + (text[end + 2:] if end != -1 else "")


def test_a_rule_a_person_deleted_is_not_drafted_again_until_its_record_is_removed(tmp_path: Path) -> None:
    folder = drafted(tmp_path, "county-numbered")
    g = rules_of(folder)
    quorum = next(s for s in g.subjects(RDF.type, GG.QuorumRule))
    local = str(quorum).rsplit("/", 1)[-1]
    assert local in (folder / "drafted.txt").read_text(encoding="utf-8").split()
    (folder / "rules.ttl").write_text(_without_block((folder / "rules.ttl").read_text(encoding="utf-8"), local),
                                      encoding="utf-8")
    before = set(rules_of(folder).subjects(GG.basis, None))
    assert quorum not in before
    result = run("draft", str(TEXTS / "county-numbered.txt"), "-o", str(folder), "--format", "json")
    assert result.exit_code == 0, result.output
    assert local not in {r["id"] for a in json.loads(result.output)["articles"] for r in a["rules"]}
    assert set(rules_of(folder).subjects(GG.basis, None)) == before
    assert local in (folder / "drafted.txt").read_text(encoding="utf-8").split()  # still remembered as deleted
    assert local in json.loads(result.output)["deleted"]
    assert f"- `{local}`" in (folder / "REVIEW.md").read_text(encoding="utf-8")  # the review says so
    (folder / "drafted.txt").unlink()
    drafted(tmp_path, "county-numbered")
    assert quorum in set(rules_of(folder).subjects(GG.basis, None))


def test_the_review_data_names_the_rules_left_out_because_a_person_deleted_them(tmp_path: Path) -> None:
    from govgraph.draft import write_draft
    from govgraph.draft.review import review_data

    folder = drafted(tmp_path, "county-numbered")
    local = next(str(s) for s in rules_of(folder).subjects(RDF.type, GG.QuorumRule)).rsplit("/", 1)[-1]
    (folder / "rules.ttl").write_text(_without_block((folder / "rules.ttl").read_text(encoding="utf-8"), local),
                                      encoding="utf-8")
    draft = read_regulation((TEXTS / "county-numbered.txt").read_text(encoding="utf-8"))
    written = write_draft(draft, folder, folder.name, "d")
    data = review_data(draft, written["kept"], written["deleted"])
    assert local in data["deleted"]
    assert local not in {r["id"] for a in data["articles"] for r in a["rules"]}


def test_the_articles_drafted_from_hongqiaos_text_are_its_rule_bases_articles_word_for_word_punctuation_included(tmp_path: Path) -> None:
    hongqiao = ROOT / "data" / "hongqiao-2023"
    result = run("draft", str(hongqiao / "source" / "regulation.zh.txt"), "-o", str(tmp_path / "hq"))
    assert result.exit_code == 0, result.output
    def texts(path: Path) -> dict[int, str]:
        g = Graph().parse(path, format="turtle")
        return {int(g.value(a, GG.ordinal)): str(t) for a, t in g.subject_objects(GG.text)}
    drafted = texts(tmp_path / "hq" / "articles.ttl")
    assert len(drafted) == 79 and drafted == texts(hongqiao / "articles.ttl")
