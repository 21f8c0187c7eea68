"""govgraph's private core: terms, words, citations, stores, binding, files and named queries.

Every stage (law, answers, authority, validate, export, serve, synth, cli) builds on it;
nothing here knows a jurisdiction.
"""
