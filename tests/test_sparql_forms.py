"""`govgraph sparql` runs every query form: SELECT rows, ASK's true or false, the graph a
CONSTRUCT or DESCRIBE builds; each store answers them alike, parameters stay bound, and an
update is refused."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner

import govgraph
from govgraph._core.errors import QueryError
from govgraph._core.stores import bind_where, query_form
from govgraph.answers.loading import parts_for
from govgraph.cli import main
from govgraph.serve.endpoint import Server
from govgraph.serve.push import load_disk

ELI = "http://data.europa.eu/eli/ontology#"
GG = "https://w3id.org/govgraph/ontology#"
PREFIXES = f"PREFIX eli: <{ELI}>\nPREFIX gg: <{GG}>\n"
#: every article's number: the graph a CONSTRUCT builds (one article, with --text n=41)
NUMBERS = PREFIXES + "# the number of each article\nCONSTRUCT { ?article eli:number ?n } WHERE { ?article a eli:LegalResourceSubdivision ; eli:number ?n }"
HAS_ARTICLE = PREFIXES + "ASK { ?article a eli:LegalResourceSubdivision ; eli:number ?n }"


def run(*args: str, input: str | None = None):  # noqa: ANN201, A002
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    """The default rule base on Oxigraph, rdflib and govgraph serve's endpoint."""
    location = tmp_path_factory.mktemp("served") / "store"
    load_disk(location, parts_for(None))
    with Server(location, port=0, timeout=60) as server:
        yield {
            "oxigraph": govgraph.load(store="oxigraph"),
            "rdflib": govgraph.load(store="rdflib"),
            "SPARQL endpoint": govgraph.load(endpoint=f"{server.url}/query"),
        }


# ── ASK ──────────────────────────────────────────────────────────────────────


def test_ask_prints_true_when_the_pattern_has_a_solution_and_false_with_exit_1_when_not() -> None:
    yes = run("sparql", "-", "--text", "n=41", input=HAS_ARTICLE)
    assert (yes.exit_code, yes.stdout) == (0, "true\n")
    no = run("sparql", "-", "--text", "n=4100", input=HAS_ARTICLE)
    assert (no.exit_code, no.stdout) == (1, "false\n")


def test_ask_in_json_is_the_sparql_results_boolean() -> None:
    result = run("sparql", "-", "--text", "n=41", "--format", "json", input=HAS_ARTICLE)
    assert json.loads(result.stdout) == {"head": {}, "boolean": True}


@pytest.mark.parametrize("name", ["oxigraph", "rdflib", "SPARQL endpoint"])
def test_every_store_answers_ask_alike_with_the_parameter_bound(stores, name: str) -> None:  # noqa: ANN001
    graph = stores[name]
    assert graph.store.ask(HAS_ARTICLE, {"n": ox.Literal("41")}, graphs=graph.graphs) is True
    assert graph.store.ask(HAS_ARTICLE, {"n": ox.Literal('41" } UNION { ?s ?p ?o')}, graphs=graph.graphs) is False


# ── CONSTRUCT and DESCRIBE ───────────────────────────────────────────────────


def _parsed(text: str, syntax: str) -> set[tuple[str, str, str]]:
    graph = rdflib.Graph().parse(data=text, format=syntax)
    return {(str(s), str(p), str(o)) for s, p, o in graph}


def test_construct_prints_turtle_that_rdflib_reads_back_as_the_triples_asked() -> None:
    result = run("sparql", "-", input=NUMBERS)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("@prefix eli: <http://data.europa.eu/eli/ontology#>")
    triples = _parsed(result.stdout, "turtle")
    assert {p for _, p, _ in triples} == {ELI + "number"}
    assert (govgraph.load().resolve("第四十一条", "term"), ELI + "number", "41") in triples
    selected = govgraph.load().sparql(NUMBERS.replace("CONSTRUCT { ?article eli:number ?n }", "SELECT ?article ?n"))
    assert triples == {(row["article"].value, ELI + "number", row["n"].value) for row in selected}


@pytest.mark.parametrize(("output", "syntax"), [("nt", "nt"), ("json-ld", "json-ld"), ("turtle", "turtle")])
def test_construct_with_a_bound_parameter_builds_only_its_triples_in_each_syntax(output: str, syntax: str) -> None:
    result = run("sparql", "-", "--text", "n=41", "--format", output, input=NUMBERS)
    assert result.exit_code == 0, result.stderr
    [(subject, predicate, number)] = _parsed(result.stdout, syntax)
    assert subject.endswith("/art_41") and predicate == ELI + "number" and number == "41"


def test_describe_gives_the_article_with_its_text() -> None:
    query = PREFIXES + "DESCRIBE ?article WHERE { ?article eli:number ?n ; a eli:LegalResourceSubdivision }"
    result = run("sparql", "-", "--text", "n=41", "--format", "nt", input=query)
    triples = _parsed(result.stdout, "nt")
    assert any(p == GG + "text" and "区政府常务会议" in o for _, p, o in triples)


@pytest.mark.parametrize("name", ["oxigraph", "rdflib", "SPARQL endpoint"])
def test_every_store_builds_the_same_graph_with_the_parameter_bound_in_the_where_group(stores, name: str) -> None:  # noqa: ANN001
    graph = stores[name]
    built = graph.store.construct(NUMBERS, {"n": ox.Literal("41")}, graphs=graph.graphs)
    assert [(t.subject.value.rsplit("/", 1)[-1], t.object.value) for t in built] == [("art_41", "41")]


def test_a_construct_template_is_left_alone_when_parameters_are_bound() -> None:
    bound = bind_where(NUMBERS, {"n": ox.Literal("41")})
    template, where = bound.split("WHERE", 1)
    assert "VALUES" not in template and where.lstrip().startswith("{\n  VALUES (?n)")


# ── the forms a query may take ───────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("PREFIX ask: <http://example.org/select#> SELECT * WHERE { ?s ?p ?o }", "SELECT"),
        ("# construct nothing\nBASE <http://example.org/describe/> ASK {}", "ASK"),
        ("construct where { ?s ?p ?o }", "CONSTRUCT"),
        ("DESCRIBE <http://example.org/a>", "DESCRIBE"),
    ],
)
def test_a_query_form_is_read_past_its_prologue_and_comments(text: str, form: str) -> None:
    assert query_form(text) == form


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <http://a> <http://b> <http://c> }",
        "PREFIX gg: <https://w3id.org/govgraph/ontology#>\n# select all\nDELETE WHERE { ?s gg:basis ?o }",
        "DROP ALL",
        "LOAD <http://example.org/data.ttl>",
        "WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    ],
)
def test_an_update_is_refused_with_exit_2_and_the_store_unchanged(update: str) -> None:
    before = len(govgraph.load().store)
    result = run("sparql", "-", input=update)
    assert result.exit_code == 2
    assert "updates are refused" in result.stderr and "Traceback" not in result.stderr
    with pytest.raises(QueryError, match="updates are refused"):
        query_form(update)
    assert len(govgraph.load().store) == before


def test_a_format_that_does_not_fit_the_form_is_bad_input() -> None:
    result = run("sparql", "-", "--format", "turtle", input="SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    assert result.exit_code == 2 and "SELECT queries print as json, csv" in result.stderr
    result = run("sparql", "-", "--format", "csv", input=NUMBERS)
    assert result.exit_code == 2 and "CONSTRUCT queries print as" in result.stderr
