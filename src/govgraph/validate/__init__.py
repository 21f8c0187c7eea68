"""Validate a government's records against its rules: SHACL shapes, findings that cite the article.

>>> from govgraph.validate import validate
>>> report = validate(["records/"])                                 # doctest: +SKIP
>>> [(f.article.number, f.message.en) for f in report.violations]   # doctest: +SKIP

The shapes (``shapes/*.ttl``) say what must hold; the rule base says the thresholds,
posts and deadlines; this module only loads the files, runs the shapes and explains
each result with the article of the rule it broke. Two engines give the same findings:

- ``"pyshacl"``: pySHACL over rdflib, the reference (slow on large data);
- ``"fast"``: the same SHACL-SPARQL constraints run once over all records on Oxigraph,
  and the few SHACL core constraints the shapes use translated to SPARQL
  (see :mod:`govgraph.validate_fast`).

Input files are only read; the shapes graph is parsed once per process and never
changed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .._core import files as rdf
from .._core import resources
from .._core.cite import Citation, Named, Text
from .._core.errors import GovGraphError, InputError
from .._core.stores import OxigraphStore
from .._core.terms import GG
from ..law import jurisdictions

SH = "http://www.w3.org/ns/shacl#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
ELI = "http://data.europa.eu/eli/ontology#"

ENGINES = ("fast", "pyshacl")
SEVERITIES = {SH + "Violation": "violation", SH + "Warning": "warning", SH + "Info": "info"}


# ── What a validation answers with ──────────────────────────────────────────────


@dataclass(frozen=True)
class Finding:
    """One record that breaks one rule (or one structural requirement)."""

    severity: str  #: "violation", "warning" or "info"
    shape: str  #: IRI of the SHACL shape that found it
    component: str  #: IRI of the constraint component (sh:SPARQLConstraintComponent, sh:MinCountConstraintComponent…)
    focus: Named  #: the record
    path: str | None  #: the property concerned, if any
    value: str | None  #: the value found (IRI or lexical form)
    message: Text  #: what the rule requires and what was found, in zh and en
    article: Citation | None  #: the article of the rule broken; None for structural findings
    rule: str | None = None  #: IRI of the rule broken, when the shape joined one
    value_label: Named | None = None  #: the value as people read it: labels of an IRI, a number as written

    def key(self) -> tuple[str, str, str | None, str | None, str]:
        """What identifies a finding whatever the engine: shape, record, property, value, severity."""
        return (self.shape, self.focus.iri, self.path, self.value, self.severity)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Report:
    """The findings of one validation run, and what was validated."""

    findings: tuple[Finding, ...]
    engine: str
    jurisdiction: str
    files: tuple[str, ...] = field(default=())

    @property
    def conforms(self) -> bool:
        """SHACL's verdict: no finding at all (warnings included)."""
        return not self.findings

    @property
    def violations(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "violation")

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "warning")

    def by_article(self) -> list[tuple[Citation | None, list[Finding]]]:
        """Findings grouped by the article they cite, in article order; structural ones last."""
        groups: dict[str | None, list[Finding]] = defaultdict(list)
        citations: dict[str | None, Citation | None] = {None: None}
        for finding in self.findings:
            iri = finding.article.article.iri if finding.article else None
            groups[iri].append(finding)
            citations[iri] = finding.article
        order = sorted((k for k in groups if k is not None), key=lambda k: _article_order(citations[k]))
        if None in groups:
            order.append(None)
        return [(citations[k], sorted(groups[k], key=_finding_order)) for k in order]

    def to_dict(self) -> dict[str, Any]:
        return {
            "conforms": self.conforms,
            "violations": len(self.violations),
            "warnings": len(self.warnings),
            "engine": self.engine,
            "jurisdiction": self.jurisdiction,
            "files": list(self.files),
            "findings": [f.to_dict() for f in sorted(self.findings, key=_finding_order)],
        }

    def to_turtle(self) -> str:
        """The standard SHACL validation report; each result also carries gg:basis, the article."""
        return _report_graph(self).serialize(format="turtle")


def _article_order(citation: Citation | None) -> tuple[int, str]:
    if citation is None:
        return (1 << 30, "")
    try:
        return (int(citation.number), citation.number)
    except ValueError:
        return ((1 << 29), citation.number)


