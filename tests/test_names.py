"""Names as people type them: any label or alternative label, in either language, resolves to
its term; a blank name is an error; a miss suggests names that contain it or are spelt close
to it; resolving one name by its own query answers exactly as the whole index does."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govgraph
from govgraph._core.terms import KINDS
from govgraph.answers.names import Names, normalise

ID = "https://w3id.org/govgraph/id/names-test/"
GG = "https://w3id.org/govgraph/ontology#"

#: A rule base of its own: two posts and a meeting type with labels and alternative labels.
RULE_BASE = f"""
@prefix gg:   <{GG}> .
@prefix org:  <http://www.w3.org/ns/org#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix nt:   <{ID}> .

nt:Mayor a gg:Post ;
    rdfs:label "市长"@zh , "Mayor"@en ;
    skos:altLabel "市政府主要负责人"@zh , "head of the city"@en .
nt:ViceMayor a gg:Post ;
    rdfs:label "副市长"@zh , "Vice Mayor"@en ;
    skos:altLabel "分管副市长"@zh , "deputy mayor"@en .
nt:StandingMeeting a gg:MeetingType ;
    rdfs:label "市政府常务会议"@zh , "Standing Meeting of the City Government"@en ;
    skos:altLabel "常务会"@zh , "standing meeting"@en .
"""


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> govgraph.GovGraph:
    folder: Path = tmp_path_factory.mktemp("names") / "names-test"
    folder.mkdir()
    (folder / "rules.ttl").write_text(RULE_BASE, encoding="utf-8")
    return govgraph.load(folder)


CITY_NAMES = [
    (ID + "Mayor", "post", ["市长", "Mayor", "市政府主要负责人", "head of the city"]),
    (ID + "ViceMayor", "post", ["副市长", "Vice Mayor", "分管副市长", "deputy mayor"]),
    (ID + "StandingMeeting", "meeting", ["市政府常务会议", "Standing Meeting of the City Government", "常务会", "standing meeting"]),
]


@pytest.mark.parametrize(("term", "kind", "called"), [(t, k, n) for t, k, names in CITY_NAMES for n in names])
def test_every_label_and_alternative_label_in_either_language_resolves_to_its_term(
    city: govgraph.GovGraph, term: str, kind: str, called: str
) -> None:
    assert city.resolve(called, kind) == term
    assert city.resolve(called) == term


def test_an_alternative_label_of_the_default_rule_base_resolves_like_its_label(oxigraph_graph: govgraph.GovGraph) -> None:
    executive_deputy = oxigraph_graph.resolve("负责日常工作的副区长", "post")
    assert oxigraph_graph.resolve("常务副区长", "post") == executive_deputy
    assert oxigraph_graph.resolve("Executive Deputy District Head (in charge of day-to-day work)", "post") == executive_deputy


@given(case=st.sampled_from([str.lower, str.upper, str.title]), spaces=st.sampled_from(["", " ", "  ", "\t"]))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_case_and_surrounding_or_repeated_spaces_do_not_matter(city: govgraph.GovGraph, case, spaces: str) -> None:  # noqa: ANN001
    typed = spaces + case("head of  the city").replace("  ", " " + spaces) + spaces
    assert city.resolve(typed, "post") == ID + "Mayor"


@given(st.text(alphabet=" \t\n\r\u3000\u00a0<>", max_size=8))
@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_blank_or_empty_name_is_an_error(city: govgraph.GovGraph, blank: str) -> None:
    with pytest.raises(govgraph.NameNotFound):
        city.resolve(blank, "post")


# ── any label of any term, generated ──────────────────────────────────────────

LETTERS = string.ascii_letters + "市区长会议政府常务副主任"
LABEL = st.text(alphabet=LETTERS + " ", min_size=1, max_size=12).filter(lambda s: s.strip() and ":" not in s)


@given(st.lists(st.tuples(LABEL, st.lists(LABEL, max_size=2), st.sampled_from(["zh", "en"])), min_size=1, max_size=6), st.data())
@settings(max_examples=80, deadline=None)
def test_any_label_of_a_term_resolves_to_it(terms, data) -> None:  # noqa: ANN001
    rows, types = [], []
    for i, (label, alternatives, lang) in enumerate(terms):
        iri = f"{ID}term{i}"
        rows.append({"resource": iri, "name": label, "lang": lang, "kind": "label"})
        rows += [{"resource": iri, "name": alt, "lang": lang, "kind": "alt"} for alt in alternatives]
        types.append((iri, KINDS["post"]))
    names = Names(rows, types)
    row = data.draw(st.sampled_from(rows))
    owners = {r["resource"] for r in rows if normalise(r["name"]) == normalise(row["name"])}
    if len(owners) == 1:
        assert names.resolve(row["name"], "post") == row["resource"]
    else:  # the same name on two terms: ambiguous, never a guess
        with pytest.raises(govgraph.AmbiguousName):
            names.resolve(row["name"], "post")


# ── one name's own query answers as the whole index does ──────────────────────


def _answer(names: Names, called: str, kind: str) -> str | None:
    """The term the whole index resolves a name to (None: ambiguous or unknown)."""
    try:
        return names.resolve(called, kind)
    except (govgraph.NameNotFound, govgraph.AmbiguousName):
        return None


@pytest.fixture(scope="module")
def hongqiao_names() -> tuple[Names, Names, list[str]]:
    """The default rule base's names twice: read whole, and one name at a time (resolve.rq); every name in it."""
    graph = govgraph.load()
    whole = govgraph.GovGraph(graph.store, graph.graphs, graph.rule_base).names
    whole._lookup = None  # every name through the whole index
    by_query = govgraph.GovGraph(graph.store, graph.graphs, graph.rule_base).names
    called = {row["name"].value for row in graph.select("labels")} | {"Convene", "executivemeeting", "DistrictHead"}
    return whole, by_query, sorted(name for name in called if ":" not in name)


