"""The 目录 against the document."""

from __future__ import annotations

from cnbudget.checks.contents import check_contents
from cnbudget.model import BlockSummary, Evidence

from .conftest import outcomes, run

TOC = "苏州市审计局2026年度部门预算公开目录第一部分部门概况一、主要职能第二部分2026年度部门预算表一、收支总表二、收入总表三、政府采购支出表第三部分情况说明"
BODY = "第一部分部门概况一、主要职能（一）主管全市审计工作。"


def blocks(*titles: str) -> list[BlockSummary]:
    return [BlockSummary("summary", t, t, 9 + i, 10, "万元") for i, t in enumerate(titles)]


def test_every_listed_table_printed_or_explained_passes_once() -> None:
    ev = Evidence(prose=TOC + BODY, blocks=blocks("2026年收支总表", "收入总表", "支出总表"), empty_explained=["注：本部门无政府采购，故政府采购支出表无数据。"])
    assert outcomes(run(check_contents, evidence=ev)) == [("pass", None, None)]


def test_a_listed_table_neither_printed_nor_explained_fails() -> None:
    ev = Evidence(prose=TOC + BODY, blocks=blocks("收支总表", "收入总表", "支出总表"))
    (row,) = run(check_contents, evidence=ev)
    assert (row["check_id"], row["status"], row["subject"], row["expected"]) == ("contents-table-printed", "fail", "政府采购支出表", "政府采购支出表")
    assert "“三、政府采购支出表”" in row["detail"]


def test_tables_published_in_another_file_are_not_looked_for() -> None:
    assert run(check_contents, evidence=Evidence(prose=TOC + BODY)) == []


def test_an_entry_with_no_title_fails() -> None:
    prose = "目录第一部分部门概况4一、主要职能4二、5三、机构设置6第二部分情况说明7" + BODY
    (row,) = run(check_contents, evidence=Evidence(prose=prose))
    assert (row["check_id"], row["status"], row["actual"]) == ("contents-entry-titled", "fail", "二、")
    assert "条目“二、”没有标题" in row["detail"]
