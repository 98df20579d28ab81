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


def test_quality_page_lists_a_disclosures_mismatches_before_its_rounding_differences(seed_packages: Path, tmp_path: Path) -> None:
    render_site(seed_packages, tmp_path / "site", TEMPLATES, log=lambda _: None)
    html = (tmp_path / "site" / "quality" / "index.html").read_text(encoding="utf-8")
    # 达川区政府信息公开服务中心 (sources/003): 卫生健康 2.87 against 2.78 in the prose is a mismatch,
    # 人员经费 66.45 against its items' 66.44 a rounding difference
    section = html[html.index('id="sichuan-dazhou-dachuan-government-information-disclosure-centre') :]
    section = section[: section.index("</table>")]
    severities = re.findall(r"<td>(不符|尾差)</td>", section)
    assert "不符" in severities and "尾差" in severities
    assert severities == sorted(severities, key=lambda s: s == "尾差")
    assert '<code>function-prose-agrees</code></span></td><td>不符</td><td class="num">2.87</td><td class="num">2.78</td>' in section
