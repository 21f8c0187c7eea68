"""The few ontology terms Python refers to by IRI: namespaces and the classes of kinds of name.

They are terms of the govgraph ontology and the vocabularies it reuses, the same in
every jurisdiction. A jurisdiction's posts, organs, thresholds and articles are never
named here: they are in its rule base.
"""

from __future__ import annotations

GG = "https://w3id.org/govgraph/ontology#"
ORG = "http://www.w3.org/ns/org#"
ELI = "http://data.europa.eu/eli/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL_CLASS = "http://www.w3.org/2002/07/owl#Class"

#: What a name given on the command line may stand for, by the class its term belongs to.
KINDS: dict[str, str | None] = {
    "term": None,
    "act": GG + "Act",
    "post": ORG + "Post",
    "meeting": GG + "MeetingType",
    "document": GG + "DocumentKind",
    "matter": GG + "MatterKind",
    "reason": GG + "AbsenceReason",
    "duration": GG + "AbsenceDuration",
    "agenda": GG + "AgendaKind",
}

#: The length of absence that a rule needing "for a longer period" asks for, and its opposite.
LONGER_PERIOD = GG + "LongerPeriod"
SHORTER_PERIOD = GG + "ShorterPeriod"
BY_RULE = GG + "ByRule"
