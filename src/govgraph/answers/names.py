"""Resolving what people type (a zh or en label or alternative label, a CURIE, an IRI, a
template concept) to the term of the scope they mean, and suggesting names close to a miss."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from .._core.cite import Named
from .._core.errors import AmbiguousName, NameNotFound
from .._core.terms import GG, KINDS, OWL_CLASS, PROPERTY_CLASSES

TEMPLATE_CONCEPT = GG + "TemplateConcept"

#: How many close names a miss suggests, and how close (0-100) an edit-distance match must be.
SUGGESTIONS = 5
SIMILARITY_CUTOFF = 50

T = TypeVar("T")
if TYPE_CHECKING:  # (built only for type checkers: typing's aliases cost milliseconds at import)
    #: Rows given as they are, or as a function that reads them when first needed.
    Source = Iterable[T] | Callable[[], Iterable[T]]
    LabelRow = Mapping[str, str]
    #: The rows of ``queries/resolve.rq`` for one normalised name: the terms it may stand for.
    Lookup = Callable[[str], Iterable[Mapping[str, str | None]]]
#: How many resources' labels are read one by one (``label_lookup``) before the whole table is.
LABELS_ONE_BY_ONE = 48


def normalise(name: str) -> str:
    """Case, width and spacing do not matter: 'Executive  Meeting' = 'executive meeting'."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _read(source: Source[T]) -> list[T]:
    return list(source() if callable(source) else source)


def _first_labels(rows: Iterable[LabelRow]) -> dict[str, dict[str, str]]:
    """resource → language → its first rdfs:label in that language."""
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    for row in rows:
        lang = row["lang"]
        if row["kind"] == "label" and lang and lang not in labels[row["resource"]]:
            labels[row["resource"]][lang] = row["name"]
    return labels


