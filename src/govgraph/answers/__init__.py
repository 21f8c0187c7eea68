"""Answers to the analyst's questions: the loaded graph, its names, and answers that cite their article."""
