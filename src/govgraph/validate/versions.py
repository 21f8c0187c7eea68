"""Judging each record by the version of the rules in force on its date (issue 10, item 5).

Given several versions of one government's working rules (``--rules <name>-2023 --rules
<name>-2016``), each record is validated against the version in force on the record's
day: a meeting's ``gg:heldAt``, a document's ``gg:signedAt`` (else ``gg:submittedAt``),
an approval's ``gg:approvedAt``, a post held's or conferral's ``gg:validFrom``… A part
of a dated record (an agenda item, minutes) takes
the day of the record that names it. A record dated when no version is in force is a
finding of its own, never a pass. Every finding names the version that judged it.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from .._core.cite import Named, Regulation, Text
from .._core.errors import GovGraphError
from .._core.terms import GG, GGSH, RDF_TYPE, SH
from .._core.words import text
from ..law import jurisdictions
from .report import Finding, Report

#: The property that dates each kind of record, first found first used.
DATED_BY = tuple(GG + name for name in (
    "heldAt", "signedAt", "submittedAt", "approvedAt", "performedAt", "sentAt", "eventAt",
    "shiftStart", "requestedAt", "askedAt", "validFrom"))
#: The shape a record dated when no version is in force is reported under.
NO_RULES_IN_FORCE = GGSH + "RulesInForce"


def record_days(files: Sequence[Path]) -> tuple[dict[str, str], set[str]]:
    """Each dated record (by IRI) and its day (ISO); the records a dated record names (its parts,
    returned too) take its day."""
    import rdflib

    graph = rdflib.Graph()
    for path in files:
        graph.parse(path, format="turtle")
    days: dict[str, str] = {}
    for prop in DATED_BY:
        for record, when in graph.subject_objects(rdflib.URIRef(prop)):
            if isinstance(record, rdflib.URIRef):
                days.setdefault(str(record), str(when)[:10])
    typed = {str(s) for s in graph.subjects(rdflib.URIRef(RDF_TYPE), None) if isinstance(s, rdflib.URIRef)}
    parts = set()
    for record, day in list(days.items()):
        for part in graph.objects(rdflib.URIRef(record), None):
            if isinstance(part, rdflib.URIRef) and str(part) in typed and str(part) not in days and _is_record_part(graph, part):
                days[str(part)] = day
                parts.add(str(part))
    return days, parts


def _is_record_part(graph, node) -> bool:
    """Whether ``node`` is typed as a record (a ``gg:…Record`` class): people and posts are not parts."""
    import rdflib

    return any(str(t).startswith(GG) and str(t).endswith("Record") for t in graph.objects(node, rdflib.URIRef(RDF_TYPE)))


def versions_of(rules: Sequence[str | Path]) -> list[tuple[jurisdictions.Jurisdiction, Regulation]]:
    """The versions given, each with its regulation (dates in force), oldest first."""
    from ..answers.loading import open_library

    library = open_library(list(rules))
    governments = {base.jurisdiction_key for base in library.rule_bases}
    if len(governments) > 1:
        raise GovGraphError(f"the rule bases given are of {len(governments)} governments ({', '.join(sorted(governments))}): "
                            "give versions of one government, and validate each government's records on their own")
    regulations = {base.name: base.regulation for base in library.rule_bases}
    chosen = [(j, regulations[j.name]) for j in jurisdictions.choose(list(rules))]
    return sorted(chosen, key=lambda pair: pair[1].in_force or "")


def versions_in_store(store: str, jurisdiction: str | None, folder: Path) -> list[tuple[jurisdictions.Jurisdiction, Regulation]]:
    """The versions of one government an on-disk store holds (``oxigraph:PATH``), with the dates the
    store's library knows, each version's graph written out under ``folder`` as a rule base of its own; oldest first."""
    import pyoxigraph as ox

    from ..answers.loading import open_library

    library = open_library(store=store)
    found = []
    for base in library.versions(jurisdiction):
        native = getattr(library.store, "native", None)
        if not isinstance(native, ox.Store):
            raise GovGraphError(f"{store}: versions in force are read from an Oxigraph store (oxigraph:PATH)")
        out = folder / base.name
        out.mkdir(parents=True, exist_ok=True)
        native.dump(out / "rules.ttl", ox.RdfFormat.TURTLE, from_graph=ox.NamedNode(base.graph))
        found.append((jurisdictions.find(out), base.regulation))
    return sorted(found, key=lambda pair: pair[1].in_force or "")


def judge_by_version(
    files: Sequence[Path],
    rules: Sequence[str | Path],
    run: Callable[[Sequence[Path], Path], Report],
) -> Report:
    """Validate ``files`` once per version; keep from each run the findings on records dated while it is in force.

    Undated records (a roster, a calendar) are judged by the newest version that judged any
    record. ``run(files, rule_base_folder)`` is one validation.
    """
    return judge_by(files, versions_of(rules), run)


def judge_by_version_in_store(
    files: Sequence[Path],
    store: str,
    run: Callable[[Sequence[Path], Path], Report],
    jurisdiction: str | None = None,
) -> Report:
    """As :func:`judge_by_version`, with the versions of one government an on-disk store holds
    (``jurisdiction`` names it when the store holds several)."""
    with tempfile.TemporaryDirectory(prefix="govgraph-versions-") as folder:
        return judge_by(files, versions_in_store(store, jurisdiction, Path(folder)), run)


def judge_by(
    files: Sequence[Path],
    versions: Sequence[tuple[jurisdictions.Jurisdiction, Regulation]],
    run: Callable[[Sequence[Path], Path], Report],
) -> Report:
    """Validate ``files`` by each of ``versions`` (oldest first), each record by the one in force on its day."""
    days, parts = record_days(files)
    judged_by = {iri: next((r for _, r in versions if r.in_force_on(day)), None) for iri, day in days.items()}
    findings: dict[tuple, Finding] = {}
    used = [(j, r) for j, r in versions if r in judged_by.values()] or list(versions[-1:])
    engine = "fast"
    for position, (juris, regulation) in enumerate(used):
        report = run(files, juris.folder)
        engine = report.engine
        newest = position == len(used) - 1
        for finding in report.findings:
            judge = judged_by.get(finding.focus.iri)
            if judge == regulation or (finding.focus.iri not in judged_by and newest):
                findings.setdefault(finding.key(), replace(finding, version=regulation))
    for iri, judge in judged_by.items():
        if judge is None and iri not in parts:  # a part is reported with its record
            finding = no_rules_in_force(iri, days[iri], versions)
            findings[finding.key()] = finding
    names = "+".join(j.name for j, _ in versions)
    return Report(tuple(findings.values()), engine, names, tuple(str(f) for f in files))


def no_rules_in_force(iri: str, day: str, versions: Sequence[tuple[jurisdictions.Jurisdiction, Regulation]]) -> Finding:
    """The finding for a record dated when none of the versions given is in force."""
    spans = "; ".join(f"{r.number or r.label('en')}: {r.in_force or '…'} – {r.until or '…'}" for _, r in versions)
    message: Text = text("validate_versions.no_rules_in_force", day=day, versions=spans)
    return Finding("violation", NO_RULES_IN_FORCE, SH + "SPARQLConstraintComponent", Named(iri), None, day, message, None)
