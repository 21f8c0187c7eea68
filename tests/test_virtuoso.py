"""The same questions on a real external triple store: Virtuoso Open Source (Debian's package),
started on 127.0.0.1 by scripts/virtuoso with a throwaway database, loaded by
`govgraph load --endpoint`, asked through `--endpoint`, compared with the embedded store."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rule_bases import rule_bases
from test_stores import answer_key, compare_named_queries

import govgraph
import govgraph.answers.loading
from govgraph._core import queries
from govgraph._core.remote import EndpointError, RemoteStore
from govgraph.answers import competency
from govgraph.law import jurisdictions

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "virtuoso"
#: The test instance's credentials: a fresh database's administrator (never on a command line).
CREDENTIALS = {"GOVGRAPH_ENDPOINT_USER": "dba", "GOVGRAPH_ENDPOINT_PASSWORD": "dba", "GOVGRAPH_ENDPOINT_AUTH": "digest"}
#: Every rule base the tests know, loaded side by side into one Virtuoso, each into its own graph.
BASES = rule_bases()

pytestmark = [
    pytest.mark.skipif(shutil.which("virtuoso-t") is None, reason="needs Debian's virtuoso-opensource (scripts/setup --system)"),
    pytest.mark.xdist_group("virtuoso"),  # one worker: the rule bases' graphs have fixed names
]


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(check=False, args=[str(Path(sys.executable).with_name("govgraph")), *args], capture_output=True, text=True,
                          timeout=300, env={**os.environ, **CREDENTIALS, **(env or {})})


@pytest.fixture(scope="module")
def virtuoso():
    """A running Virtuoso: its /sparql-auth endpoint URL (started here, stopped after)."""
    started = subprocess.run(check=False, args=[str(SCRIPT), "start"], capture_output=True, text=True, timeout=180)
    assert started.returncode == 0, started.stderr
    try:
        yield started.stdout.strip().rsplit("/", 1)[0] + "/sparql-auth"
    finally:
        subprocess.run(check=False, args=[str(SCRIPT), "stop"], capture_output=True, timeout=120)


@pytest.fixture(scope="module")
def records() -> Path:
    """The default rule base's sample records (its records/ folder)."""
    return jurisdictions.find().folder / "records"


