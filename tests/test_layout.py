"""One place for each thing: guards that keep questions in queries/, words in the words file,
jurisdictions in data/, and each rule under the heading of the article it rests on."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest
import rdflib
from rule_bases import rule_bases

from govgraph._core import words
from govgraph.law.articles import chinese_numeral

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "govgraph"
PYTHON = sorted(SRC.rglob("*.py"))
#: Modules still being moved into their stage's package (issue 9): they leave this list as they land.
PENDING: set[str] = set()

QUESTION = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b[^\"]*?\bWHERE\s*\{")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
JURISDICTION_IRI = re.compile(r"w3id\.org/govgraph/id/")
GG = rdflib.Namespace("https://w3id.org/govgraph/ontology#")


def relative(path: Path) -> str:
    return path.relative_to(SRC).as_posix()


def strings(path: Path) -> list[tuple[int, str]]:
    """Every string the module computes with (docstrings aside), f-strings with their literal parts joined."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    documented = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    docstrings = {id(n.body[0].value) for n in ast.walk(tree) if isinstance(n, documented) and ast.get_docstring(n) is not None}
    found = []
    for node in ast.walk(tree):
        if id(node) in docstrings:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.append((node.lineno, node.value))
        elif isinstance(node, ast.JoinedStr):
            found.append((node.lineno, "".join(v.value for v in node.values if isinstance(v, ast.Constant))))
    return found


@pytest.mark.parametrize("path", PYTHON, ids=relative)
def test_no_python_module_asks_sparql_questions_of_its_own(path: Path) -> None:
    """Questions live in queries/*.rq; only a module whose name says it compiles writes SPARQL."""
    if "compile" in path.stem or relative(path) in PENDING:
        pytest.skip("the SHACL compiler writes SPARQL by design" if "compile" in path.stem else "pending")
    asked = [(line, text[:60]) for line, text in strings(path) if QUESTION.search(text)]
    assert asked == []


@pytest.mark.parametrize("path", sorted(p for p in SRC.rglob("*") if p.is_file() and p.suffix in {".py", ".js", ".html", ".css", ".toml"}), ids=relative)
def test_no_chinese_text_outside_the_words_file_and_the_law_package(path: Path) -> None:
    """Words the program prints are in _core/words.toml; labels come from the rule base; law/ reads Chinese law."""
    if path.name == "words.toml" or relative(path).startswith("law/") or relative(path) in PENDING:
        pytest.skip("allowed here" if relative(path) not in PENDING else "pending")
    text = path.read_text(encoding="utf-8")
    lines = [n for n, line in enumerate(text.splitlines(), 1) if CJK.search(line)]
    assert lines == []


@pytest.mark.parametrize("path", sorted(p for p in SRC.rglob("*") if p.is_file() and p.suffix in {".py", ".js", ".html", ".toml"}), ids=relative)
def test_no_module_names_a_jurisdictions_resource(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert not JURISDICTION_IRI.search(text)


def test_every_word_has_chinese_and_english() -> None:
    entries = words.table()
    assert entries
    incomplete = [key for key, entry in entries.items() if set(entry) != {"zh", "en"} or not all(entry.values())]
    assert incomplete == []


def test_every_word_the_code_asks_for_is_in_the_words_file() -> None:
    asked = set()
    for path in PYTHON:
        asked |= set(re.findall(r"\b(?:word|text)\(\s*\"([a-z_]+\.[a-z_\-]+)\"", path.read_text(encoding="utf-8")))
    assert asked, "the code asks for words"
    assert sorted(asked - set(words.table())) == []


# ── a rule base keeps one block per article, under its heading ───────────────────

HEADING = re.compile(r"^# ── 第(\S+?)条")
SUBJECT = re.compile(r"^([A-Za-z][\w-]*:[\w.-]+)\s")


def blocks_by_heading(path: Path) -> dict[str, str]:
    """Each subject that starts a block in the file → the number of the article heading above it."""
    placed, current = {}, None
    for line in path.read_text(encoding="utf-8").splitlines():
        if heading := HEADING.match(line):
            current = str(chinese_numeral(heading.group(1)))
        elif (subject := SUBJECT.match(line)) and current is not None:
            placed[subject.group(1)] = current
    return placed


RULE_FILES = [(base, base.folder / "rules.ttl") for base in rule_bases() if (base.folder / "rules.ttl").is_file()]


@pytest.mark.parametrize(("base", "path"), RULE_FILES, ids=[base.name for base, _ in RULE_FILES])
def test_every_rule_sits_under_the_heading_of_the_article_it_rests_on(base, path: Path) -> None:  # noqa: ANN001
    placed = blocks_by_heading(path)
    if not placed:
        pytest.skip(f"{base.name}'s rules.ttl has no article headings")
    graph = rdflib.Graph().parse(path, format="turtle")
    number = {a: str(n) for a, n in rdflib.Graph().parse(base.folder / "articles.ttl").subject_objects(
        rdflib.URIRef("http://data.europa.eu/eli/ontology#number"))}
    misplaced = []
    for curie, heading in placed.items():
        subject = graph.namespace_manager.expand_curie(curie)
        for article in graph.objects(subject, GG.basis):
            if number.get(article) != heading:
                misplaced.append((curie, f"under article {heading}", f"rests on article {number.get(article)}"))
    assert misplaced == []


PRINCIPLE_FILES = [base for base in rule_bases() if (base.folder / "principles.ttl").is_file() and (base.folder / "rules.ttl").is_file()]


@pytest.mark.parametrize("base", PRINCIPLE_FILES, ids=[base.name for base in PRINCIPLE_FILES])
def test_no_article_is_both_ruled_and_recorded_as_a_principle(base) -> None:  # noqa: ANN001
    rules = rdflib.Graph().parse(base.folder / "rules.ttl")
    principles = rdflib.Graph().parse(base.folder / "principles.ttl")
    ruled = set(rules.objects(None, GG.basis))
    only_principles = {a for s, a in principles.subject_objects(GG.basis) if (s, rdflib.RDF.type, GG.Principle) in principles}
    assert sorted(ruled & only_principles) == []


def test_the_catalog_names_a_rule_base_it_carries() -> None:
    catalog = tomllib.loads((ROOT / "data" / "catalog.toml").read_text(encoding="utf-8"))
    assert (ROOT / "data" / catalog["default"]).is_dir()