def _finding_order(finding: Finding) -> tuple[str, str, str, str]:
    return (finding.severity != "violation" and "1" or "0", finding.shape, finding.focus.iri, finding.value or "")


# ── The shapes, parsed once ─────────────────────────────────────────────────────


@dataclass(frozen=True)
class SparqlConstraint:
    """A sh:sparql constraint of a node shape: its SELECT with the prefixes it declares."""

    node: str
    select: str
    prefixes: str
    messages: tuple[tuple[str, str], ...]  #: (language, template)


@dataclass(frozen=True)
class PropertyConstraint:
    """One SHACL core constraint of a property shape, on a simple path."""

    shape: str
    path: str
    component: str
    parameter: Any  #: an rdflib term: the count, datatype, class or other property
    severity: str
    messages: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class NodeShape:
    iri: str
    severity: str
    targets: tuple[tuple[str, str], ...]  #: (kind, IRI): kind is "class", "subjectsOf" or "objectsOf"
    sparql: tuple[SparqlConstraint, ...]
    properties: tuple[PropertyConstraint, ...]


@dataclass(frozen=True)
class Shapes:
    """The shapes graph (rdflib, for pySHACL) and the plan the fast engine runs."""

    graph: Any
    shapes: tuple[NodeShape, ...]
    files: tuple[str, ...]

    def shape(self, iri: str) -> NodeShape | None:
        return next((s for s in self.shapes if s.iri == iri), None)


_CORE = {
    SH + "minCount": SH + "MinCountConstraintComponent",
    SH + "maxCount": SH + "MaxCountConstraintComponent",
    SH + "datatype": SH + "DatatypeConstraintComponent",
    SH + "class": SH + "ClassConstraintComponent",
    SH + "disjoint": SH + "DisjointConstraintComponent",
    SH + "minInclusive": SH + "MinInclusiveConstraintComponent",
}
#: Terms of a property shape that are not constraints.
_NOT_CONSTRAINTS = {SH + "path", SH + "message", SH + "severity", SH + "name", SH + "description", RDF_TYPE, RDFS + "label"}


def shapes_files(folder: Path | None = None) -> list[Path]:
    return sorted((folder or resources.shapes_dir()).glob("*.ttl"))


@cache
def load_shapes(folder: str | None = None) -> Shapes:
    """Parse the shapes once per process (the result is never changed)."""
    import rdflib

    files = shapes_files(Path(folder) if folder else None)
    graph = rdflib.Graph()
    for path in files:
        try:
            graph.parse(path, format="turtle")
        except Exception as exc:  # noqa: BLE001 - rdflib raises many syntax error types
            raise InputError(str(path), f"not valid Turtle: {exc}") from None
    return Shapes(graph, tuple(_plan(graph)), tuple(str(p) for p in files))


def _plan(graph) -> Iterable[NodeShape]:  # noqa: ANN001 - rdflib.Graph
    import rdflib

    sh = rdflib.Namespace(SH)
    node_shapes = set(graph.subjects(rdflib.RDF.type, sh.NodeShape))
    for node in sorted(node_shapes, key=str):
        if (node, sh.deactivated, rdflib.Literal(True)) in graph:
            continue
        targets = tuple(
            [("class", str(c)) for c in graph.objects(node, sh.targetClass)]
            + [("subjectsOf", str(p)) for p in graph.objects(node, sh.targetSubjectsOf)]
            + [("objectsOf", str(p)) for p in graph.objects(node, sh.targetObjectsOf)]
        )
        severity = str(graph.value(node, sh.severity) or sh.Violation)
        sparql = tuple(_sparql_constraint(graph, c) for c in graph.objects(node, sh.sparql))
        properties = tuple(p for ps in graph.objects(node, sh.property) for p in _property_constraints(graph, ps))
        unsupported = {str(p) for p, _ in graph.predicate_objects(node)} - {
            str(t) for t in (sh.targetClass, sh.targetSubjectsOf, sh.targetObjectsOf, sh.severity, sh.sparql, sh.property, sh.message)
        } - {RDF_TYPE, RDFS + "label", RDFS + "seeAlso", RDFS + "comment"}
        if unsupported:
            raise GovGraphError(f"shape {node}: the fast engine does not support {', '.join(sorted(unsupported))}")
        yield NodeShape(str(node), severity, targets, sparql, properties)


