"""govgraph serve answers real clients: SPARQLWrapper and plain HTTP, over a real Oxigraph server."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from SPARQLWrapper import CSV, JSON, POST, SPARQLWrapper

import govgraph
from govgraph._core import queries
from govgraph.answers.loading import parts_for
from govgraph.serve.endpoint import Server
from govgraph.serve.push import load_disk

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    location = tmp_path_factory.mktemp("serve") / "store"
    load_disk(location, parts_for(None))
    with Server(location, port=0, timeout=2) as running:
        yield running


def http(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None, method: str | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def ask(server: Server, query: str, accept: str) -> tuple[int, dict, bytes]:
    return http(f"{server.url}/query?" + urllib.parse.urlencode({"query": query}), headers={"Accept": accept})


def test_sparqlwrapper_gets_the_same_rows_as_the_library(server: Server) -> None:
    client = SPARQLWrapper(f"{server.url}/sparql")
    client.setMethod(POST)
    client.setReturnFormat(JSON)
    client.setQuery(queries.named("coverage").text)
    rows = client.query().convert()["results"]["bindings"]
    expected = govgraph.load().coverage()
    assert [row["number"]["value"] for row in rows] == [item.number for item in expected]
    assert [row["status"]["value"] for row in rows] == [item.status for item in expected]


def test_sparqlwrapper_reads_csv_too(server: Server) -> None:
    client = SPARQLWrapper(f"{server.url}/query")
    client.setReturnFormat(CSV)
    client.setQuery(COUNT)
    text = client.query().convert().decode("utf-8")
    assert text.splitlines()[0].strip() == "n"
    assert int(text.splitlines()[1]) == len(govgraph.load().store)


@pytest.mark.parametrize(
    ("accept", "check"),
    [
        ("application/sparql-results+json", lambda body: json.loads(body)["results"]["bindings"][0]["n"]["value"]),
        ("application/sparql-results+xml", lambda body: re.search(rb"<literal[^>]*>(\d+)</literal>", body).group(1).decode()),
        ("text/csv", lambda body: body.decode().splitlines()[1].strip()),
        ("text/tab-separated-values", lambda body: re.search(r"\d+", body.decode().splitlines()[1]).group(0)),
    ],
    ids=["json", "xml", "csv", "tsv"],
)
def test_a_select_answers_in_json_xml_csv_and_tsv(server: Server, accept: str, check) -> None:
    status, headers, body = ask(server, COUNT, accept)
    assert status == 200
    assert headers["Content-Type"].startswith(accept)
    assert int(check(body)) == len(govgraph.load().store)


@pytest.mark.parametrize("accept", ["text/turtle", "application/ld+json"])
def test_a_construct_answers_in_turtle_and_json_ld(server: Server, accept: str) -> None:
    import pyoxigraph as ox

    construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s a <https://w3id.org/govgraph/ontology#MeetingType> ; ?p ?o }"
    status, headers, body = ask(server, construct, accept)
    assert status == 200 and headers["Content-Type"].startswith(accept)
    parsed = list(ox.parse(body, format=ox.RdfFormat.from_media_type(accept)))
    meeting_types = govgraph.load().sparql("SELECT ?s ?p ?o WHERE { ?s a <https://w3id.org/govgraph/ontology#MeetingType> ; ?p ?o }")
    assert len(parsed) == len(meeting_types) > 0


@pytest.mark.parametrize(
    ("path", "body", "content_type"),
    [
        ("/update", b"INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-update"),
        ("/query", b"INSERT DATA { <urn:a> <urn:b> <urn:c> }", "application/sparql-update"),
        ("/sparql", urllib.parse.urlencode({"update": "DROP ALL"}).encode(), "application/x-www-form-urlencoded"),
    ],
    ids=["update service", "update sent to query", "update form"],
)
def test_an_update_is_refused_and_changes_nothing(server: Server, path: str, body: bytes, content_type: str) -> None:
    before = ask(server, COUNT, "text/csv")[2]
    status, _headers, text = http(server.url + path, data=body, headers={"Content-Type": content_type})
    assert status == 403
    assert b"read-only" in text
    assert ask(server, COUNT, "text/csv")[2] == before


def test_a_query_past_the_time_limit_is_answered_503_saying_it_was_cut_off(server: Server) -> None:
    status, headers, body = ask(server, SLOW, "application/sparql-results+json")
    assert status == 503
    assert "cut off" in body.decode() and "time limit of 2 s" in body.decode()
    assert "X-GovGraph-Cut-Off" in headers


def test_the_named_queries_are_offered_with_their_question_and_parameters(server: Server) -> None:
    status, _headers, body = http(f"{server.url}/named-queries.json")
    offered = {q["name"]: q for q in json.loads(body)}
    assert status == 200
    assert set(offered) == {q.name for q in queries.all_queries()}
    who = offered["who"]
    assert who["question"] == queries.named("who").question
    assert {"action", "target"} <= {p["name"] for p in who["parameters"] if p["required"]}


def test_the_query_page_and_its_files_come_from_the_server_itself(server: Server) -> None:
    status, headers, page = http(f"{server.url}/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    linked = re.findall(rb'(?:src|href)="([^"]+)"', page)
    assert linked and all(link.startswith((b"/", b"data:")) for link in linked), linked
    for link in linked:
        if link.startswith(b"/"):
            assert http(server.url + link.decode())[0] == 200


def test_a_path_outside_the_page_folder_is_not_served(server: Server) -> None:
    assert http(f"{server.url}/page/..%2F..%2Fserve.py")[0] == 404


def test_govgraph_serve_listens_on_127_0_0_1_by_default_and_stops_on_interrupt(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    process = subprocess.Popen([str(Path(sys.executable).with_name("govgraph")), "serve", "--port", "0"],
                               stderr=subprocess.PIPE, text=True, env=env)
    try:
        url = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and url is None:
            line = process.stderr.readline()
            match = re.search(r"at (http://[\d.]+:\d+)/", line)
            url = match.group(1) if match else None
        assert url and url.startswith("http://127.0.0.1:")
        status, _headers, body = http(f"{url}/query?" + urllib.parse.urlencode({"query": COUNT}), headers={"Accept": "text/csv"})
        assert status == 200 and int(body.decode().splitlines()[1]) == len(govgraph.load().store)
    finally:
        process.send_signal(2)
        try:
            code = process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            code = None
        rest = process.stderr.read()
        process.stderr.close()
    assert code == 0, f"govgraph serve did not stop cleanly on Ctrl-C (exit {code}); the rest of its stderr: {rest[-2000:]}"
