"""Every store behind one interface gives the same answers: rdflib, Oxigraph in memory and on
disk, and a SPARQL endpoint (govgraph serve's real Oxigraph server, reached over HTTP
through SPARQLWrapper). tests/test_virtuoso.py runs the same comparisons on Virtuoso.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

import govgraph
from govgraph._core import queries
from govgraph._core.binding import bind_values
from govgraph._core.errors import GovGraphError, QueryError
from govgraph._core.remote import EndpointError, RemoteStore
from govgraph._core.disk import DiskStore
from govgraph.answers import competency
from govgraph.answers.loading import open_library, parts_for, rule_base_graph
from govgraph.law import jurisdictions
from govgraph.serve.endpoint import Server
from govgraph.serve.push import load_disk
from govgraph.synth import jurisdictions as synth

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
XSD = "http://www.w3.org/2001/XMLSchema#"
GG = "https://w3id.org/govgraph/ontology#"


# ── comparing answers ─────────────────────────────────────────────────────────


def answer_key(answer: Any) -> list[str]:
    """An answer as comparable text: its items in any order, each item's own parts in order."""
    items = answer if isinstance(answer, list) else [answer]
    return sorted(repr(item) for item in items)


def term_key(term: Any) -> tuple:
    """A term as the stores agree on it: numbers and booleans by value, blank nodes as such."""
    if term is None:
        return ("unbound",)
    if isinstance(term, ox.NamedNode) and "/.well-known/genid/" not in term.value:
        return ("iri", term.value)
    if isinstance(term, (ox.BlankNode, ox.NamedNode)):  # a Skolem IRI stands for a blank node
        return ("blank",)
    datatype = term.datatype.value if not term.language else ""
    if datatype.startswith(XSD) and datatype[len(XSD):] in ("integer", "decimal", "double", "float", "int", "long",
                                                            "positiveInteger", "nonNegativeInteger", "short"):
        try:
            return ("number", Decimal(term.value).normalize())
        except InvalidOperation:
            return ("literal", term.value, datatype)
    if datatype == XSD + "boolean":
        return ("boolean", term.value in ("true", "1"))
    return ("literal", term.value, datatype, (term.language or "").lower())


def rows_key(rows: list[dict[str, Any]]) -> list[tuple]:
    return sorted(tuple(sorted((name, term_key(value)) for name, value in row.items())) for row in rows)


def parameter_cases(graph: govgraph.GovGraph, query: queries.NamedQuery, limit: int = 4) -> list[dict[str, ox.NamedNode | ox.Literal]]:
    """Bindings to try a named query with, all read from the graph.

    Required parameters take the values the query itself finds when they are left open
    (a sample of them); optional ones take instances of the class their description
    names, and for amounts the thresholds the rule base states, ± a cent.
    """
    rng = random.Random(query.name)
    required = [p.name for p in query.parameters if p.required]
    optional = [p for p in query.parameters if not p.required]
    if not query.parameters:
        return [{}]
    open_rows = graph.sparql(query.text)
    combos: list[dict] = []
    if required:
        seen = set()
        for row in open_rows:
            values = tuple(row.get(name) for name in required)
            if all(v is not None and not isinstance(v, ox.BlankNode) for v in values) and values not in seen:
                seen.add(values)
                combos.append(dict(zip(required, values, strict=True)))
        rng.shuffle(combos)
        combos = combos[:limit]
    else:
        combos = [{}]
    cases = list(combos)
    base = combos[0] if combos else None
    if base is None:
        return cases
    types = graph.select("types")
    for parameter in optional:
        if "xsd:decimal" in parameter.description:
            amounts = {Decimal(r["v"].value) for r in graph.sparql(
                f"SELECT ?v WHERE {{ ?r <{GG}minimumAmount>|<{GG}maximumAmount> ?v }}")}
            values = sorted({a + d for a in amounts for d in (Decimal("-0.01"), Decimal(0), Decimal("0.01"))} | {Decimal(0)})
            for value in values[:4]:
                cases.append({**base, parameter.name: ox.Literal(str(value), datatype=ox.NamedNode(XSD + "decimal"))})
            continue
        match = re.search(r"gg:(\w+)", parameter.description)
        if not match:
            continue
        instances = sorted({r["resource"].value for r in types if r["class"].value == GG + match.group(1)})
        for value in rng.sample(instances, min(2, len(instances))):
            cases.append({**base, parameter.name: ox.NamedNode(value)})
    return cases


