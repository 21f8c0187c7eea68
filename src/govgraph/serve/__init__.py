"""Serving the graph: a read-only SPARQL endpoint, and putting the graph where it is served."""
