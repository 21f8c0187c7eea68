"""A Chinese figure is drawn even when matplotlib's font cache was written before the CJK font was installed."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path

# Run in a fresh interpreter whose matplotlib reads the stale cache in MPLCONFIGDIR.
DRAW = """
import json, sys
from matplotlib import font_manager
stale = not any("CJK" in f.name for f in font_manager.fontManager.ttflist)
import govgraph
from govgraph import export
g = govgraph.load()
fig = export.figure(g)
families = sorted({t.get_fontfamily()[0] for t in fig.axes[0].texts if "区长" in t.get_text()})
export.write(g, __import__("pathlib").Path(sys.argv[1]), "png")
print(json.dumps({"stale": stale, "families": families}))
"""


def _stale_cache(folder: Path) -> Path:
    """matplotlib's font list as a cache written before fonts-noto-cjk: every font but the CJK ones."""
    from matplotlib import font_manager

    stale = copy.copy(font_manager.fontManager)
    stale.ttflist = [f for f in font_manager.fontManager.ttflist if "CJK" not in f.name and "CJK" not in f.fname]
    path = folder / f"fontlist-v{font_manager.FontManager.__version__}.json"
    font_manager.json_dump(stale, path)
    return path


def test_a_chinese_figure_is_drawn_when_the_font_cache_predates_the_cjk_font_and_the_cache_is_mended(tmp_path: Path):
    config = tmp_path / "mplconfig"
    config.mkdir()
    cache = _stale_cache(config)
    assert "CJK" not in cache.read_text(encoding="utf-8")
    png = tmp_path / "authority.png"
    env = dict(os.environ, MPLCONFIGDIR=str(config), MPLBACKEND="Agg")
    run = subprocess.run([sys.executable, "-c", DRAW, str(png)], capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["stale"], "the subprocess read the stale cache"
    assert result["families"] and all("CJK" in family for family in result["families"])
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "Noto Sans CJK" in cache.read_text(encoding="utf-8"), "the rebuilt font list is cached for the next run"
