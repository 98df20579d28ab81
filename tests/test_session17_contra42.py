"""Session 17 (contra42): kinds of contradiction benchmarks/probe_contradictions.py found missed, and the probe itself.

Each fix has an invented case that fails without it and a counter-case of what it must not do.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cnbudget.checks.base import Checker
from cnbudget.checks.listed_changes import check_listed_changes, check_template_totals
from cnbudget.checks.percentages import check_completion_rate, check_last_year_figure
from cnbudget.checks.prose_sums import check_operating_funds_parts
from cnbudget.checks.years import check_compared_with_itself
from cnbudget.checks.yoy import check_year_on_year
from cnbudget.model import Disclosure, Evidence

from .checks.conftest import run

ROOT = Path(__file__).resolve().parent.parent


def _results(check: object, prose: str, year: int = 2020) -> list[tuple[str, str, str]]:
    return [(r["check_id"], r["status"], r["detail"]) for r in run(check, evidence=Evidence(prose=prose), fiscal_year=year)]  # type: ignore[arg-type]


# 1. A completion rate whose base the rate itself prints (完成预算29.6万元的92.8%): the 决算 before it over that base.


def test_a_completion_rate_against_the_budget_it_prints_fails_where_it_does_not_follow() -> None:
    [(check, status, detail)] = _results(check_completion_rate, "公务用车运行维护费支出决算为27.46万元，完成预算29.60万元的51.9%。")
    assert (check, status) == ("completion-rate-agrees", "fail")
    assert "51.9%" in detail and "27.46" in detail and "29.60" in detail and "92.8%" in detail
    [(_, status, _)] = _results(check_completion_rate, "“三公”经费财政拨款支出决算为62.07万元，完成全年预算84.82万元的80.2%，比上年决算数增加38.97万元。")
    assert status == "fail"


def test_a_completion_rate_against_the_budget_it_prints_passes_or_is_not_judged() -> None:
    assert [s for _, s, _ in _results(check_completion_rate, "公务用车运行维护费支出决算为27.46万元，完成预算29.6万元的92.8%。")] == ["pass"]
    assert [s for _, s, _ in _results(check_completion_rate, "“三公”经费财政拨款支出决算为62.07万元，完成全年预算84.82万元的73.2%。")] == ["pass"]
    # no amount named as spent before the rate, or a base of 0: nothing to judge
    assert _results(check_completion_rate, "完成预算29.6万元的92.8%，公务用车运行维护费支出决算为27.46万元。") == []
    assert _results(check_completion_rate, "公务用车购置费支出决算为0万元，完成预算0万元的0%。") == []
    # several clauses of one sentence, each its own 决算 and rate; an amount not right before the rate is not its 决算
    prose = "公务用车购置支出决算为17.98万元,完成全年预算18万元的99.9%,比上年决算数增加0万元,增长0%,公务用车运行维护费支出决算为15.15万元,完成全年预算31.8万元的57.6%。"
    [(_, first, _), (_, second, detail)] = _results(check_completion_rate, prose)
    assert (first, second) == ("pass", "fail") and "15.15" in detail and "31.8" in detail and "47.6%" in detail
    assert _results(check_completion_rate, "公务用车运行维护费支出决算为27.46万元，主要用于车辆运行，完成预算29.6万元的51.9%。") == []


# 2. Changes listed subject by subject, their rates after 分别, this year's figures in the sentence before.

GEXI = "2020年度收入476.17、支总计460.06万元。与2019年相比,收入减少84.55、支出总计减少99.6万元,分别下降{}%、{}%。"


def test_a_list_of_changes_with_their_rates_after_fenbie_fails_where_a_rate_does_not_follow() -> None:
    rows = _results(check_listed_changes, GEXI.format(18, "21.6"))
    assert [(c, s) for c, s, _ in rows] == [("yoy-agrees", "fail"), ("yoy-agrees", "fail")]
    assert "下降18%、21.6%" in rows[0][2] and "18%" in rows[0][2] and "15%" in rows[0][2] and "560.72" in rows[0][2]
    assert "21.6%" in rows[1][2] and "559.66" in rows[1][2] and "17.8%" in rows[1][2]


def test_a_list_of_changes_is_judged_only_where_its_figures_pair_in_order() -> None:
    # counter-cases: the rates that follow pass; subjects out of order, a rise under 分别下降, an extra figure, another
    # year: which figure changed the sentence does not say, not judged
    assert [s for _, s, _ in _results(check_listed_changes, GEXI.format("15.1", "17.8"))] == ["pass", "pass"]
    swapped = "2020年度支出总计460.06、收入476.17万元。与2019年相比,收入减少84.55、支出总计减少99.6万元,分别下降18%、21.6%。"
    assert _results(check_listed_changes, swapped) == []
    mixed = "2020年度收入476.17、支总计460.06万元。与2019年相比,收入增加84.55、支出总计减少99.6万元,分别下降18%、21.6%。"
    assert _results(check_listed_changes, mixed) == []
    extra = "2020年度收入476.17、支总计460.06万元,其中财政拨款400万元。与2019年相比,收入减少84.55、支出总计减少99.6万元,分别下降18%、21.6%。"
    assert _results(check_listed_changes, extra) == []
    assert _results(check_listed_changes, GEXI.format(18, "21.6").replace("与2019年", "与2018年")) == []
    assert _results(check_listed_changes, GEXI.format(18, "21.6"), year=2021) == []


# 3. The 收、支总计 template filled with two figures (收入476.17、支总计460.06万元; 收、支总计各是A,B万元): one figure.


def test_the_revenue_and_expenditure_template_with_two_figures_fails() -> None:
    [(check, status, detail)] = _results(check_template_totals, "2020年度收入476.17、支总计460.06万元。")
    assert (check, status) == ("revenue-equals-expenditure", "fail") and "476.17" in detail and "460.06" in detail and "16.11" in detail
    [(_, status, _)] = _results(check_template_totals, "2020年度收、支总计各是4125.49,4143.91万元。")
    assert status == "fail"


def test_the_revenue_and_expenditure_template_with_one_figure_or_another_year_is_no_contradiction() -> None:
    assert [s for _, s, _ in _results(check_template_totals, "2020年度收入476.17、支总计476.17万元。")] == ["pass"]
    assert _results(check_template_totals, "2019年度收入476.17、支总计460.06万元。") == []
    # a 本年收入 with its unit and a 支出总计 are two figures the template does not join (carry-overs differ): not read
    assert _results(check_template_totals, "2020年度本年收入476.17万元，支出总计460.06万元。") == []
    assert _results(check_template_totals, "2020年度本年收入476.17、支出总计460.06万元。") == []
    assert _results(check_template_totals, "2020年财政拨款收入476.17、支出总计460.06万元。") == []


# 4. A final account compared with its own year's 决算 (比2020年决算数减少…, in the 2020 final account) is itself.


def _itself(prose: str, kind: str) -> list[tuple[str, str]]:
    checker = Checker(Disclosure({"disclosure_id": "x", "fiscal_year": 2020, "kind": kind}, evidence=Evidence(prose=prose)))
    check_compared_with_itself(checker)
    return [(r["status"], r["detail"]) for r in checker.out]


def test_a_final_account_compared_with_its_own_years_final_account_fails() -> None:
    [(status, detail)] = _itself("2020年度本年支出合计75.00万元，比2020年决算数减少45.00万元，下降37.5%。", "final_account")
    assert status == "fail" and "2020年决算" in detail and "比2020年决算数减少45.00万元" in detail and "2019年" in detail


def test_a_final_account_compared_with_its_own_years_budget_or_last_years_final_account_passes() -> None:
    # counter-cases: a 决算 against the same year's 预算 is a fair comparison; against 2019's 决算 the right one
    assert _itself("2020年度本年支出合计75.00万元，比2020年预算减少45.00万元。", "final_account") == []
    assert _itself("2020年度本年支出合计75.00万元，比2020年年初预算数减少45.00万元。", "final_account") == []
    assert _itself("2020年度本年支出合计75.00万元，较2019年度决算数减少45.00万元，下降37.5%。", "final_account") == []


# 5. A change written with 了 (减少了 D 万元，下降了 P%) or on 去年 (比去年同期 A 万元增长了 P%) is the same change on last year.


def test_a_change_with_le_or_on_qunian_is_judged_as_one_on_last_year() -> None:
    [(check, status, detail)] = _results(check_year_on_year, "2021年“三公”经费预算安排108.8万元，比上年减少了8.45万元，下降了8.5%。", year=2021)
    assert (check, status) == ("yoy-agrees", "fail") and "下降了8.5%" in detail and "117.25" in detail
    [(check, status, detail)] = _results(check_last_year_figure, "本年度公务用车费为28万元，比去年同期26万元增长了9.69%。", year=2021)
    assert (check, status) == ("change-percent-agrees", "fail") and "9.69%" in detail and "7.69%" in detail
    [(check, status, _)] = _results(check_year_on_year, "公务接待费57.8万元，比去年预算增加了3.6万元，增长了8.64%。", year=2021)
    assert (check, status) == ("yoy-agrees", "fail")


def test_a_change_with_le_or_on_qunian_that_follows_passes() -> None:
    # counter-cases: the rates that follow pass; another year's figure is not judged as last year's
    assert [s for _, s, _ in _results(check_year_on_year, "2021年“三公”经费预算安排108.8万元，比上年减少了8.45万元，下降了7.2%。", year=2021)] == ["pass"]
    assert [s for _, s, _ in _results(check_last_year_figure, "本年度公务用车费为28万元，比去年同期26万元增长了7.69%。", year=2021)] == ["pass"]
    assert [s for _, s, _ in _results(check_last_year_figure, "本年度公务用车费为32万元，比去年同期32.1万元减少了0.31%。", year=2021)] == ["pass"]
    assert _results(check_year_on_year, "2019年“三公”经费108.8万元，比上年减少了8.45万元，下降了8.5%。", year=2021) == []


def test_last_years_figure_printed_without_its_unit_before_the_change_word() -> None:
    # “支出2.05万元,较上年2.08减少0.03万元,减少了1.44%”: 2.08 takes this year's 万元
    rows = _results(check_last_year_figure, "“三公”经费支出2.05万元，较上年2.50减少0.45万元，减少了21.95%。", year=2021)
    assert [(c, s) for c, s, _ in rows] == [("change-agrees", "pass"), ("change-percent-agrees", "fail")] and "18.00%" in rows[1][2]
    rows = _results(check_last_year_figure, "“三公”经费支出2.05万元，较上年2.08减少0.03万元，减少了1.44%。", year=2021)
    assert [s for _, s, _ in rows] == ["pass", "pass"]
    # counter-case: a number not right before the change word is no last year's figure (a date, a count)
    assert _results(check_last_year_figure, "“三公”经费支出2.05万元，较上年12月减少0.03万元。", year=2021) == []


# 6. 机关运行经费 and the items its 其中 lists (机关运行经费预算总额346.66万元,其中:办公费30万元,…).


def test_operating_funds_whose_listed_items_exceed_them_fail() -> None:
    [(check, status, detail)] = _results(check_operating_funds_parts, "2021年机关运行经费预算总额48万元，其中：办公费30万元，水费5万元，电费15万元。", year=2021)
    assert (check, status) == ("operating-funds-parts-add-up", "fail") and "48" in detail and "50" in detail and "办公费30万元" in detail


def test_operating_funds_whose_items_add_up_or_may_be_only_some_pass_or_are_not_judged() -> None:
    assert [s for _, s, _ in _results(check_operating_funds_parts, "2021年机关运行经费预算总额50万元，其中：办公费30万元，水费5万元，电费15万元。", year=2021)] == ["pass"]
    # short of the total: the sentence may list only some items (not applicable); a change is no item
    assert [s for _, s, _ in _results(check_operating_funds_parts, "机关运行经费预算总额80万元，其中：办公费30万元，水费5万元，电费15万元等。", year=2021)] == ["not_applicable"]
    assert _results(check_operating_funds_parts, "机关运行经费预算总额80万元，其中：比上年增加5万元。", year=2021) == []


# 7. The probe: no consistent form fails, and the planted ones are found at least as often as measured.


def test_the_contradiction_probe_has_no_false_fail_and_finds_what_it_found() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "probe_contradictions.py"), "--bad"], check=False, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:]
    last = done.stdout.strip().splitlines()[-1]
    found = int(last.split(": ")[1].split(" FOUND")[0])
    assert " 0 FALSE" in last and found >= 147, last
