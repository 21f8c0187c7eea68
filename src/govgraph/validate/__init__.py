"""Validate a government's records against its rules: SHACL shapes, findings that cite the article.

>>> from govgraph.validate import validate
>>> report = validate(["records/"])                                 # doctest: +SKIP
>>> [(f.article.number, f.message.en) for f in report.violations]   # doctest: +SKIP

The shapes (``shapes/*.ttl``) say what must hold; the rule base says the thresholds,
posts and deadlines; this package only loads the files, runs the shapes and explains
each result with the article of the rule it broke:

- :mod:`.shapes`: the shapes, parsed once, and the plan the fast engine runs;
- :mod:`.compile`: the plan as SPARQL (the one module here that writes SPARQL);
- :mod:`.fast`: the fast engine, over any store; :mod:`.reference`: pySHACL;
- :mod:`.explain`: rows → findings with their citation; :mod:`.report`: Finding, Report;
- :mod:`.run`: validate, validate_each, and the rule base's own checks (``govgraph check``).
"""

from __future__ import annotations

from .report import Finding, Report
from .run import ENGINES, check_rule_base, data_files, open_data, validate, validate_each
from .shapes import NodeShape, PropertyConstraint, Shapes, SparqlConstraint, load_shapes, rule_base_shapes, shapes_files

__all__ = [
    "ENGINES",
    "Finding",
    "NodeShape",
    "PropertyConstraint",
    "Report",
    "Shapes",
    "SparqlConstraint",
    "check_rule_base",
    "data_files",
    "load_shapes",
    "open_data",
    "rule_base_shapes",
    "shapes_files",
    "validate",
    "validate_each",
]