@given(data=st.data())
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_resolving_a_name_by_its_own_query_answers_as_the_whole_index(hongqiao_names, data) -> None:  # noqa: ANN001
    whole, by_query, every_name = hongqiao_names
    called = data.draw(st.sampled_from(every_name))
    kind = data.draw(st.sampled_from(sorted(KINDS)))
    expected = _answer(whole, called, kind)
    found = by_query._looked_up(called, kind)  # None: resolve() asks the whole index
    assert found is None or found == expected
    if normalise(called) == " ".join(called.lower().split()):  # no full-width form or case folding beyond lower case
        assert found == expected
    assert "_index" not in by_query.__dict__  # the whole index was never read


# ── close matches ─────────────────────────────────────────────────────────────


def test_a_miss_suggests_the_long_label_that_contains_it(oxigraph_graph: govgraph.GovGraph) -> None:
    with pytest.raises(govgraph.NameNotFound) as error:
        oxigraph_graph.resolve("区政府及各部门制定的政策", "matter")
    assert any("区政府及各部门制定的政策" in suggestion and len(suggestion) > 20 for suggestion in error.value.suggestions)


def test_a_misspelt_name_suggests_labels_and_alternative_labels_close_to_it(city: govgraph.GovGraph) -> None:
    with pytest.raises(govgraph.NameNotFound) as error:
        city.resolve("deputy mayr", "post")
    assert "deputy mayor" in error.value.suggestions
    with pytest.raises(govgraph.NameNotFound) as error:
        city.resolve("市政府常务", "meeting")
    assert "市政府常务会议" in error.value.suggestions


def test_suggestions_name_only_terms_of_the_kind_asked(city: govgraph.GovGraph) -> None:
    with pytest.raises(govgraph.NameNotFound) as error:
        city.resolve("常务", "post")
    assert not any("常务" in suggestion for suggestion in error.value.suggestions)


# ── labels of the terms an answer names ───────────────────────────────────────


@given(data=st.data())
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_term_read_alone_has_the_labels_the_whole_table_gives_it(hongqiao_names, data) -> None:  # noqa: ANN001
    whole, _by_query, _every_name = hongqiao_names
    graph = govgraph.load()
    alone = govgraph.GovGraph(graph.store, graph.graphs, graph.rule_base).names
    iri = data.draw(st.sampled_from(sorted(whole._labels)))
    assert alone.named(iri) == whole.named(iri)
    assert "_labels" not in alone.__dict__  # read alone, not through the whole table


def test_a_value_that_is_no_iri_is_named_by_no_label(oxigraph_graph: govgraph.GovGraph) -> None:
    fresh = govgraph.GovGraph(oxigraph_graph.store, oxigraph_graph.graphs, oxigraph_graph.rule_base)
    assert fresh.names.named("organ") == govgraph.Named("organ", None, None)


def test_the_rule_bases_agenda_item_wins_over_the_ontology_property_of_the_same_name(oxigraph_graph: govgraph.GovGraph) -> None:
    agenda_item = oxigraph_graph.resolve("议题", "term")
    assert agenda_item.endswith("/hongqiao-2023/AgendaItem")
    [answer, *_] = oxigraph_graph.who("propose", "议题")
    assert answer.basis.number == "43"
