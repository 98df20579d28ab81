"""The unit's own name is spelt one way throughout the document."""

from __future__ import annotations

from cnbudget.checks.base import Checker
from cnbudget.checks.unit_name import check_unit_name_spelt_alike
from cnbudget.model import BlockSummary, Disclosure, Evidence, Statement

from .conftest import chinese


def results(prose: str, titles: tuple[str, ...] = ("苏州市自然资源和规划局一般公共预算支出表",)) -> list[dict[str, object]]:
    meta = {"disclosure_id": "x", "fiscal_year": 2026, "unit_name": "苏州市自然资源和规划局", "province": "江苏省", "city": "苏州市"}
    blocks = [BlockSummary("function", t, t, 9, 10, "万元") for t in titles]
    statements = [Statement("", 0, "万元", None, 0, page=1), Statement("", 0, "万元", None, 40, page=2)]
    c = Checker(Disclosure(meta, evidence=Evidence(prose=prose, blocks=blocks, statements=statements)))
    check_unit_name_spelt_alike(c)
    assert all(chinese(str(r["detail"])) for r in c.out)
    return c.out


def test_the_name_with_another_conjunction_fails() -> None:
    prose = "苏州市自然资源和规划局2026年部门预算情况说明。一、部门职责……市自然资源与规划局主要职责是"
    (row,) = results(prose)
    assert (row["check_id"], row["status"], row["expected"], row["actual"], row["subject"]) == ("unit-name-consistent", "fail", "自然资源和规划局", "自然资源与规划局", "自然资源与规划局")
    assert "本单位名称在文字说明（第1页）写作“自然资源和规划局”，文字说明（第1页）却写作“自然资源与规划局”" in str(row["detail"]) and "“和”写作“与”" in str(row["detail"])


def test_the_name_without_its_region_is_the_same_name() -> None:
    assert results("苏州市自然资源和规划局2026年部门预算。市自然资源和规划局主要职责；自然资源和规划局内设机构") == []


def test_a_name_that_joins_no_words_is_not_looked_for() -> None:
    c = Checker(Disclosure({"disclosure_id": "x", "unit_name": "苏州市审计局", "city": "苏州市"}, evidence=Evidence(prose="苏州市审计局与市财政局")))
    check_unit_name_spelt_alike(c)
    assert c.out == []