def _messages(graph, node) -> tuple[tuple[str, str], ...]:  # noqa: ANN001
    import rdflib

    return tuple(sorted((m.language or "", str(m)) for m in graph.objects(node, rdflib.URIRef(SH + "message"))))


def _sparql_constraint(graph, node) -> SparqlConstraint:  # noqa: ANN001
    import rdflib

    sh = rdflib.Namespace(SH)
    select = graph.value(node, sh.select)
    if select is None:
        raise GovGraphError(f"SPARQL constraint {node}: expected sh:select")
    prefixes = []
    for declaring in graph.objects(node, sh.prefixes):
        for declaration in graph.objects(declaring, sh.declare):
            prefixes.append(f"PREFIX {graph.value(declaration, sh.prefix)}: <{graph.value(declaration, sh.namespace)}>")
    return SparqlConstraint(str(node), str(select), "\n".join(sorted(set(prefixes))), _messages(graph, node))


def _property_constraints(graph, node) -> Iterable[PropertyConstraint]:  # noqa: ANN001
    import rdflib

    sh = rdflib.Namespace(SH)
    path = graph.value(node, sh.path)
    if not isinstance(path, rdflib.URIRef):
        raise GovGraphError(f"property shape {node}: the fast engine supports simple paths only")
    severity = str(graph.value(node, sh.severity) or sh.Violation)
    messages = _messages(graph, node)
    for predicate, obj in graph.predicate_objects(node):
        if str(predicate) in _NOT_CONSTRAINTS:
            continue
        if str(predicate) not in _CORE:
            raise GovGraphError(f"property shape {node}: the fast engine does not support {predicate}")
        yield PropertyConstraint(str(node), str(path), _CORE[str(predicate)], obj, severity, messages)


# ── Loading the data ────────────────────────────────────────────────────────────


def data_files(paths: Iterable[str | Path]) -> list[Path]:
    """The RDF files named, a folder standing for the RDF files directly in it."""
    return rdf.rdf_files(paths, what="records (Turtle)")


def open_data(files: Sequence[Path], rules: str | Path | None = None) -> tuple[OxigraphStore, jurisdictions.Jurisdiction]:
    """An Oxigraph store holding the ontology, the rule base and the records (only read)."""
    juris = jurisdictions.find(rules)
    store = OxigraphStore()
    for path in [*jurisdictions.ontology_files(), *juris.files(), *files]:
        store.load(Path(path))
    return store, juris


# ── Running ─────────────────────────────────────────────────────────────────────


def validate(
    data: Iterable[str | Path],
    rules: str | Path | None = None,
    *,
    engine: str = "fast",
    shapes: str | Path | None = None,
    progress: Any = None,
) -> Report:
    """Validate the records in ``data`` (files or folders) against the rule base ``rules``.

    ``engine`` is "fast" (Oxigraph) or "pyshacl" (the reference); both report the same
    findings. ``progress``, if given, is called with a short text before each step.
    Raises :class:`InputError` (file, line, what was expected) for unreadable input.
    """
    if engine not in ENGINES:
        raise GovGraphError(f"unknown engine {engine!r}: expected one of {', '.join(ENGINES)}")
    say = progress or (lambda _text: None)
    files = data_files(data)
    say("loading shapes")
    plan = load_shapes(str(shapes) if shapes else None)
    say(f"loading {len(files)} file(s)")
    store, juris = open_data(files, rules)
    from . import fast as validate_fast

    say("running the shapes")
    rows = validate_fast.run(store.native, plan, progress=say)
    if engine == "fast":
        raw = rows
    else:
        raw = _run_pyshacl(store, plan, rows)
    say("explaining the findings")
    findings = _explain(store.native, plan, raw)
    return Report(tuple(findings), engine, juris.name, tuple(str(f) for f in files))


