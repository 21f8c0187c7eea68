"""govgraph draft on the made-up governments' own texts (tests/fixtures/made-up-*/source):
each variant of the template, phrased in its own words, reaches the rule its fixture holds."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF, SKOS

from govgraph.cli import main
from govgraph.draft import read_regulation
from govgraph.draft.reading import Draft
from govgraph.law.articles import parse_any_regulation

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MADE_UP = ("made-up-city", "made-up-county", "made-up-province")
GG = Namespace("https://w3id.org/govgraph/ontology#")


def source(fixture: str) -> str:
    return (FIXTURES / fixture / "source" / "regulation.zh.txt").read_text(encoding="utf-8")


@cache
def draft_of(fixture: str) -> Draft:
    return read_regulation(source(fixture))


def rules(fixture: str, article: int, cls: str) -> list[dict]:
    """The drafted rules of one article and class, each as {property: [term name or value]}."""
    return [{p: [v.name if hasattr(v, "name") else v for _, v in vs] for p, vs in r.properties.items()}
            for r in draft_of(fixture).rules if r.article == article and r.cls == cls]


def term(fixture: str, name: str):  # noqa: ANN201
    return next(t for t in draft_of(fixture).vocabulary.terms if t.name == name)


@pytest.mark.parametrize("fixture", MADE_UP)
def test_each_made_up_text_says_word_for_word_what_its_fixture_articles_say(fixture: str) -> None:
    articles = Graph().parse(FIXTURES / fixture / "articles.ttl", format="turtle")
    parsed = {a.number: "".join(a.paragraphs) for c in parse_any_regulation(source(fixture)) for a in c.articles}
    texts = {int(articles.value(s, GG.ordinal)): str(t) for s, t in articles.subject_objects(GG.text)}
    assert texts and all(parsed[n] == t for n, t in texts.items())


def _keys(g: Graph) -> set[tuple]:
    """Each rule as (class, action, assignees, targets or members, article), terms by template concept."""
    def concept(t) -> str:
        found = g.value(t, SKOS.exactMatch) or g.value(t, SKOS.broadMatch)
        if found is not None:
            return str(found).rsplit("#", 1)[-1]
        return str(t).rsplit("#", 1)[-1] if str(t).startswith(str(GG)) else "*"
    out = set()
    for rule in set(g.subjects(GG.basis, None)):
        if (rule, RDF.type, GG.Principle) in g:
            continue
        ts = lambda p: tuple(sorted({concept(o) for o in g.objects(rule, GG[p])}))  # noqa: E731
        targets = ts("member") or ts("target")
        out.add((str(g.value(rule, RDF.type)).rsplit("#", 1)[-1], ts("action"), ts("assignee"), targets,
                 str(g.value(rule, GG.basis)).rsplit("_", 1)[-1]))
    return out


@pytest.mark.parametrize("fixture", MADE_UP)
def test_the_draft_of_each_made_up_text_is_its_fixture_rule_for_rule_and_passes_check(tmp_path: Path, fixture: str) -> None:
    folder = tmp_path / fixture
    runner = CliRunner()
    text = FIXTURES / fixture / "source" / "regulation.zh.txt"
    assert runner.invoke(main, ["draft", str(text), "-o", str(folder)]).exit_code == 0
    checked = runner.invoke(main, ["check", "--rules", str(folder)])
    assert checked.exit_code == 0, checked.output
    drafted, hand = Graph(), Graph()
    for name in ("organisation.ttl", "rules.ttl"):
        drafted.parse(folder / name, format="turtle")
        hand.parse(FIXTURES / fixture / name, format="turtle")
    assert _keys(drafted) == _keys(hand)
    # the articles it cites are the fixture's, word for word and with their own punctuation (，not ,)
    texts = lambda g: {int(g.value(a, GG.ordinal)): str(t) for a, t in g.subject_objects(GG.text)}  # noqa: E731
    cited, fixture_texts = texts(Graph().parse(folder / "articles.ttl")), texts(Graph().parse(FIXTURES / fixture / "articles.ttl"))
    assert fixture_texts and all(cited[n] == t for n, t in fixture_texts.items())


def test_a_deputy_acting_in_office_while_the_head_is_abroad_acts_by_rule_for_that_reason_only() -> None:
    # 市长出国访问期间，由常务副市长代行市长职务，主持市政府工作。
    (acting,) = rules("made-up-city", 5, "gg:Permission")
    assert acting["assignee"] == ["ExecutiveDeputyHead"] and acting["absentPost"] == ["HeadOfGovernment"]
    assert acting["conferral"] == ["gg:ByRule"] and acting["absenceReason"] == ["gg:Abroad"]
    assert acting["action"] == ["gg:PresideOverGovernmentWork"]


def test_a_fixed_attendee_attends_every_time_and_others_only_if_necessary() -> None:
    # 市财政局局长列席会议，其他部门负责同志根据需要列席。
    fixed = rules("made-up-city", 20, "gg:Duty")
    assert [(r["assignee"], r["action"], r["target"]) for r in fixed] == [
        (["FinanceBureauDirector"], ["gg:AttendWithoutMembership"], ["ExecutiveMeeting"])]
    as_needed = [r for r in rules("made-up-city", 20, "gg:Permission") if r["action"] == ["gg:AttendWithoutMembership"]]
    assert [(r["assignee"], r["ifNecessary"]) for r in as_needed] == [(["InvitedAttendee"], [True])]


def test_an_invited_attendee_is_not_read_as_a_fixed_one() -> None:
    draft = read_regulation("某县人民政府工作规则\n第一条 县政府常务会议由县长召集和主持，必要时可以邀请有关部门负责人列席会议。\n")
    attending = [r for r in draft.rules if r.properties.get("action") == [("iri", "gg:AttendWithoutMembership")]]
    assert [r.cls for r in attending] == ["gg:Permission"]


def test_the_secretary_general_leads_the_office_and_working_under_the_mayor_leads_nothing() -> None:
    # 秘书长在市长领导下，负责处理市政府日常工作，领导市政府办公厅。
    (leads,) = rules("made-up-city", 6, "gg:Duty")
    assert leads["assignee"] == ["SecretaryGeneral"] and leads["target"] == ["GovernmentOffice"]


def test_an_order_of_succession_gives_each_deputy_its_rank() -> None:
    # 县长不在县内时，由常务副县长、第二副县长、第三副县长按顺次递补，主持县政府工作。
    ranks = {r["assignee"][0]: r["successionRank"] for r in rules("made-up-county", 4, "gg:Permission")}
    assert ranks == {"ExecutiveDeputyHead": [1], "SecondDeputyHead": [2], "ThirdDeputyHead": [3]}
    assert {r["conferral"][0] for r in rules("made-up-county", 4, "gg:Permission")} == {"gg:ByRule"}


def test_a_cover_pair_makes_each_deputy_act_for_the_other() -> None:
    # 第二副县长与第三副县长互相补位，一方不在时，由另一方代管其分管工作。
    pairs = {(r["assignee"][0], r["absentPost"][0]) for r in rules("made-up-county", 5, "gg:Duty")}
    assert pairs == {("SecondDeputyHead", "ThirdDeputyHead"), ("ThirdDeputyHead", "SecondDeputyHead")}
    portfolios = {r.properties["absentPost"][0][1].zh: r.properties["target"][0][1] for r in draft_of("made-up-county").rules
                  if r.article == 5}
    assert {absent: (p.cls, p.zh) for absent, p in portfolios.items()} == {
        "第二副县长": ("gg:Portfolio", "第二副县长分管工作"), "第三副县长": ("gg:Portfolio", "第三副县长分管工作")}


def test_a_quorum_counted_over_the_deputies_is_strictly_more_than_half_of_them() -> None:
    # 须有超过半数的副省长出席方可召开
    (quorum,) = rules("made-up-province", 16, "gg:QuorumRule")
    assert (quorum["quorumNumerator"], quorum["quorumDenominator"], quorum["quorumInclusive"]) == ([1], [2], [False])
    assert quorum["quorumCountsOver"] == ["DeputyHead"]


def test_a_meeting_deciding_a_matter_with_no_amount_is_a_competence_and_what_it_decided_is_not() -> None:
    # 会议讨论决定省级财政预算的调整。
    (competence,) = rules("made-up-province", 16, "gg:Competence")
    assert competence["assignee"] == ["ExecutiveMeeting"] and "minimumAmount" not in competence
    decided = read_regulation("某县人民政府工作规则\n第一条 县政府常务会议讨论决定的事项，应当及时公开。\n")
    assert [r for r in decided.rules if r.cls == "gg:Competence"] == []


def test_the_departments_directors_sit_on_the_plenary_meeting_as_the_text_names_them() -> None:
    # 省政府全体会议由省长、副省长、省长助理、秘书长和各厅局长组成
    (members,) = rules("made-up-province", 15, "gg:CompositionRule")
    assert "DepartmentPrincipalLeader" in members["member"]
    assert term("made-up-province", "DepartmentPrincipalLeader").zh == "厅局长"


def test_a_province_has_no_superior_government_to_read() -> None:
    assert "SuperiorGovernment" not in {t.name for t in draft_of("made-up-province").vocabulary.terms}
    assert all(t.name != "SuperiorGovernment" for t in draft_of("made-up-province").terms())


def test_a_post_is_labelled_as_the_text_names_it_and_keeps_the_template_label_as_an_alternative(tmp_path: Path) -> None:
    executive = term("made-up-city", "ExecutiveDeputyHead")
    assert (executive.zh, executive.alt) == ("常务副市长", "负责日常工作的副市长")
    folder = tmp_path / "city"
    CliRunner().invoke(main, ["draft", str(FIXTURES / "made-up-city/source/regulation.zh.txt"), "-o", str(folder)])
    organisation = Graph().parse(folder / "organisation.ttl", format="turtle")
    (post,) = [s for s in organisation.subjects(RDF.type, GG.Post) if str(s).endswith("/ExecutiveDeputyHead")]
    assert {str(o) for o in organisation.objects(post, URIRef(str(SKOS) + "altLabel"))} == {"负责日常工作的副市长"}


@pytest.mark.parametrize(("fixture", "question"), [
    ("made-up-city", "the executive vice mayor acts for the mayor abroad"),
    ("made-up-county", "the order of succession lists the executive, second and third deputies for an absent county head"),
    ("made-up-county", "the second deputy takes over the third deputy's portfolio while the third is away"),
    ("made-up-province", "more than half of the vice governors must attend the executive meeting and only they count"),
    ("made-up-province", "while the governor is away the executive vice governor the governor designates presides"),
])
def test_the_draft_of_a_made_up_text_answers_its_fixture_competency_question(tmp_path: Path, fixture: str, question: str) -> None:
    import govgraph
    from govgraph.answers.competency import questions
    from govgraph.law import jurisdictions

    folder = tmp_path / fixture
    CliRunner().invoke(main, ["draft", str(FIXTURES / fixture / "source/regulation.zh.txt"), "-o", str(folder)])
    (asked,) = [q for q in questions(jurisdictions.find(FIXTURES / fixture)) if q.name == question]
    assert asked.mismatches(asked.ask(govgraph.load(folder))) == []


def _read(article: str, level: str = "县") -> list[tuple[str, dict]]:
    """The rules drafted from one article of a government of ``level``, by class."""
    draft = read_regulation(f"某{level}人民政府工作规则\n第一条 {article}\n")
    return [(r.cls, {p: [v.name if hasattr(v, "name") else v for _, v in vs] for p, vs in r.properties.items()})
            for r in draft.rules]


@pytest.mark.parametrize(("article", "level", "expected"), [
    # other wordings of the same variants: the patterns hold for the template, not for one text
    ("市长出国（境）期间，由常务副市长代行市长职务并主持市政府工作。", "市",
     ("gg:Permission", "absenceReason", ["gg:Abroad"])),
    ("县长外出期间，由常务副县长、第二副县长依次代理，主持县政府工作。", "县",
     ("gg:Permission", "successionRank", [2])),
    ("第二副县长和第三副县长互为AB角，任何一方不在岗时，由另一方代管其分管工作。", "县",
     ("gg:Duty", "absentPost", ["SecondDeputyHead"])),
    ("市政府常务会议由市长、副市长组成。出席会议的副市长须达到半数以上。", "市",
     ("gg:QuorumRule", "quorumCountsOver", ["DeputyHead"])),
    ("区政府常务会议由区长、副区长组成。区审计局局长、区司法局局长列席区政府常务会议。", "区",
     ("gg:Duty", "assignee", ["JusticeBureauDirector"])),
    ("县政府常务会议研究决定全县重大项目的安排。", "县",
     ("gg:Competence", "assignee", ["ExecutiveMeeting"])),
    ("县政府办公室主任领导县政府办公室。", "县",
     ("gg:Duty", "target", ["GovernmentOffice"])),
])
def test_another_wording_of_a_variant_reaches_the_same_kind_of_rule(article: str, level: str, expected: tuple) -> None:
    cls, prop, value = expected
    assert any(c == cls and found.get(prop) == value for c, found in _read(article, level))


@pytest.mark.parametrize("fixture", MADE_UP)
def test_a_made_up_text_reposted_in_traditional_script_with_full_width_digits_drafts_the_same_rules(fixture: str) -> None:
    opencc = pytest.importorskip("opencc")
    try:
        to_traditional = opencc.OpenCC("s2t").convert
    except Exception:  # noqa: BLE001 - the OpenCC bindings name the config with its file suffix
        to_traditional = opencc.OpenCC("s2t.json").convert
    reposted = to_traditional(source(fixture)).translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"})
    assert {r.key() for r in read_regulation(reposted).rules} == {r.key() for r in draft_of(fixture).rules}
