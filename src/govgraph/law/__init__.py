"""The law as govgraph reads it: a regulation's text into articles, and the rule bases on disk."""