def validate_each(
    groups: Sequence[Sequence[str | Path]],
    rules: str | Path | None = None,
    *,
    engine: str = "fast",
    processes: int | None = None,
) -> list[Report]:
    """Validate independent sets of records (one per government and year) in parallel processes.

    Each group is validated on its own, with its own store, so records in one group are
    never joined to records in another: give each group everything its government's
    checks need (its roster, its calendar). Reports come back in the order of ``groups``.
    """
    import os
    from concurrent.futures import ProcessPoolExecutor
    from itertools import repeat

    if len(groups) <= 1 or processes == 1:
        return [validate(group, rules, engine=engine) for group in groups]
    with ProcessPoolExecutor(max_workers=processes or os.cpu_count() or 1) as pool:
        return list(pool.map(_validate_group, [list(map(str, g)) for g in groups], repeat(rules), repeat(engine)))


def _validate_group(group: list[str], rules: str | Path | None, engine: str) -> Report:
    return validate(group, rules, engine=engine)


def _run_pyshacl(store: OxigraphStore, plan: Shapes, explained: list) -> list:
    """pySHACL's results, each matched to the row of the same constraint that explains it."""
    import pyshacl
    import rdflib

    from . import fast as validate_fast

    data = rdflib.Graph()
    data.parse(data=store.native.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()), format="nt")
    _conforms, results, _text = pyshacl.validate(data, shacl_graph=plan.graph, inference="none", advanced=False, allow_warnings=True)
    sh = rdflib.Namespace(SH)
    index: dict[tuple, list[validate_fast.Row]] = defaultdict(list)
    for row in explained:
        index[(row.shape, row.focus, row.value)].append(row)
    rows: list[validate_fast.Row] = []
    for result in results.subjects(rdflib.RDF.type, sh.ValidationResult):
        shape = results.value(result, sh.sourceShape)
        focus = results.value(result, sh.focusNode)
        value = results.value(result, sh.value)
        path = results.value(result, sh.resultPath)
        component = str(results.value(result, sh.sourceConstraintComponent))
        severity = str(results.value(result, sh.resultSeverity))
        key = (str(shape), str(focus), validate_fast.lexical_rdflib(value))
        matches = [r for r in index.get(key, []) if r.component == component]
        base = matches[0] if matches else None
        rows.append(
            validate_fast.Row(
                shape=str(shape),
                component=component,
                severity=severity,
                focus=str(focus),
                path=str(path) if path is not None else None,
                value=validate_fast.lexical_rdflib(value),
                messages=base.messages if base else validate_fast.messages_of(results, result),
                bindings=base.bindings if base else {},
            )
        )
    return rows


# ── Explaining: the article, the labels ─────────────────────────────────────────

_ARTICLE_QUERY = f"""
SELECT ?article ?number ?text ?zh ?en WHERE {{
  ?article <{ELI}number> ?number .
  OPTIONAL {{ ?article <{GG}text> ?text }}
  OPTIONAL {{ ?article <{RDFS}label> ?zh FILTER (lang(?zh) = "zh") }}
  OPTIONAL {{ ?article <{RDFS}label> ?en FILTER (lang(?en) = "en") }}
}}"""

_LABEL_QUERY = f"""
SELECT ?resource ?zh ?en ?plain WHERE {{
  OPTIONAL {{ ?resource <{RDFS}label> ?zh FILTER (lang(?zh) = "zh") }}
  OPTIONAL {{ ?resource <{RDFS}label> ?en FILTER (lang(?en) = "en") }}
  OPTIONAL {{ ?resource <{RDFS}label> ?plain FILTER (lang(?plain) = "") }}
}}"""