@pytest.fixture(scope="module")
def loaded(virtuoso: str, records: Path) -> dict:
    """The ontology, every rule base and the sample records, each pushed into a graph of its own."""
    rules = [arg for base in BASES for arg in ("--rules", str(base.folder))]
    result = cli("load", "--endpoint", virtuoso, *rules, "--records", str(records), "--replace", "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _remote(endpoint: str, **options: str) -> govgraph.GovGraph:
    """A scope behind Virtuoso; the credentials are read from the environment once, then removed
    again so that no other test in this process sees them."""
    saved = {name: os.environ.get(name) for name in CREDENTIALS}
    os.environ.update(CREDENTIALS)
    try:
        return govgraph.load(endpoint=endpoint, **options)
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def embedded(base) -> govgraph.GovGraph:  # noqa: ANN001
    return govgraph.load(base.folder)


def test_govgraph_load_reports_the_triples_virtuoso_counts_in_the_graphs_it_wrote(loaded: dict, records: Path) -> None:
    everything = govgraph.answers.loading.open_library([b.folder for b in BASES], records=(records,))
    assert loaded["sent"] == loaded["triples"] == len(everything.store) > 25000
    assert len(loaded["graphs"]) == len(BASES) + 2  # the ontology, each rule base, the records


def test_a_load_run_again_resumes_and_sends_nothing_twice(virtuoso: str, loaded: dict, records: Path) -> None:
    rules = [arg for base in BASES for arg in ("--rules", str(base.folder))]
    again = cli("load", "--endpoint", virtuoso, *rules, "--records", str(records), "--format", "json")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["triples"] == loaded["triples"]


#: Virtuoso 7.2 misreads who.rq's case filters (README, "Your own triple store"): with an absent post
#: it keeps the absent holder's later rules of an order of succession, with an amount the rules
#: whose bounds exclude it, and on one graph it cannot compile the query (SQ156). A rewrite that
#: Virtuoso reads right was wrong or far too slow on rdflib (NOTES of issue 10). These are known
#: to differ, strictly: the day Virtuoso or the query agrees, the tests say so.
WHO_ON_VIRTUOSO = pytest.mark.xfail(strict=True, reason="Virtuoso 7.2 misreads who.rq's case filters (README: Your own triple store)")
KNOWN_TO_DIFFER = frozenset({"who"})
ABSENCE_QUESTIONS = {
    "hongqiao-2023: while the District Head is away only the executive deputy the head entrusted convenes the Executive Meeting",
    "made-up-county: while the county head is away the executive deputy presides first in the order of succession",
}
QUESTIONS = [pytest.param(base, q, id=f"{base.name}: {q.name}",
                          marks=[WHO_ON_VIRTUOSO] if f"{base.name}: {q.name}" in ABSENCE_QUESTIONS else [])
             for base in BASES for q in competency.questions(base)]


@pytest.mark.parametrize(("base", "q"), QUESTIONS)
def test_a_competency_question_asked_in_its_governments_scope_gets_the_same_answer_on_virtuoso(
    virtuoso: str, loaded: dict, base, q: competency.Question  # noqa: ANN001
) -> None:
    remote = _remote(virtuoso, jurisdiction=base.name)
    assert answer_key(q.ask(remote)) == answer_key(q.ask(embedded(base)))


@pytest.mark.parametrize("base", BASES, ids=[b.name for b in BASES])
def test_every_named_query_gives_the_same_rows_on_virtuoso_in_each_governments_scope(virtuoso: str, loaded: dict, base) -> None:  # noqa: ANN001
    assert compare_named_queries(embedded(base), _remote(virtuoso, jurisdiction=base.name), leaving_out=KNOWN_TO_DIFFER) == []


@WHO_ON_VIRTUOSO
def test_who_gives_the_same_rows_on_virtuoso_in_every_governments_scope(virtuoso: str, loaded: dict) -> None:
    others = frozenset(q.name for q in queries.all_queries()) - {"who"}
    assert [d for base in BASES for d in compare_named_queries(embedded(base), _remote(virtuoso, jurisdiction=base.name),
                                                                leaving_out=others)] == []


def test_one_graph_holding_everything_still_answers_when_the_endpoint_is_restricted_to_it(virtuoso: str) -> None:
    graph = "https://w3id.org/govgraph/graph/test-virtuoso-single"
    loaded = cli("load", "--endpoint", virtuoso, "--graph", graph, "--replace", "--format", "json")
    assert loaded.returncode == 0, loaded.stderr
    assert compare_named_queries(govgraph.load(), _remote(virtuoso, graph=graph), leaving_out=KNOWN_TO_DIFFER) == []


def test_who_through_endpoint_prints_what_the_embedded_store_prints(virtuoso: str, loaded: dict) -> None:
    remote = cli("who", "convene", "区政府常务会议", "--format", "json", "--endpoint", virtuoso, "--jurisdiction", "红桥区")
    local = cli("who", "convene", "区政府常务会议", "--format", "json")
    assert remote.returncode == local.returncode == 0, remote.stderr
    assert json.loads(remote.stdout) == json.loads(local.stdout)


def test_an_answer_virtuoso_cut_short_at_its_row_limit_is_refused(tmp_path: Path) -> None:
    small = {"GOVGRAPH_VIRTUOSO_DIR": str(tmp_path / "v"), "GOVGRAPH_VIRTUOSO_HTTP_PORT": "8897",
             "GOVGRAPH_VIRTUOSO_SQL_PORT": "1117", "GOVGRAPH_VIRTUOSO_MAX_ROWS": "5",
             "GOVGRAPH_VIRTUOSO_BUFFERS": "10000", "GOVGRAPH_VIRTUOSO_DIRTY_BUFFERS": "6000"}
    started = subprocess.run(check=False, args=[str(SCRIPT), "start"], capture_output=True, text=True, timeout=180, env={**os.environ, **small})
    assert started.returncode == 0, started.stderr
    try:
        store = RemoteStore(started.stdout.strip(), credentials=None)
        assert len(store.select("SELECT ?s WHERE { ?s ?p ?o } LIMIT 3")) == 3
        with pytest.raises(EndpointError, match="cut the answer off at 5 rows"):
            store.select("SELECT ?s WHERE { ?s ?p ?o } LIMIT 50")
    finally:
        subprocess.run(check=False, args=[str(SCRIPT), "stop", "--force"], capture_output=True, timeout=120, env={**os.environ, **small})
