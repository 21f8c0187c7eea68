"""A rule base as logic: HermiT (through owlready2, on Java) on the ontology and one rule base.

``govgraph check`` asks whether the rule base is well formed (SHACL); this asks whether it
is consistent OWL 2 DL with no unsatisfiable class. When it is not, the reasoner only says
so: the explanation is asked of the graph (``queries/disjoint-types.rq``: resources typed
with two classes the ontology declares disjoint, with the article each rests on).
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .._core.cite import Citation, Named
from .._core.errors import GovGraphError
from .._core.terms import OWL
from ..law import jurisdictions
from .loading import Rules, load

INSTALL = "pip install 'govgraph[reason]'"
OWL_NOTHING = f"{OWL}Nothing"  # unsatisfiable by definition: not a finding


@dataclass(frozen=True)
class Clash:
    """A resource typed with two disjoint classes, and the article it rests on (if any)."""

    resource: Named
    first: Named
    second: Named
    basis: Citation | None


@dataclass(frozen=True)
class Reasoning:
    """What HermiT found for one rule base with the ontology."""

    rule_base: str
    consistent: bool
    unsatisfiable: tuple[Named, ...]  #: classes no individual can belong to
    clashes: tuple[Clash, ...]  #: why it is inconsistent, when the graph can tell
    reasoner_message: str | None  #: the reasoner's own words when it is inconsistent

    @property
    def holds(self) -> bool:
        return self.consistent and not self.unsatisfiable

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "holds": self.holds}


def reason(rules: Rules = None) -> list[Reasoning]:
    """Run HermiT on the ontology with each rule base ``rules`` names (the default one if None)."""
    owlready2 = _owlready2()
    return [_reason_one(owlready2, base) for base in jurisdictions.choose(rules)]


def _reason_one(owlready2: Any, base: jurisdictions.Jurisdiction) -> Reasoning:
    graph = load(base.folder)
    with tempfile.TemporaryDirectory(prefix="govgraph-reason-") as folder:
        merged = Path(folder) / "merged.nt"
        _write_ntriples([*jurisdictions.ontology_files(), *base.files()], merged)
        world = owlready2.World()
        ontology = world.get_ontology(merged.as_uri()).load()
        try:
            with ontology:
                owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError as exc:
            clashes = tuple(
                Clash(graph.cite.required(row, "resource"), graph.cite.required(row, "first"),
                      graph.cite.required(row, "second"), graph.cite.optional_citation(row))
                for row in graph.select("disjoint-types")
            )
            return Reasoning(base.name, False, (), clashes, _first_line(str(exc)) or type(exc).__name__)
        except owlready2.OwlReadyJavaError as exc:
            raise GovGraphError(f"HermiT failed on {base.name}: {_first_line(str(exc))}") from None
        unsatisfiable = tuple(
            graph.cite.named(cls.iri) for cls in world.inconsistent_classes() if getattr(cls, "iri", None) not in (None, OWL_NOTHING)
        )
    return Reasoning(base.name, True, unsatisfiable, (), None)


def _owlready2() -> Any:
    try:
        import owlready2
    except ImportError:
        raise GovGraphError(f"reasoning needs owlready2: {INSTALL}") from None
    if shutil.which(owlready2.JAVA_EXE) is None and shutil.which("java") is None:
        raise GovGraphError("HermiT needs Java: install a Java runtime (e.g. apt install default-jre-headless)")
    return owlready2


def _write_ntriples(files: list[Path], target: Path) -> None:
    """owlready2 reads N-Triples reliably; the rule bases are Turtle."""
    import rdflib

    merged = rdflib.Graph()
    for path in files:
        merged.parse(path)
    merged.serialize(target, format="nt", encoding="utf-8")


def _first_line(message: str) -> str:
    return next((line.strip() for line in message.splitlines() if line.strip()), message)[:300]