def _explain(store: ox.Store, plan: Shapes, rows: Sequence[Any]) -> list[Finding]:
    articles: dict[str, Citation] = {}
    labels: dict[str, Named] = {}

    def citation(iri: str) -> Citation | None:
        if iri not in articles:
            found = list(store.query(_ARTICLE_QUERY, substitutions={ox.Variable("article"): ox.NamedNode(iri)}))
            if not found:
                return None
            first = found[0]
            articles[iri] = Citation(
                Named(iri, _value(first["zh"]), _value(first["en"])), first["number"].value, _value(first["text"]) or ""
            )
        return articles[iri]

    def named(iri: str) -> Named:
        if iri not in labels:
            if iri.startswith("_:") or not iri:
                labels[iri] = Named(iri)
            else:
                found = list(store.query(_LABEL_QUERY, substitutions={ox.Variable("resource"): ox.NamedNode(iri)}))
                zh = next((_value(r["zh"]) for r in found if r["zh"] is not None), None)
                en = next((_value(r["en"]) for r in found if r["en"] is not None), None)
                plain = next((_value(r["plain"]) for r in found if r["plain"] is not None), None)
                labels[iri] = Named(iri, zh or plain, en or plain)
        return labels[iri]

    findings = []
    seen = set()
    for row in rows:
        article_iri = row.bindings.get("article")
        finding = Finding(
            severity=SEVERITIES.get(row.severity, row.severity),
            shape=row.shape,
            component=row.component,
            focus=named(row.focus),
            path=row.path,
            value=row.value,
            message=Text(_template(row.messages, "zh", row.bindings), _template(row.messages, "en", row.bindings)),
            article=citation(article_iri) if article_iri else None,
            rule=row.bindings.get("rule"),
            value_label=_value_label(row.value, named),
        )
        if finding.key() not in seen:
            seen.add(finding.key())
            findings.append(finding)
    return findings


def _value_label(value: str | None, named) -> Named | None:  # noqa: ANN001
    if value is None:
        return None
    if re.match(r"^(https?|urn|file):", value):
        return named(value)
    return Named(value, _shown(value), _shown(value))


def _value(term: ox.Literal | ox.NamedNode | None) -> str | None:
    return None if term is None else term.value


def _template(messages: Sequence[tuple[str, str]], lang: str, bindings: dict[str, str]) -> str | None:
    chosen = next((text for language, text in messages if language == lang), None)
    if chosen is None:
        chosen = next((text for language, text in messages if language == ""), None)
    if chosen is None:
        return None
    return re.sub(r"\{[?$](\w+)\}", lambda m: _shown(bindings.get(m.group(1), m.group(0))), chosen)


def _shown(value: str) -> str:
    """A bound value as a message shows it: numbers without trailing zeros."""
    try:
        number = Decimal(value)
    except (InvalidOperation, ValueError):
        return value
    if number == number.to_integral_value():
        return f"{int(number):d}"
    return format(number.normalize(), "f")


# ── The standard SHACL report ───────────────────────────────────────────────────


def _report_graph(report: Report):  # noqa: ANN202 - rdflib.Graph
    import rdflib

    sh = rdflib.Namespace(SH)
    gg = rdflib.Namespace(GG)
    graph = rdflib.Graph()
    graph.bind("sh", sh)
    graph.bind("gg", gg)
    node = rdflib.BNode()
    graph.add((node, rdflib.RDF.type, sh.ValidationReport))
    graph.add((node, sh.conforms, rdflib.Literal(report.conforms)))
    inverse = {v: k for k, v in SEVERITIES.items()}
    for finding in sorted(report.findings, key=_finding_order):
        result = rdflib.BNode()
        graph.add((node, sh.result, result))
        graph.add((result, rdflib.RDF.type, sh.ValidationResult))
        graph.add((result, sh.focusNode, _rdflib_term(finding.focus.iri)))
        graph.add((result, sh.resultSeverity, rdflib.URIRef(inverse.get(finding.severity, SH + "Violation"))))
        graph.add((result, sh.sourceShape, _rdflib_term(finding.shape)))
        graph.add((result, sh.sourceConstraintComponent, rdflib.URIRef(finding.component)))
        if finding.path:
            graph.add((result, sh.resultPath, rdflib.URIRef(finding.path)))
        if finding.value is not None:
            graph.add((result, sh.value, _rdflib_value(finding.value)))
        for lang in ("zh", "en"):
            text = getattr(finding.message, lang)
            if text:
                graph.add((result, sh.resultMessage, rdflib.Literal(text, lang=lang)))
        if finding.article:
            graph.add((result, gg.basis, rdflib.URIRef(finding.article.article.iri)))
    return graph


def _rdflib_term(iri: str):  # noqa: ANN202
    import rdflib

    return rdflib.BNode(iri[2:]) if iri.startswith("_:") else rdflib.URIRef(iri)


def _rdflib_value(value: str):  # noqa: ANN202
    import rdflib

    if value.startswith("_:"):
        return rdflib.BNode(value[2:])
    if re.match(r"^(https?|urn|file):[^\s]*$", value):
        return rdflib.URIRef(value)
    return rdflib.Literal(value)
