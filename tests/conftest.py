"""Shared fixtures: the default rule base loaded on each embedded store."""

from __future__ import annotations

from pathlib import Path

import pytest

import govgraph

ROOT = Path(__file__).resolve().parents[1]
EMBEDDED_STORES = ("oxigraph", "rdflib")


@pytest.fixture(scope="session", params=EMBEDDED_STORES)
def graph(request: pytest.FixtureRequest) -> govgraph.GovGraph:
    """The Hongqiao rule base, once per store."""
    return govgraph.load(store=request.param)


@pytest.fixture(scope="session")
def oxigraph_graph() -> govgraph.GovGraph:
    return govgraph.load(store="oxigraph")
