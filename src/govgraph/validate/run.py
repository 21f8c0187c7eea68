"""Running a validation: load the records with the rule base, run the shapes, explain the rows.

Two engines give the same findings: ``"fast"`` (the shapes compiled to SPARQL, run once
over all records; :mod:`govgraph.validate.fast`) and ``"pyshacl"`` (the reference,
slow on large data; :mod:`govgraph.validate.reference`). The rule base's own integrity
shapes (``shapes/rule-base.ttl``) run with the records, and alone over any store for
``govgraph check`` (:func:`check_rule_base`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from .._core import files as rdf
from .._core.cite import Text
from .._core.errors import GovGraphError
from .._core.stores import OxigraphStore, Store
from .._core.words import text
from ..law import jurisdictions
from . import fast, reference
from .explain import explain
from .report import Finding, Report
from .screen import load_records
from .shapes import load_shapes, rule_base_shapes
from .versions import judge_by_version, judge_by_version_in_store

ENGINES = ("fast", "pyshacl")


def data_files(paths: Iterable[str | Path]) -> list[Path]:
    """The RDF files named, a folder standing for the RDF files directly in it."""
    return rdf.rdf_files(paths, what="records (Turtle)")


def open_data(files: Sequence[Path], rules: str | Path | None = None) -> tuple[OxigraphStore, jurisdictions.Jurisdiction]:
    """An Oxigraph store holding the ontology, the rule base and the records (only read), no record stating a rule."""
    juris = jurisdictions.find(rules)
    store = OxigraphStore()
    for path in [*jurisdictions.ontology_files(), *juris.files()]:
        store.load(Path(path))
    load_records(store, files)
    return store, juris


def validate(
    data: Iterable[str | Path],
    rules: str | Path | Sequence[str | Path] | None = None,
    *,
    engine: str = "fast",
    shapes: str | Path | None = None,
    progress: Callable[[Text], None] | None = None,
    store: str | None = None,
    jurisdiction: str | None = None,
) -> Report:
    """Validate the records in ``data`` (files or folders) against the rule base ``rules``.

    ``engine`` is "fast" (Oxigraph) or "pyshacl" (the reference); both report the same
    findings. Several versions of one government's rules (a list, or the versions an on-disk
    ``store`` such as ``"oxigraph:PATH"`` holds, of the government ``jurisdiction`` names if it
    holds several) judge each record by the version in force on its date (:mod:`.versions`);
    each finding names its version. ``progress``, if given, is told each step (a text in zh
    and en) before it starts. Raises :class:`InputError` (file, line, what was expected) for
    unreadable input.
    """
    if engine not in ENGINES:
        raise GovGraphError(f"unknown engine {engine!r}: expected one of {', '.join(ENGINES)}")
    if store is not None:
        if rules:
            raise GovGraphError("give the rules either as --rules or as --store, not both")
        return judge_by_version_in_store(data_files(data), store, lambda files, folder: validate(
            files, folder, engine=engine, shapes=shapes, progress=progress), jurisdiction)
    if isinstance(rules, (list, tuple)):
        if len(rules) > 1:
            return judge_by_version(data_files(data), rules, lambda files, folder: validate(
                files, folder, engine=engine, shapes=shapes, progress=progress))
        rules = rules[0] if rules else None
    say = progress or (lambda _step: None)
    files = data_files(data)
    say(text("validate.loading_shapes"))
    plan = load_shapes(shapes)
    say(text("validate.loading_files", files=len(files)))
    store, juris = open_data(files, rules)
    say(text("validate.running"))
    if engine == "pyshacl":
        rows = reference.run(store, plan)
    else:
        rows = fast.run(store, plan, progress=lambda done, total: say(text("validate.constraint", done=done, total=total)))
    say(text("validate.explaining"))
    return Report(tuple(meaningful(explain(store, rows))), engine, juris.name, tuple(str(f) for f in files))


def meaningful(findings: Sequence[Finding]) -> list[Finding]:
    """The findings without the rule findings a structural finding on the same record makes meaningless.

    A record whose time is not a time, or whose amount is not an amount, is reported for
    that, with the fix; what the rules would say of its wrong value is left out.
    """
    broken = {f.focus.iri for f in findings if f.article is None and f.severity == "violation"}
    return [f for f in findings if f.article is None or f.focus.iri not in broken]


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
    from concurrent.futures.process import BrokenProcessPool

    if len(groups) <= 1 or processes == 1:
        return [validate(group, rules, engine=engine) for group in groups]
    with ProcessPoolExecutor(max_workers=processes or os.cpu_count() or 1) as pool:
        futures = [pool.submit(_validate_group, list(map(str, group)), rules, engine) for group in groups]
        try:
            return [future.result() for future in futures]
        except BrokenProcessPool:
            # A worker killed (out of memory, a signal) leaves no report for its group: fail closed, for all.
            unfinished = [", ".join(map(str, group)) for group, future in zip(groups, futures, strict=True)
                          if not future.done() or future.exception() is not None]
            raise GovGraphError(f"a process validating {'; '.join(unfinished)} stopped before it finished (out of memory?): "
                                "no report is given; validate that group on its own to see why") from None


def _validate_group(group: list[str], rules: str | Path | None, engine: str) -> Report:
    return validate(group, rules, engine=engine)


def check_rule_base(store: Store) -> list[Finding]:
    """The findings of the rule base's integrity shapes over ``store`` (any store), fast engine."""
    return explain(store, fast.run(store, rule_base_shapes()))
