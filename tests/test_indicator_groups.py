"""Performance indicators are grouped on a disclosure page by project, and never shown as 整体绩效 when they
come from a project table whose project name could not be read (the seeds' 达川 项目支出绩效目标表)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cnbudget.render.config import SiteConfig
from cnbudget.render.site import render_site

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


@pytest.fixture(scope="module")
def site(seed_packages: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("indicators") / "site"
    render_site(seed_packages, out, TEMPLATES, log=lambda _m: None, config=SiteConfig())
    return out


def _groups(page: Path) -> list[str]:
    html = page.read_text(encoding="utf-8")
    section = html[html.index('id="performance-indicators"') :]
    return re.findall(r'<tr class="group"><td class="text" colspan="7">([^<]*)</td></tr>', section)


def test_project_table_indicators_are_not_the_whole_units(site: Path) -> None:
    # 达川区委办公室 prints only a 部门项目支出绩效目标表 (45 indicators, no project name read): none is 整体绩效
    [page] = [p for p in (site / "disclosures").glob("*dachuan-cpc-committee-office*/index.html")]
    groups = _groups(page)
    assert groups == ["项目绩效（未能读出项目名称）：部门项目支出绩效目标表（2024年度）"]


def test_whole_unit_and_project_tables_are_told_apart(site: Path) -> None:
    # 信息公开服务中心 prints a 项目绩效目标申报表 and a 部门（单位）整体支出绩效目标申报表
    [page] = [p for p in (site / "disclosures").glob("*dachuan-government-information-disclosure-centre*/index.html")]
    groups = _groups(page)
    assert "整体绩效" in groups and any(g.startswith("项目绩效（未能读出项目名称）") for g in groups)


def test_named_projects_keep_their_names(site: Path) -> None:
    # 潼南区委办公室: 招商引资专项 and the other 专项 of its 绩效目标申报表, then its 整体绩效目标表
    [page] = [p for p in (site / "disclosures").glob("*tongnan-cpc-committee-office*/index.html")]
    groups = _groups(page)
    assert "招商引资专项" in groups and "整体绩效" in groups
