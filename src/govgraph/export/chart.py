"""A survey as a chart (matplotlib): one bar per government for a number (a threshold, a
quorum's fraction) while they are few, a histogram when they are many; for a kind of thing
(who the members are, how the head is acted for), how many governments say each.

Chinese is drawn with the Noto Sans CJK font the authority figure uses (``figure.cjk_font``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._core.errors import GovGraphError
from .._core.words import word

if TYPE_CHECKING:
    from ..answers.survey import Survey

#: Up to this many governments, a number is drawn one bar each; beyond, as a histogram.
BARS_UP_TO = 40
FORMATS = {".png": "png", ".svg": "svg"}


def write_survey_chart(survey: Survey, path: Path, *, lang: str = "zh") -> Path:
    """Draw ``survey`` into ``path`` (.png or .svg)."""
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise GovGraphError(f"{path}: expected a chart file ending in .png or .svg")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from .figure import cjk_font

    family = [cjk_font(), "DejaVu Sans"] if lang == "zh" else ["DejaVu Sans"]
    with plt.rc_context({"font.family": family, "svg.fonttype": "path"}):
        fig, axes = plt.subplots(figsize=(9, max(3.0, 0.35 * _bars(survey) + 1.5)))
        if survey.numeric:
            _numbers(axes, survey, lang)
        else:
            _kinds(axes, survey, lang)
        axes.set_title(word("compare.survey_title", lang, feature=survey.question.label(lang)), fontsize=11, loc="left", wrap=True)
        fig.tight_layout()
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path, format=fmt, dpi=150)
        plt.close(fig)
    return path


def _bars(survey: Survey) -> int:
    if survey.numeric:
        return len(survey.rows) if len(survey.rows) <= BARS_UP_TO else 10
    return len(survey.groups())


def _numbers(axes: Any, survey: Survey, lang: str) -> None:
    drawn = [row for row in survey.rows if row.amount is not None]
    if len(survey.rows) <= BARS_UP_TO:
        names = [row.government.label(lang) for row in drawn]
        axes.barh(names, [row.amount for row in drawn], color="#4c78a8")
        axes.invert_yaxis()
        axes.set_xlabel(word("compare.value", lang))
    else:
        axes.hist([row.amount for row in drawn], bins=20, color="#4c78a8")
        axes.set_xlabel(word("compare.value", lang))
        axes.set_ylabel(word("compare.governments", lang))
    missing = len(survey.rows) - len(drawn)
    if missing:
        axes.annotate(word("compare.not_set", lang, count=missing), xy=(1, 0), xycoords="axes fraction",
                      ha="right", va="bottom", fontsize=8)


def _kinds(axes: Any, survey: Survey, lang: str) -> None:
    said = {row.key: row.text.label(lang) or word("compare.none", lang) for row in survey.rows}
    counts = survey.groups().most_common()
    axes.barh([_wrap(said[key]) for key, _ in counts], [count for _, count in counts], color="#4c78a8")
    axes.invert_yaxis()
    axes.set_xlabel(word("compare.governments", lang))
    axes.xaxis.get_major_locator().set_params(integer=True)


def _wrap(text: str, width: int = 48) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
