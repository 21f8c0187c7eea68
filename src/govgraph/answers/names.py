"""Resolving what people type (a zh or en label, a CURIE, an IRI) to the term they mean."""

from __future__ import annotations

import difflib
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping

from .._core.cite import Named
from .._core.errors import AmbiguousName, NameNotFound
from .._core.terms import KINDS, OWL_CLASS


def normalise(name: str) -> str:
    """Case, width and spacing do not matter: 'Executive  Meeting' = 'executive meeting'."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


class Names:
    """Labels of every resource, and an index from names to resources."""

    def __init__(self, label_rows: Iterable[Mapping[str, str]], type_rows: Iterable[tuple[str, str]]) -> None:
        self._labels: dict[str, dict[str, str]] = defaultdict(dict)
        self._index: dict[str, set[str]] = defaultdict(set)
        self._display: dict[str, str] = {}
        for row in label_rows:
            iri, name, lang, kind = row["resource"], row["name"], row["lang"], row["kind"]
            if kind == "label" and lang and lang not in self._labels[iri]:
                self._labels[iri][lang] = name
            key = normalise(name)
            self._index[key].add(iri)
            self._display.setdefault(key, name)
        self._instances: dict[str, set[str]] = defaultdict(set)
        for resource, cls in type_rows:
            self._instances[cls].add(resource)
            key = normalise(local_name(resource))
            self._index[key].add(resource)
        self._known = set().union(*self._instances.values()) if self._instances else set()

    def named(self, iri: str) -> Named:
        labels = self._labels.get(iri, {})
        return Named(iri, labels.get("zh"), labels.get("en"))

    def instances(self, kind: str) -> set[str]:
        cls = KINDS[kind]
        return self._known if cls is None else self._instances.get(cls, set())

    def resolve(self, name: str, kind: str = "term") -> str:
        """The IRI ``name`` stands for among terms of ``kind``; raise with close matches if none."""
        allowed = self.instances(kind)
        text = name.strip().strip("<>")
        if text in allowed:
            return text
        key = normalise(text)
        candidates = self._index.get(key, set()) & allowed
        if not candidates and ":" in text and "://" not in text:
            candidates = self._index.get(normalise(text.split(":", 1)[1]), set()) & allowed
        if len(candidates) > 1:
            # A rule base's resource wins over an ontology class of the same name
            # (a government's office, not the class of government offices).
            individuals = candidates - self._instances.get(OWL_CLASS, set())
            if len(individuals) == 1:
                candidates = individuals
        if len(candidates) == 1:
            return next(iter(candidates))
        if len(candidates) > 1:
            raise AmbiguousName(name, kind, sorted(candidates))
        names = [shown for key, shown in self._display.items() if self._index[key] & allowed]
        suggestions = difflib.get_close_matches(text, names, n=5, cutoff=0.4)
        if not suggestions:
            suggestions = [shown for shown in names if text and (text in shown or shown in text)][:5]
        raise NameNotFound(name, kind, suggestions)
