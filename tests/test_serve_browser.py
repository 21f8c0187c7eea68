"""The query page in a real headless Chromium (Debian's): it loads with no outside request,
offers the named queries, runs one with a parameter and shows its rows."""

from __future__ import annotations

import shutil
import urllib.parse
from pathlib import Path

import pytest

import govgraph
from govgraph.answers.loading import parts_for
from govgraph.serve.endpoint import Server
from govgraph.serve.push import load_disk

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    location = tmp_path_factory.mktemp("page") / "store"
    load_disk(location, parts_for(None))
    with Server(location, port=0, timeout=10) as running:
        yield running


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists() or shutil.which("chromium") is None:
        pytest.skip("needs Debian's chromium: scripts/setup --system")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server: Server):
    context = browser.new_context()
    tab = context.new_page()
    tab.requested = []
    tab.on("request", lambda request: tab.requested.append(request.url))
    tab.problems = []
    tab.on("pageerror", lambda error: tab.problems.append(str(error)))
    tab.goto(f"{server.url}/")
    tab.wait_for_selector("#query-list button")
    yield tab
    context.close()


def only_this_machine(urls: list[str]) -> list[str]:
    return [url for url in urls if urllib.parse.urlsplit(url).hostname != "127.0.0.1" and not url.startswith("data:")]


def test_the_page_loads_with_no_request_leaving_the_machine(page) -> None:
    assert page.requested, "no request recorded"
    assert only_this_machine(page.requested) == []
    assert page.problems == []


def test_the_page_offers_every_named_query_with_its_question(page) -> None:
    offered = page.eval_on_selector_all("#query-list button", "buttons => buttons.map(b => b.dataset.name)")
    assert set(offered) == {q.name for q in govgraph.all_queries()}
    page.click('#query-list button[data-name="who"]')
    assert page.text_content("#chosen-question") == next(q.question for q in govgraph.all_queries() if q.name == "who")
    assert page.locator("#parameters input").count() == len(next(q for q in govgraph.all_queries() if q.name == "who").parameters)


def test_running_a_named_query_with_a_parameter_shows_its_rows(page) -> None:
    page.click('#query-list button[data-name="article"]')
    page.fill('#parameters input[name="number"]', "41")
    page.click("#run")
    page.wait_for_selector("#results table tbody tr")
    expected = govgraph.load().article("41")
    shown = cells(page)
    headers = page.eval_on_selector_all("#results table th", "cells => cells.map(c => c.textContent)")
    rules = {row[headers.index("?rule")] for row in shown}
    assert rules == {rule.iri for rule, _kind in expected.rules}
    assert f"{len(shown)} row" in page.text_content("#status")
    assert only_this_machine(page.requested) == []


def cells(page) -> list[list[str]]:
    """Each row's cells: an IRI cell as its IRI, any other as its text."""
    return page.eval_on_selector_all(
        "#results table tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.dataset.iri || c.textContent))"
    )


@pytest.mark.parametrize("typed", ["区政府常务会议", "Executive Meeting of the District Government", "hq:ExecutiveMeeting"])
def test_a_label_or_curie_typed_in_a_parameter_is_resolved_by_the_server_and_gets_its_answer(page, typed: str) -> None:
    graph = govgraph.load()
    meeting = graph.resolve("区政府常务会议", "meeting")
    page.click('#query-list button[data-name="quorum"]')
    page.fill('#parameters input[name="meeting"]', typed)
    page.click("#run")
    page.wait_for_selector("#results table tbody tr")
    assert meeting in page.text_content('#parameters output[name="meeting"]')
    headers = page.eval_on_selector_all("#results table th", "cells => cells.map(c => c.textContent)")
    members = {row[headers.index("?member")] for row in cells(page)}
    assert members == {m.post.iri for m in graph.quorum("区政府常务会议").members}
    page.wait_for_function("() => [...document.querySelectorAll('#results td .label')].some(l => l.textContent.includes('区长'))")
    assert only_this_machine(page.requested) == []


def test_a_name_that_resolves_to_nothing_gets_a_warning_with_close_matches_not_zero_rows(page) -> None:
    page.click('#query-list button[data-name="quorum"]')
    page.fill('#parameters input[name="meeting"]', "区政府常务大会")
    page.click("#run")
    page.wait_for_selector("#status.warning")
    warning = page.text_content("#status")
    assert "?meeting" in warning and "区政府常务会议" in warning
    assert page.locator("#results table").count() == 0


def test_a_query_cut_off_by_the_time_limit_says_so_on_the_page(browser, tmp_path_factory: pytest.TempPathFactory) -> None:
    location = tmp_path_factory.mktemp("slow") / "store"
    load_disk(location, parts_for(None))
    with Server(location, port=0, timeout=1) as quick:
        context = browser.new_context()
        tab = context.new_page()
        tab.goto(f"{quick.url}/")
        tab.fill("#editor", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
        tab.click("#run")
        tab.wait_for_selector("#status.error", timeout=30_000)
        assert "cut off" in tab.text_content("#status")
        context.close()
