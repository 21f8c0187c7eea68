"""The interactive page in a real headless Chromium (Debian's): offline, no error, scenarios recolour."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import govgraph
from govgraph import export as draw

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser_page(tmp_path_factory: pytest.TempPathFactory):
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: run scripts/setup --system (it installs /usr/bin/chromium)")
    from playwright.sync_api import sync_playwright

    folder = tmp_path_factory.mktemp("page")
    page_path = draw.write(govgraph.load(), folder / "authority.html", "html")
    profile = folder / "profile"
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=ARGS, viewport={"width": 1500, "height": 950}
        )
        page = context.new_page()
        requests: list[str] = []
        errors: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(page_path.as_uri())
        page.wait_for_selector("#graph .node")
        yield page, requests, errors, folder
        context.close()
    shutil.rmtree(profile, ignore_errors=True)


def _colours(png: bytes) -> int:
    import io

    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        return len(image.convert("RGB").getcolors(1 << 24))


def test_the_page_loads_from_disk_with_no_network_request_and_no_console_error(browser_page):
    page, requests, errors, _ = browser_page
    assert requests and all(url.startswith(("file://", "data:")) for url in requests), requests
    assert errors == []
    assert page.locator("#graph .node").count() > 20 and page.locator("#graph .edge").count() > 40


def test_the_page_is_not_blank(browser_page):
    page, *_ = browser_page
    assert _colours(page.screenshot()) > 100


def test_picking_the_head_as_absent_recolours_the_deputies_who_preside_and_changes_the_picture(browser_page):
    page, _, errors, _ = browser_page
    before = page.screenshot()
    page.get_by_label("区长", exact=True).click()
    page.wait_for_selector("#graph .node.acting")
    after = page.screenshot()
    assert before != after
    acting = {
        page.locator(f"#graph .node.acting >> nth={i}").text_content() for i in range(page.locator("#graph .node.acting").count())
    }
    assert {"负责日常工作的副区长", "其他副区长"} <= acting
    assert "第六条" in page.locator("#acting").text_content()
    assert errors == []
    page.get_by_label("区长", exact=True).click()


def test_the_page_filters_by_kind_of_edge_and_switches_to_english(browser_page):
    page, _, errors, _ = browser_page
    page.locator("#kind-reports").click()
    assert page.locator("#graph .edge.hidden").count() == page.locator("#graph .edge[data-kind='reports']").count() > 0
    page.locator("#lang-en").click()
    assert "District Head" in page.locator("#graph").text_content()
    page.locator("#lang-zh").click()
    page.locator("#kind-reports").click()
    assert errors == []


def test_hovering_an_edge_shows_its_condition_and_article_text(browser_page):
    page, _, errors, _ = browser_page
    edge = page.locator("#graph .edge[data-kind='acts-for'] path.hit").first
    box = edge.bounding_box()
    edge.dispatch_event("mousemove", {"clientX": box["x"] + box["width"] / 2, "clientY": box["y"] + box["height"] / 2})
    tip = page.locator("#tip")
    assert tip.is_visible()
    text = tip.text_content()
    assert "第六条" in text and "外出" in text and "区长外出和学习期间" in text
    assert errors == []


def test_the_page_zooms_in_with_the_wheel_and_the_button_and_back_with_reset(browser_page):
    page, _, errors, _ = browser_page
    graph = page.locator("#graph")
    start = graph.get_attribute("viewBox")
    box = graph.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, -300)
    page.wait_for_function("document.getElementById('graph').getAttribute('data-zoom') > 1")
    zoomed = float(graph.get_attribute("data-zoom"))
    page.locator("#zoom-in").click()
    assert float(graph.get_attribute("data-zoom")) > zoomed
    page.mouse.move(box["x"] + 200, box["y"] + 200)
    page.mouse.down()
    page.mouse.move(box["x"] + 300, box["y"] + 260)
    page.mouse.up()
    panned = graph.get_attribute("viewBox")
    page.locator("#zoom-reset").click()
    assert graph.get_attribute("viewBox") == start != panned
    assert errors == []


def test_searching_a_post_marks_it_and_brings_it_into_view(browser_page):
    page, _, errors, _ = browser_page
    page.locator("#zoom-in").click()
    page.locator("#search").fill("区长")
    found = page.locator("#graph .node.found")
    assert found.count() >= 1
    assert "区长" in found.first.text_content()
    assert page.locator("#found").text_content().startswith("找到")
    graph_box, node_box = page.locator("#graph").bounding_box(), found.first.bounding_box()
    assert graph_box["x"] <= node_box["x"] <= graph_box["x"] + graph_box["width"]
    assert graph_box["y"] <= node_box["y"] <= graph_box["y"] + graph_box["height"]
    page.locator("#search").fill("")
    assert page.locator("#graph .node.found").count() == 0
    page.locator("#zoom-reset").click()
    assert errors == []
