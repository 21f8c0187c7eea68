"""Resolving what people type (a zh or en label, a CURIE, an IRI, a template concept) to the
term of the scope they mean."""

from __future__ import annotations

import difflib
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping

from .._core.cite import Named
from .._core.errors import AmbiguousName, NameNotFound
from .._core.terms import GG, KINDS, OWL_CLASS

TEMPLATE_CONCEPT = GG + "TemplateConcept"


def normalise(name: str) -> str:
    """Case, width and spacing do not matter: 'Executive  Meeting' = 'executive meeting'."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


class Names:
    """Labels of every resource of a scope, and an index from names to resources.

    ``prefixes`` (prefix → namespace) are the ones the vocabularies and rule bases declare:
    a CURIE means exactly its namespace's term. ``matches`` (term, template concept, exact)
    say which term of the scope realises a concept of the national template: a name of
    the concept resolves to that term.
    """

    def __init__(
        self,
        label_rows: Iterable[Mapping[str, str]],
        type_rows: Iterable[tuple[str, str]],
        prefixes: Mapping[str, str] | None = None,
        matches: Iterable[tuple[str, str, bool]] = (),
    ) -> None:
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
            self._index[normalise(local_name(resource))].add(resource)
        self._known = set().union(*self._instances.values()) if self._instances else set()
        self.prefixes = dict(prefixes or {})
        self._realised: dict[str, dict[bool, set[str]]] = defaultdict(lambda: {True: set(), False: set()})
        for term, concept, exact in matches:
            self._realised[concept][exact].add(term)

    def named(self, iri: str) -> Named:
        labels = self._labels.get(iri, {})
        return Named(iri, labels.get("zh"), labels.get("en"))

    def instances(self, kind: str) -> set[str]:
        cls = KINDS[kind]
        return self._known if cls is None else self._instances.get(cls, set())

    def realise(self, candidates: set[str]) -> set[str]:
        """Template concepts replaced by the scope's terms that realise them (exactly, else broadly)."""
        found = set()
        for iri in candidates:
            realised = self._realised.get(iri)
            found |= (realised[True] or realised[False]) if realised else {iri}
        return found

    def resolve(self, name: str, kind: str = "term") -> str:
        """The IRI ``name`` stands for among terms of ``kind``; raise with close matches if none."""
        allowed = self.instances(kind)
        text = name.strip().strip("<>")
        if not text:
            raise NameNotFound(name, kind, [])
        if text in allowed:
            return text
        if ":" in text and "://" not in text:
            return self._curie(name, text, kind, allowed)
        candidates = self.realise(self._index.get(normalise(text), set())) & allowed
        if len(candidates) > 1:
            # A rule base's resource wins over an ontology class or a template concept of the
            # same name (a government's office, not the class of government offices).
            own = candidates - self._instances.get(OWL_CLASS, set()) - self._instances.get(TEMPLATE_CONCEPT, set())
            if len(own) == 1:
                candidates = own
        if len(candidates) == 1:
            return next(iter(candidates))
        if len(candidates) > 1:
            raise AmbiguousName(name, kind, sorted(candidates))
        raise NameNotFound(name, kind, self.suggestions(text, allowed))

    def _curie(self, name: str, text: str, kind: str, allowed: set[str]) -> str:
        prefix, local = text.split(":", 1)
        if prefix not in self.prefixes:
            known = ", ".join(sorted(self.prefixes)) or "none"
            raise NameNotFound(name, kind, [], f"the prefix {prefix!r} is not declared here (prefixes: {known})")
        candidates = self.realise({self.prefixes[prefix] + local}) & allowed
        if len(candidates) == 1:
            return next(iter(candidates))
        if len(candidates) > 1:
            raise AmbiguousName(name, kind, sorted(candidates))
        raise NameNotFound(name, kind, self.suggestions(local, allowed))

    def suggestions(self, text: str, allowed: set[str]) -> list[str]:
        names = [shown for key, shown in self._display.items() if self.realise(self._index[key]) & allowed]
        close = difflib.get_close_matches(text, names, n=5, cutoff=0.4)
        return close or [shown for shown in names if text and (text in shown or shown in text)][:5]
