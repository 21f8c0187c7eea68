"""A Turtle template per record kind: what the ontology lets a record say, and what the shapes require.

``govgraph template meeting`` prints a ``gg:MeetingRecord`` with every property whose
domain is that class: the required ones (a shape's ``sh:minCount`` on the class) first,
the others commented out, each with its label and the value it takes.
"""

from __future__ import annotations

import re
from functools import cache

from .._core.errors import GovGraphError
from .._core.terms import GG, RDFS, XSD
from ..law import jurisdictions
from .shapes import load_shapes

#: Kinds people ask for by another name.
ALIASES = {"report": "verification", "shift": "duty-shift"}
MIN_COUNT = "http://www.w3.org/ns/shacl#MinCountConstraintComponent"


def record_kinds() -> dict[str, str]:
    """Each record kind's name (``meeting``, ``duty-shift``…) and its class IRI."""
    import rdflib

    graph = _ontology()
    classes = graph.subjects(rdflib.URIRef(RDFS + "subClassOf"), rdflib.URIRef(GG + "Record"))
    return {_kind(str(c)): str(c) for c in classes if str(c).startswith(GG)}


def template(kind: str, lang: str = "en") -> str:
    """The Turtle template of the record kind ``kind`` (a name from :func:`record_kinds`, or an alias)."""
    import rdflib

    kinds = record_kinds()
    name = ALIASES.get(kind, kind)
    if name not in kinds:
        raise GovGraphError(f"no record kind {kind!r}: expected one of {', '.join(sorted([*kinds, *ALIASES]))}")
    cls = kinds[name]
    graph = _ontology()
    required = _required(cls)
    lines = ["@prefix gg:  <%s> ." % GG, "@prefix xsd: <%s> ." % XSD, "@prefix ex:  <https://example.org/records/> .", "",
             f"ex:{name}-1 a gg:{cls.removeprefix(GG)} ;"]
    props = sorted({str(p) for p in graph.subjects(rdflib.URIRef(RDFS + "domain"), rdflib.URIRef(cls))},
                   key=lambda p: (p not in required, p))
    for prop in props:
        value, range_ = _value(graph, prop)
        note = f"{_label(graph, prop, lang)}{'; range ' + range_ if range_ else ''}"
        if prop in required:
            lines.append(f"    gg:{prop.removeprefix(GG)} {value} ;  # required: {note}")
        else:
            lines.append(f"#   gg:{prop.removeprefix(GG)} {value} ;  # {note}")
    lines.append("    .")
    return "\n".join(lines) + "\n"


def _required(cls: str) -> set[str]:
    """The properties a shape targeting ``cls`` requires (sh:minCount of at least one)."""
    found = set()
    for shape in load_shapes().shapes:
        if any(t.kind == "class" and t.iri == cls for t in shape.targets):
            found |= {p.path for p in shape.properties if p.component == MIN_COUNT and int(p.parameter.value) >= 1}
    return found


def _value(graph, prop: str) -> tuple[str, str | None]:
    """A placeholder value for ``prop`` in Turtle, and the name of its range when it is a node."""
    import rdflib

    ranges = [str(r) for r in graph.objects(rdflib.URIRef(prop), rdflib.URIRef(RDFS + "range"))]
    kind = ranges[0] if ranges else None
    if kind == XSD + "dateTime":
        return '"2024-01-01T09:00:00"^^xsd:dateTime', None
    if kind == XSD + "decimal":
        return '"0.0"^^xsd:decimal', None
    if kind == XSD + "boolean":
        return "false", None
    if kind and kind.startswith(XSD):
        return f'"TODO"^^xsd:{kind.removeprefix(XSD)}', None
    return "ex:TODO", kind.rsplit("#", 1)[-1].rsplit("/", 1)[-1] if kind else None


def _label(graph, iri: str, lang: str) -> str:
    import rdflib

    labels = {l.language: str(l) for l in graph.objects(rdflib.URIRef(iri), rdflib.URIRef(RDFS + "label"))}
    return labels.get(lang) or labels.get("en") or iri


def _kind(iri: str) -> str:
    local = iri.removeprefix(GG).removesuffix("Record")
    return re.sub(r"(?<!^)(?=[A-Z])", "-", local).lower()


@cache
def _ontology():
    """The ontology's files as one rdflib graph, parsed once per process."""
    import rdflib

    graph = rdflib.Graph()
    for path in jurisdictions.ontology_files():
        graph.parse(path, format="turtle")
    return graph
