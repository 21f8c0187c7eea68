"""Where govgraph's own files live: the ontology, shapes, queries, drafting patterns and rule bases.

In a source checkout they are the top-level folders of the repository; in an
installed wheel they are copied under ``govgraph/_resources``. Nothing here knows
what the files say, only where they are.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

_PACKAGED = Path(__file__).with_name("_resources")
_CHECKOUT = Path(__file__).resolve().parents[3]


@cache
def root() -> Path:
    """The folder holding ``ontology/``, ``shapes/``, ``data/`` and ``queries/``."""
    override = os.environ.get("GOVGRAPH_HOME")
    if override:
        return Path(override)
    if (_PACKAGED / "ontology").is_dir():
        return _PACKAGED
    return _CHECKOUT


def ontology_dir() -> Path:
    return root() / "ontology"


def shapes_dir() -> Path:
    return root() / "shapes"


def data_dir() -> Path:
    return root() / "data"


def queries_dir() -> Path:
    return root() / "queries"


def patterns_dir() -> Path:
    """The clause patterns and template terms ``govgraph draft`` reads a regulation with."""
    return root() / "patterns"
