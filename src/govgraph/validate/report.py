"""What a validation answers with: findings that cite their article, and the report of a run.

A report prints three ways: grouped by article for people (``govgraph validate``),
as a dict for machines (``to_dict``), and as the standard SHACL validation report in
Turtle (``to_turtle``), each result also carrying ``gg:basis``, the article.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from .._core.cite import Citation, Named, Regulation, Text, article_order
from .._core.terms import GG, RDF_TYPE, SH

if TYPE_CHECKING:
    import rdflib

SEVERITIES = {SH + "Violation": "violation", SH + "Warning": "warning", SH + "Info": "info"}
_IRI = re.compile(r"^(https?|urn|file):[^\s]*$")


def looks_like_iri(value: str) -> bool:
    """Whether a finding's value (an IRI or a literal's lexical form) is an IRI."""
    return bool(_IRI.match(value))


@dataclass(frozen=True)
class Finding:
    """One record (or rule base term) that breaks one rule or one structural requirement."""

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
    version: Regulation | None = None  #: the version of the rules that judged the record, when several were given

    def key(self) -> tuple[str, str, str | None, str | None, str]:
        """What identifies a finding whatever the engine: shape, record, property, value, severity."""
        return (self.shape, self.focus.iri, self.path, self.value, self.severity)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def finding_order(finding: Finding) -> tuple[bool, str, str, str]:
    """Violations first, then by shape, record and value."""
    return (finding.severity != "violation", finding.shape, finding.focus.iri, finding.value or "")


@dataclass(frozen=True)
class Report:
    """The findings of one validation run, and what was validated."""

    findings: tuple[Finding, ...]
    engine: str
    jurisdiction: str
    files: tuple[str, ...] = field(default=())

    @classmethod
    def merged(cls, reports: Sequence[Report]) -> Report:
        """The reports of separate runs (``validate_each``) as one: each finding once, every file."""
        findings = {f.key(): f for r in reports for f in r.findings}
        files = dict.fromkeys(f for r in reports for f in r.files)
        first = reports[0]
        return cls(tuple(findings.values()), first.engine, first.jurisdiction, tuple(files))

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

    def by_version(self) -> list[tuple[Regulation | None, Report]]:
        """The findings per version of the rules that judged them, oldest first (one group, None, for one version)."""
        groups: dict[Regulation | None, list[Finding]] = defaultdict(list)
        for finding in self.findings:
            groups[finding.version].append(finding)
        order = sorted(groups, key=lambda v: (v is not None, v.in_force or "" if v else ""))
        return [(v, Report(tuple(groups[v]), self.engine, self.jurisdiction, self.files)) for v in order]

    def by_article(self) -> list[tuple[Citation | None, list[Finding]]]:
        """Findings grouped by the article they cite, in article order; structural ones last."""
        groups: dict[str | None, list[Finding]] = defaultdict(list)
        citations: dict[str | None, Citation | None] = {None: None}
        for finding in self.findings:
            iri = finding.article.article.iri if finding.article else None
            groups[iri].append(finding)
            citations[iri] = finding.article
        order = sorted(groups, key=lambda iri: article_order(citations[iri]))
        return [(citations[iri], sorted(groups[iri], key=finding_order)) for iri in order]

    def to_dict(self) -> dict[str, Any]:
        return {
            "conforms": self.conforms,
            "violations": len(self.violations),
            "warnings": len(self.warnings),
            "engine": self.engine,
            "jurisdiction": self.jurisdiction,
            "files": list(self.files),
            "findings": [f.to_dict() for f in sorted(self.findings, key=finding_order)],
        }

    def to_turtle(self) -> str:
        """The standard SHACL validation report; each result also carries gg:basis, the article."""
        return shacl_report(self).serialize(format="turtle")


def shacl_report(report: Report) -> rdflib.Graph:
    """The report as a SHACL validation report graph (``sh:ValidationReport``, one ``sh:ValidationResult`` a finding)."""
    import rdflib

    graph = rdflib.Graph()
    graph.bind("sh", rdflib.Namespace(SH))
    graph.bind("gg", rdflib.Namespace(GG))
    node = rdflib.BNode()
    graph.add((node, rdflib.RDF.type, rdflib.URIRef(SH + "ValidationReport")))
    graph.add((node, rdflib.URIRef(SH + "conforms"), rdflib.Literal(report.conforms)))
    for finding in sorted(report.findings, key=finding_order):
        result = rdflib.BNode()
        graph.add((node, rdflib.URIRef(SH + "result"), result))
        for predicate, obj in _result(finding):
            graph.add((result, rdflib.URIRef(predicate), obj))
    return graph


def _result(finding: Finding) -> list[tuple[str, rdflib.term.Node]]:
    """The triples of one sh:ValidationResult, as (predicate IRI, object)."""
    import rdflib

    severity = {name: iri for iri, name in SEVERITIES.items()}.get(finding.severity, SH + "Violation")
    result: list[tuple[str, rdflib.term.Node]] = [
        (RDF_TYPE, rdflib.URIRef(SH + "ValidationResult")),
        (SH + "focusNode", _term(finding.focus.iri)),
        (SH + "resultSeverity", rdflib.URIRef(severity)),
        (SH + "sourceShape", _term(finding.shape)),
        (SH + "sourceConstraintComponent", rdflib.URIRef(finding.component)),
    ]
    if finding.path:
        result.append((SH + "resultPath", rdflib.URIRef(finding.path)))
    if finding.value is not None:
        is_node = finding.value.startswith("_:") or looks_like_iri(finding.value)
        result.append((SH + "value", _term(finding.value) if is_node else rdflib.Literal(finding.value)))
    for lang in ("zh", "en"):
        if text := getattr(finding.message, lang):
            result.append((SH + "resultMessage", rdflib.Literal(text, lang=lang)))
    if finding.article:
        result.append((GG + "basis", rdflib.URIRef(finding.article.article.iri)))
    return result


def _term(iri: str) -> rdflib.term.Node:
    import rdflib

    return rdflib.BNode(iri[2:]) if iri.startswith("_:") else rdflib.URIRef(iri)


#: Findings of one shape shown before the rest are only counted (``cap_per_shape``).
FINDINGS_PER_SHAPE = 20


def cap_per_shape(findings: Sequence[Finding], limit: int = FINDINGS_PER_SHAPE) -> tuple[list[Finding], dict[str, int]]:
    """The first ``limit`` findings of each shape (violations first, in the report's order), and for each
    shape with more, how many were left out: a million broken records read as twenty and a count."""
    if limit < 1:
        raise ValueError(f"expected at least one finding per shape, not {limit!r}")
    shown: list[Finding] = []
    left_out: dict[str, int] = {}
    seen: dict[str, int] = defaultdict(int)
    for finding in sorted(findings, key=finding_order):
        seen[finding.shape] += 1
        if seen[finding.shape] <= limit:
            shown.append(finding)
        else:
            left_out[finding.shape] = left_out.get(finding.shape, 0) + 1
    return shown, left_out
