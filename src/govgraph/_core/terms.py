"""Every namespace and IRI constant Python refers to: one place, so no module writes its own.

They are terms of the govgraph ontology and of the vocabularies it reuses, the same in
every jurisdiction. A jurisdiction's posts, organs, thresholds and articles are never
named here: they are in its rule base.
"""

from __future__ import annotations

# ── namespaces ──────────────────────────────────────────────────────────────────
GG = "https://w3id.org/govgraph/ontology#"
ORG = "http://www.w3.org/ns/org#"
ELI = "http://data.europa.eu/eli/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SH = "http://www.w3.org/ns/shacl#"
TIME = "http://www.w3.org/2006/time#"

TPL = "https://w3id.org/govgraph/template#"
#: govgraph's shapes (shapes/*.ttl): a finding names the shape it breaks.
GGSH = "https://w3id.org/govgraph/shapes#"
PROV = "http://www.w3.org/ns/prov#"
ODRL = "http://www.w3.org/ns/odrl/2/"
DCTERMS = "http://purl.org/dc/terms/"
VANN = "http://purl.org/vocab/vann/"
SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"

#: The prefixes of the vocabularies govgraph reuses, for reading CURIEs (rule bases and
#: govgraph's own vocabularies declare theirs in their data, with VANN).
PREFIXES = {"org": ORG, "eli": ELI, "skos": SKOS, "rdf": RDF, "rdfs": RDFS, "owl": OWL, "xsd": XSD, "sh": SH,
            "time": TIME, "prov": PROV, "odrl": ODRL, "dcterms": DCTERMS, "vann": VANN}

#: Where govgraph names the graphs it loads into a store or an endpoint.
GRAPH_BASE = "https://w3id.org/govgraph/graph/"
ONTOLOGY_GRAPH = GRAPH_BASE + "ontology"
RECORDS_GRAPH_BASE = GRAPH_BASE + "records/"

# ── single terms ────────────────────────────────────────────────────────────────
RDF_TYPE = RDF + "type"
RDFS_LABEL = RDFS + "label"
RDFS_SUBCLASS_OF = RDFS + "subClassOf"
OWL_CLASS = OWL + "Class"
#: The kinds of property an ontology declares: a name they share with a rule base's term names the term.
PROPERTY_CLASSES = (RDF + "Property", OWL + "ObjectProperty", OWL + "DatatypeProperty", OWL + "AnnotationProperty")
XSD_STRING = XSD + "string"
XSD_DECIMAL = XSD + "decimal"
TIME_INTERVAL = TIME + "Interval"

#: The length of absence that a rule needing "for a longer period" asks for, and its opposite.
LONGER_PERIOD = GG + "LongerPeriod"
SHORTER_PERIOD = GG + "ShorterPeriod"
BY_RULE = GG + "ByRule"

#: What a name given on the command line may stand for, by the class its term belongs to.
KINDS: dict[str, str | None] = {
    "term": None,
    "act": GG + "Act",
    "post": ORG + "Post",
    "organ": ORG + "Organization",
    "meeting": GG + "MeetingType",
    "document": GG + "DocumentKind",
    "matter": GG + "MatterKind",
    "reason": GG + "AbsenceReason",
    "duration": GG + "AbsenceDuration",
    "agenda": GG + "AgendaKind",
}