_EXPECTED: dict[tuple, tuple[list[dict], list[list[tuple]]]] = {}


def reference_answers(reference: govgraph.GovGraph, query: queries.NamedQuery) -> tuple[list[dict], list[list[tuple]]]:
    """The cases to try a query with, and the reference store's rows for each (computed once)."""
    key = (id(reference), query.name, query.text)
    if key not in _EXPECTED:
        cases = parameter_cases(reference, query)
        _EXPECTED[key] = (cases, [rows_key(reference.sparql(query.text, bindings)) for bindings in cases])
    return _EXPECTED[key]


def compare_named_queries(reference: govgraph.GovGraph, other: govgraph.GovGraph, *, leaving_out: frozenset[str] = frozenset()) -> list[str]:
    """Run every named query (but those ``leaving_out`` names) on both graphs with the same bindings; describe each difference."""
    differences = []
    for query in (q for q in queries.all_queries() if not q.asks_the_store and q.name not in leaving_out):
        cases, answers = reference_answers(reference, query)
        for bindings, expected in zip(cases, answers, strict=True):
            try:
                actual = rows_key(other.sparql(query.text, bindings))
            except GovGraphError as exc:
                differences.append(f"{query.name}: {exc}")
                break
            if expected != actual:
                shown = {k: v.value for k, v in bindings.items()}
                differences.append(f"{query.name} {shown}: {len(expected)} rows expected, {len(actual)} given")
    return differences


