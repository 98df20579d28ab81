"""The site-wide quality report lists disclosures by the contradictions their checks found."""

from __future__ import annotations

import re
from pathlib import Path

from cnbudget.render.site import render_site

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


def test_quality_page_ranks_disclosures_and_shows_both_figures(seed_packages: Path, tmp_path: Path) -> None:
    render_site(seed_packages, tmp_path / "site", TEMPLATES, log=lambda _: None)
    html = (tmp_path / "site" / "quality" / "index.html").read_text(encoding="utf-8")
    # 潼南 prints 1387.31 in its prose and 1387.32 in its table (read by hand from sources/004)
    assert "1387.32" in html and "1387.31" in html
    # every disclosure is listed, each linking to its checks
    assert html.count("/#checks") >= 5
    # ranked by real mismatches, most first
    ranking = html[html.index("<tbody>") : html.index("</tbody>")]
    rows = re.findall(r"<tr>(.*?)</tr>", ranking, re.DOTALL)
    mismatches = [int(re.findall(r'<td class="num">(\d+)</td>', row)[1]) for row in rows]
    assert len(rows) == 5 and mismatches == sorted(mismatches, reverse=True)
