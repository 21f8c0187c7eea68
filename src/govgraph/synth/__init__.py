"""Synthetic jurisdictions and records on a real rule base's template: for scale tests and benchmarks."""