class Names:
    """Labels of every resource of a scope, and an index from names to resources.

    ``label_rows`` (resource, name, lang, kind: "label" for rdfs:label, "alt" for
    skos:altLabel) give every name a resource may be called by, in any language; each
    resource is also called by its IRI's local name. ``prefixes`` (prefix → namespace) are
    the ones the vocabularies and rule bases declare: a CURIE means exactly its
    namespace's term. ``matches`` (term, template concept, exact) say which term of the
    scope realises a concept of the national template: a name of the concept resolves to
    that term. Each source may be a function, called when first needed.

    ``lookup``, if given, finds the terms one name may stand for without reading every
    label (``queries/resolve.rq``): a plain name resolves through it, and only a miss or an
    ambiguity reads the whole index (which also gives the close matches).
    """

    def __init__(
        self,
        label_rows: Source[LabelRow],
        type_rows: Source[tuple[str, str]],
        prefixes: Mapping[str, str] | Callable[[], Mapping[str, str]] | None = None,
        matches: Source[tuple[str, str, bool]] = (),
        *,
        lookup: Lookup | None = None,
        label_lookup: Callable[[str], Iterable[LabelRow]] | None = None,
    ) -> None:
        self._label_source = label_rows
        self._type_source = type_rows
        self._prefix_source = prefixes
        self._match_source = matches
        self._lookup = lookup
        self._label_lookup = label_lookup
        self._labels_read: dict[str, dict[str, str]] = {}

    # ── what the sources say, each read when first needed ────────────────────

    @cached_property
    def _label_rows(self) -> list[LabelRow]:
        return _read(self._label_source)

    @cached_property
    def _labels(self) -> dict[str, dict[str, str]]:
        """resource → language → its first rdfs:label in that language."""
        return _first_labels(self._label_rows)

    @cached_property
    def _types(self) -> tuple[dict[str, set[str]], set[str]]:
        """class → its instances, and every resource of some class."""
        instances: dict[str, set[str]] = defaultdict(set)
        for resource, cls in _read(self._type_source):
            instances[cls].add(resource)
        return instances, (set().union(*instances.values()) if instances else set())

    @cached_property
    def _index(self) -> tuple[dict[str, set[str]], dict[str, str]]:
        """normalised name → the resources called so, and → the name as written (for suggestions)."""
        index: dict[str, set[str]] = defaultdict(set)
        display: dict[str, str] = {}
        for row in self._label_rows:
            key = normalise(row["name"])
            index[key].add(row["resource"])
            display.setdefault(key, row["name"])
        for resource in self._types[1]:
            index[normalise(local_name(resource))].add(resource)
        return index, display

    @cached_property
    def prefixes(self) -> dict[str, str]:
        source = self._prefix_source
        return dict((source() if callable(source) else source) or {})

    @cached_property
    def _realised(self) -> dict[str, dict[bool, set[str]]]:
        realised: dict[str, dict[bool, set[str]]] = defaultdict(lambda: {True: set(), False: set()})
        for term, concept, exact in _read(self._match_source):
            realised[concept][exact].add(term)
        return realised

    # ── labels and kinds ─────────────────────────────────────────────────────

    def named(self, iri: str) -> Named:
        """``iri`` with its zh and en labels: read for this resource alone while few are asked
        (an answer names a handful), from the whole table after that."""
        if "_labels" not in self.__dict__ and self._label_lookup is not None and len(self._labels_read) < LABELS_ONE_BY_ONE:
            if iri not in self._labels_read:
                self._labels_read[iri] = _first_labels(self._label_lookup(iri)).get(iri, {})
            labels = self._labels_read[iri]
        else:
            labels = self._labels.get(iri, {})
        return Named(iri, labels.get("zh"), labels.get("en"))

    def instances(self, kind: str) -> set[str]:
        cls = KINDS[kind]
        instances, known = self._types
        return known if cls is None else instances.get(cls, set())

    def realise(self, candidates: set[str]) -> set[str]:
        """Template concepts replaced by the scope's terms that realise them (exactly, else broadly)."""
        found = set()
        for iri in candidates:
            realised = self._realised.get(iri)
            found |= (realised[True] or realised[False]) if realised else {iri}
        return found

    # ── resolving ────────────────────────────────────────────────────────────

    def resolve(self, name: str, kind: str = "term") -> str:
        """The IRI ``name`` stands for among terms of ``kind``; raise with close matches if none."""
        text = name.strip().strip("<>")
        if not text.strip():
            raise NameNotFound(name, kind, [])
        if ":" not in text and self._lookup is not None and "_index" not in self.__dict__:
            found = self._looked_up(text, kind)
            if found is not None:
                return found
        allowed = self.instances(kind)
        if text in allowed:
            return text
        if ":" in text and "://" not in text:
            return self._curie(name, text, kind, allowed)
        candidates = self._narrow(self.realise(self._index[0].get(normalise(text), set())) & allowed)
        if len(candidates) == 1:
            return next(iter(candidates))
        if len(candidates) > 1:
            raise AmbiguousName(name, kind, sorted(candidates))
        raise NameNotFound(name, kind, self.suggestions(text, allowed))

    def _narrow(self, candidates: set[str]) -> set[str]:
        """A rule base's resource wins over an ontology class, property or template concept of
        the same name (a government's office, not the class of government offices; the agenda
        item, not the property that links a meeting to one)."""
        if len(candidates) > 1:
            instances = self._types[0]
            vocabulary = (OWL_CLASS, TEMPLATE_CONCEPT, *PROPERTY_CLASSES)
            own = candidates - set().union(*(instances.get(cls, set()) for cls in vocabulary))
            if len(own) == 1:
                return own
        return candidates

    def _looked_up(self, text: str, kind: str) -> str | None:
        """The one term a plain name stands for, read from the terms named so alone (None: ask
        the whole index, which says what is ambiguous or suggests close names)."""
        rows = list(self._lookup(normalise(text)))  # type: ignore[misc]
        labels = [{"resource": r["resource"], "name": called, "lang": "", "kind": "alt"}
                  for r in rows for called in (r["name"], local_name(r["resource"])) if called]
        types = [(r["candidate"], r["class"]) for r in rows if r["class"]]
        matches = [(r["term"], r["resource"], r["match"] == "exact") for r in rows if r["term"]]
        few = Names(labels, types, {}, matches)
        candidates = few._narrow(few.realise(few._index[0].get(normalise(text), set())) & few.instances(kind))
        return next(iter(candidates)) if len(candidates) == 1 else None

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
        """Names (labels and alternative labels, zh and en) of terms in ``allowed`` close to
        ``text``: those containing it or contained in it first, then by edit distance."""
        from rapidfuzz import fuzz, process

        index, display = self._index
        names = {shown: key for key, shown in display.items() if self.realise(index[key]) & allowed}
        wanted = normalise(text)
        if not wanted:
            return []
        containing = sorted((shown for shown, key in names.items() if wanted in key or (len(key) > 1 and key in wanted)),
                            key=lambda shown: (abs(len(names[shown]) - len(wanted)), shown))
        close = process.extract(wanted, names, scorer=fuzz.ratio, score_cutoff=SIMILARITY_CUTOFF, limit=SUGGESTIONS)
        found = list(dict.fromkeys([*containing, *(shown for _key, _score, shown in close)]))
        return found[:SUGGESTIONS]
