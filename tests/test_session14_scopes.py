"""A class the prose states under 财政拨款收支预算情况 and again under 一般公共预算当年拨款结构情况 (issues 13 and 14, session 14):
two figures where a carry-over (or another fund) is printed, the first taking it in — never the prose contradicting
itself; and the function table's row is the 一般公共预算's. Found by the lead's probe of the national budget template
(2024年收支总预算… 四、财政拨款收支预算情况 … 五、一般公共预算当年拨款情况), invented text, amounts worked by hand."""

from __future__ import annotations

from cnbudget.checks.prose import check_prose_against_tables
from cnbudget.model import Evidence

from .checks.conftest import revenue, run, said

FUND = "四、财政拨款收支预算情况\n2024年财政拨款收支总预算500.00万元。收入包括:一般公共预算当年拨款收入480.00万元;上年结转20.00万元。支出包括:一般公共服务支出420.00万元,住房保障支出80.00万元。\n"
GENERAL = "五、一般公共预算当年拨款情况\n(一)一般公共预算当年拨款结构情况\n一般公共服务支出400.00万元,占83.33%;住房保障支出80.00万元,占16.67%。\n"
STATED = [
    {**said("expenditure_by_function", "201", "420.00", year=2024), "text": "支出包括:一般公共服务支出420.00万元,住房保障支出80.00万元。"},
    {**said("expenditure_by_function", "201", "400.00", year=2024), "text": "一般公共服务支出400.00万元,占83.33%;住房保障支出80.00万元,占16.67%。"},
]


def _consistent(prose: str, rows: dict[str, list[dict[str, object]]]) -> list[str]:
    results = run(check_prose_against_tables, rows, Evidence(prose=prose), fiscal_year=2024)
    return [r["status"] for r in results if r["check_id"] == "prose-consistent"]


def test_a_class_under_the_appropriations_and_under_the_years_general_budget_is_two_figures_where_money_is_carried() -> None:
    # 420.00 = 400.00 of this year's appropriation + 20.00 carried over: the 财政拨款's, not the 一般公共预算当年拨款's
    carried = [revenue("carryover", "20.00", "narrative")]
    assert _consistent(FUND + GENERAL, {"statements": STATED, "revenue_by_source": carried}) == []
    # counter-cases: with nothing carried over and no other fund the two sections state one figure, so 420 against 400 fails;
    # and both under the 一般公共预算's section, a class stated twice differently fails whatever is carried
    assert _consistent(FUND + GENERAL, {"statements": STATED, "revenue_by_source": [revenue("carryover", "0", "narrative")]}) == ["fail"]
    assert _consistent(GENERAL + "一般公共服务支出420.00万元。\n", {"statements": STATED, "revenue_by_source": carried}) == ["fail"]
