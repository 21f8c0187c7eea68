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
from test_stores import answer_key, compare_named_queries

import govgraph
from govgraph._core.remote import EndpointError, RemoteStore
from govgraph.answers import competency
from govgraph.law import jurisdictions
from govgraph.synth import jurisdictions as synth

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "virtuoso"
#: One graph per test process (pytest-xdist workers share the server, not the graph).
GRAPH = f"https://w3id.org/govgraph/graph/test-virtuoso-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
#: The test instance's credentials: a fresh database's administrator (never on a command line).
CREDENTIALS = {"GOVGRAPH_ENDPOINT_USER": "dba", "GOVGRAPH_ENDPOINT_PASSWORD": "dba", "GOVGRAPH_ENDPOINT_AUTH": "digest"}

pytestmark = pytest.mark.skipif(shutil.which("virtuoso-t") is None, reason="needs Debian's virtuoso-opensource (scripts/setup --system)")


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
def records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The rule base's sample records (its records/ folder), or synthetic ones if it has none."""
    folder = govgraph.load().jurisdiction.folder / "records"
    if folder.is_dir() and any(folder.glob("*.ttl")):
        return folder
    return synth.template_records(tmp_path_factory.mktemp("records") / "records.nt")


@pytest.fixture(scope="module")
def loaded(virtuoso: str, records: Path) -> dict:
    """The ontology, rule base and sample records pushed into a named graph by govgraph load."""
    result = cli("load", "--endpoint", virtuoso, "--graph", GRAPH, "--records", str(records), "--replace", "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _remote(endpoint: str, graph: str) -> govgraph.GovGraph:
    """A graph behind Virtuoso; the credentials are read from the environment once, then removed
    again so that no other test in this process sees them."""
    saved = {name: os.environ.get(name) for name in CREDENTIALS}
    os.environ.update(CREDENTIALS)
    try:
        return govgraph.load(endpoint=endpoint, graph=graph)
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@pytest.fixture(scope="module")
def remote(virtuoso: str, loaded: dict) -> govgraph.GovGraph:
    """The graph behind Virtuoso, as govgraph load filled it."""
    return _remote(virtuoso, GRAPH)


@pytest.fixture(scope="module")
def embedded(records: Path) -> govgraph.GovGraph:
    return govgraph.load(extra=(records,))


def test_govgraph_load_reports_the_triples_virtuoso_counts_in_the_graph(loaded: dict, embedded: govgraph.GovGraph) -> None:
    assert loaded["sent"] == loaded["triples"] == len(embedded.store) > 5000


def test_a_load_run_again_resumes_and_sends_nothing_twice(virtuoso: str, loaded: dict, records: Path) -> None:
    again = cli("load", "--endpoint", virtuoso, "--graph", GRAPH, "--records", str(records), "--format", "json")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["triples"] == loaded["triples"]


QUESTIONS = competency.questions(jurisdictions.find())


@pytest.mark.parametrize("q", QUESTIONS or [pytest.param(None, marks=pytest.mark.skip(reason="no manifest"))],
                         ids=[q.name for q in QUESTIONS] or ["no manifest"])
def test_a_competency_question_gets_the_same_answer_on_virtuoso(remote: govgraph.GovGraph, embedded: govgraph.GovGraph, q: competency.Question) -> None:
    assert answer_key(q.ask(remote)) == answer_key(q.ask(embedded))


def test_every_named_query_gives_the_same_rows_on_virtuoso(remote: govgraph.GovGraph, embedded: govgraph.GovGraph) -> None:
    assert compare_named_queries(embedded, remote) == []


def test_another_jurisdictions_rule_base_gives_the_same_rows_on_virtuoso(virtuoso: str) -> None:
    """A made-up county on the same template: other members, thresholds and names, same queries."""
    other = ROOT / "tests" / "fixtures" / "other-district"
    graph = GRAPH + "-other-district"
    loaded = cli("load", "--endpoint", virtuoso, "--graph", graph, "--rules", str(other), "--replace", "--format", "json")
    assert loaded.returncode == 0, loaded.stderr
    remote = _remote(virtuoso, graph)
    assert compare_named_queries(govgraph.load(rules=other), remote) == []


def test_who_through_endpoint_prints_what_the_embedded_store_prints(virtuoso: str, loaded: dict, records: Path) -> None:
    remote = cli("who", "convene", "区政府常务会议", "--format", "json", "--endpoint", virtuoso, env={"GOVGRAPH_GRAPH": GRAPH})
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
