"""Debian's Chromium for the browser tests: where it is, how it is started, what it fetched."""

from __future__ import annotations

import contextlib
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    """A headless Chromium (playwright's Browser); the test fails if it is missing."""
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: run scripts/setup --system (it installs /usr/bin/chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def outside(urls: list[str], host: str | None = None) -> list[str]:
    """The URLs that left this machine: anything but files, data and ``host``."""
    return [u for u in urls if not u.startswith(("file:", "data:")) and urllib.parse.urlsplit(u).hostname != host]
