"""Opening a store lists its rule bases with a fixed number of questions, however many
governments it holds (a national store of thousands opens in seconds, not minutes), and
names each version's regulation, government, level and superior as before."""

from __future__ import annotations

from pathlib import Path

from govgraph._core.stores import Store
from govgraph.answers.library import Library
from govgraph.answers.loading import open_library

FIXTURES = Path(__file__).with_name("fixtures")
MANY = ["hongqiao-2023", *(str(FIXTURES / name) for name in ("hongqiao-2016", "made-up-city", "made-up-county", "made-up-province"))]


class Counting:
    """A store that counts the questions asked of it."""

    def __init__(self, store: Store) -> None:
        self.store, self.asked = store, 0

    def select(self, *args, **kwargs):  # noqa: ANN002, ANN003, ANN201
        self.asked += 1
        return self.store.select(*args, **kwargs)

    def __getattr__(self, name: str):  # noqa: ANN204
        return getattr(self.store, name)


def asked_to_list(rules: list[str]) -> int:
    held = open_library(rules)
    counting = Counting(held.store)
    assert Library(counting, held.ontology).rule_bases
    return counting.asked


def test_listing_five_rule_bases_asks_the_store_as_many_questions_as_listing_one():
    assert asked_to_list(MANY) == asked_to_list(["hongqiao-2023"]) == 2


def test_each_version_is_named_by_its_own_graph_and_its_level_by_the_ontology():
    bases = {b.name: b for b in open_library(MANY).rule_bases}
    assert bases["made-up-county"].government.label("zh") == "示例山县人民政府"
    assert bases["hongqiao-2016"].regulation.regulation.label("en").endswith("(2016, MADE UP for tests)")
    assert bases["hongqiao-2023"].regulation.regulation.label("zh") == "天津市红桥区人民政府工作规则"
    assert (bases["made-up-province"].level.zh, bases["made-up-province"].level.en) == ("省级", "provincial")
    assert (bases["hongqiao-2023"].superior.zh, bases["hongqiao-2023"].superior.en) == ("市政府", "Municipal Government")
