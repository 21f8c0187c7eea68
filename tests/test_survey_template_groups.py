"""survey quorum groups governments by the template post (tpl:) their quorum counts over, not by
each government's own post: a national store of thousands gives a few groups, not thousands."""

from __future__ import annotations

import pytest

from govgraph.answers.loading import open_library
from govgraph.answers.survey import survey
from govgraph.synth import jurisdictions as synth

TPL = "https://w3id.org/govgraph/template#"


@pytest.fixture(scope="module")
def counted_over_a_post(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    """Six synthetic governments whose executive meeting's quorum counts over one member post."""
    template = synth.Template.read()
    chosen = [i for i in range(200) if synth.mechanisms(template, i).quorum == "subset"][:6]
    folders = synth.generate(tmp_path_factory.mktemp("synth"), max(chosen) + 1, with_records=False)
    return survey(open_library([str(folders[i]) for i in chosen]), "quorum")


def test_governments_whose_quorum_counts_over_the_same_template_post_share_one_group(counted_over_a_post) -> None:  # noqa: ANN001
    groups = counted_over_a_post.groups()
    assert len(counted_over_a_post.rows) == 6 and len(groups) < 6
    for row in counted_over_a_post.rows:
        assert TPL in row.key and "/synth-" not in row.key  # the template's post, not the government's own


def test_the_group_is_said_in_the_template_s_words_with_each_government_s_article(counted_over_a_post) -> None:  # noqa: ANN001
    for row in counted_over_a_post.rows:
        if row.key.endswith(TPL + "DeputyHead"):
            assert row.text.en == "at least 1/2 (deputy head)" and row.text.zh == "1/2以上 (政府副职)"
        assert row.citations and row.citations[0].regulation.government == row.government
