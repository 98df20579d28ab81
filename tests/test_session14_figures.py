"""Figures the development sets' published pages still missed (benchmarks/RESULTS.md, session 14), read by kind (issue 13).

Invented inputs in the style of the pages, names and amounts changed; expected values worked by hand in the comments.
"""

from __future__ import annotations

from decimal import Decimal as D

from .conftest import narrative_figures


def _totals(text: str, year: int = 2024) -> dict[tuple[str, str, str], object]:
    return {k: v for k, v in narrative_figures(text, year=year).items() if k[0] == "totals"}


# 1. 广西's 2024 unit-budget template: “2024年单位预算总收入 X 元，明细如下：1.一般公共预算拨款 X 元…；(1)经费拨款 X 元…”.
#    明细如下 opens the list of the 总收入's parts as 其中 does; the items numbered (1), (2) under a part numbered 1. are
#    that part's breakdown. The parts, all the year's own, add up to the whole: it is the year's revenue as well.


def test_a_list_opened_by_明细如下_gives_the_parts_of_the_whole() -> None:
    # 420000.00 + 80000.00 = 500000.00 元 = 50 万元
    text = "2024年单位预算总收入500000.00元,明细如下:1.一般公共预算拨款420000.00元,比上年减少1000.00元;2.事业收入80000.00元,与上年持平。"
    assert _totals(text) == {("totals", "revenue_total", "approved"): D("50.000000"), ("totals", "revenue_current_year", "approved"): D("50.000000")}
    # counter-case: parts that do not add up to the whole (a part missing from the copy) leave the whole the 收入总计 alone
    text = "2024年单位预算总收入500000.00元,明细如下:1.一般公共预算拨款420000.00元,比上年减少1000.00元。"
    assert _totals(text) == {("totals", "revenue_total", "approved"): D("50.000000")}


def test_items_numbered_under_a_numbered_part_are_its_breakdown_not_another_part() -> None:
    # 1.一般公共预算拨款 848105.90 and its (1)经费拨款 848105.90: one part, 84.810590 万元, the whole
    text = "2024年单位预算总收入848105.90元,明细如下:1.一般公共预算拨款848105.90元,比上年减少71007.04元,下降7.73%;(1)经费拨款848105.90元,同比减少71007.04元。"
    assert _totals(text)[("totals", "revenue_current_year", "approved")] == D("84.810590")
    # counter-case: a list numbered (1), (2) alone has no part above its items: each is a part, and they add up
    text = "2024年单位预算总收入300.00万元,其中:(1)一般公共预算拨款收入200.00万元;(2)事业收入100.00万元。"
    assert _totals(text)[("totals", "revenue_current_year", "approved")] == D("300.00")
    # counter-case: a second part numbered 2. counts again after the items of the first: here 200 + 150 is not the 300
    text = "2024年单位预算总收入300.00万元,其中:1.一般公共预算拨款收入200.00万元;(1)经费拨款200.00万元;2.事业收入150.00万元。"
    assert ("totals", "revenue_current_year", "approved") not in _totals(text)
