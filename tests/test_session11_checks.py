"""Contradictions the development sets' keys name that the checks missed (issue 14, session 11), by kind.

Each rule on a tiny invented input of the kind tests/fixtures/holdout8 and holdout9 hold (names and amounts
changed); expected values are computed by hand in the comments. Every rule has its counter-case.
"""

from __future__ import annotations

from cnbudget.checks.identities import check_headline_identities
from cnbudget.checks.prose import check_shares
from cnbudget.checks.prose_sums import check_revenue_sources
from cnbudget.checks.remnants import check_instructions_left
from cnbudget.model import Evidence, Statement

from .checks.conftest import outcomes, revenue, run, total
from .test_session10_checks import plain, share

# 1. a final account's 收入合计 (本年收入合计) and the sources its 其中 lists


def test_the_years_revenue_against_the_sources_listed_under_it() -> None:
    # 60.25 + 40.75 = 101.00, not the 收入合计 100.5 it lists them under (parts above their total always contradict it)
    prose = "2020年收入合计100.5万元,其中:财政拨款收入 60.25万元,事业收入40.75万元。"
    (row,) = run(check_revenue_sources, evidence=Evidence(prose=prose))
    assert (row["check_id"], row["status"], row["expected"], row["actual"], row["severity"]) == ("revenue-lines-add-up", "fail", "100.5", "101.00", "mismatch")
    # both sides quoted as printed
    assert "“收入合计100.5万元”" in row["detail"] and "“财政拨款收入 60.25万元”" in row["detail"] and "“事业收入40.75万元”" in row["detail"]
    # counter-cases: sources that add up pass (shares after each source are no parts) …
    prose = "2020年本年收入合计101万元,其中:一般公共预算财政拨款收入60.25万元,占59.65%;事业收入40.75万元,占40.35%。"
    assert outcomes(run(check_revenue_sources, evidence=Evidence(prose=prose))) == [("pass", "101", "101.00")]
    # … a fund's 收入合计 (the 财政拨款's) is not the year's revenue, and a list holding the 上年结转 lists another total
    assert run(check_revenue_sources, evidence=Evidence(prose="财政拨款收入合计100.5万元,其中:一般公共预算拨款60.25万元,政府性基金40.75万元。")) == []
    assert run(check_revenue_sources, evidence=Evidence(prose="收入合计100.5万元,其中:财政拨款收入60.25万元,上年结转40.75万元。")) == []
    # … and a part's own parts in brackets after it are no parts of the total (80 + 20 = 100, not 80 + 70 + 10 + 20)
    prose = "收入合计100万元,其中:财政拨款收入80万元(一般公共预算70万元,政府性基金10万元),事业收入20万元。"
    assert outcomes(run(check_revenue_sources, evidence=Evidence(prose=prose))) == [("pass", "100", "100")]
    assert outcomes(run(check_revenue_sources, evidence=Evidence(prose=prose.replace("),事业", ")事业")))) == [("pass", "100", "100")]


# 2. the parts a failing sum adds are quoted as printed


def test_a_listed_sum_quotes_each_part_as_printed() -> None:
    # 600 + 300 + 1,100 = 2,000 against 预算总收入 1,000.00: the detail must show the part that makes the gap (1,100.00),
    # with its thousands comma and words as printed, and the list number (1、) left out of the quote
    prose = "2021年预算总收入1,000.00万元,其中:1、拨款收入600.00万元;2、非税收入资金300.00万元;3、往年结余指标1,100.00万元。"
    (row,) = run(check_revenue_sources, evidence=Evidence(prose=prose))
    assert (row["status"], row["expected"], row["actual"]) == ("fail", "1000.00", "2000.00")
    assert "“预算总收入1,000.00万元”" in row["detail"] and "“往年结余指标1,100.00万元”" in row["detail"] and "“拨款收入600.00万元”" in row["detail"]
    # counter-case: words after a part's amount (its share) are not quoted as the part
    prose = "收入预算100万元,其中:财政拨款收入60万元,占60%;事业收入50万元,占50%。"
    (row,) = run(check_revenue_sources, evidence=Evidence(prose=prose))
    assert "“财政拨款收入60万元”、“事业收入50万元”" in row["detail"] and "占60%" not in row["detail"].split("其后")[1]