# ── fixtures: the stores ─────────────────────────────────────────────────────


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Sample records for the default rule base: who held each post, year by year."""
    return synth.template_records(tmp_path_factory.mktemp("records") / "records.nt")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory):
    """govgraph serve's endpoint (Oxigraph's server) over the ontology and rule base."""
    location = tmp_path_factory.mktemp("served") / "store"
    load_disk(location, parts_for(None))
    with Server(location, port=0, timeout=60) as server:
        yield server


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory, served: Server) -> dict[str, govgraph.GovGraph]:
    """The ontology and rule base on each store (records join them in the Virtuoso test)."""
    disk = tmp_path_factory.mktemp("disk") / "store"
    return {
        "oxigraph": govgraph.load(store="oxigraph"),
        "rdflib": govgraph.load(store="rdflib"),
        "oxigraph on disk": govgraph.load(store=f"oxigraph:{disk}"),
        "SPARQL endpoint": govgraph.load(endpoint=f"{served.url}/query"),
    }


OTHERS = ("rdflib", "oxigraph on disk", "SPARQL endpoint")


# ── same answers everywhere ──────────────────────────────────────────────────


@pytest.mark.parametrize("store", OTHERS)
def test_every_store_holds_the_same_number_of_triples(stores: dict[str, govgraph.GovGraph], store: str) -> None:
    assert len(stores[store].store) == len(stores["oxigraph"].store) > 5000


@pytest.mark.parametrize("store", OTHERS)
def test_the_competency_questions_give_the_same_answers_on_every_store(stores: dict[str, govgraph.GovGraph], store: str) -> None:
    questions = competency.questions(jurisdictions.find())
    if not questions:
        pytest.skip("no tests/competency.toml yet: the named-query comparison below still runs")
    different = [q.name for q in questions if answer_key(q.ask(stores[store])) != answer_key(q.ask(stores["oxigraph"]))]
    assert different == []


@pytest.mark.parametrize("store", OTHERS)
def test_every_named_query_gives_the_same_rows_on_every_store(stores: dict[str, govgraph.GovGraph], store: str) -> None:
    assert compare_named_queries(stores["oxigraph"], stores[store]) == []


# ── the on-disk store ────────────────────────────────────────────────────────


def test_an_on_disk_store_is_built_once_and_reopened_read_only_without_being_rebuilt(tmp_path: Path) -> None:
    location = tmp_path / "store"
    first = govgraph.load(store=f"oxigraph:{location}")
    version = DiskStore(location).current
    again = open_library(store=f"oxigraph:{location}")
    assert DiskStore(location).current == version, "an unchanged store was rebuilt"
    assert len(first.store) == len(govgraph.load(store="oxigraph").store)
    with pytest.raises((OSError, RuntimeError)):  # opened read-only: nothing can change it behind the manifest
        again.store.native.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.NamedNode("urn:c")))


def copy_rule_base(tmp_path: Path, name: str = "rules") -> Path:
    rules = tmp_path / name
    shutil.copytree(jurisdictions.find().folder, rules, ignore=shutil.ignore_patterns("source", "records", "tests"))
    return rules


def test_a_store_whose_files_changed_says_so_and_answers_from_what_was_loaded_until_loaded_again(tmp_path: Path) -> None:
    rules = copy_rule_base(tmp_path)
    location = tmp_path / "store"
    library = open_library(rules, store=f"oxigraph:{location}")
    before = len(library.store)
    (rules / "extra.ttl").write_text("<urn:x> <urn:y> <urn:z> .\n", encoding="utf-8")
    stale = open_library(rules, store=f"oxigraph:{location}")
    assert len(stale.store) == before, "a command never rebuilds a store behind the user's back"
    assert any("changed since they were loaded" in note for note in stale.notes)
    loaded = load_disk(location, parts_for(rules))
    assert loaded.graphs == [rule_base_graph("rules")]
    assert len(open_library(rules, store=f"oxigraph:{location}").store) == before + 1


def test_loading_a_second_rule_base_keeps_the_first_and_each_answers_in_its_scope(tmp_path: Path) -> None:
    location = tmp_path / "store"
    load_disk(location, parts_for(None))
    load_disk(location, parts_for(FIXTURES / "other-district"))
    library = open_library(store=f"oxigraph:{location}")
    assert {b.name for b in library.rule_bases} >= {"hongqiao-2023", "other-district"}
    county = library.scope("other-district")
    assert {a.post.zh for a in county.who("convene", "县政府常务会议")} == {"县长"}
    assert {a.post.zh for a in library.scope("tianjin-hongqiao").who("convene", "区政府常务会议")} == {"区长", "负责日常工作的副区长"}


def test_a_rule_base_the_store_does_not_hold_is_an_error_naming_what_it_holds(tmp_path: Path) -> None:
    location = tmp_path / "store"
    load_disk(location, parts_for(None))
    with pytest.raises(GovGraphError, match=r"holds hongqiao-2023, not other-district: add it with govgraph load"):
        open_library(FIXTURES / "other-district", store=f"oxigraph:{location}")


def test_a_folder_that_is_not_a_govgraph_store_is_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / "precious.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(GovGraphError, match="not a govgraph store"):
        govgraph.load(store=f"oxigraph:{tmp_path}")
    assert (tmp_path / "precious.txt").read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize("spec", ["sqlite", "rdflib:/tmp/x", "oxigraph:"])
def test_an_unknown_store_spec_is_refused_with_the_choices(spec: str) -> None:
    with pytest.raises(QueryError, match="expected oxigraph, rdflib or oxigraph:PATH"):
        govgraph.load(store=spec)


# ── binding parameters on an endpoint ────────────────────────────────────────

HOSTILE = [
    '41" } UNION { ?s ?p ?o } #',
    "41' } UNION { ?s ?p ?o } #",
    '41"""} ?s ?p ?o {"""',
    "41\\\" } UNION { ?s ?p ?o } #",
    "41\\u0022 } UNION { ?s ?p ?o } #",
    '") || true || ("',
    "41\n} UNION { ?s ?p ?o }",
]


@pytest.mark.parametrize("value", HOSTILE, ids=range(len(HOSTILE)))
def test_a_value_full_of_quotes_braces_and_or_true_cannot_add_rows(stores: dict[str, govgraph.GovGraph], value: str) -> None:
    article = queries.named("article").text
    endpoint = stores["SPARQL endpoint"]
    assert endpoint.sparql(article, {"number": ox.Literal(value)}) == []
    assert len(endpoint.sparql(article, {"number": ox.Literal("41")})) >= 1
    amount = ox.Literal(value, datatype=ox.NamedNode(XSD + "decimal"))
    decide = queries.named("decide").text
    assert rows_key(endpoint.sparql(decide, {"amount": amount})) == rows_key(stores["oxigraph"].sparql(decide, {"amount": amount}))


@pytest.mark.parametrize("iri", ["urn:a> } UNION { ?s ?p ?o } #", "urn:a b", 'urn:"x"', "urn:{x}", "urn:a|b"])
def test_an_iri_that_could_change_the_query_is_refused_before_any_request(iri: str) -> None:
    from govgraph._core.binding import iri_text

    with pytest.raises(QueryError, match="not an IRI"):
        iri_text(iri)  # what serialises every IRI sent to an endpoint, whoever made the term


def test_parameters_go_in_a_values_block_at_the_start_of_the_where_group() -> None:
    text = bind_values("SELECT ?x WHERE { ?x ?p ?target }", {"target": ox.Literal('a"b')})
    assert re.search(r'WHERE \{\s*VALUES \(\?target\) \{ \("a\\"b"\) \}', text)
    assert ox.Store().query(text) is not None  # it parses


# ── failing well ─────────────────────────────────────────────────────────────


def govgraph_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(check=False, args=[str(Path(sys.executable).with_name("govgraph")), *args],
                          capture_output=True, text=True, timeout=120, env={**os.environ, **(env or {})})


@pytest.mark.parametrize(
    ("endpoint", "message"),
    [
        ("http://127.0.0.1:9/sparql", "cannot reach http://127.0.0.1:9/sparql"),
        ("ftp://example.org/sparql", "bad endpoint URL"),
        ("http://127.0.0.1:notaport/sparql", "bad endpoint URL"),
    ],
)
def test_a_bad_or_unreachable_endpoint_fails_with_one_line_and_exit_2(endpoint: str, message: str) -> None:
    result = govgraph_cli("who", "convene", "区政府常务会议", "--endpoint", endpoint)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and message in result.stderr
    assert "Traceback" not in result.stderr


def test_an_endpoint_that_does_not_answer_in_time_fails_with_one_line_and_exit_2(served: Server) -> None:
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    store = RemoteStore(f"{served.url}/query", timeout=1)
    with pytest.raises(EndpointError, match=r"did not answer within 1 s"):
        store.select(slow)


def test_credentials_come_from_the_environment_not_the_command_line(served: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    result = govgraph_cli("who", "--help")
    assert "--password" not in result.stdout and "--user" not in result.stdout
    for name in ("GOVGRAPH_ENDPOINT_USER", "GOVGRAPH_ENDPOINT_PASSWORD", "GOVGRAPH_ENDPOINT_AUTH"):
        monkeypatch.delenv(name, raising=False)
    store = RemoteStore(f"{served.url}/query")
    monkeypatch.setenv("GOVGRAPH_ENDPOINT_USER", "reader")
    assert RemoteStore(f"{served.url}/query").credentials.user == "reader"
    assert store.credentials is None


def test_an_endpoint_graph_that_is_not_there_is_an_error_naming_it_not_an_empty_answer(served: Server) -> None:
    missing = "https://w3id.org/govgraph/graph/no-such-rule-base"
    with pytest.raises(GovGraphError, match=re.escape(f"no graph {missing}")) as raised:
        open_library(endpoint=f"{served.url}/query", graph=missing)
    assert rule_base_graph("hongqiao-2023") in str(raised.value)  # it lists what the endpoint holds
    result = govgraph_cli("who", "convene", "区政府常务会议", "--endpoint", f"{served.url}/query", env={"GOVGRAPH_GRAPH": missing})
    assert result.returncode == 2 and missing in result.stderr and "Traceback" not in result.stderr
    url = f"{served.url}/query?default-graph-uri={missing}"  # the same graph named in the endpoint's URL
    assert govgraph_cli("who", "convene", "区政府常务会议", "--endpoint", url).returncode == 2


def test_an_endpoint_graph_that_is_there_opens_and_is_all_its_questions_see(served: Server) -> None:
    library = open_library(endpoint=f"{served.url}/query", graph=rule_base_graph("hongqiao-2023"))
    whole = open_library(endpoint=f"{served.url}/query")
    assert library.single_graph and 0 < len(library.store) < len(whole.store)