# 3. a share whose named base (占总支出的 P%) the prose states under another name, which the run's other shares agree on


def test_a_share_is_judged_against_the_base_the_other_shares_naming_it_agree_on() -> None:
    # “部门预算支出1000万元。…教育700万元,占总支出的70.00%;社保250万元,占总支出的25.00%;卫生50.10万元,占总支出的4.90%”:
    # 700 and 250 are 70.00% and 25.00% of 1000, so 总支出 is the 1000; 50.10 / 1000 = 5.01%, not 4.90%
    def named(label: str, amount: str, percent: str) -> Statement:
        return share(label, amount, percent, f"{label}{amount}万元,占总支出的{percent}%。")

    stmts = [plain("2021年部门预算支出", "1000"), named("教育", "700", "70.00"), named("社保", "250", "25.00"), named("卫生", "50.10", "4.90")]
    assert outcomes(run(check_shares, evidence=Evidence(statements=stmts)))[-1] == ("fail", "4.90%", "5.01%")
    # counter-case: one other share agreeing is not enough to say what the name means (as before: not judged)
    stmts = [plain("2021年部门预算支出", "1000"), named("教育", "700", "70.00"), named("卫生", "50.10", "4.90")]
    assert [r["status"] for r in run(check_shares, evidence=Evidence(statements=stmts))] == ["pass", "not_applicable"]


# 4. the template's note on how to fill a part, left in the published text


def test_the_templates_note_on_the_form_of_a_part_is_an_instruction_left_in() -> None:
    prose = "二、机构设置情况\n这部分主要介绍本单位机构设置情况,格式和内容没有固定要求,可以参考但不限于以下内容:\n(一)单位内设机构"
    (row,) = run(check_instructions_left, evidence=Evidence(prose=prose))
    assert row["status"] == "fail" and "可以参考但不限于以下内容" in row["detail"]
    assert [r["status"] for r in run(check_instructions_left, evidence=Evidence(prose="本部分可参考但不限于下列内容：一是职能。"))] == ["fail"]
    # counter-case: a unit describing its own duties “包括但不限于” addresses the reader, not the filer
    assert run(check_instructions_left, evidence=Evidence(prose="本单位职责包括但不限于以下内容:宣传、教育。内容丰富,形式多样。")) == []


# 5. a revenue line printed below the 本年收入合计 (上级补助收入) where the lines above it give the 本年收入合计 within their rounding


def test_a_line_below_the_years_revenue_is_a_part_of_the_total_where_the_lines_above_miss_it_by_a_cent() -> None:
    # 收支总表: 一般公共预算 800.00, 事业收入 150.25, 其他收入 50.26 (together 1,000.51), 本年收入合计 printed 1,000.50;
    # below it 上级补助收入 300.00; 收入总计 1,300.50 = 1,000.50 + 300.00. With the 上级补助收入 among the year's lines they give
    # 1,300.51, 300.01 above the 本年收入合计: it is printed outside them, a part of the 收入总计
    def table(current: str, whole: str) -> dict[str, list[dict[str, object]]]:
        lines = [("general_public_budget", "800.00"), ("business", "150.25"), ("other", "50.26"), ("superior_subsidy", "300.00")]
        return {
            "totals": [total("revenue_current_year", current), total("revenue_total", whole), total("expenditure_total", whole)],
            "revenue_by_source": [revenue(source, amount) for source, amount in lines],
        }

    results = run(check_headline_identities, table("1000.50", "1300.50"))
    assert outcomes(results, "revenue-total-adds-up") == [("pass", "1300.50", "1300.50")]
    # the lines above still miss their 本年收入合计 by a cent: the document's own rounding slip, reported as such
    (lines,) = [r for r in results if r["check_id"] == "revenue-lines-add-up"]
    assert (lines["status"], lines["expected"], lines["actual"], lines["severity"]) == ("fail", "1000.50", "1000.51", "rounding")
    # counter-case: where every line, the 上级补助收入 too, gives the 本年收入合计 within a cent a line, it stays among them
    results = run(check_headline_identities, table("1300.50", "1300.50"))
    assert outcomes(results, "revenue-lines-add-up") == [("fail", "1300.50", "1300.51")]
    assert outcomes(results, "revenue-total-adds-up") == [("pass", "1300.50", "1300.50")]
